"""How fast the reporting module drafts the annual report and prints a unit's
goal forms, at a city's yearly load.

    .venv/bin/python benchmarks/reporting.py                 # 2,000 projects
    .venv/bin/python benchmarks/reporting.py --yearly        # 10,000 projects
    .venv/bin/python benchmarks/reporting.py --projects 500 --forms 100

It builds the same throw-away site as ``listings.py`` (approved projects with
indicators across 14 jurisdictions, monitoring rounds imported through the
REST code), adds one unit with ``--forms`` projects (100 by default, 10
indicators each), and times:

- gathering the year's figures and drafting the report's text
  (``annual.draft``: coverage, goals, monitoring, evaluations, rectification,
  negative list, measures — the plan's target is under 10 s at 10,000
  projects);
- saving the draft as an AnnualReport (``annual.create_report``);
- the report as Word (docxtpl) and as PDF (LibreOffice), once each;
- the unit's goal forms in one Word file and in one PDF (target: under 30 s
  for 100 forms);
- plain Plone listing as many Documents, the yardstick of ``listings.py``.

Medians of ``--repeat`` runs for the first two, in seconds. Not a test.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from listings import YEARLY  # noqa: E402
from listings import build  # noqa: E402
from listings import median_ms  # noqa: E402
from listings import set_up_layers  # noqa: E402


def once(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--indicators", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--forms", type=int, default=100)
    parser.add_argument("--yearly", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    if options.yearly:
        for name, value in YEARLY.items():
            setattr(options, name, value)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    from plone import api
    from Products.CMFCore.indexing import processQueue

    from changde.perfmgmt.reporting import annual
    from changde.perfmgmt.reporting.documents import outputs
    from changde.perfmgmt.reporting.documents import pdf
    from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
    from changde.perfmgmt.testing import create_project

    log("setting up a site in memory …")
    set_up_layers(CHANGDE_PERFMGMT_INTEGRATION_TESTING)
    portal = CHANGDE_PERFMGMT_INTEGRATION_TESTING["portal"]
    build(portal, options.projects, options.indicators, options.rounds, log)
    unit = api.content.create(
        container=portal["j00"], type="BudgetUnit", id="forms", title="演示单位"
    )
    workflow = api.portal.get_tool("portal_workflow")
    for number in range(options.forms):
        project = create_project(
            unit, id=f"f{number:03d}", indicators=10, project_code=f"F-{number:03d}"
        )
        for transition in ("submit", "review", "approve"):
            workflow.doActionFor(project, transition)
    processQueue()
    log(f"  a unit with {options.forms} projects of 10 indicators")
    catalog = api.portal.get_tool("portal_catalog")

    def plain_plone_listing():
        brains = catalog(portal_type="Document", sort_on="sortable_title")
        return [(brain.Title, brain.getURL(), brain.review_state) for brain in brains]

    drafted = annual.draft(2026, "city_government")
    assert drafted["facts"]["goals"]["projects"] == options.projects + options.forms
    rows = [
        (
            "plain Plone: list as many Documents",
            median_ms(plain_plone_listing, options.repeat) / 1000,
        ),
        (
            "draft the annual report (figures + text)",
            median_ms(lambda: annual.draft(2026, "city_government"), options.repeat)
            / 1000,
        ),
    ]
    seconds, (report, _) = once(
        lambda: annual.create_report(portal["reporting"], 2026, "city_government")
    )
    rows.append(("draft and save it (AnnualReport)", seconds))
    rows.append(
        ("the report as Word", once(lambda: outputs.annual_report_file(report))[0])
    )
    projects = outputs.unit_projects(unit)
    assert len(projects) == options.forms
    rows.append(
        (
            f"{options.forms} goal forms as one Word file",
            once(lambda: outputs.goal_forms_file(outputs.unit_projects(unit)))[0],
        )
    )
    if pdf.available():
        rows.append(
            (
                "the report as PDF",
                once(lambda: outputs.annual_report_file(report, "pdf"))[0],
            )
        )
        rows.append(
            (
                f"{options.forms} goal forms as one PDF",
                once(
                    lambda: outputs.goal_forms_file(outputs.unit_projects(unit), "pdf")
                )[0],
            )
        )
    print(
        f"{options.projects + options.forms} projects, "
        f"{options.projects * options.indicators + options.forms * 10} indicators, "
        f"{options.rounds} round(s) of {options.projects} records"
    )
    print(f"{'measure':<44} {'s':>8}")
    for name, value in rows:
        print(f"{name:<44} {value:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
