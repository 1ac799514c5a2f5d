"""Test layers of changde.perfmgmt (plone.app.testing).

- ``CHANGDE_PERFMGMT_INTEGRATION_TESTING``: a site with the add-on installed,
  every test rolled back.
- ``CHANGDE_PERFMGMT_FUNCTIONAL_TESTING``: the same, committed for real
  (DemoStorage per test), served by a real WSGI server on a free port for tests
  that speak HTTP (plone.restapi).
- ``CHANGDE_PERFMGMT_BROWSER_TESTING``: the functional layer and one headless
  Debian Chromium driven by selenium; tests derive from ``BrowserTestCase``
  and live in ``tests/<module>/test_browser_*.py``.
"""

import os
import sys
import unittest
from contextlib import contextmanager
from datetime import UTC
from unittest import mock

import transaction
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing import Layer
from plone.testing import zope as zope_testing

# Compile the .po files when the ZCML registers them, as the site does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ChangdePerfmgmtLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.app.contenttypes' own fixture needs plone.app.robotframework,
        # which the project does not install: set the content types up here.
        import plone.app.contenttypes

        import changde.perfmgmt

        self.loadZCML(package=plone.app.contenttypes)
        self.loadZCML(package=changde.perfmgmt)

    def setUpPloneSite(self, portal):
        # The site as `make start` creates it: Simplified Chinese first.
        from plone import api

        portal.setLanguage("zh-cn")
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "changde.perfmgmt:default")
        api.portal.set_registry_record("plone.default_language", "zh-cn")


CHANGDE_PERFMGMT_FIXTURE = ChangdePerfmgmtLayer()

CHANGDE_PERFMGMT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE,),
    name="ChangdePerfmgmtLayer:IntegrationTesting",
)

CHANGDE_PERFMGMT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE, zope_testing.WSGI_SERVER_FIXTURE),
    name="ChangdePerfmgmtLayer:FunctionalTesting",
)


# --- a small city for tests: two jurisdictions, three units, their people ----

PASSWORD = "secret-password-1"

OFFICE_USER = "office"  # 绩效科, in the office group
REVIEWER_USER = "reviewer"  # 预算科, in the reviewers group
DISTRICT_USER = "wuling-staff"  # 武陵区财政局, staff of the district
UNIT_A_USER = "unit-a-staff"  # 市教育局
UNIT_B_USER = "unit-b-staff"  # 市卫健委
DISTRICT_UNIT_USER = "wuling-unit-staff"  # a unit of 武陵区


def create_city(portal):
    """Jurisdictions ``shibenji`` (municipal) and ``wuling`` (district), units
    ``shibenji/unit-a``, ``shibenji/unit-b`` and ``wuling/unit-w``, and one user
    for each role. Call it as a Manager; returns a dict of the folders."""
    from plone import api

    from changde.perfmgmt.core.roles import OFFICE_GROUP
    from changde.perfmgmt.core.roles import REVIEWERS_GROUP

    municipal = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="shibenji",
        title="市本级",
        kind="municipal",
    )
    district = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="wuling",
        title="武陵区",
        kind="district",
    )
    unit_a = api.content.create(
        container=municipal,
        type="BudgetUnit",
        id="unit-a",
        title="市教育局",
        unit_code="101001",
    )
    unit_b = api.content.create(
        container=municipal,
        type="BudgetUnit",
        id="unit-b",
        title="市卫健委",
        unit_code="101002",
    )
    unit_w = api.content.create(
        container=district,
        type="BudgetUnit",
        id="unit-w",
        title="武陵区教育局",
        unit_code="201001",
    )
    members = {
        OFFICE_USER: OFFICE_GROUP,
        REVIEWER_USER: REVIEWERS_GROUP,
        DISTRICT_USER: district.staff_group,
        UNIT_A_USER: unit_a.staff_group,
        UNIT_B_USER: unit_b.staff_group,
        DISTRICT_UNIT_USER: unit_w.staff_group,
    }
    for username, group in members.items():
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=username)
    return {
        "municipal": municipal,
        "district": district,
        "unit_a": unit_a,
        "unit_b": unit_b,
        "unit_w": unit_w,
    }


OTHER_DISTRICT_USER = "dingcheng-staff"  # 鼎城区财政局


def create_other_district(portal):
    """A second district (鼎城区, id ``dingcheng``) with its staff user
    :data:`OTHER_DISTRICT_USER`: for "another district's staff is refused"."""
    from plone import api

    district = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="dingcheng",
        title="鼎城区",
        kind="district",
    )
    api.user.create(
        email="dingcheng@example.org", username=OTHER_DISTRICT_USER, password=PASSWORD
    )
    api.group.add_user(groupname=district.staff_group, username=OTHER_DISTRICT_USER)
    return district


#: ``RestClient.call``'s default user: the class's ``rest_user``.
CLASS_USER = object()


