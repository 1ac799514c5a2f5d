"""How fast the workbench and the dashboard are at a city's yearly load,
against plain Plone listing as many Documents in the same run.

    .venv/bin/python benchmarks/dashboards.py                    # 2,000 projects
    .venv/bin/python benchmarks/dashboards.py --projects 10000   # the yearly scale
    .venv/bin/python benchmarks/dashboards.py --sizes 5000,10000 # growth

The site is built by ``benchmarks/listings.py``'s builder (approved projects
with indicators across 14 jurisdictions and 140 units, every project's record
in each monitoring round imported through ``@monitoring-import``'s code, as
many Documents), plus a key evaluation with rectification items for one
project in 20, a self-evaluation draft for one in 10, a negative-list entry
for one in 50, and one project in 10 left submitted (waiting for review).
Then, as the performance office (restricted catalog searches, as on the
site), it times:

- plain Plone: a catalog listing of as many Documents with their metadata
  (the yardstick of the numbers), and Plone's own listing page of the site
  root that holds them (``@@listing_view``, batched: the yardstick of the
  pages, which share its frame of toolbar, tabs and viewlets);
- the dashboard's numbers (every section, as ``@dashboard`` answers them);
- the page ``@@dashboard`` (the numbers, the charts' options, the template);
- the office's workbench numbers (``@workbench``) and the page ``@@workbench``;
- a unit's workbench (its own section only).

The Documents are kept out of the navigation (``plone.displayed_types``): a
site has no thousands of pages in its root, and the pages' frame would list
them all.

Each figure is the median of ``--repeat`` warm runs (one run first warms the
caches), in milliseconds, with its ratio to its yardstick; ``--cpu`` times
the process's CPU instead of the wall clock, for a machine busy with other
work. With
``--sizes`` each size is built and measured in a process of its own and the
growth of each measure is compared with the growth of the data: a ratio of
time growth to size growth at or below 1 is linear or better. Not a test:
timings depend on the machine.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from listings import build  # noqa: E402  (the scale engineer's builder)
from listings import median_ms as wall_median_ms  # noqa: E402
from listings import set_up_layers  # noqa: E402

OFFICE = "bench-office"
UNIT_STAFF = "bench-unit"
YEAR = 2026

#: Within this many times the plain listing, and under this many ms (the
#: issue's thresholds, printed next to the figures).
MAX_RATIO = 1.5
MAX_MS = 500
#: the yardstick of the pages (the numbers are measured against the listing)
PAGE_YARDSTICK = "plain Plone: the page listing them"


def cpu_median_ms(function, repeat):
    """The median CPU time of ``repeat`` calls, in ms: on a machine shared
    with other work the wall clock counts their time too."""
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        timings.append((time.process_time() - start) * 1000)
    return statistics.median(timings)


def add_results(portal, projects, log):
    """Evaluations, rectification items, self-evaluation drafts, negative-list
    entries and projects waiting for review, in the proportions of a year."""
    from decimal import Decimal

    from plone import api
    from Products.CMFCore.indexing import processQueue

    from changde.perfmgmt.core.rules.clock import today_in_china
    from changde.perfmgmt.evaluation.folders import evaluation_folder
    from changde.perfmgmt.evaluation.negative_list import negative_list_folder
    from changde.perfmgmt.testing import create_project

    workflow = api.portal.get_tool("portal_workflow")
    folder = evaluation_folder()
    negative = negative_list_folder()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="BudgetProject", sort_on="getId"
    )
    today = today_in_china()
    start = time.perf_counter()
    for number, brain in enumerate(brains):
        if number % 20 == 0:
            report = api.content.create(
                container=folder,
                type="EvaluationReport",
                id=f"key-{number:05d}",
                title=f"重点评价 {number}",
                evaluation_kind="key",
                year=YEAR,
                score=Decimal(55 + number % 45),
                project=brain.UID,
            )
            for item in range(3):
                api.content.create(
                    container=report,
                    type="RectificationItem",
                    id=f"i{item}",
                    problem=f"问题 {item}",
                    deadline=today,
                )
            for transition in ("submit", "approve", "feed_back"):
                workflow.doActionFor(report, transition)
        if number % 10 == 0:
            api.content.create(
                container=folder,
                type="EvaluationReport",
                id=f"self-{number:05d}",
                title=f"单位自评 {number}",
                evaluation_kind="self",
                year=YEAR,
                project=brain.UID,
            )
        if number % 50 == 0:
            api.content.create(
                container=negative,
                type="NegativeListEntry",
                id=f"entry-{number:05d}",
                target=brain.UID,
                reason="execution_below_standard",
                year=YEAR,
            )
        if number % 500 == 0:
            processQueue()
    processQueue()
    log(f"  results added ({time.perf_counter() - start:.0f} s)")
    units = catalog.unrestrictedSearchResults(portal_type="BudgetUnit")
    for number in range(projects // 10):
        unit = units[number % len(units)]._unrestrictedGetObject()
        project = create_project(
            unit,
            id=f"waiting-{number:05d}",
            indicators=2,
            project_code=f"W-{number:05d}",
        )
        workflow.doActionFor(project, "submit")
    processQueue()
    return units[0]._unrestrictedGetObject()


def add_people(portal, unit):
    from plone import api

    from changde.perfmgmt.core.roles import OFFICE_GROUP

    for username, group in ((OFFICE, OFFICE_GROUP), (UNIT_STAFF, unit.staff_group)):
        api.user.create(
            email=f"{username}@example.org", username=username, password="secret-1234"
        )
        api.group.add_user(groupname=group, username=username)


def measure(options, log):
    median_ms = cpu_median_ms if options.cpu else wall_median_ms
    from plone import api
    from zope.globalrequest import getRequest

    from changde.perfmgmt.dashboard.figures import dashboard_figures
    from changde.perfmgmt.dashboard.figures import scope_for
    from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
    from changde.perfmgmt.workbench.figures import workbench_figures

    log(f"setting up a site in memory for {options.projects} projects …")
    set_up_layers(CHANGDE_PERFMGMT_INTEGRATION_TESTING)
    portal = CHANGDE_PERFMGMT_INTEGRATION_TESTING["portal"]
    started = time.perf_counter()
    build(portal, options.projects, options.indicators, options.rounds, log)
    unit = add_results(portal, options.projects, log)
    add_people(portal, unit)
    # The yardstick's Documents sit in the site root; a real site has no
    # thousands of pages there, and Plone's navigation would list them all
    # on every page (the frame of the page, not the dashboard, would be timed).
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types", tuple(t for t in displayed if t != "Document")
    )
    log(f"  built in {time.perf_counter() - started:.0f} s")
    catalog = api.portal.get_tool("portal_catalog")

    def plain_plone_listing():
        brains = catalog(portal_type="Document", sort_on="sortable_title")
        return [(brain.Title, brain.getURL(), brain.review_state) for brain in brains]

    def request():
        # a request of its own each time: views memoize on the request
        return getRequest().clone()

    def plain_plone_page():
        # Plone's own page listing the site root's items (the Documents among
        # them), batched, in the same frame (toolbar, tabs, viewlets) as ours
        view = portal.restrictedTraverse("@@listing_view")
        view.request = request()
        return view()

    def dashboard_numbers():
        return dashboard_figures(scope_for(YEAR), request())

    def dashboard_page():
        view = portal.restrictedTraverse("@@dashboard")
        view.request = request()
        view.request.form["year"] = str(YEAR)
        return view()

    def workbench_numbers():
        return workbench_figures(request(), year=YEAR)

    def workbench_page():
        view = portal.restrictedTraverse("@@workbench")
        view.request = request()
        view.request.form["year"] = str(YEAR)
        return view()

    with api.env.adopt_user(username=OFFICE):
        figures = dashboard_numbers()
        records = sum(each["records"] for each in figures["execution"]["rounds"])
        assert records == options.projects * options.rounds, records
        measures = [
            ("plain Plone: list as many Documents", plain_plone_listing),
            (PAGE_YARDSTICK, plain_plone_page),
            ("dashboard: the numbers (@dashboard)", dashboard_numbers),
            ("dashboard: the page (@@dashboard)", dashboard_page),
            ("office workbench: the numbers", workbench_numbers),
            ("office workbench: the page", workbench_page),
        ]
        results = []
        for name, function in measures:
            function()  # warm
            results.append((name, median_ms(function, options.repeat)))
            if options.profile and not name.startswith("plain"):
                profile(name, function)
    with api.env.adopt_user(username=UNIT_STAFF):
        workbench_numbers()
        unit_workbench = median_ms(workbench_numbers, options.repeat)
        results.append(("a unit's workbench", unit_workbench))
    return results


def profile(name, function):
    """Where the time of ``function`` goes (``--profile``), on stderr."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(function)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
    print(f"--- {name}\n{out.getvalue()}", file=sys.stderr)


