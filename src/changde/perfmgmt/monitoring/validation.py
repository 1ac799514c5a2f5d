"""Monitoring input checked by the rules wherever it comes in.

plone.restapi writes a record's or a round's fields as the schema allows; the
rules of the module go further, so before it writes anything:

- a record keeps its project (``project`` cannot be changed: the record would
  copy another project's tenancy), and a REST ``POST`` of a record is for
  Managers (the office creates records with ``@monitoring-prepare`` and
  ``@monitoring-import``);
- ``indicator_progress`` passes :func:`rules.validate_progress` (the rows of
  the import and of ``@@indicator-progress``, each naming one of the
  project's indicators once);
- ``focus_answers`` passes :func:`rules.validate_focus_answers` (the round's
  focus items only);
- a round's ``(year, round_number)`` is not another round's
  (:func:`rules.validate_round_unique`; in the forms too, on the field).

A refused request raises :class:`InputRefused`; :class:`InputRefusedView`
answers it as every service of the add-on does: ``400`` with
``{"error": {"type", "message", "errors": [{"field", "code", "message",
"params"}]}}``. The exception aborts the transaction: nothing is written.
"""

import json

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from Products.Five.browser import BrowserView
from z3c.form import validator
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IDataConverter
from zExceptions import BadRequest
from zope.component import adapter
from zope.interface import Invalid
from zope.interface import implementer

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.relations import reference_uid
from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer
from changde.perfmgmt.monitoring.content.monitoring_record import IMonitoringRecord
from changde.perfmgmt.monitoring.content.monitoring_round import IMonitoringRound
from changde.perfmgmt.monitoring.records import project_of
from changde.perfmgmt.monitoring.rounds import taken_round_numbers
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.rules.progress import validate_progress
from changde.perfmgmt.monitoring.rules.rounds import validate_round_unique

SET_RECORD_PROJECT_TITLE = "changde.perfmgmt: Set the project of a monitoring record"


class InputRefused(BadRequest):
    """The rules refuse a request's values (``violations``)."""

    def __init__(self, violations):
        self.violations = list(violations)
        super().__init__("; ".join(violation.text for violation in self.violations))


@adapter(InputRefused, IAPIRequest)
class InputRefusedView(BrowserView):
    """The REST answer to :class:`InputRefused`: 400 with field errors."""

    def __call__(self):
        request = self.request
        violations = self.context.violations
        body = bad_request(
            request,
            _(
                "monitoring_input_refused",
                default="未保存：${count} 处填写不符合要求。",
                mapping={"count": str(len(violations))},
            ),
            violation_errors(violations, request),
        )
        response = request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(json.dumps(body, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True  # no login form for a 400


def _round_of(record):
    parent = aq_parent(aq_inner(record))
    return parent if IMonitoringRound.providedBy(parent) else None


def project_indicator_uids(project):
    """The UIDs of a project's indicators (unrestricted: the record's editors
    may check against indicators they cannot open)."""
    if project is None:
        return set()
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.UID
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
        )
    }


def record_input_violations(record, data, create=False):
    """What the rules refuse in the JSON ``data`` for ``record``."""
    violations = []
    if create:
        if not api.user.has_permission(SET_RECORD_PROJECT_TITLE, obj=record):
            violations.append(
                Violation(
                    code="monitoring_record_created_by_services",
                    default="Records are created with @monitoring-prepare or "
                    "@monitoring-import, not one by one.",
                    field="project",
                )
            )
    elif "project" in data and reference_uid(data["project"]) != target_uid(
        record.project
    ):
        violations.append(
            Violation(
                code="monitoring_record_project_fixed",
                default="A record stays with its project: the project cannot "
                "be changed.",
                field="project",
                params={"project": target_uid(record.project)},
            )
        )
    if data.get("indicator_progress") is not None:
        if create and data.get("project"):
            project = target_of(reference_uid(data["project"]))
        else:
            project = project_of(record)
        violations.extend(
            validate_progress(
                data["indicator_progress"], project_indicator_uids(project)
            )
        )
    if data.get("focus_answers") is not None:
        monitoring_round = _round_of(record)
        focus = () if monitoring_round is None else monitoring_round.focus
        violations.extend(validate_focus_answers(data["focus_answers"], focus))
    return violations


def _number(value):
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def round_input_violations(monitoring_round, data, create=False):
    """A round may not take another round's year and number."""
    if not create and "year" not in data and "round_number" not in data:
        return []
    year = year_or_none(data["year"]) if "year" in data else monitoring_round.year
    number = (
        _number(data["round_number"])
        if "round_number" in data
        else monitoring_round.round_number
    )
    if year is None or number is None:
        return []  # the field deserializers name the bad value
    folder = aq_parent(aq_inner(monitoring_round))
    if folder is None:
        return []
    return validate_round_unique(
        year, number, taken_round_numbers(folder, exclude=monitoring_round)
    )


class _CheckedDeserializer(DeserializeFromJson):
    """Check the data with the rules first; nothing is written when they
    refuse it."""

    def violations(self, data, create):
        raise NotImplementedError

    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict):
            violations = self.violations(data, create)
            if violations:
                raise InputRefused(violations)
        return super().__call__(
            validate_all=validate_all,
            data=data,
            create=create,
            mask_validation_errors=mask_validation_errors,
        )


@implementer(IDeserializeFromJson)
@adapter(IMonitoringRecord, IChangdePerfmgmtLayer)
class RecordDeserializer(_CheckedDeserializer):
    def violations(self, data, create):
        return record_input_violations(self.context, data, create)


@implementer(IDeserializeFromJson)
@adapter(IMonitoringRound, IChangdePerfmgmtLayer)
class RoundDeserializer(_CheckedDeserializer):
    def violations(self, data, create):
        return round_input_violations(self.context, data, create)


class RoundNumberValidator(validator.SimpleFieldValidator):
    """The add and edit forms of a round: one round of each number a year
    (the message on the round number)."""

    def validate(self, value, force=False):
        super().validate(value, force)
        year = self.typed_year()
        if value is None or year is None:
            return
        if IMonitoringRound.providedBy(self.context):
            folder, exclude = aq_parent(aq_inner(self.context)), self.context
        else:  # the add form: the context is the folder
            folder, exclude = self.context, None
        violations = validate_round_unique(
            year, value, taken_round_numbers(folder, exclude=exclude)
        )
        if violations:
            raise Invalid(violation_message(violations[0]))

    def typed_year(self):
        widgets = getattr(self.view, "widgets", None)
        widget = widgets.get("year") if widgets is not None else None
        if widget is None:
            return getattr(self.context, "year", None)
        raw = widget.extract()
        if raw is NO_VALUE:
            return None
        try:
            return year_or_none(IDataConverter(widget).toFieldValue(raw))
        except Exception:  # the year's own validator names a bad value
            return None


validator.WidgetValidatorDiscriminators(
    RoundNumberValidator, field=IMonitoringRound["round_number"]
)
