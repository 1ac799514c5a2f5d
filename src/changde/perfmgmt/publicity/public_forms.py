"""Protection of the public forms (collective.easyform) without any outside
service: a honeypot field people never see, the checks of what they typed
(length, markup, control characters, blank answers) and a per-address rate
limit — the rules of :mod:`.rules.public_forms`, the limits from the
registry.

They run as the first action of a form (:class:`FormGuard`, an easyform
action like the data saver): easyform calls its actions in order and stops
at the first that answers errors, so a refused submission is shown with its
message and nothing is saved. :func:`protect_form` adds the honeypot field
and the guard to a form: the training forms are made with them, and the
install step protects the evaluation module's public feedback form.
"""

import hashlib
import secrets
import time

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.api import get_schema
from collective.easyform.config import FORM_ERROR_MARKER
from lxml import etree
from plone.supermodel.exportimport import BaseHandler
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.publicity.rules import public_forms as rules
from changde.perfmgmt.publicity.settings import public_form_settings

#: the honeypot field: a text input hidden from people by CSS (and from
#: screen readers), which robots filling every input fill
HONEYPOT = "homepage"
HONEYPOT_CSS_CLASS = "perfmgmt-honeypot"
#: the guard action's name in a form's actions
GUARD = "guard"
GUARD_TYPE = "changde.perfmgmt.publicity.public_forms.FormGuard"

#: form annotation: submissions per (window, hashed address), and the salt
SUBMISSIONS_KEY = "changde.perfmgmt.publicity.submissions"
SALT_KEY = "changde.perfmgmt.publicity.salt"

SUPERMODEL_NS = "http://namespaces.plone.org/supermodel/schema"
EASYFORM_NS = "http://namespaces.plone.org/supermodel/easyform"

HONEYPOT_FIELD = f"""<field name="{HONEYPOT}" type="zope.schema.TextLine"
    xmlns:easyform="{EASYFORM_NS}" easyform:css_class="{HONEYPOT_CSS_CLASS}">
  <title>请勿填写此项</title>
  <description>此项用于识别自动提交的程序,请留空。</description>
  <required>False</required>
</field>"""
GUARD_ACTION = f"""<field name="{GUARD}" type="{GUARD_TYPE}">
  <title>防止滥用(蜜罐字段、频率限制、内容检查)</title>
</field>"""


class FormGuard(Action):
    """Refuses a submission whose honeypot is filled, whose text breaks the
    rules, which comes while the form is closed (a training's sign-up after
    its deadline) or which exceeds the address's rate limit. Answers the
    errors easyform shows (field name, or the form, to message) and then
    saves nothing; removes the honeypot from what later actions save."""

    def onSuccess(self, fields, request):
        form = get_context(self)
        settings = public_form_settings()
        honeypot = fields.pop(HONEYPOT, None)
        if rules.honeypot_filled(honeypot):
            return {FORM_ERROR_MARKER: _message(request, _refused_robot())}
        errors = {}
        schema = get_schema(form)
        for name, value in fields.items():
            field = schema.get(name)
            if not IText.providedBy(field) or not isinstance(value, str):
                continue  # choices come from a vocabulary
            violations = rules.text_violations(
                name,
                value,
                required=field.required,
                multiline=IText.providedBy(field) and not ITextLine.providedBy(field),
                settings=settings,
            )
            if violations:
                errors[name] = _message(request, violations[0])
        # the training module builds on this one: import it late
        from changde.perfmgmt.publicity.training import form_field_violations
        from changde.perfmgmt.publicity.training import form_window_violations

        for violation in form_field_violations(form, fields):
            errors.setdefault(violation.field, _message(request, violation))
        if errors:
            return errors
        violations = form_window_violations(form)
        if violations:
            return {FORM_ERROR_MARKER: _message(request, violations[0])}
        violations = count_submission(form, request, settings)
        if violations:
            return {FORM_ERROR_MARKER: _message(request, violations[0])}
        return None