def print_table(options, results):
    """The figures with their ratio to the yardstick: the catalog listing
    for the numbers, Plone's listing page for the pages (both in the same
    frame of toolbar, tabs and viewlets)."""
    baseline = results[0][1]
    page_baseline = dict(results).get(PAGE_YARDSTICK, baseline)
    print(
        f"{options.projects} projects, {options.projects * options.rounds} monitoring "
        f"records ({options.rounds} rounds), {options.projects} Documents; "
        f"median of {options.repeat} warm runs" + (" (CPU time)" if options.cpu else "")
    )
    within = f"within {MAX_RATIO}× and {MAX_MS} ms"
    print(f"{'measure':<40} {'ms':>9} {'× plain':>8}  {within}")
    for name, milliseconds in results:
        is_page = "page" in name
        ratio = milliseconds / (page_baseline if is_page else baseline)
        verdict = (
            ""
            if name.startswith("plain")
            else ("yes" if ratio <= MAX_RATIO and milliseconds <= MAX_MS else "NO")
        )
        print(f"{name:<40} {milliseconds:>9.1f} {ratio:>8.2f}  {verdict}")


def growth(options):
    """Build and measure each size in a process of its own; compare."""
    sizes = [int(size) for size in options.sizes.split(",")]
    runs = {}
    for size in sizes:
        command = [
            sys.executable,
            __file__,
            "--projects",
            str(size),
            "--indicators",
            str(options.indicators),
            "--rounds",
            str(options.rounds),
            "--repeat",
            str(options.repeat),
            "--json",
        ] + (["--cpu"] if options.cpu else [])
        # the child's progress and errors go to stderr as they come
        output = subprocess.run(
            command, check=True, stdout=subprocess.PIPE, text=True, env=os.environ
        ).stdout
        runs[size] = json.loads(output.strip().splitlines()[-1])
        options.projects = size
        print_table(options, runs[size])
        print()
    small, large = sizes[0], sizes[-1]
    print(f"growth from {small} to {large} projects (× {large / small:.1f} the data)")
    print(f"{'measure':<40} {'× time':>8} {'÷ × data':>9}")
    for (name, before), (_name, after) in zip(runs[small], runs[large], strict=True):
        factor = after / before
        print(f"{name:<40} {factor:>8.2f} {factor / (large / small):>9.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--indicators", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", help="comma-separated sizes, e.g. 5000,10000")
    parser.add_argument(
        "--profile", action="store_true", help="print where the time goes (stderr)"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time the process's CPU, not the wall clock (a busy machine)",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    if options.sizes:
        growth(options)
        return 0
    results = measure(options, log)
    if options.json:
        print(json.dumps(results))
    else:
        print_table(options, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
