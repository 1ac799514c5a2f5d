"""RelStorage on PostgreSQL with two Zope instances, and backup/restore of both
storages, through the project's own scripts (R-P7; docs/operations.md).

No Plone test layer: the test starts a PostgreSQL cluster of its own
(scripts/postgres.sh, in a temporary folder on a free port), creates the demo
site on it (DEMO=1 scripts/start.sh, as `DB=postgres make demo` does), starts a
second instance on the same database, writes concurrently through both, and
checks that both see every write and that the municipal special-fund cap holds.
Then it backs up and restores each storage into a new database / folder, starts
an instance on the restored copy and compares the counts. Everything it started
is stopped in the cleanups, failure or not.

Skipped (with the reason printed) only where PostgreSQL is missing and the test
cannot install it (not root).
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"
BIN = Path(sys.executable).parent
ADMIN = ("admin", "admin")
DEMO_PASSWORD = "demo-password"
# (demo user, the demo unit where they write): 市教育局 and 武陵区教育局
WRITERS = [
    ("shibenji-jiaoyu", "shibenji/jiaoyuju"),
    ("wulingqu-staff", "wulingqu/jiaoyuju"),
]
USERS = 8  # concurrent writers, half on each instance
PROJECTS_PER_USER = 4
INDICATORS_PER_PROJECT = 2
START_TIMEOUT = 300


def postgres_available():
    if glob.glob("/usr/lib/postgresql/*/bin/pg_ctl") or shutil.which("pg_ctl"):
        return shutil.which("pg_dump") is not None
    return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instance:
    """One `scripts/start.sh` (create the site if needed, then runwsgi) in its
    own process group, its output in ``log``."""

    def __init__(self, name, env, folder):
        self.name = name
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port)}
        self.log = folder / f"{name}.out"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/Plone"

    def start(self):
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                [str(SCRIPTS / "start.sh")],
                cwd=PROJECT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"instance {self.name} exited ({self.process.returncode}):\n"
                    + self.tail()
                )
            try:
                if requests.get(self.url, timeout=10).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(2)
        raise AssertionError(f"instance {self.name} did not answer:\n{self.tail()}")

    def tail(self, lines=40):
        if not self.log.exists():
            return ""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        except ProcessLookupError:
            pass

    # --- REST -------------------------------------------------------------

    def count(self, **query):
        params = {"b_size": 1, **query}
        response = requests.get(
            f"{self.url}/@search",
            params=params,
            auth=ADMIN,
            headers={"Accept": "application/json"},
            timeout=60,
        )
        response.raise_for_status()
        return response.json()["items_total"]

    def counts(self):
        return {
            "BudgetProject": self.count(portal_type="BudgetProject"),
            "Indicator": self.count(portal_type="Indicator"),
            "load": self.count(portal_type="BudgetProject", SearchableText="负载测试"),
        }

    def special_fund_cap(self):
        response = requests.get(
            f"{self.url}/@registry/changde.perfmgmt.declaration.municipal_special_fund_cap",
            auth=ADMIN,
            headers={"Accept": "application/json"},
            timeout=60,
        )
        response.raise_for_status()
        approved = self.count(
            portal_type="BudgetProject",
            review_state="approved",
            is_special_fund="true",
            jurisdiction_kind="municipal",
            **{"year:int": 2026},
        )
        return approved, response.json()


class TestPostgresInstances(unittest.TestCase):
    """DB=postgres: two instances, one database; backup and restore of both
    storages."""

    def setUp(self):
        if os.getuid() != 0 and not postgres_available():
            reason = (
                "PostgreSQL is not installed and the test does not run as root: "
                "apt-get install postgresql"
            )
            print(f"\n  skipped: {reason}")
            self.skipTest(reason)
        self.started = time.monotonic()
        self.folder = Path(tempfile.mkdtemp(prefix="perfmgmt-pg-"))
        self.folder.chmod(0o755)  # the postgres user reaches its cluster in it
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.env = {
            **os.environ,
            "BIN": str(BIN),
            "PYTHONPATH": os.pathsep.join(
                [str(PROJECT / "src"), os.environ.get("PYTHONPATH", "")]
            ).rstrip(os.pathsep),
            "PG_DIR": str(self.folder / "postgres"),
            "PGPORT": str(free_port()),
            "PGDATABASE": "plone",
            "ADMIN_USER": ADMIN[0],
            "ADMIN_PASSWORD": ADMIN[1],
        }
        for name in ("DB", "DEMO", "INSTANCE", "VAR_DIR", "PGPASSWORD", "PGUSER"):
            self.env.pop(name, None)
        self.instances = []
        # registered first, so run last: the cluster stops after the instances
        self.addCleanup(self.run_script, "postgres.sh", "stop", check=False)

    def tearDown(self):
        for instance in reversed(self.instances):
            instance.stop()

    def run_script(self, name, *args, check=True, **env):
        result = subprocess.run(
            [str(SCRIPTS / name), *args],
            cwd=PROJECT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            self.assertEqual(
                result.returncode, 0, f"{name} {args}:\n{result.stdout}{result.stderr}"
            )
        return result

    def instance(self, name, **env):
        env = {**self.env, "VAR_DIR": str(self.folder / name), **env}
        instance = Instance(
            name, {k: v for k, v in env.items() if v is not None}, self.folder
        )
        self.instances.append(instance)
        return instance.start()

    def log(self, message):
        print(f"\n  [{time.monotonic() - self.started:5.0f}s] {message}", end="")

    # --- the concurrent writers -------------------------------------------

    def write_load(self, instances):
        """USERS threads, alternating between the instances, each creating
        PROJECTS_PER_USER projects with their indicators in a demo unit.
        Returns (created projects, created indicators, failures)."""
        created = {"BudgetProject": 0, "Indicator": 0}
        failures = []
        lock = threading.Lock()

        def post(url, user, data):
            response = requests.post(
                url,
                json=data,
                auth=(user, DEMO_PASSWORD),
                headers={"Accept": "application/json"},
                timeout=120,
            )
            if response.status_code != 201:
                with lock:
                    failures.append(
                        f"{url}: {response.status_code} {response.text[:300]}"
                    )
                return None
            with lock:
                created[data["@type"]] += 1
            return response.json()["@id"]

        def writer(number):
            instance = instances[number % len(instances)]
            user, unit = WRITERS[number % len(WRITERS)]
            for index in range(PROJECTS_PER_USER):
                project = post(
                    f"{instance.url}/{unit}",
                    user,
                    {
                        "@type": "BudgetProject",
                        "title": f"负载测试 {number}-{index}",
                        "year": 2026,
                        "budget_kind": "general_public",
                        "is_special_fund": False,
                        "amount": "120000.00",
                        "is_new_major": False,
                        "performance_goal": {"data": "<p>并发写入的项目。</p>"},
                        "pre_evaluation_result": "none",
                    },
                )
                if project is None:
                    continue
                for indicator in range(INDICATORS_PER_PROJECT):
                    post(
                        project,
                        user,
                        {
                            "@type": "Indicator",
                            "title": f"指标 {indicator + 1}",
                            "level1": "产出指标",
                            "level2": "数量指标",
                            "quantifiable": True,
                            "comparator": "ge",
                            "target_value": "20",
                            "unit": "所",
                            "weight": 5,
                        },
                    )

        threads = [
            threading.Thread(target=writer, args=(number,)) for number in range(USERS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        self.assertFalse(any(thread.is_alive() for thread in threads), "writers hung")
        return created, failures

    # --- the scenario -----------------------------------------------------

    def test_two_instances_one_database_then_backup_and_restore(self):
        postgres = {"DB": "postgres"}
        a = self.instance("a", DEMO="1", **postgres)
        self.log(f"instance a (DEMO=1, created the site) on {a.port}")
        b = self.instance("b", **postgres)
        self.log(f"instance b on {b.port}, the same database")
        self.assertIn("reusing the site", b.log.read_text(encoding="utf-8"))
        before = a.counts()
        self.assertEqual(b.counts(), before)
        self.assertGreater(before["BudgetProject"], 0, "the demo projects are there")

        created, failures = self.write_load([a, b])
        self.log(f"load: {created} created, {len(failures)} failed")
        self.assertEqual(failures, [])
        self.assertEqual(created["BudgetProject"], USERS * PROJECTS_PER_USER)
        expected = {
            "BudgetProject": before["BudgetProject"] + created["BudgetProject"],
            "Indicator": before["Indicator"] + created["Indicator"],
            "load": created["BudgetProject"],
        }
        # nothing lost: both instances count every write
        self.assertEqual(a.counts(), expected)
        self.assertEqual(b.counts(), expected)
        for instance in (a, b):
            approved, cap = instance.special_fund_cap()
            self.assertLessEqual(approved, cap)
        self.log(f"counts on a and b: {expected}; special funds {approved}/{cap}")

        # a deadline's eight users (benchmarks/load.py), half of their requests
        # on each instance: no failed request, no lost write
        load = subprocess.run(
            [
                str(BIN / "python"),
                str(PROJECT / "benchmarks" / "load.py"),
                "--site",
                f"{a.url}",
                "--site",
                f"{b.url}",
                *("--projects", "2", "--patches", "10", "--records", "5"),
                *("--import-rows", "60", "--imports", "1", "--year", "2031"),
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
        self.log("load.py on a and b:\n" + load.stdout[-3000:])
        self.assertEqual(load.returncode, 0, load.stdout[-3000:] + load.stderr[-2000:])
        expected = a.counts()
        self.assertEqual(b.counts(), expected)

        # --- PostgreSQL: pg_dump, restore into a new database ------------
        backup = self.run_script(
            "backup.sh", DB="postgres", BACKUP_DIR=str(self.folder / "backups")
        )
        dump = backup.stdout.strip().splitlines()[-1]
        self.assertTrue(dump.endswith(".dump") and Path(dump).stat().st_size > 0)
        for instance in (a, b):
            instance.stop()
        self.run_script("restore.sh", dump, "restored", DB="postgres")
        c = self.instance("c", PGDATABASE="restored", **postgres)
        self.assertEqual(c.counts(), expected)
        self.log("pg_dump restored into the database 'restored': same counts")
        c.stop()

        # --- FileStorage: the same data (zodbconvert), repozo + blobs ----
        fs = self.folder / "fs"
        (fs / "filestorage").mkdir(parents=True)
        password = (self.folder / "postgres" / "password").read_text().strip()
        dsn = (
            f"host='127.0.0.1' port='{self.env['PGPORT']}' dbname='plone' "
            f"user='plone' password='{password}'"
        )
        conf = self.folder / "convert.conf"
        conf.write_text(
            f"""%import relstorage
