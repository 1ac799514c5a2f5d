"""Screenshots of the main pages for docs/ (`make screenshots`).

Starts a throw-away demo site of its own (a temporary var directory, a free
port on 127.0.0.1, the demo data), opens each page of PAGES in Debian's
headless Chromium as the reader named there, at that width, and writes
docs/screenshots/<name>.png; then stops the site and removes its data.

    .venv/bin/python scripts/screenshots.py [--only NAME ...] [--keep]

A page is (name, path or portal type, demo user or None, width, caption).
A portal type stands for the first item of that type the user finds
(@search as that user). Modules add their pages to PAGES.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT = PROJECT / "docs" / "screenshots"
INDEX = PROJECT / "docs" / "screenshots.md"
CREATE_SITE = "scripts/create_site.py"
SITE_ID = "Plone"
DEMO_PASSWORD = "demo-password"
ADMIN = ("admin", "screenshots-admin")
#: the tallest page we keep (a screenshot of a long list stops here)
MAX_HEIGHT = 2200

DESKTOP = 1366
PHONE = 390

#: name, path (relative to the site) or portal type, user, width, caption
PAGES = (
    ("home-anonymous", "", None, DESKTOP, "首页（访客）"),
    ("home-office", "", "office", DESKTOP, "首页（绩效科）"),
    ("home-phone", "", "shibenji-jiaoyu", PHONE, "首页（预算单位，手机宽度）"),
    ("project-unit", "BudgetProject", "shibenji-jiaoyu", DESKTOP, "项目（预算单位）"),
    ("coverage-office", "@@coverage", "office", DESKTOP, "四本预算覆盖（绩效科）"),
    ("monitoring-office", "monitoring", "office", DESKTOP, "运行监控（绩效科）"),
    ("round-office", "MonitoringRound", "office", DESKTOP, "监控轮次（绩效科）"),
    ("evaluation-office", "evaluation", "office", DESKTOP, "绩效评价（绩效科）"),
    (
        "rectification-district",
        "evaluation/@@rectification-overview",
        "wulingqu-staff",
        DESKTOP,
        "整改情况（区县财政局）",
    ),
    ("negative-list-reviewer", "negative-list", "reviewer", DESKTOP, "负面清单"),
    ("expert-library-office", "expert-library", "office", DESKTOP, "专家库（绩效科）"),
    ("monitoring-phone", "monitoring", "office", PHONE, "运行监控（手机宽度）"),
    ("workbench-office", "@@workbench", "office", DESKTOP, "工作台（绩效科）"),
    ("workbench-reviewer", "@@workbench", "reviewer", DESKTOP, "工作台（审核人员）"),
    (
        "workbench-district",
        "@@workbench",
        "wulingqu-staff",
        DESKTOP,
        "工作台（区县财政局）",
    ),
    (
        "workbench-unit-phone",
        "@@workbench",
        "shibenji-jiaoyu",
        PHONE,
        "工作台（预算单位，手机宽度）",
    ),
    ("dashboard-office", "@@dashboard", "office", DESKTOP, "驾驶舱（绩效科）"),
    (
        "dashboard-district-phone",
        "@@dashboard",
        "wulingqu-staff",
        PHONE,
        "驾驶舱（区县财政局，手机宽度）",
    ),
    ("reporting-office", "reporting", "office", DESKTOP, "报告与文书（绩效科）"),
    (
        "work-plan-office",
        "reporting/work-plan-2019",
        "office",
        DESKTOP,
        "工作方案的 14 项措施（绩效科）",
    ),
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoSite:
    """A demo site in a temporary var directory, served on a free port."""

    def __init__(self, keep=False):
        self.var = Path(tempfile.mkdtemp(prefix="changde-screenshots-"))
        self.port = free_port()
        self.keep = keep
        # "localhost", not 127.0.0.1: Plone leaves pages on 127.0.0.1 unthemed
        # (the theme settings' hostnameBlacklist)
        self.url = f"http://localhost:{self.port}/{SITE_ID}"
        self.env = dict(
            os.environ,
            VAR_DIR=str(self.var),
            PORT=str(self.port),
            HOST="127.0.0.1",
            SITE_ID=SITE_ID,
            ADMIN_USER=ADMIN[0],
            ADMIN_PASSWORD=ADMIN[1],
            DEMO="1",
        )
        self.server = None

    def __enter__(self):
        run = {"cwd": PROJECT, "env": self.env, "check": True}
        subprocess.run([BIN / "python", "scripts/instance.py"], **run)
        print("creating the demo site (about a minute)…", flush=True)
        subprocess.run(
            [BIN / "zconsole", "run", self.var / "etc/zope.conf", CREATE_SITE],
            stdout=subprocess.DEVNULL,
            **run,
        )
        log = open(self.var / "log" / "screenshots-server.log", "w")  # noqa: SIM115
        self.server = subprocess.Popen(
            [BIN / "runwsgi", self.var / "etc/zope.ini"],
            cwd=PROJECT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if requests.get(self.url, timeout=5).status_code == 200:
                    return self
            except (requests.ConnectionError, requests.Timeout):
                # a busy machine answers the first (cold) request slowly
                pass
            if self.server.poll() is not None:
                break
            time.sleep(1)
        self.__exit__(None, None, None)
        sys.exit(f"screenshots: the demo site did not start (log: {log.name})")

    def __exit__(self, *exc):
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)
        if self.keep:
            print(f"kept the demo site's data in {self.var}")
        else:
            shutil.rmtree(self.var, ignore_errors=True)

    def first(self, portal_type, user):
        """The address of the first item of ``portal_type`` ``user`` finds."""
        auth = (user, DEMO_PASSWORD) if user else None
        response = requests.get(
            f"{self.url}/@search",
            params={"portal_type": portal_type, "sort_on": "getId", "b_size": 1},
            headers={"Accept": "application/json"},
            auth=auth,
            timeout=30,
        )
        response.raise_for_status()
        items = response.json()["items"]
        if not items:
            raise LookupError(f"{user or 'anonymous'} finds no {portal_type}")
        return items[0]["@id"]


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from changde.perfmgmt.testing import BROWSER_MISSING
    from changde.perfmgmt.testing import CHROMIUM_FLAGS

    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        sys.exit(BROWSER_MISSING)
    os.environ.setdefault("SE_OFFLINE", "true")
    profile = tempfile.mkdtemp(prefix="changde-chromium-")
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--hide-scrollbars")
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    options.binary_location = chromium
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    driver.set_page_load_timeout(60)
    driver.profile_dir = profile
    return driver


def sign_in(driver, site, user):
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    if user is None:
        return
    driver.set_window_size(DESKTOP, 900)
    driver.get(f"{site.url}/login")
    driver.find_element(By.ID, "__ac_name").send_keys(user)
    driver.find_element(By.ID, "__ac_password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    deadline = time.time() + 20
    while driver.get_cookie("__ac") is None:
        if time.time() > deadline:
            raise RuntimeError(f"{user} could not sign in")
        time.sleep(0.2)


def shoot(driver, url, width, path):
    driver.set_window_size(width, 900)
    driver.get(url)
    time.sleep(0.8)  # let the patterns (menus, charts) settle
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight,"
        " document.documentElement.scrollHeight);"
    )
    driver.set_window_size(width, min(max(height, 600), MAX_HEIGHT))
    time.sleep(0.3)
    driver.save_screenshot(str(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names of PAGES to take")
    parser.add_argument("--keep", action="store_true", help="keep the demo data")
    args = parser.parse_args()
    pages = [p for p in PAGES if not args.only or p[0] in args.only]
    OUT.mkdir(parents=True, exist_ok=True)
    with DemoSite(keep=args.keep) as site:
        driver = browser()
        try:
            user_now = object()
            for name, where, user, width, _caption in pages:
                if user != user_now:
                    sign_in(driver, site, user)
                    user_now = user
                if where and where[0].isupper():
                    url = site.first(where, user)
                else:
                    url = f"{site.url}/{where}" if where else site.url
                path = OUT / f"{name}.png"
                shoot(driver, url, width, path)
                print(f"{path.relative_to(PROJECT)}  {url}")
        finally:
            driver.quit()
            shutil.rmtree(driver.profile_dir, ignore_errors=True)
    if not args.only:
        write_index()


def write_index():
    """docs/screenshots.md: every page of PAGES with its caption."""
    lines = [
        "# Screenshots",
        "",
        "The main pages of the demo site (`make demo`) as the readers named in each",
        "caption see them, in Chromium at 1366 px (desktop) or 390 px (phone).",
        "`make screenshots` takes them again: it starts a throw-away demo site of its",
        "own, so they always show the code as it is (see docs/development.md).",
        "",
    ]
    for name, _where, _user, _width, caption in PAGES:
        lines += [f"## {caption}", "", f"![{caption}](screenshots/{name}.png)", ""]
    INDEX.write_text("\n".join(lines), encoding="utf-8")
    print(f"{INDEX.relative_to(PROJECT)}: {len(PAGES)} pages")


if __name__ == "__main__":
    main()
