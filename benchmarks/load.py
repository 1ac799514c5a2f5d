"""A deadline's concurrent writers, against a running demo site (issue 17, R-P7).

Usage (the site made by ``make demo``, or several instances sharing RelStorage)::

    .venv/bin/python benchmarks/load.py --site http://localhost:8080/Plone
    .venv/bin/python benchmarks/load.py --site http://localhost:8080/Plone \
        --site http://localhost:8081/Plone --import-rows 200 --json var/load.json
    .venv/bin/python benchmarks/load.py --site http://localhost:8080/Plone --plain

Eight users (``--users``) start at the same moment and do what a monitoring or
declaration deadline looks like, over plone.restapi on loopback:

- four unit writers create projects in their units (two of them in the same
  unit) and add ten indicators to each, half through ``@add-indicators`` and
  half as ten single ``Indicator`` POSTs, then submit the project;
- a budget reviewer reviews and approves what was submitted;
- a unit PATCHes its monitoring records over and over;
- the office imports a batch of ``--import-rows`` rows into the round
  (``@monitoring-import``, all or nothing), ``--imports`` times;
- a reader opens the workbench, the round page and the dashboard.

With more users the roles repeat in that order; each user talks to the sites in
turn (``--site`` may be given several times). Afterwards every write is checked
as the administrator on every site: each project with its ten indicators and its
state, each record's last PATCHed amount, the last import's amounts. The run
stops by itself; it exits 0 only with no failed request and no lost write.

``--plain`` runs the same users against plain Plone on the same site for
comparison: writers create a Document and ten Documents in one shared folder,
the reviewer publishes, the patcher PATCHes a Document, the reader lists the
folder. The setup (a year of its own, ``--year``, approved projects for the
import and the records) is made before the clock starts and is not timed.
"""

import argparse
import itertools
import json
import queue
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict

import requests

ROLES = (
    "writer",
    "writer",
    "writer",
    "writer",
    "reviewer",
    "patcher",
    "importer",
    "reader",
)

#: (user, unit path) of the unit writers, in turn: the first two share a unit.
WRITER_UNITS = (
    ("shibenji-jiaoyu", "shibenji/jiaoyuju"),
    ("shibenji-jiaoyu", "shibenji/jiaoyuju"),
    ("wulingqu-staff", "wulingqu/jiaoyuju"),
    ("wulingqu-staff", "wulingqu/weijianju"),
)
#: where the setup puts the projects whose records are PATCHed, and the
#: projects of the import batch
PATCH_UNIT = ("shibenji-jiaoyu", "shibenji/jiaoyuju")
IMPORT_UNIT = "shibenji/guoziwei"
INDICATOR = {
    "@type": "Indicator",
    "level1": "产出指标",
    "level2": "数量指标",
    "quantifiable": True,
    "comparator": "ge",
    "target_value": "20",
    "unit": "所",
    "weight": "5",
}


class Site:
    """The sites, in turn, and one HTTP session per user."""

    def __init__(self, urls, password, admin):
        self.urls = [url.rstrip("/") for url in urls]
        self.password = password
        self.admin = admin
        self._turn = itertools.count()

    def session(self, user):
        session = requests.Session()
        if user == "admin":
            session.auth = tuple(self.admin.split(":", 1))
        else:
            session.auth = (user, self.password)
        session.headers.update(
            {"Accept": "application/json", "Accept-Language": "zh-CN"}
        )
        return session

    def url(self, path="", site=None):
        base = self.urls[next(self._turn) % len(self.urls)] if site is None else site
        return f"{base}/{path}" if path else base


