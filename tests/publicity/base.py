"""Shared set-up of the publicity tests: the column's sections, trainings,
news and policies, and a test browser speaking Chinese."""

import datetime

import pytz
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.testing.zope import Browser

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.testing import PASSWORD


def sections(portal=None):
    return {
        kind: section(kind, portal)
        for kind in ("policies", "news", "reports", "training", "feedback")
    }


def publish(obj):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj=obj, transition="publish")
    return obj


def days_from_today(days, hour=9):
    """A time in Beijing ``days`` from today (pytz: what plone.app.event
    stores; a zoneinfo time cannot be pickled into the ZODB)."""
    day = today_in_china() + datetime.timedelta(days=days)
    return pytz.timezone("Asia/Shanghai").localize(
        datetime.datetime(day.year, day.month, day.day, hour, 0)
    )


def create_training(
    container,
    id="training",
    days=7,
    title="预算绩效管理业务培训",
    published=True,
    **fields,
):
    values = {
        "title": title,
        "start": days_from_today(days, 9),
        "end": days_from_today(days, 17),
        "location": "常德市财政局五楼会议室",
        "audience": {"districts", "units"},
        "text": RichTextValue("<p>上午:政策解读;下午:操作实务。</p>"),
    }
    values.update(fields)
    event = api.content.create(
        container=container, type="TrainingEvent", id=id, **values
    )
    if published:
        publish(event)
    return event


def create_news(container, id="news", kind="news", date=None, published=True, **fields):
    values = {
        "title": "全市预算绩效管理工作布置会召开",
        "publicity_kind": kind,
        "publicity_date": date or datetime.date(2026, 3, 15),
        "audience": "各区县市财政局、市直预算单位",
    }
    values.update(fields)
    item = api.content.create(
        container=container, type="PublicityItem", id=id, **values
    )
    if published:
        publish(item)
    return item


def create_policy(container, id="policy", published=True, **fields):
    values = {
        "title": "常德市财政局贯彻湘办发〔2019〕10号文件工作方案",
        "document_number": "常财绩〔2019〕1号",
        "issuer": "常德市财政局",
        "issue_date": datetime.date(2019, 6, 1),
        "policy_level": "municipal",
        "text": RichTextValue("<p>为贯彻落实……</p>"),
    }
    values.update(fields)
    policy = api.content.create(
        container=container, type="PolicyDocument", id=id, **values
    )
    if published:
        publish(policy)
    return policy


def as_manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])


def browser(layer, user=None, language="zh-cn"):
    """A test browser (anonymous, or signed in as ``user``) that shows
    errors as pages and lets the test read any status."""
    answer = Browser(layer["app"])
    answer.handleErrors = True
    answer.raiseHttpErrors = False
    if user is not None:
        answer.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
    answer.addHeader("Accept-Language", language)
    return answer


def status(browser):
    return int(browser.headers["status"].split()[0])


def warm_up(layer):
    """Render a page once as anonymous: Plone creates the portlets' settings
    on the first render, a write that plone.protect would otherwise answer
    with its "confirm" page to the first signed-in test request."""
    browser(layer).open(layer["portal"].absolute_url() + "/column")


def hidden_from(browser_, text):
    """The page refused the visitor (401/403/404, or the login form) and does
    not show ``text``."""
    refused = (
        status(browser_) in (401, 403, 404)
        or "/login" in browser_.url
        or ("insufficient-privileges" in browser_.url)
    )
    return refused and text not in browser_.contents