FormGuardAction = ActionFactory(
    FormGuard,
    "防止滥用",
    "changde.perfmgmt.ManagePublicity",
)
FormGuardHandler = BaseHandler(FormGuard)


def _refused_robot():
    return Violation(
        "public_form_honeypot",
        "The submission was not accepted. If you filled in the form yourself, "
        "please reload the page and send it again.",
    )


def _message(request, violation):
    return translate(violation_message(violation), context=request)


# --- The rate limit ------------------------------------------------------------


def client_address(request):
    """The visitor's address as Zope sees it (behind a proxy, set the
    proxy's address as ``trusted-proxy`` in zope.conf, or every visitor
    shares the proxy's address)."""
    try:
        address = request.getClientAddr()
    except AttributeError:
        address = None
    return address or "unknown"


def _salt(form):
    annotations = IAnnotations(form)
    salt = annotations.get(SALT_KEY)
    if salt is None:
        salt = annotations[SALT_KEY] = secrets.token_hex(16)
    return salt


def address_key(form, request):
    """A salted hash of the visitor's address: the form keeps no address."""
    digest = hashlib.sha256(f"{_salt(form)}:{client_address(request)}".encode())
    return digest.hexdigest()[:32]


def count_submission(form, request, settings, now=None):
    """Count one submission of the visitor's address in the current window
    and answer the rate-limit violation when there are too many (then
    nothing is counted). Older windows are forgotten."""
    now = time.time() if now is None else now
    window = rules.window_of(now, settings)
    annotations = IAnnotations(form)
    submissions = annotations.get(SUBMISSIONS_KEY)
    if submissions is None:
        submissions = annotations[SUBMISSIONS_KEY] = OOBTree()
    key = (window, address_key(form, request))
    violations = rules.rate_limit_violations(submissions.get(key, 0), settings)
    if violations:
        return violations
    for old in list(submissions.keys(max=(window - 1, "\uffff"))):
        del submissions[old]
    submissions[key] = submissions.get(key, 0) + 1
    return []


# --- Protecting a form ---------------------------------------------------------


def _parse(model):
    return etree.fromstring(model.encode("utf-8") if isinstance(model, str) else model)


def _schema_element(root):
    return root.find(f"{{{SUPERMODEL_NS}}}schema")


def _field(xml):
    """A field element in the supermodel namespace."""
    wrapper = etree.fromstring(
        f'<schema xmlns="{SUPERMODEL_NS}" xmlns:easyform="{EASYFORM_NS}">{xml}</schema>'
    )
    return wrapper[0]


def _names(schema):
    return [
        element.get("name") for element in schema.findall(f"{{{SUPERMODEL_NS}}}field")
    ]


def protect_form(form):
    """Add the honeypot field (last) and the guard (as the first action) to
    an easyform form unless it has them; leave empty answers off its thanks
    page (the honeypot). Answers whether anything changed."""
    changed = False
    fields = _parse(form.fields_model)
    schema = _schema_element(fields)
    if HONEYPOT not in _names(schema):
        schema.append(_field(HONEYPOT_FIELD))
        form.fields_model = etree.tostring(fields, encoding="unicode")
        changed = True
    actions = _parse(form.actions_model)
    schema = _schema_element(actions)
    if GUARD not in _names(schema):
        schema.insert(0, _field(GUARD_ACTION))
        form.actions_model = etree.tostring(actions, encoding="unicode")
        changed = True
    if form.includeEmpties:
        form.includeEmpties = False
        changed = True
    if changed:
        form.reindexObject(idxs=["modified"])
    return changed


def saved_items(form, saver="saver"):
    """``(id, row)`` of what a form's data saver kept, without creating its
    storage (easyform's own accessors create it on first read, which would
    make every page showing a count write to the database)."""
    if form is None:
        return []
    storage = getattr(aq_base(form), "_inputStorage", None)
    if storage is None or saver not in storage:
        return []
    return list(storage[saver].items())


def is_protected(form):
    return GUARD in _names(_schema_element(_parse(form.actions_model))) and (
        HONEYPOT in _names(_schema_element(_parse(form.fields_model)))
    )
