"""The one way a REST POST or PATCH writes content (every type of the site,
while the add-on is installed).

plone.restapi's deserializer, with what the add-on needs of it:

- **Any wrong value is a 400 naming its field**, never a 500: a value the
  field cannot read (``"abc"``, a list or an object where a number or a date
  belongs) is that field's error, like a value its rules refuse. Numbers are
  read by :func:`changde.perfmgmt.core.rules.numbers.read_number` (finite, at most
  6 decimal places, below 10^18, within the field's ``min`` and ``max``,
  whole for an ``Int``); a field whose ``constraint`` is a rule
  (:class:`~changde.perfmgmt.core.validation.RuleConstraint`) explains a
  value it cannot read with the rule's own message.
- **A field the user may not write is refused**, naming it (plone.restapi
  drops it silently): a read-only field, or one whose write permission the
  user lacks. Sending back the value it has (a GET's answer PATCHed back) is
  not a change and is accepted.
- **A module's rules** about what is sent (a record keeps its project, one
  round of each number a year, ...) are subscription adapters providing
  :class:`IInputRules`, run before anything is written.
- Every problem is collected and refused at once with
  :class:`~changde.perfmgmt.core.rest.InputRefused` (one entry per field,
  with the field's ``label``; a cross-field rule names the field its
  violation names). The exception aborts the transaction: nothing is
  written.
"""

import dataclasses

from plone.app.textfield.interfaces import IRichText
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldDeserializer
from plone.supermodel.utils import mergedTaggedValueDict
from z3c.form.interfaces import IDataManager
from z3c.form.interfaces import IManagerValidator
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.component import subscribers
from zope.event import notify
from zope.i18nmessageid import Message
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IContextAwareDefaultFactory
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError
from zope.schema.vocabulary import getVocabularyRegistry

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.core.rules.numbers import NumberRefused
from changde.perfmgmt.core.rules.numbers import read_number
from changde.perfmgmt.core.rules.numbers import shown
from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.core.validation import RuleInvalid
from changde.perfmgmt.core.validation import RuleViolationError
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.i18n import _
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer

#: At most this many allowed values are listed in a message.
MAX_LISTED_VALUES = 20

#: What reading a client's value can raise: all of it is the value's fault.
READING_ERRORS = (
    ValueError,
    TypeError,
    ArithmeticError,
    AttributeError,
    LookupError,
    RecursionError,
    UnicodeError,
    ValidationError,
    Invalid,
)


class IInputRules(Interface):
    """A module's rules about what a REST POST or PATCH sends to its content
    (a subscription adapter of the content). Run before anything is written,
    on the JSON as sent; the fields' own reading errors are reported beside."""

    def violations(data, create):
        """The :class:`~changde.perfmgmt.core.rules.Violation` list the rules
        answer for ``data`` (``create``: the content is being added)."""


NOT_WRITABLE = _(
    "api_field_not_writable",
    default="You may not change ${label}: the value sent is not saved.",
)
REQUIRED = _("api_field_required", default="${label} is required.")
NOT_ALLOWED = _(
    "api_field_value_not_allowed",
    default='"${value}" is not a value of ${label}; it must be one of ${allowed}.',
)
NOT_A_DATE = _(
    "api_field_not_a_date",
    default='"${value}" is not a date: write ${label} as YYYY-MM-DD.',
)
NOT_READABLE = _(
    "api_field_value_invalid",
    default='"${value}" is not a valid value of ${label}.',
)
LAYOUT_UNKNOWN = _(
    "api_layout_unknown",
    default='"${value}" is not a view this item can be shown with.',
)
ORDERING_INVALID = _(
    "api_ordering_invalid",
    default="The ordering cannot be read: give obj_id and delta.",
)


def is_number_field(field):
    return (
        IInt.providedBy(field) or IDecimal.providedBy(field) or IFloat.providedBy(field)
    )


def allowed_values(field, context):
    """The values a client may send for a choice field, as text; empty when
    its vocabulary cannot be listed. Values are listed, since some tokens
    only encode them (Chinese values have hex tokens)."""
    try:
        vocabulary = field.bind(context).vocabulary
        if vocabulary is None and field.vocabularyName:
            vocabulary = getVocabularyRegistry().get(context, field.vocabularyName)
        terms = list(vocabulary)
    except Exception:  # a source that cannot be listed: nothing to say
        return []
    return [
        term.value if isinstance(term.value, str) else str(term.token) for term in terms
    ]


