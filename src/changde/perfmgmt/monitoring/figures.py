"""Monitoring's numbers for the dashboards, the workbench and the annual
report, read from the catalog: the records' amounts and flags are metadata
(no record is woken); the year's rounds (a handful) are read as objects for
their targets and report deadlines. The arithmetic is in
:mod:`changde.perfmgmt.monitoring.rules.execution`.

Records are counted as the current user may see them (restricted search): a
district sees its own jurisdiction's rates, a unit its own. With
``unrestricted=True`` they count the whole city whoever asks (the annual
report; for the office the numbers are the same).
"""

from dataclasses import dataclass
from decimal import Decimal

from plone import api

from changde.perfmgmt.core.catalog_rows import metadata_rows
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.rules.execution import Execution
from changde.perfmgmt.monitoring.rules.execution import RecordValues
from changde.perfmgmt.monitoring.rules.execution import execution_by
from changde.perfmgmt.monitoring.rules.execution import traffic_light


@dataclass(frozen=True)
class JurisdictionExecution:
    jurisdiction: str
    title: str
    execution: Execution
    light: str | None


@dataclass(frozen=True)
class RoundExecution:
    #: the round as plain data (:func:`changde.perfmgmt.monitoring.rounds.round_info`)
    round: dict
    execution: Execution
    light: str | None
    by_jurisdiction: list


def year_rounds(year, unrestricted=False):
    """The rounds of ``year`` (objects, by number) the user may see (all
    with ``unrestricted``)."""
    if unrestricted:
        catalog = api.portal.get_tool("portal_catalog")
        rounds = (
            brain._unrestrictedGetObject()
            for brain in catalog.unrestrictedSearchResults(
                portal_type="MonitoringRound", year=year
            )
        )
    else:
        rounds = (
            brain.getObject()
            for brain in api.content.find(portal_type="MonitoringRound", year=year)
        )
    return sorted(rounds, key=lambda obj: obj.round_number or 0)


def record_query(year, jurisdiction=None):
    """The catalog query of the year's records (of ``jurisdiction``)."""
    query = {"portal_type": "MonitoringRecord", "year": year}
    if jurisdiction:
        query["jurisdiction"] = jurisdiction
    return query


def record_values(year, jurisdiction=None, unrestricted=False):
    """The year's records the user may see (all with ``unrestricted``; of
    ``jurisdiction``, an id), as :class:`RecordValues`, and
    ``{jurisdiction: title}``."""
    query = record_query(year, jurisdiction)
    values, titles = [], {}
    for number, key, title, budget, executed, flags in metadata_rows(
        [
            "round_number",
            "jurisdiction",
            "jurisdiction_title",
            "budget_amount",
            "executed_amount",
            "monitoring_flags",
        ],
        unrestricted=unrestricted,
        **query,
    ):
        if key not in titles:
            titles[key] = title or key
        values.append(
            RecordValues(
                round_number=number,
                jurisdiction=key,
                budget_amount=_amount(budget),
                executed_amount=_amount(executed),
                flags=tuple(flags or ()),
            )
        )
    return values, titles


def _amount(value):
    """An amount from metadata (Missing.Value where the record has none)."""
    return value if isinstance(value, Decimal | int | float | str) else None


def execution_figures(
    year, margin, jurisdiction=None, order=(), today=None, unrestricted=False
):
    """The execution of each round of ``year``: overall and by jurisdiction,
    each with its traffic light against the round's target (``margin``
    percentage points of yellow). Jurisdictions come in ``order`` (ids),
    the others after them by pinyin. The records and rounds the user may see
    (all with ``unrestricted``)."""
    values, titles = record_values(year, jurisdiction, unrestricted)
    by_round_and_jurisdiction = execution_by(
        values, lambda record: (record.round_number, record.jurisdiction)
    )
    by_round = {}
    for (number, _key), group in by_round_and_jurisdiction.items():
        by_round[number] = by_round.get(number, Execution()) + group
    position = {key: index for index, key in enumerate(order)}

    def jurisdiction_order(key):
        return (position.get(key, len(position)), pinyin_sort_string(titles[key]))

    answer = []
    for monitoring_round in year_rounds(year, unrestricted):
        number = monitoring_round.round_number
        target = monitoring_round.target_rate
        execution = by_round.get(number, Execution())
        keys = sorted(
            (
                key
                for (round_number, key) in by_round_and_jurisdiction
                if round_number == number
            ),
            key=jurisdiction_order,
        )
        rows = []
        for key in keys:
            group = by_round_and_jurisdiction[(number, key)]
            rows.append(
                JurisdictionExecution(
                    jurisdiction=key,
                    title=titles[key],
                    execution=group,
                    light=_light(group.rate, target, margin),
                )
            )
        answer.append(
            RoundExecution(
                round=round_info(monitoring_round, today=today),
                execution=execution,
                light=_light(execution.rate, target, margin),
                by_jurisdiction=rows,
            )
        )
    return answer


def _light(rate, target, margin):
    if target is None:
        return None
    return traffic_light(rate, target, margin)