<relstorage source>
  keep-history false
  blob-dir {self.folder}/convert-blobcache
  shared-blob-dir false
  <postgresql>
    dsn {dsn}
  </postgresql>
</relstorage>
<filestorage destination>
  path {fs}/filestorage/Data.fs
  blob-dir {fs}/blobstorage
</filestorage>
""",
            encoding="utf-8",
        )
        subprocess.run(
            [str(BIN / "zodbconvert"), str(conf)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        backups = self.folder / "fs-backups"
        self.run_script("backup.sh", VAR_DIR=str(fs), BACKUP_DIR=str(backups))
        self.assertTrue(list(backups.glob("*.fsz")))
        self.assertTrue(list(backups.glob("blobstorage-*.tar.gz")))
        restored = self.folder / "fs-restored"
        self.run_script("restore.sh", str(backups), str(restored))
        d = self.instance("d", VAR_DIR=str(restored))
        self.assertEqual(d.counts(), expected)
        # the blobs came back too: the demo's files are readable
        blobs = list((restored / "blobstorage").rglob("*.blob"))
        self.assertEqual(len(blobs), len(list((fs / "blobstorage").rglob("*.blob"))))
        self.assertTrue(blobs)
        self.log(
            f"FileStorage restored into a new folder: same counts, {len(blobs)} blobs"
        )
        # restoring over an existing folder or database is refused
        refused = self.run_script(
            "restore.sh", str(backups), str(restored), check=False
        )
        self.assertNotEqual(refused.returncode, 0)
        refused = self.run_script(
            "restore.sh", dump, "restored", DB="postgres", check=False
        )
        self.assertNotEqual(refused.returncode, 0)
        self.log("done")