@implementer(IDeserializeFromJson)
@adapter(IDexterityContent, IChangdePerfmgmtLayer)
class ContentDeserializer(DeserializeFromJson):
    """plone.restapi's content deserializer, refusing every problem as the
    add-on does (see the module's docstring)."""

    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        if data is None:
            data = json_body(self.request)
        rule_errors = self.rule_errors(data, create)
        schema_data, field_errors = self.get_schema_data(data, validate_all, create)
        # a rule that names a field says more than "you may not change it"
        ruled = {error.field for error in rule_errors}
        field_errors = [
            error
            for error in field_errors
            if not (error.code == "field_not_writable" and error.field in ruled)
        ]
        errors = field_errors + self.invariant_errors(schema_data) + rule_errors
        layout = data.get("layout")
        if "layout" in data and not self.known_layout(layout):
            errors.append(
                FieldError(
                    "layout",
                    Message(LAYOUT_UNKNOWN, mapping={"value": shown(layout)}),
                    code="layout_unknown",
                    params={"value": shown(layout)},
                )
            )
        if errors:
            raise InputRefused.nothing_saved(errors)

        if "layout" in data:
            self.context.setLayout(layout)
        try:
            self.handle_ordering(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise InputRefused.nothing_saved(
                [FieldError("ordering", ORDERING_INVALID, code="ordering_invalid")]
            ) from None

        if self.modified and not create:
            descriptions = [
                Attributes(interface, *names)
                for interface, names in self.modified.items()
            ]
            notify(ObjectModifiedEvent(self.context, *descriptions))
        return self.context

    # --- the parts -------------------------------------------------------------

    def rule_errors(self, data, create):
        errors = []
        for rules in subscribers((self.context,), IInputRules):
            for violation in rules.violations(data, create):
                errors.append(
                    FieldError.from_violation(
                        violation, label=self.label_of(violation.field)
                    )
                )
        return errors

    def invariant_errors(self, schema_data):
        errors = []
        for schema, field_data in schema_data.items():
            validator = queryMultiAdapter(
                (self.context, self.request, None, schema, None), IManagerValidator
            )
            for error in validator.validate(field_data):
                errors.append(self.invariant_error(error))
        return errors

    def invariant_error(self, error):
        if isinstance(error, RuleInvalid):
            violation = error.violation
            return FieldError.from_violation(
                violation, label=self.label_of(violation.field)
            )
        if isinstance(error, SettingsInvalid) and error.fields:
            name = error.fields[0]
            return FieldError(name, error.args[0], label=self.label_of(name))
        message = error.args[0] if error.args else str(error)
        return FieldError(None, message)

    def known_layout(self, layout):
        if not isinstance(layout, str):
            return False
        available = getattr(self.context, "getAvailableLayouts", None)
        if available is None:
            return True
        return layout in {view_id for view_id, title in available()}

    def get_schema_data(self, data, validate_all, create=False):
        """plone.restapi's loop over the fields, refusing what it skipped
        (fields the user may not write) and naming every value it could not
        read (errors are :class:`FieldError` entries)."""
        schema_data = {}
        errors = []
        for schema in iterSchemata(self.context):
            write_permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
            for name, field in getFields(schema).items():
                field_data = schema_data.setdefault(schema, {})
                if name in data:
                    dm = queryMultiAdapter((self.context, field), IDataManager)
                    if (
                        field.readonly
                        or not dm.canWrite()
                        or not self.check_permission(write_permissions.get(name))
                    ):
                        if not self.unchanged(field, dm, data[name]):
                            errors.append(self.not_writable(field))
                        continue
                    error, value = self.set_field(schema, field, dm, data[name], create)
                    if error is not None:
                        errors.append(error)
                    elif value is not _SKIPPED:
                        field_data[name] = value
                elif validate_all and not field.readonly:
                    # p.a.versioningbehavior's changeNote reads as "" (never valid)
                    if name == "changeNote":
                        continue
                    dm = queryMultiAdapter((self.context, field), IDataManager)
                    try:
                        field.bind(self.context).validate(dm.get())
                    except ValidationError as exc:
                        errors.append(self.field_error(field, None, exc))
        return schema_data, errors

    def set_field(self, schema, field, dm, raw, create):
        """Deserialize ``raw`` and set it: ``(error, value)``, the field's
        :class:`FieldError` or None, and the value read (``_SKIPPED``: none
        to validate)."""
        name = field.__name__
        if raw is None:
            if field.required:
                return self.field_error(field, None, RequiredMissing(name)), _SKIPPED
            if dm.get():
                self.mark_field_as_changed(schema, name)
            dm.set(field.missing_value)
            return None, _SKIPPED
        try:
            value = self.deserialize(field, raw)
        except _NoDeserializer:
            return None, _SKIPPED
        except READING_ERRORS as exc:
            return self.field_error(field, raw, exc), _SKIPPED
        current = dm.get()
        if value != current:
            changed = True
        elif create and dm.field.defaultFactory:
            # during creation a value equal to a default factory's is set
            factory = dm.field.defaultFactory
            default = (
                factory(self.context)
                if IContextAwareDefaultFactory.providedBy(factory)
                else factory()
            )
            changed = default == current
        else:
            changed = False
        if changed:
            dm.set(value)
            self.mark_field_as_changed(schema, name)
        return None, value

    def deserialize(self, field, raw):
        """``raw`` as the field's value (raises what reading it raised)."""
        if is_number_field(field):
            return self.read_number(field, raw)
        if IRichText.providedBy(field):
            # plone.restapi stores whatever it is given as the text
            text = raw.get("data", "") if isinstance(raw, dict) else raw
            if not isinstance(text, str):
                raise ValueError("rich text must be text")
        deserializer = queryMultiAdapter(
            (field, self.context, self.request), IFieldDeserializer
        )
        if deserializer is None:
            raise _NoDeserializer
        return deserializer(raw)

    def read_number(self, field, raw):
        bound = field.bind(self.context)
        number = read_number(
            raw,
            field=field.__name__,
            minimum=getattr(bound, "min", None),
            maximum=getattr(bound, "max", None),
            whole=IInt.providedBy(field),
        )
        if IInt.providedBy(field):
            value = int(number)
        elif IFloat.providedBy(field):
            value = float(number)
        else:
            value = number
        bound.validate(value)
        return value

    def unchanged(self, field, dm, raw):
        """Whether ``raw`` is the value the field has (a round trip)."""
        try:
            current = (
                dm.get() if dm is not None else getattr(self.context, field.__name__)
            )
        except (AttributeError, KeyError, TypeError):
            current = None
        if raw in (None, "", []) and current in (None, "", [], (), field.missing_value):
            return True
        try:
            value = self.deserialize(field, raw)
        except _NoDeserializer:
            return True
        except READING_ERRORS:
            return False
        return value == current

    # --- messages ----------------------------------------------------------------

    def label_of(self, name):
        if not name:
            return None
        for schema in iterSchemata(self.context):
            field = schema.get(name)
            if field is not None:
                return field.title
        return None

    def rule_of(self, field, raw):
        """The first violation of the field's rule by ``raw``, if the field's
        ``constraint`` is a rule (:class:`RuleConstraint`)."""
        constraint = getattr(field, "constraint", None)
        if not isinstance(constraint, RuleConstraint):
            return None
        try:
            violations = constraint.check(raw)
        except READING_ERRORS:
            return None
        return violations[0] if violations else None

    def not_writable(self, field):
        return FieldError(
            field.__name__,
            Message(NOT_WRITABLE, mapping={"label": field.title}),
            code="field_not_writable",
            label=field.title,
        )

    def required(self, field):
        return FieldError(
            field.__name__,
            Message(REQUIRED, mapping={"label": field.title}),
            code="field_required",
            label=field.title,
        )

    def field_error(self, field, raw, exc):
        name = field.__name__
        label = field.title
        rule = self.rule_of(field, raw)
        if rule is not None:
            # the field's rule explains what is wrong with the value sent
            return FieldError.from_violation(
                dataclasses.replace(rule, field=name), label=label
            )
        if isinstance(exc, NumberRefused | RuleViolationError):
            violation = dataclasses.replace(exc.violation, field=name)
            return FieldError.from_violation(violation, label=label)
        if isinstance(exc, RequiredMissing) or (raw is None and field.required):
            return self.required(field)
        value = shown(raw)
        choice = field.value_type if ICollection.providedBy(field) else field
        if IChoice.providedBy(choice):
            allowed = allowed_values(choice, self.context)
            if allowed:
                return FieldError(
                    name,
                    Message(
                        NOT_ALLOWED,
                        mapping={
                            "value": value,
                            "label": label,
                            "allowed": ", ".join(allowed[:MAX_LISTED_VALUES]),
                        },
                    ),
                    code="value_not_allowed",
                    params={"value": value},
                    label=label,
                )
        if IDate.providedBy(field) or IDatetime.providedBy(field):
            return FieldError(
                name,
                Message(NOT_A_DATE, mapping={"value": value, "label": label}),
                code="date_invalid",
                params={"value": value},
                label=label,
            )
        if isinstance(exc, ValidationError) and exc.doc():
            # zope.schema's own words (too long, wrong type, ...), translated
            return FieldError(
                name,
                exc.doc(),
                code="value_invalid",
                params={"value": value},
                label=label,
            )
        if isinstance(exc, Invalid) and exc.args and isinstance(exc.args[0], str):
            return FieldError(
                name,
                exc.args[0],
                code="value_invalid",
                params={"value": value},
                label=label,
            )
        return FieldError(
            name,
            Message(NOT_READABLE, mapping={"value": value, "label": label}),
            code="value_invalid",
            params={"value": value},
            label=label,
        )


_SKIPPED = object()


class _NoDeserializer(Exception):
    """No field deserializer: the field is skipped, as plone.restapi does."""
