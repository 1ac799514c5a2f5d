"""How fast the add-on's listings and dashboards are at a city's yearly load,
against plain Plone doing the same amount of work.

    .venv/bin/python benchmarks/listings.py               # 2,000 projects, 1 round
    .venv/bin/python benchmarks/listings.py --yearly      # the plan's yearly scale
    .venv/bin/python benchmarks/listings.py --projects 5000 --indicators 10 --rounds 2

``--yearly`` is the stated yearly scale: 10,000 projects, 100,000 indicators
(10 a project) and 20,000 monitoring records (two rounds); building it takes
a long while (hours on two CPUs). The default stays small enough to run in a
few minutes.

It builds a throw-away site in memory (the test fixture: DemoStorage, nothing
is written to var/), creates approved projects with indicators across
jurisdictions and units, imports each round's execution data for every
project through the same code as the REST endpoint (one batch a round), and
then times:

- the monitoring round's dashboard (``round_summary``: listing, counts, share
  meeting target, rates by jurisdiction) — catalog brains only;
- the round page's work (``RoundView``: the summary, the filter options and
  the chart by jurisdiction);
- the same numbers computed the naive way, waking every record object;
- the four-budgets coverage of every jurisdiction (``coverage_of``);
- a project's monitoring records across rounds (``records_of_project``);
- plain Plone: a catalog listing of as many Documents with their metadata,
  the yardstick for "as fast as Plone's own listings";

and, once each, the bulk import of a round (records created), and the same
batch re-sent with new executed amounts (every record updated).

Each figure is the median of ``--repeat`` runs, in milliseconds, with its ratio
to the plain Plone listing. Not a test: timings depend on the machine.
"""

import argparse
import statistics
import sys
import time

#: The plan's yearly scale (``--yearly``).
YEARLY = {"projects": 10000, "indicators": 10, "rounds": 2}


def layers_in_order(layer, seen=None):
    """``layer`` and its bases, every base before the layers built on it."""
    seen = [] if seen is None else seen
    for base in getattr(layer, "__bases__", ()):
        layers_in_order(base, seen)
    if layer not in seen:
        seen.append(layer)
    return seen


def set_up_layers(layer):
    """Set up ``layer`` and its bases, then begin a "test", as
    zope.testrunner does."""
    layers = layers_in_order(layer)
    for each in layers:
        each.setUp()
    for each in layers:
        each.testSetUp()


def median_ms(function, repeat):
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def import_round(monitoring_round, projects, shift=0):
    """One batch with a row for every project; answers the seconds it took,
    cataloguing included (the request's commit does it)."""
    from Products.CMFCore.indexing import processQueue

    from changde.perfmgmt.monitoring import importer

    rows = [
        {
            "project_code": f"P-{number:05d}",
            "budget_amount": "100000",
            "executed_amount": str(40000 + (number * 37 + shift) % 50000),
        }
        for number in range(projects)
    ]
    start = time.perf_counter()
    plans, problems = importer.check_rows(monitoring_round, rows)
    assert not problems, problems[:3]
    importer.apply_rows(monitoring_round, plans)
    processQueue()
    return time.perf_counter() - start


def build(portal, projects, indicators, rounds, log):
    """Jurisdictions × units × approved projects, ``rounds`` rounds' records.
    Answers the first round and the timings of the imports."""
    from plone import api
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles
    from Products.CMFCore.indexing import processQueue

    from changde.perfmgmt.monitoring.rounds import create_year_rounds
    from changde.perfmgmt.testing import create_project

    setRoles(portal, TEST_USER_ID, ["Manager"])
    workflow = api.portal.get_tool("portal_workflow")
    kinds = ("district", "county", "county_city", "management_zone")
    jurisdictions = [
        api.content.create(
            container=portal,
            type="Jurisdiction",
            id=f"j{number:02d}",
            title=f"区县市 {number:02d}",
            kind="municipal" if number == 0 else kinds[number % len(kinds)],
        )
        for number in range(14)
    ]
    units = [
        api.content.create(
            container=jurisdiction,
            type="BudgetUnit",
            id=f"u{number:02d}",
            title=f"{jurisdiction.title} 单位 {number:02d}",
        )
        for jurisdiction in jurisdictions
        for number in range(10)
    ]
    budget_kinds = ("general_public", "government_fund", "state_capital")
    start = time.perf_counter()
    for number in range(projects):
        project = create_project(
            units[number % len(units)],
            id=f"p{number:05d}",
            indicators=indicators,
            project_code=f"P-{number:05d}",
            budget_kind=budget_kinds[number % len(budget_kinds)],
        )
        for transition in ("submit", "review", "approve"):
            workflow.doActionFor(project, transition)
        if number and number % 500 == 0:
            log(f"  {number} projects ({time.perf_counter() - start:.0f} s)")
            processQueue()
    log(f"  {projects} projects with {projects * indicators} indicators built")
    created, _existing = create_year_rounds(2026)
    while len(created) < rounds:  # more rounds than the settings give
        created.append(
            api.content.create(
                container=created[0].aq_parent,
                type="MonitoringRound",
                id=f"2026-{len(created) + 1}",
                year=2026,
                round_number=len(created) + 1,
                cutoff_date=created[-1].cutoff_date,
                target_rate=created[-1].target_rate,
            )
        )
    processQueue()  # index the projects now, not inside the import's timing
    timings = {}
    for number, monitoring_round in enumerate(created[:rounds], start=1):
        seconds = import_round(monitoring_round, projects, shift=number)
        timings.setdefault("import", seconds)
        log(f"  round {number}: {projects} rows imported in {seconds:.1f} s")
    processQueue()
    timings["update"] = import_round(created[0], projects, shift=17)
    processQueue()
    log(f"  round 1 re-sent (updates) in {timings['update']:.1f} s")
    for number in range(projects):
        api.content.create(
            container=portal,
            type="Document",
            id=f"d{number:05d}",
            title=f"文档 {number}",
        )
    processQueue()
    return created[0], timings


