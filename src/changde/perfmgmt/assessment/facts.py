"""The facts a scorecard is scored from, read from the catalog and the
project: the project's indicators with their actual values (entered by the
unit at year end) and the final monitoring round's record (the adjusted
budget and the executed amount), or, for a unit-wide card, the sums over
the unit's approved projects. Plain data out (:class:`rules.scoring.CardFacts`),
each fact with the URL where it is held."""

from decimal import Decimal

from plone import api

from changde.perfmgmt.assessment.rules.scoring import CardFacts
from changde.perfmgmt.assessment.rules.scoring import ExecutionFacts
from changde.perfmgmt.assessment.rules.scoring import IndicatorFacts
from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.rules.numbers import to_decimal


def _catalog():
    return api.portal.get_tool("portal_catalog")


def object_of(value):
    """The item a relation (or a UID) names, whether or not the user may see
    it, or None (core's :func:`target_of`)."""
    return target_of(value)


def final_round(year):
    """The brain of the year's final monitoring round (highest number)."""
    rounds = [
        brain
        for brain in _catalog().unrestrictedSearchResults(
            portal_type="MonitoringRound", year=year
        )
        if brain.round_number
    ]
    return max(rounds, key=lambda brain: brain.round_number) if rounds else None


def final_round_record(project, year):
    """The brain of the project's record in the year's final round, or None."""
    last = final_round(year)
    if last is None:
        return None, None
    records = _catalog().unrestrictedSearchResults(
        portal_type="MonitoringRecord",
        project_uid=project.UID(),
        path={"query": last.getPath(), "depth": 1},
    )
    return last, (records[0] if records else None)


def execution_facts(project, year):
    last, record = final_round_record(project, year)
    if record is None:
        return None
    return ExecutionFacts(
        budget=_amount(record.budget_amount),
        executed=_amount(record.executed_amount),
        label=last.Title,
        source=record.getURL(),
    )


def _amount(value):
    number = to_decimal(value)
    return None if number is None else str(number)


def indicator_facts(project):
    answer = []
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="Indicator",
        path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    ):
        indicator = brain._unrestrictedGetObject()
        answer.append(
            IndicatorFacts(
                key=brain.UID,
                title=indicator.Title(),
                level1=indicator.level1 or "",
                level2=indicator.level2 or "",
                comparator=indicator.comparator or "ge",
                quantifiable=bool(indicator.quantifiable),
                target=indicator.target_value,
                actual=indicator.actual_value,
                unit=indicator.unit or "",
                weight=None if indicator.weight is None else str(indicator.weight),
                source=brain.getURL(),
            )
        )
    return tuple(answer)


def project_facts(project, year):
    return CardFacts(
        execution=execution_facts(project, year),
        indicators=indicator_facts(project),
    )


def unit_execution_facts(unit, year):
    """The final round's budget and executed amounts summed over the unit's
    approved projects of ``year`` that have a record there."""
    last = final_round(year)
    if last is None:
        return None
    budget = executed = Decimal(0)
    count = 0
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="MonitoringRecord",
        path={"query": last.getPath(), "depth": 1},
        budget_unit=unit.getId(),
    ):
        record = brain._unrestrictedGetObject()
        project = object_of(record.project)
        if project is None or project.aq_parent.UID() != unit.UID():
            continue
        if record.budget_amount is None or record.executed_amount is None:
            continue
        budget += record.budget_amount
        executed += record.executed_amount
        count += 1
    if not count:
        return None
    return ExecutionFacts(
        budget=str(budget),
        executed=str(executed),
        label=last.Title,
        source=last.getURL(),
        count=count,
    )


def report_facts(report):
    """The facts of a report's card: its project's, or for a unit-wide
    evaluation its unit's."""
    project = object_of(report.project)
    if getattr(project, "portal_type", None) == "BudgetProject":
        return project_facts(project, report.year)
    unit = object_of(report.unit)
    if getattr(unit, "portal_type", None) == "BudgetUnit":
        return CardFacts(unit_execution=unit_execution_facts(unit, report.year))
    return CardFacts()
