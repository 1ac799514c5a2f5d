"""Constraints of the UID fields: a project, a unit, or either."""

from plone.app.uuid.utils import uuidToObject
from zope.interface import Invalid

from changde.perfmgmt.i18n import _


def object_of(uid):
    """The object of ``uid`` whether or not the user may see it, or None."""
    if not uid:
        return None
    return uuidToObject(uid, unrestricted=True)


def _type_of(uid):
    return getattr(object_of(uid), "portal_type", None)


def is_project(uid):
    if _type_of(uid) != "BudgetProject":
        raise Invalid(_("error_not_a_project", default="这不是一个预算项目的 UID。"))
    return True


def is_unit(uid):
    if _type_of(uid) != "BudgetUnit":
        raise Invalid(_("error_not_a_unit", default="这不是一个预算单位的 UID。"))
    return True


def is_project_or_unit(uid):
    if _type_of(uid) not in ("BudgetProject", "BudgetUnit"):
        raise Invalid(
            _(
                "error_not_a_project_or_unit",
                default="这不是一个预算项目或预算单位的 UID。",
            )
        )
    return True


def is_monitoring_record(uid):
    if _type_of(uid) != "MonitoringRecord":
        raise Invalid(
            _(
                "error_not_a_monitoring_record",
                default="这不是一个监控记录的 UID。",
            )
        )
    return True