def round_page(monitoring_round):
    """What the round page computes: summary, filter options, chart."""
    from zope.globalrequest import getRequest

    from changde.perfmgmt.monitoring.browser.round import RoundView

    # a request of its own: the view memoizes on the request
    view = RoundView(monitoring_round, getRequest().clone())
    view.summary()
    view.options()
    view.chart()
    return view


def naive_summary(monitoring_round):
    """The dashboard's numbers from the objects, as an add-on that does not
    use the catalog would compute them."""
    from changde.perfmgmt.monitoring.rules.execution import execution_rate
    from changde.perfmgmt.monitoring.rules.execution import share_meeting_target

    rates = []
    for record in monitoring_round.objectValues():
        rate = execution_rate(record.budget_amount, record.executed_amount)
        rates.append(rate)
        record._p_deactivate()  # as if from a cold cache: wake it each time
    return share_meeting_target(rates, monitoring_round.target_rate)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--indicators", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--yearly",
        action="store_true",
        help="the plan's yearly scale: 10,000 projects, 100,000 indicators, "
        "two rounds (20,000 records)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args(argv)
    if options.yearly:
        for name, value in YEARLY.items():
            setattr(options, name, value)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    from plone import api

    from changde.perfmgmt.declaration.coverage import coverage_of
    from changde.perfmgmt.monitoring.records import records_of_project
    from changde.perfmgmt.monitoring.summary import round_summary
    from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

    log("setting up a site in memory …")
    set_up_layers(CHANGDE_PERFMGMT_INTEGRATION_TESTING)
    portal = CHANGDE_PERFMGMT_INTEGRATION_TESTING["portal"]
    first_round, timings = build(
        portal, options.projects, options.indicators, options.rounds, log
    )
    catalog = api.portal.get_tool("portal_catalog")
    project_uid = catalog(portal_type="BudgetProject", sort_limit=1)[0].UID

    def plain_plone_listing():
        brains = catalog(portal_type="Document", sort_on="sortable_title")
        return [(brain.Title, brain.getURL(), brain.review_state) for brain in brains]

    summary = round_summary(first_round)
    assert summary["items_total"] == options.projects, summary["items_total"]
    measures = [
        ("plain Plone: list as many Documents", plain_plone_listing),
        ("monitoring round dashboard (catalog)", lambda: round_summary(first_round)),
        ("the round page (summary, filters, chart)", lambda: round_page(first_round)),
        ("the same, waking every record", lambda: naive_summary(first_round)),
        ("coverage of 14 jurisdictions", lambda: coverage_of(portal, 2026)),
        ("a project's monitoring records", lambda: records_of_project(project_uid)),
    ]
    results = [
        (name, median_ms(function, options.repeat)) for name, function in measures
    ]
    baseline = results[0][1]
    print(
        f"{options.projects} projects, {options.projects * options.indicators} "
        f"indicators, {options.projects * options.rounds} monitoring records "
        f"({options.rounds} round(s)); median of {options.repeat} runs"
    )
    print(f"{'measure':<42} {'ms':>10} {'× plain Plone':>14}")
    for name, milliseconds in results:
        print(f"{name:<42} {milliseconds:>10.1f} {milliseconds / baseline:>14.2f}")
    for name, key in (
        ("bulk import of a round (one batch)", "import"),
        ("the batch re-sent (every record updated)", "update"),
    ):
        print(f"{name:<42} {timings[key] * 1000:>10.1f} {'':>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
