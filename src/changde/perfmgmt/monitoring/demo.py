"""Demo data of the monitoring module (called by changde.perfmgmt.demo.load_demo).

The rounds of the current year and of the demo projects' year (2026), and a
first-round record for the approved demo projects: execution rates around the
60% target (some below), one serious problem (flagged for suspension), the
first indicator's progress; a few records submitted and one confirmed.
Idempotent: rounds and records that exist are left alone.
"""

from datetime import date
from decimal import Decimal

from plone import api

from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.monitoring.rounds import existing_records
from changde.perfmgmt.monitoring.rounds import monitoring_folder

DEMO_YEAR = 2026
#: executed share of the budget, cycled over the projects
SHARES = (
    Decimal("0.72"),
    Decimal("0.55"),
    Decimal("0.64"),
    Decimal("0.41"),
    Decimal("0.83"),
    Decimal("0.60"),
)


def load_demo(portal, folders, counts):
    """Create what is missing of this module's demo data; add to counts."""
    folder = monitoring_folder(portal)
    for year in sorted({date.today().year, DEMO_YEAR}):
        created, _ = create_year_rounds(year, folder)
        if created:
            counts["MonitoringRound"] = counts.get("MonitoringRound", 0) + len(created)
    first = folder.get(f"{DEMO_YEAR}-1")
    if first is None:
        return
    have = existing_records(first)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="BudgetProject",
        year=DEMO_YEAR,
        review_state="approved",
        sort_on="getId",
    )
    rows = []
    for number, brain in enumerate(brains):
        if brain.UID in have:
            continue
        budget = Decimal(brain.amount or 0)
        row = {
            "project": brain.UID,
            "budget_amount": str(budget),
            "executed_amount": str((budget * SHARES[number % len(SHARES)]).quantize(1)),
            "severity": "serious" if number == 3 else "none",
        }
        if number == 3:
            row["problems"] = "部分资金未按规定用途使用，存在挤占挪用风险。"
        indicators = catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": brain.getPath(), "depth": 1},
            sort_on="getObjPositionInParent",
        )
        if indicators:
            on_track = SHARES[number % len(SHARES)] >= Decimal("0.60")
            row["indicators"] = [
                {
                    "indicator": indicators[0].UID,
                    "actual_value": "完成全年目标的" + ("65%" if on_track else "40%"),
                    "on_track": on_track,
                    "deviation_cause": None if on_track else "项目招标延迟。",
                    "corrective_measure": None if on_track else "加快采购进度。",
                }
            ]
        rows.append(row)
    if not rows:
        return
    with api.env.adopt_roles(["Manager"]):
        plans, problems = importer.check_rows(first, rows)
        if problems:  # a demo project that cannot be monitored: skip it
            bad = {problem.row for problem in problems}
            plans = [plan for plan in plans if plan.row.row not in bad]
        results = importer.apply_rows(first, plans)
        workflow = api.portal.get_tool("portal_workflow")
        for number, result in enumerate(results):
            if number % 3 == 2:
                record = first[result["@id"].rsplit("/", 1)[1]]
                workflow.doActionFor(record, "submit")
                if number == 2:
                    workflow.doActionFor(record, "confirm")
    counts["MonitoringRecord"] = counts.get("MonitoringRecord", 0) + len(results)
