"""How fast the add-on's pages, numbers and import are at a city's yearly
load, against plain Plone in the same run.

    .venv/bin/python benchmarks/listings.py               # 2,000 projects, 2 rounds
    .venv/bin/python benchmarks/listings.py --yearly      # the plan's yearly scale
    .venv/bin/python benchmarks/listings.py --projects 5000 --json figures.json

``--yearly`` is 10,000 projects, 100,000 indicators (10 a project) and two
monitoring rounds (20,000 records): about 40 minutes on two CPUs.

The site is the functional test fixture with its changes written to a
FileStorage in a temporary directory (commits every 200 projects keep memory
bounded) and a WSGI server on ``--port``. Projects, indicators and as many
plain Documents take the bulk path of ``bulk.py`` (no events, each object
catalogued once, a sample checked against a normal reindex); each round's
records are imported through ``@monitoring-import``'s code, one batch.

As the performance office, median of ``--repeat`` warm runs, it times the
round's numbers and page, the dashboard's and the workbench's numbers and
pages, coverage (numbers and page), a project page, and ``@search`` of a
unit's records over HTTP; numbers against plain Plone's catalog listing of
as many Documents, pages against Plone's page listing them
(``@@listing_view``), ``@search`` against ``@search`` of as many Documents.
Then ``--rest-rows`` rows in one POST of ``@monitoring-import`` against as
many single REST POSTs of plain Documents, and the process's peak RSS.
Not a test: timings depend on the machine.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

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


def build(portal, projects, indicators, rounds, log, checkpoint=None, batch=200):
    """Jurisdictions × units × approved projects, ``rounds`` rounds' records
    and as many plain Documents (in the folder ``documents``). Answers the
    first round and the timings of the build and the imports.

    The projects, indicators and Documents take the bulk path
    (``bulk.py``: no events, catalogued once); the records are imported
    through the same code as ``@monitoring-import``, one batch a round.
    ``checkpoint()`` is called every ``batch`` projects and after each
    round (a commit on a site on disk; a savepoint by default)."""
    import bulk
    import transaction
    from plone import api
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles
    from Products.CMFCore.indexing import processQueue

    from changde.perfmgmt.monitoring.rounds import create_year_rounds

    if checkpoint is None:

        def checkpoint():
            transaction.savepoint(optimistic=True)

    setRoles(portal, TEST_USER_ID, ["Manager"])
    workflow = api.portal.get_tool("portal_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    kinds = ("district", "county", "county_city", "management_zone")
    started = time.perf_counter()
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
    processQueue()
    budget_kinds = ("general_public", "government_fund", "state_capital")
    start = time.perf_counter()
    for number in range(projects):
        bulk.approved_project(
            units[number % len(units)],
            f"p{number:05d}",
            indicators,
            catalog,
            workflow,
            project_code=f"P-{number:05d}",
            budget_kind=budget_kinds[number % len(budget_kinds)],
        )
        if number and number % batch == 0:
            checkpoint()
        if number and number % 1000 == 0:
            log(f"  {number} projects ({time.perf_counter() - start:.0f} s)")
    checkpoint()
    timings = {"projects": time.perf_counter() - start}
    log(
        f"  {projects} projects with {projects * indicators} indicators built "
        f"in {timings['projects']:.0f} s"
    )
    sample = [
        units[0][f"p{number:05d}"] for number in range(0, min(projects, 280), 140)
    ]
    bulk.check_catalogued(
        sample + [sample[0][f"indicator-{indicators}"]] * bool(indicators)
    )
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
    processQueue()
    checkpoint()
    for number, monitoring_round in enumerate(created[:rounds], start=1):
        seconds = import_round(monitoring_round, projects, shift=number)
        timings.setdefault("import", seconds)
        log(f"  round {number}: {projects} rows imported in {seconds:.1f} s")
        checkpoint()
    timings["update"] = import_round(created[0], projects, shift=17)
    checkpoint()
    log(f"  round 1 re-sent (updates) in {timings['update']:.1f} s")
    folder = api.content.create(
        container=portal, type="Folder", id="documents", title="文档"
    )
    processQueue()
    start = time.perf_counter()
    bulk.documents(folder, projects, catalog, workflow, batch * 10, checkpoint)
    checkpoint()
    timings["documents"] = time.perf_counter() - start
    timings["build"] = time.perf_counter() - started
    log(f"  {projects} Documents in {timings['documents']:.0f} s")
    log(f"  built in {timings['build']:.0f} s")
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


def page(context, name, **form):
    """Render the page ``name`` of ``context`` with a request of its own."""
    from zope.globalrequest import getRequest

    view = context.restrictedTraverse(name)
    view.request = getRequest().clone()
    view.request.form.update(form)
    return view()


def http_ms(method, url, repeat, user, **kwargs):
    """The median of ``repeat`` requests to the test server (one first, to
    warm), in ms; each must answer 2xx."""
    from changde.perfmgmt.testing import rest_call

    def call():
        answer = rest_call(method, url, user, **kwargs)
        assert answer.ok, (url, answer.status_code, answer.text[:300])
        return answer

    call()
    return median_ms(call, repeat)


def rest_comparison(portal, projects, rows, log):
    """``rows`` rows in one POST of ``@monitoring-import`` (a round of their
    own) against ``rows`` single REST POSTs of plain Documents; seconds each."""
    import transaction
    from plone import api
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    from changde.perfmgmt.testing import rest_call

    admin = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    first = api.content.find(portal_type="MonitoringRound", sort_on="getId")[0]
    rounds = first.getObject().aq_parent
    extra = api.content.create(
        container=rounds,
        type="MonitoringRound",
        id="2026-rest",
        year=2026,
        round_number=9,
        cutoff_date=first.getObject().cutoff_date,
        target_rate=first.getObject().target_rate,
    )
    folder = api.content.create(container=portal, type="Folder", id="rest-documents")
    transaction.commit()
    body = {
        "rows": [
            {
                "project_code": f"P-{number:05d}",
                "budget_amount": "100000",
                "executed_amount": str(50000 + number),
            }
            for number in range(min(rows, projects))
        ]
    }
    start = time.perf_counter()
    answer = rest_call(
        "POST",
        f"{extra.absolute_url()}/@monitoring-import",
        admin,
        json=body,
        timeout=3600,
    )
    seconds_import = time.perf_counter() - start
    assert answer.ok, answer.text[:500]
    log(f"  {len(body['rows'])} rows in one @monitoring-import: {seconds_import:.1f} s")
    start = time.perf_counter()
    for number in range(rows):
        answer = rest_call(
            "POST",
            folder.absolute_url(),
            admin,
            json={
                "@type": "Document",
                "id": f"r{number:05d}",
                "title": f"文档 {number}",
            },
        )
        assert answer.status_code == 201, answer.text[:300]
    seconds_posts = time.perf_counter() - start
    log(f"  {rows} single POSTs of Documents: {seconds_posts:.1f} s")
    transaction.begin()  # see what the server committed
    return seconds_import, seconds_posts


def peak_rss_mib():
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def yearly_report(options, log):
    """Build the site on disk (commits in batches) and measure everything
    the issue lists; answers the rows (name, ms, yardstick ms) and facts."""
    import os

    os.environ.setdefault("WSGI_SERVER_PORT", str(options.port))
    import bulk
    import transaction
    from plone import api

    from changde.perfmgmt.core.roles import OFFICE_GROUP
    from changde.perfmgmt.dashboard.figures import dashboard_figures
    from changde.perfmgmt.dashboard.figures import scope_for
    from changde.perfmgmt.declaration.coverage import coverage_of
    from changde.perfmgmt.monitoring.summary import round_summary
    from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    from changde.perfmgmt.testing import PASSWORD
    from changde.perfmgmt.workbench.figures import workbench_figures

    log("setting up a site (changes in a FileStorage) …")
    path = bulk.set_up_site_on_disk(CHANGDE_PERFMGMT_FUNCTIONAL_TESTING)
    portal = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING["portal"]
    first_round, timings = build(
        portal,
        options.projects,
        options.indicators,
        options.rounds,
        log,
        checkpoint=transaction.commit,
    )
    office = "bench-office"
    api.user.create(email="office@example.org", username=office, password=PASSWORD)
    api.group.add_user(groupname=OFFICE_GROUP, username=office)
    transaction.commit()
    log(
        f"  FileStorage {os.path.getsize(path) / 2**20:.0f} MiB, peak RSS "
        f"{peak_rss_mib():.0f} MiB"
    )
    catalog = api.portal.get_tool("portal_catalog")
    project = catalog.unrestrictedSearchResults(
        portal_type="BudgetProject", sort_on="getId", sort_limit=1
    )[0]._unrestrictedGetObject()
    record = catalog.unrestrictedSearchResults(
        portal_type="MonitoringRecord", sort_limit=1, sort_on="getId"
    )[0]
    unit_uid = record.budget_unit
    unit_records = len(
        catalog.unrestrictedSearchResults(
            portal_type="MonitoringRecord", budget_unit=unit_uid
        )
    )
    documents = portal["documents"]

    def listing(count):
        def plain():
            brains = catalog(
                portal_type="Document", sort_on="sortable_title", sort_limit=count
            )[:count]
            return [(b.Title, b.getURL(), b.review_state) for b in brains]

        return plain

    records = options.projects  # the round's records
    rows = []  # (name, ms, yardstick name)

    def timed(name, function, yardstick):
        function()  # warm
        rows.append((name, median_ms(function, options.repeat), yardstick))
        log(f"  {name}: {rows[-1][1]:.1f} ms")

    listing_name = f"plain Plone: catalog listing of {records} Documents"
    page_name = f"plain Plone: the page listing {records} Documents"
    with api.env.adopt_user(username=office):
        assert round_summary(first_round)["items_total"] == options.projects
        timed(listing_name, listing(records), None)
        timed(page_name, lambda: page(documents, "@@listing_view"), None)
        timed(
            "round dashboard (@monitoring-summary numbers)",
            lambda: round_summary(first_round),
            listing_name,
        )
        timed("the round page", lambda: page(first_round, "@@view"), page_name)
        timed(
            "dashboard numbers (@dashboard)",
            lambda: dashboard_figures(scope_for(2026), page_request()),
            listing_name,
        )
        timed(
            "dashboard page (@@dashboard)",
            lambda: page(portal, "@@dashboard", year="2026"),
            page_name,
        )
        timed(
            "office workbench numbers (@workbench)",
            lambda: workbench_figures(page_request(), year=2026),
            listing_name,
        )
        timed(
            "office workbench page (@@workbench)",
            lambda: page(portal, "@@workbench", year="2026"),
            page_name,
        )
        timed(
            "coverage of 14 jurisdictions (numbers)",
            lambda: coverage_of(portal, 2026),
            listing_name,
        )
        timed(
            "coverage page (@@coverage)",
            lambda: page(portal, "@@coverage", year="2026"),
            page_name,
        )
        timed("a project page", lambda: page(project, "@@view"), page_name)
    transaction.commit()
    search = f"{portal.absolute_url()}/@search"
    unit_name = f"@search by unit ({unit_records} records, HTTP)"
    plain_search = f"plain Plone: @search of {unit_records} Documents (HTTP)"
    user = (office, PASSWORD)
    rows.append(
        (
            plain_search,
            http_ms(
                "GET",
                search,
                options.repeat,
                user,
                params={
                    "portal_type": "Document",
                    "b_size": unit_records,
                    "sort_on": "sortable_title",
                },
            ),
            None,
        )
    )
    rows.append(
        (
            unit_name,
            http_ms(
                "GET",
                search,
                options.repeat,
                user,
                params={
                    "portal_type": "MonitoringRecord",
                    "budget_unit": unit_uid,
                    "b_size": unit_records,
                    "sort_on": "sortable_title",
                },
            ),
            plain_search,
        )
    )
    log(f"  {unit_name}: {rows[-1][1]:.1f} ms")
    seconds_import, seconds_posts = rest_comparison(
        portal, options.projects, options.rest_rows, log
    )
    facts = {
        "projects": options.projects,
        "indicators": options.projects * options.indicators,
        "records": options.projects * options.rounds,
        "rounds": options.rounds,
        "build_s": timings["build"],
        "projects_s": timings["projects"],
        "documents_s": timings["documents"],
        "import_rows": options.projects,
        "import_s": timings["import"],
        "update_s": timings["update"],
        "rest_rows": options.rest_rows,
        "rest_import_s": seconds_import,
        "rest_posts_s": seconds_posts,
        "peak_rss_mib": peak_rss_mib(),
        "storage_mib": os.path.getsize(path) / 2**20,
    }
    return rows, facts


def page_request():
    from zope.globalrequest import getRequest

    return getRequest().clone()


def print_report(options, rows, facts):
    ms = {name: value for name, value, _ in rows}
    print(
        f"{facts['projects']} projects, {facts['indicators']} indicators, "
        f"{facts['records']} monitoring records ({facts['rounds']} rounds); "
        f"built in {facts['build_s']:.0f} s (projects and indicators "
        f"{facts['projects_s']:.0f} s); median of {options.repeat} warm runs"
    )
    print(f"{'measure':<52} {'ms':>9} {'× plain':>8}  within 1.5× and 500 ms")
    for name, value, yardstick in rows:
        ratio = value / ms[yardstick] if yardstick else 1.0
        verdict = (
            ""
            if yardstick is None
            else ("yes" if ratio <= 1.5 and value <= 500 else "NO")
        )
        print(f"{name:<52} {value:>9.1f} {ratio:>8.2f}  {verdict}")
    print(
        f"import of {facts['import_rows']} rows (one batch, importer code): "
        f"{facts['import_s']:.1f} s; re-sent as updates {facts['update_s']:.1f} s"
    )
    speedup = facts["rest_posts_s"] / facts["rest_import_s"]
    print(
        f"{facts['rest_rows']} rows in one POST @monitoring-import: "
        f"{facts['rest_import_s']:.1f} s; {facts['rest_rows']} single REST POSTs "
        f"of Documents: {facts['rest_posts_s']:.1f} s; × {speedup:.1f} "
        f"({'yes' if speedup >= 10 else 'NO'}: at least 10×)"
    )
    print(
        f"peak RSS {facts['peak_rss_mib']:.0f} MiB "
        f"({'yes' if facts['peak_rss_mib'] < 1024 else 'NO'}: under 1 GiB); "
        f"FileStorage {facts['storage_mib']:.0f} MiB"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--yearly",
        action="store_true",
        help="the plan's yearly scale: 10,000 projects, 100,000 indicators, "
        "two rounds (20,000 records)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rest-rows", type=int, default=1000)
    parser.add_argument("--port", type=int, default=9201)
    parser.add_argument("--json", help="write the figures to this file")
    options = parser.parse_args(argv)
    if options.yearly:
        for name, value in YEARLY.items():
            setattr(options, name, value)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    rows, facts = yearly_report(options, log)
    print_report(options, rows, facts)
    if options.json:
        import json

        with open(options.json, "w") as out:
            json.dump({"rows": rows, "facts": facts}, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
