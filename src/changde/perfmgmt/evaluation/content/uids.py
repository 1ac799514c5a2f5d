"""Constraints of the UID fields: a project, a unit, either, or a monitoring
record. They raise ValidationErrors, which forms and REST show per field."""

from plone.app.uuid.utils import uuidToObject
from zope.schema.interfaces import ValidationError

from changde.perfmgmt.i18n import _


def object_of(uid):
    """The object of ``uid`` whether or not the user may see it, or None."""
    if not uid:
        return None
    return uuidToObject(uid, unrestricted=True)


def _type_of(uid):
    return getattr(object_of(uid), "portal_type", None)


class NotAProject(ValidationError):
    __doc__ = _("error_not_a_project", default="这不是一个预算项目的 UID。")


class NotAUnit(ValidationError):
    __doc__ = _("error_not_a_unit", default="这不是一个预算单位的 UID。")


class NotAProjectOrUnit(ValidationError):
    __doc__ = _(
        "error_not_a_project_or_unit",
        default="这不是一个预算项目或预算单位的 UID。",
    )


class NotAMonitoringRecord(ValidationError):
    __doc__ = _("error_not_a_monitoring_record", default="这不是一个监控记录的 UID。")


def is_project(uid):
    if _type_of(uid) != "BudgetProject":
        raise NotAProject(uid)
    return True


def is_unit(uid):
    if _type_of(uid) != "BudgetUnit":
        raise NotAUnit(uid)
    return True


def is_project_or_unit(uid):
    if _type_of(uid) not in ("BudgetProject", "BudgetUnit"):
        raise NotAProjectOrUnit(uid)
    return True


def is_monitoring_record(uid):
    if _type_of(uid) != "MonitoringRecord":
        raise NotAMonitoringRecord(uid)
    return True