def rest_call(method, url, user=None, language=None, password=PASSWORD, **kwargs):
    """One request to the functional layer's server, as plone.restapi is
    called: ``Accept: application/json``, ``Accept-Language: language`` when
    given, basic auth as ``user`` (None: anonymous; a ``(name, password)``
    tuple as is). Other ``kwargs`` go to ``requests.request`` (``json=``,
    ``data=``, ``headers=``)."""
    import requests

    if user is None:
        auth = None
    elif isinstance(user, tuple):
        auth = user
    else:
        auth = (user, password)
    headers = {"Accept": "application/json"}
    if language:
        headers["Accept-Language"] = language
    headers.update(kwargs.pop("headers", None) or {})
    kwargs.setdefault("timeout", 60)
    return requests.request(method, url, headers=headers, auth=auth, **kwargs)


class RestClient:
    """Mix-in of the functional tests that speak REST: ``self.call(method,
    url, user=…, language=…, json=…)`` (:func:`rest_call`), the user and the
    language defaulting to the class's ``rest_user`` and ``rest_language``."""

    rest_user = None
    rest_language = None

    def call(self, method, url, user=CLASS_USER, language=None, **kwargs):
        if user is CLASS_USER:
            user = self.rest_user
        return rest_call(method, url, user, language or self.rest_language, **kwargs)


@contextmanager
def frozen_clock(when):
    """Stop the add-on's one clock (``core.rules.clock.utc_now``) at ``when``,
    an aware datetime (a naive one is UTC), for the ``with`` block: every
    business date (today in Beijing, the current year) then follows from it.
    Answers ``when`` in UTC."""
    from changde.perfmgmt.core.rules import clock

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    when = when.astimezone(UTC)
    with mock.patch.object(clock, "utc_now", return_value=when):
        yield when


def project_fields(**fields):
    """The fields of :func:`create_project`'s projects, ``fields`` on top
    (also the yearly benchmark's bulk builder, benchmarks/bulk.py)."""
    from decimal import Decimal

    from plone.app.textfield.value import RichTextValue

    values = {
        "title": "义务教育均衡发展专项",
        "year": 2026,
        "budget_kind": "general_public",
        "is_special_fund": False,
        "amount": Decimal("1000000"),
        "performance_goal": RichTextValue("<p>完成 20 所学校改造。</p>"),
        "pre_evaluation_result": "none",
    }
    values.update(fields)
    return values


def indicator_fields(number, quantifiable=True):
    """The fields of :func:`create_project`'s indicator ``number`` (from 0)."""
    from decimal import Decimal

    return {
        "title": f"指标 {number + 1}",
        "level1": "产出指标",
        "level2": "数量指标",
        "quantifiable": quantifiable,
        "comparator": "ge" if quantifiable else "qualitative",
        "target_value": "20" if quantifiable else "明显改善",
        "unit": "所",
        "weight": Decimal("5"),
    }


def create_project(unit, id="project", indicators=0, quantifiable=None, **fields):
    """A draft project with a goal and ``indicators`` indicators (all
    quantifiable unless ``quantifiable`` says how many are)."""
    from plone import api

    project = api.content.create(
        container=unit, type="BudgetProject", id=id, **project_fields(**fields)
    )
    quantifiable = indicators if quantifiable is None else quantifiable
    for number in range(indicators):
        api.content.create(
            container=project,
            type="Indicator",
            id=f"indicator-{number + 1}",
            **indicator_fields(number, number < quantifiable),
        )
    return project


# --- browser tests: Debian's headless Chromium driven by selenium -------------

BROWSER_MISSING = (
    "The browser tests need Debian's chromium, chromium-driver and fonts-noto-cjk. "
    "Install them as root: apt-get install chromium chromium-driver fonts-noto-cjk "
    "(`make test` does this itself when it runs as root)."
)

# Flags for a quiet, reproducible headless run: no sandbox (containers run as
# root), no GPU, nothing fetched in the background, a fresh profile each run.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--lang=zh-CN",
)

DESKTOP = (1366, 900)
PHONE = (390, 844)


def browser_screenshot_dir():
    """Where browser tests keep screenshots: ``$BROWSER_SCREENSHOTS`` or
    ``var/browser-tests`` of the directory the tests run from."""
    from pathlib import Path

    path = Path(os.environ.get("BROWSER_SCREENSHOTS") or "var/browser-tests")
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


class ChromiumLayer(Layer):
    """One headless Chromium for the layer's tests, against the functional
    test server (``CHANGDE_PERFMGMT_FUNCTIONAL_TESTING``). Fails, never skips,
    when Chromium is missing."""

    defaultBases = (CHANGDE_PERFMGMT_FUNCTIONAL_TESTING,)

    def setUp(self):
        import shutil
        import tempfile

        chromium = shutil.which("chromium")
        chromedriver = shutil.which("chromedriver")
        if not (chromium and chromedriver):
            raise RuntimeError(BROWSER_MISSING)
        # Never let selenium look for (or download) another browser.
        os.environ.setdefault("SE_OFFLINE", "true")
        os.environ.setdefault("SE_AVOID_STATS", "true")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile_dir = tempfile.mkdtemp(prefix="changde-chromium-")
        options = webdriver.ChromeOptions()
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile_dir}")
        options.add_argument("--window-size={},{}".format(*DESKTOP))
        options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
        options.binary_location = chromium
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        driver.set_page_load_timeout(60)
        self["driver"] = driver

    def tearDown(self):
        import shutil

        self["driver"].quit()
        del self["driver"]
        shutil.rmtree(self.profile_dir, ignore_errors=True)

    def testSetUp(self):
        # Each test starts signed out, at desktop width.
        driver = self["driver"]
        driver.delete_all_cookies()
        driver.set_window_size(*DESKTOP)