class Recorder:
    """Every timed request: action, seconds, ok; failures with their text."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.failures = defaultdict(int)
        self.examples = []

    def call(self, session, action, method, url, expect=(200, 201, 204), **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, url, timeout=600, **kwargs)
            ok = response.status_code in expect
            detail = f"{response.status_code} {response.text[:300]}"
        except requests.RequestException as error:
            response, ok, detail = None, False, repr(error)
        elapsed = time.perf_counter() - started
        with self.lock:
            self.times[action].append(elapsed)
            if not ok:
                self.failures[action] += 1
                if len(self.examples) < 20:
                    self.examples.append(f"{action} {method} {url}: {detail}")
        return response if ok else None

    def table(self):
        rows = []
        for action in sorted(self.times):
            times = sorted(self.times[action])
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            rows.append(
                {
                    "action": action,
                    "requests": len(times),
                    "failed": self.failures[action],
                    "p50_ms": round(statistics.median(times) * 1000, 1),
                    "p95_ms": round(p95 * 1000, 1),
                    "max_ms": round(times[-1] * 1000, 1),
                }
            )
        return rows


def site_path(url):
    """The path of ``url`` inside its site (``http://host/Plone/a/b`` → ``a/b``)."""
    return url.split("/", 3)[3].split("/", 1)[1]


def project_body(title, year, amount=1000000):
    return {
        "@type": "BudgetProject",
        "title": title,
        "year": year,
        "budget_kind": "general_public",
        "is_special_fund": False,
        "amount": str(amount),
        "performance_goal": {
            "data": "<p>完成年度绩效目标。</p>",
            "content-type": "text/html",
        },
    }


def must(response, what):
    if response is None:
        raise SystemExit(f"setup failed: {what}")
    return response


# --- setup: a year of its own, approved projects with records -----------------


def approved_projects(site, recorder, unit, count, year, label, threads=4):
    """``count`` approved projects in ``unit`` (as admin); their URLs and UIDs."""
    session_for = threading.local()
    results = []
    lock = threading.Lock()

    def make(number):
        if not hasattr(session_for, "session"):
            session_for.session = site.session("admin")
        session = session_for.session
        body = project_body(f"{label} {number}", year)
        body["project_code"] = f"{label}-{year}-{number:05d}"
        created = must(
            recorder.call(session, "setup", "POST", site.url(unit), json=body),
            "a project",
        ).json()
        url = created["@id"]
        must(
            recorder.call(
                session, "setup", "POST", url, json=dict(INDICATOR, title="指标 1")
            ),
            "an indicator",
        )
        for transition in ("submit", "review", "approve"):
            must(
                recorder.call(
                    session, "setup", "POST", f"{url}/@workflow/{transition}"
                ),
                transition,
            )
        with lock:
            results.append((url, created["UID"], body["project_code"]))

    numbers = queue.Queue()
    for number in range(count):
        numbers.put(number)

    def worker():
        while True:
            try:
                number = numbers.get_nowait()
            except queue.Empty:
                return
            make(number)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return sorted(results, key=lambda item: item[2])


def set_up(site, options):
    recorder = Recorder()
    admin = site.session("admin")
    year = options.year
    round_url = site.url(f"monitoring/{year}-1", site.urls[0])
    if admin.get(round_url, timeout=60).status_code == 404:
        must(
            recorder.call(
                admin,
                "setup",
                "POST",
                site.url("@monitoring-rounds", site.urls[0]),
                json={"year": year},
            ),
            "the year's rounds",
        )
    run = uuid.uuid4().hex[:6]
    print(f"setup: {options.import_rows} approved projects for the import", flush=True)
    imported = approved_projects(
        site, recorder, IMPORT_UNIT, options.import_rows, year, f"IMP{run}"
    )
    print(f"setup: {options.records} approved projects with records", flush=True)
    patched = approved_projects(
        site, recorder, PATCH_UNIT[1], options.records, year, f"REC{run}"
    )
    must(
        recorder.call(admin, "setup", "POST", f"{round_url}/@monitoring-prepare"),
        "the round's records",
    )
    templates = admin.get(
        site.url("@search", site.urls[0]),
        params={
            "portal_type": "IndicatorTemplate",
            "b_size": 50,
            "metadata_fields": "UID",
        },
        timeout=60,
    ).json()["items"]
    return {
        "year": year,
        "round": round_url,
        "imported": imported,
        "records": [f"{round_url}/{uid}" for _url, uid, _code in patched],
        "templates": [item["UID"] for item in templates][:10],
        "setup_failures": sum(recorder.failures.values()),
    }


# --- the users -------------------------------------------------------------


class Load:
    def __init__(self, site, options, fixture):
        self.site = site
        self.options = options
        self.fixture = fixture
        self.recorder = Recorder()
        self.submitted = queue.Queue()
        self.writers_left = 0
        self.lock = threading.Lock()
        self.projects = {}  # url -> expected state
        self.indicator_counts = {}
        self.patched = {}  # record url -> last executed amount
        self.last_import = {}  # project UID -> executed amount
        self.done = threading.Event()

    def writer_done(self):
        """The last writer to finish tells the reviewers there is no more."""
        with self.lock:
            self.writers_left -= 1
            if self.writers_left == 0:
                self.submitted.put(None)

    def submitted_projects(self):
        """What the writers submit, until the last of them is done."""
        while True:
            url = self.submitted.get()
            if url is None:
                self.submitted.put(None)  # for the other reviewers
                return
            yield url

    # each user's script ----------------------------------------------------

    def writer(self, number):
        user, unit = WRITER_UNITS[number % len(WRITER_UNITS)]
        session = self.site.session(user)
        call = self.recorder.call
        for count in range(self.options.projects):
            body = project_body(f"压测项目 {number}-{count}", self.fixture["year"])
            created = call(
                session, "project POST", "POST", self.site.url(unit), json=body
            )
            if created is None:
                continue
            url = created.json()["@id"]
            with self.lock:
                self.projects[url] = "draft"
            templates = self.fixture["templates"]
            if count % 2 == 0 and len(templates) >= 1:
                items = [
                    {"template": uid, "target_value": "20"}
                    for uid in itertools.islice(itertools.cycle(templates), 10)
                ]
                added = call(
                    session,
                    "@add-indicators(10)",
                    "POST",
                    f"{url}/@add-indicators",
                    json={"templates": items},
                )
                added_count = 10 if added is not None else 0
            else:
                added_count = 0
                for index in range(10):
                    body = dict(INDICATOR, title=f"指标 {index + 1}")
                    if call(session, "Indicator POST", "POST", url, json=body):
                        added_count += 1
            with self.lock:
                self.indicator_counts[url] = added_count
            if call(session, "submit", "POST", f"{url}/@workflow/submit"):
                with self.lock:
                    self.projects[url] = "submitted"
                self.submitted.put(url)
        self.writer_done()

    def reviewer(self, number):
        session = self.site.session("reviewer")
        for url in self.submitted_projects():
            for transition in ("review", "approve"):
                done = self.recorder.call(
                    session, transition, "POST", f"{url}/@workflow/{transition}"
                )
                if done is None:
                    break
                with self.lock:
                    self.projects[url] = (
                        "reviewed" if transition == "review" else "approved"
                    )

    def patcher(self, number):
        user = PATCH_UNIT[0]
        session = self.site.session(user)
        records = self.fixture["records"]
        for count in range(self.options.patches):
            record = records[(count + number) % len(records)]
            amount = 100000 + count * 7 + number
            if self.recorder.call(
                session,
                "record PATCH",
                "PATCH",
                self.site.url(site_path(record)),
                json={"budget_amount": "1000000", "executed_amount": str(amount)},
            ):
                with self.lock:
                    self.patched[record] = amount

    def importer(self, number):
        session = self.site.session("office")
        round_path = site_path(self.fixture["round"])
        for count in range(self.options.imports):
            rows = [
                {
                    "project_code": code,
                    "budget_amount": "1000000",
                    "executed_amount": str(500000 + count * 1000 + index),
                }
                for index, (_url, _uid, code) in enumerate(self.fixture["imported"])
            ]
            if self.recorder.call(
                session,
                f"import {len(rows)} rows",
                "POST",
                self.site.url(f"{round_path}/@monitoring-import"),
                json={"rows": rows},
            ):
                with self.lock:
                    self.last_import = {
                        uid: 500000 + count * 1000 + index
                        for index, (_url, uid, _code) in enumerate(
                            self.fixture["imported"]
                        )
                    }

    def reader(self, number):
        session = self.site.session("office")
        round_path = site_path(self.fixture["round"])
        year = self.fixture["year"]
        pages = (
            ("workbench", "@@workbench", {"Accept": "text/html"}),
            ("round page", round_path, {"Accept": "text/html"}),
            ("dashboard", f"@@dashboard?year={year}", {"Accept": "text/html"}),
            ("@monitoring-summary", f"{round_path}/@monitoring-summary", {}),
        )
        for page in itertools.cycle(pages):
            if self.done.is_set():
                return
            action, path, headers = page
            self.recorder.call(
                session, action, "GET", self.site.url(path), headers=headers
            )

    # the run ---------------------------------------------------------------

    def run(self, users):
        roles = [ROLES[index % len(ROLES)] for index in range(users)]
        self.writers_left = roles.count("writer")
        counters = defaultdict(int)
        threads = []
        for role in roles:
            threads.append(
                threading.Thread(
                    target=getattr(self, role), args=(counters[role],), name=role
                )
            )
            counters[role] += 1
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            if thread.name != "reader":
                thread.join()
        self.done.set()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    # afterwards: was anything lost? ------------------------------------------

    def lost_writes(self):
        lost = []
        admin = self.site.session("admin")
        for base in self.site.urls:
            for url, state in sorted(self.projects.items()):
                path = site_path(url)
                answer = admin.get(f"{base}/{path}", timeout=60)
                if answer.status_code != 200:
                    lost.append(f"{base}: project {path} answers {answer.status_code}")
                    continue
                data = answer.json()
                if data.get("review_state") != state:
                    lost.append(
                        f"{base}: {path} is {data.get('review_state')}, not {state}"
                    )
                indicators = admin.get(
                    f"{base}/@search",
                    params={
                        "portal_type": "Indicator",
                        "path.query": "/" + "/".join(url.split("/")[3:]),
                        "path.depth": 1,
                    },
                    timeout=60,
                ).json()["items_total"]
                if indicators != self.indicator_counts.get(url, 0):
                    lost.append(
                        f"{base}: {path} has {indicators} indicators, "
                        f"not {self.indicator_counts.get(url, 0)}"
                    )
            for record, amount in sorted(self.patched.items()):
                path = site_path(record)
                data = admin.get(f"{base}/{path}", timeout=60).json()
                if str(data.get("executed_amount")).split(".")[0] != str(amount):
                    lost.append(
                        f"{base}: record {path} has {data.get('executed_amount')}, "
                        f"not {amount}"
                    )
            round_path = site_path(self.fixture["round"])
            for uid, amount in itertools.islice(sorted(self.last_import.items()), 50):
                data = admin.get(f"{base}/{round_path}/{uid}", timeout=60).json()
                if str(data.get("executed_amount")).split(".")[0] != str(amount):
                    lost.append(
                        f"{base}: imported record {uid} has "
                        f"{data.get('executed_amount')}, not {amount}"
                    )
        return lost


# --- plain Plone, the same users ---------------------------------------------


class PlainLoad(Load):
    """The same users writing plain Documents into one shared folder."""

    def writer(self, number):
        session = self.site.session("admin")
        call = self.recorder.call
        folder = self.fixture["folder"]
        for count in range(self.options.projects):
            body = {"@type": "Document", "title": f"压测文档 {number}-{count}"}
            created = call(
                session, "Document POST", "POST", self.site.url(folder), json=body
            )
            if created is None:
                continue
            url = created.json()["@id"]
            with self.lock:
                self.projects[url] = "private"
                self.indicator_counts[url] = 0
            for index in range(10):
                body = {
                    "@type": "Document",
                    "title": f"子文档 {number}-{count}-{index}",
                }
                call(session, "Document POST", "POST", self.site.url(folder), json=body)
            self.submitted.put(url)
        self.writer_done()

    def reviewer(self, number):
        session = self.site.session("admin")
        for url in self.submitted_projects():
            if self.recorder.call(
                session, "publish", "POST", f"{url}/@workflow/publish"
            ):
                with self.lock:
                    self.projects[url] = "published"

    def patcher(self, number):
        session = self.site.session("admin")
        target = self.fixture["patch_target"]
        for count in range(self.options.patches):
            if self.recorder.call(
                session,
                "Document PATCH",
                "PATCH",
                self.site.url(target),
                json={"description": f"第 {count} 次"},
            ):
                pass

    def importer(self, number):
        pass  # plain Plone has no batch import: see benchmarks/listings.py

    def reader(self, number):
        session = self.site.session("admin")
        folder = self.fixture["folder"]
        while not self.done.is_set():
            self.recorder.call(
                session,
                "folder listing",
                "GET",
                self.site.url(folder),
                headers={"Accept": "text/html"},
            )

    def lost_writes(self):
        lost = []
        admin = self.site.session("admin")
        for base in self.site.urls:
            for url, state in sorted(self.projects.items()):
                path = site_path(url)
                data = admin.get(f"{base}/{path}", timeout=60)
                if data.status_code != 200 or data.json().get("review_state") != state:
                    lost.append(f"{base}: {path}")
        return lost


def plain_setup(site, options):
    admin = site.session("admin")
    folder = f"load-plain-{uuid.uuid4().hex[:6]}"
    base = site.urls[0]
    must(
        Recorder().call(
            admin,
            "setup",
            "POST",
            base,
            json={"@type": "Folder", "id": folder, "title": "压测"},
        ),
        "the plain folder",
    )
    must(
        Recorder().call(
            admin,
            "setup",
            "POST",
            f"{base}/{folder}",
            json={"@type": "Document", "id": "patched", "title": "被修改的文档"},
        ),
        "the patched document",
    )
    return {"folder": folder, "patch_target": f"{folder}/patched", "year": options.year}


def report(title, table, seconds, lost, setup_failures=0):
    print(f"\n{title}: {seconds:.1f} s")
    print(
        f"{'action':24} {'requests':>8} {'failed':>6} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
    )
    for row in table:
        print(
            f"{row['action']:24} {row['requests']:>8} {row['failed']:>6} "
            f"{row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}"
        )
    failed = sum(row["failed"] for row in table)
    print(
        f"failed requests: {failed}; lost writes: {len(lost)}; "
        f"setup failures: {setup_failures}"
    )
    for line in lost[:20]:
        print("  lost:", line)
    return failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", action="append", required=True, help="a site's URL")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--projects", type=int, default=10, help="per unit writer")
    parser.add_argument("--patches", type=int, default=100, help="per record patcher")
    parser.add_argument(
        "--records", type=int, default=20, help="records the patchers PATCH"
    )
    parser.add_argument("--import-rows", type=int, default=1000)
    parser.add_argument("--imports", type=int, default=2)
    parser.add_argument("--year", type=int, default=2029)
    parser.add_argument("--password", default="demo-password")
    parser.add_argument("--admin", default="admin:admin")
    parser.add_argument("--plain", action="store_true", help="also the plain-Plone run")
    parser.add_argument("--json", help="write the figures to this file")
    options = parser.parse_args(argv)
    site = Site(options.site, options.password, options.admin)

    print(f"setting up on {', '.join(site.urls)} (year {options.year})", flush=True)
    setup_started = time.perf_counter()
    fixture = set_up(site, options)
    print(f"setup took {time.perf_counter() - setup_started:.0f} s", flush=True)
    load = Load(site, options, fixture)
    seconds = load.run(options.users)
    lost = load.lost_writes()
    failed = report(
        f"changde.perfmgmt, {options.users} users",
        load.recorder.table(),
        seconds,
        lost,
        fixture["setup_failures"],
    )
    for example in load.recorder.examples[:10]:
        print("  failed:", example)
    result = {
        "users": options.users,
        "sites": site.urls,
        "seconds": round(seconds, 1),
        "actions": load.recorder.table(),
        "failed": failed,
        "lost": lost,
        "setup_failures": fixture["setup_failures"],
    }
    bad = failed or lost or fixture["setup_failures"]
    if options.plain:
        plain = PlainLoad(site, options, plain_setup(site, options))
        plain_seconds = plain.run(options.users)
        plain_lost = plain.lost_writes()
        plain_failed = report(
            f"plain Plone, {options.users} users",
            plain.recorder.table(),
            plain_seconds,
            plain_lost,
        )
        result["plain"] = {
            "seconds": round(plain_seconds, 1),
            "actions": plain.recorder.table(),
            "failed": plain_failed,
            "lost": plain_lost,
        }
    if options.json:
        with open(options.json, "w", encoding="utf-8") as out:
            json.dump(result, out, ensure_ascii=False, indent=2)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