CHANGDE_PERFMGMT_BROWSER_TESTING = ChromiumLayer(
    name="ChangdePerfmgmtLayer:BrowserTesting"
)


class BrowserTestCase(unittest.TestCase):
    """A test that drives the headless Chromium of
    ``CHANGDE_PERFMGMT_BROWSER_TESTING`` against the functional test server.

    ``setUp`` creates the test city (:func:`create_city`; its folders in
    ``self.city``) unless ``create_city`` is False. ``open()`` commits what the
    test created before the browser asks for the page. When a test fails or
    errs, a screenshot of the page is kept and its path printed."""

    layer = CHANGDE_PERFMGMT_BROWSER_TESTING
    create_city = True

    def setUp(self):
        from plone import api

        self.portal = self.layer["portal"]
        self.driver = self.layer["driver"]
        self.portal_url = self.portal.absolute_url()
        self.city = None
        if self.create_city:
            with api.env.adopt_roles(["Manager"]):
                self.city = create_city(self.portal)
        transaction.commit()

    # -- pages

    def url(self, path=""):
        if path.startswith("http://") or path.startswith("https://"):
            return path
        return f"{self.portal_url}/{path.lstrip('/')}" if path else self.portal_url

    def open(self, path=""):
        """Commit the test's changes, open ``path`` (relative to the site or a
        full URL) and wait until the document has loaded."""
        transaction.commit()
        self.driver.get(self.url(path))
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        return self.driver

    def wait_until(self, condition, timeout=20, message=""):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(condition, message)

    def find(self, css):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def computed_style(self, css, prop):
        """The computed value of CSS property ``prop`` of the first element
        matching ``css`` (what the browser applies, not what the HTML says)."""
        return self.driver.execute_script(
            "return getComputedStyle(document.querySelector(arguments[0]))"
            ".getPropertyValue(arguments[1]);",
            css,
            prop,
        )

    def horizontal_overflow(self):
        """How many pixels the page is wider than the window (0: no
        horizontal scrolling)."""
        return self.driver.execute_script(
            "var e = document.documentElement;"
            "return Math.max(e.scrollWidth, document.body.scrollWidth) - e.clientWidth;"
        )

    def set_width(self, width, height=None):
        self.driver.set_window_size(
            width, height or (PHONE if width < 800 else DESKTOP)[1]
        )

    # -- people

    def login(self, user_id, password=None):
        """Sign in through the login form as ``user_id`` (a user of the test
        city, the site owner or the test user)."""
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD
        from plone.app.testing import TEST_USER_NAME
        from plone.app.testing import TEST_USER_PASSWORD

        if password is None:
            password = {
                SITE_OWNER_NAME: SITE_OWNER_PASSWORD,
                TEST_USER_NAME: TEST_USER_PASSWORD,
            }.get(user_id, PASSWORD)
        self.logout()
        self.open("login")
        self.find("#__ac_name").send_keys(user_id)
        self.find("#__ac_password").send_keys(password)
        self.find("[name='buttons.login']").click()
        self.wait_until(
            lambda d: d.get_cookie("__ac") is not None,
            message=f"{user_id} could not sign in",
        )

    def logout(self):
        self.driver.delete_all_cookies()

    # -- screenshots

    def screenshot(self, name):
        """Save the whole page (its full height, at the window's width) as
        ``<name>.png`` in :func:`browser_screenshot_dir`; answer the path."""
        driver = self.driver
        width, height = driver.get_window_size().values()
        full = driver.execute_script(
            "return Math.max(document.body.scrollHeight,"
            " document.documentElement.scrollHeight);"
        )
        driver.set_window_size(width, min(max(full, height), 8000))
        path = browser_screenshot_dir() / f"{name}.png"
        try:
            driver.save_screenshot(str(path))
        finally:
            driver.set_window_size(width, height)
        return path

    def _callTestMethod(self, method):
        # Keep the page as the test saw it when the test fails or errs.
        try:
            super()._callTestMethod(method)
        except (unittest.SkipTest, KeyboardInterrupt):
            raise
        except BaseException:
            self._keep_screenshot()
            raise

    def _keep_screenshot(self):
        name = self.id().replace("/", "-")
        try:
            path = self.screenshot(f"FAILED-{name}")
        except Exception as error:  # the browser itself may be what failed
            print(f"\n(no screenshot of {name}: {error})", file=sys.stderr)
        else:
            print(
                f"\nscreenshot of the failed page ({self.driver.current_url}): {path}",
                file=sys.stderr,
            )
