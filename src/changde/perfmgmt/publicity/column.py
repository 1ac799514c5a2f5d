"""The performance column (绩效管理专栏) in the site root and its sections,
created (and published) by the install profile, with the two policies of
the plan as drafts the office completes and publishes: the full texts of
中发〔2018〕34号 and 湘办发〔2019〕10号 (R-M1). Each section's feed (RSS,
Atom) is switched on: Plone's syndication with the section's own listing
(:mod:`changde.perfmgmt.publicity.feeds`)."""

import datetime

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.base.interfaces.syndication import IFeedSettings

from changde.perfmgmt.publicity.rules.listings import SECTION_KINDS

COLUMN_ID = "column"
COLUMN_TITLE = "绩效管理专栏"
COLUMN_DESCRIPTION = (
    "常德市财政局预算绩效管理专栏:政策文件、工作动态、重点评价报告、培训和公众意见。"
)
COLUMN_TEXT = (
    "<p>全面实施预算绩效管理,做到“预算编制有目标、预算执行有监控、预算完成有评价、"
    "评价结果有反馈、反馈结果有应用”。本专栏公开预算绩效管理的政策文件、工作动态和"
    "重点评价报告,发布培训信息,并接受社会监督。</p>"
)

#: section kind -> (id, title, description)
SECTIONS = {
    "policies": ("policies", "政策文件", "预算绩效管理的政策文件全文。"),
    "news": ("news", "工作动态", "预算绩效管理工作动态、工作布置会和内部点评会。"),
    "reports": (
        "reports",
        "评价报告",
        "经市人民政府批准并公开的重点评价报告,按年度和评价类型查阅,附评价等级和整改情况。",
    ),
    "training": (
        "training",
        "培训",
        "预算绩效管理培训:培训安排、报名、培训资料和反馈。",
    ),
    "feedback": (
        "feedback",
        "公众意见",
        "对已公开的评价报告提出意见和建议。",
    ),
}
assert tuple(SECTIONS) == SECTION_KINDS

FEEDBACK_TEXT = (
    "<p>所有重点评价报告在本专栏公开,接受社会监督。您可以对任何一份已公开的评价报告"
    "提出意见和建议:在报告页面点击“对本报告提出意见”,或使用下方的意见表。</p>"
    "<p>姓名和联系方式选填,仅供绩效科回复您时使用,不会公开。</p>"
)

#: the plan's two policies (工作方案: 在绩效管理专栏上公开全文): id, title,
#: document number, issuer, date, level
POLICY_PLACEHOLDERS = (
    (
        "zhongfa-2018-34",
        "中共中央 国务院关于全面实施预算绩效管理的意见",
        "中发〔2018〕34号",
        "中共中央 国务院",
        datetime.date(2018, 9, 1),
        "central",
    ),
    (
        "xiangbanfa-2019-10",
        "中共湖南省委办公厅 湖南省人民政府办公厅关于全面实施预算绩效管理的实施意见",
        "湘办发〔2019〕10号",
        "中共湖南省委办公厅 湖南省人民政府办公厅",
        None,
        "provincial",
    ),
)
PLACEHOLDER_TEXT = (
    "<p>【待补充】请绩效科在此录入文件全文(或上传原件),核对文号和成文日期后发布。</p>"
)


def column(portal=None, create=True):
    """The performance column, created with its sections when missing."""
    portal = portal or api.portal.get()
    folder = portal.get(COLUMN_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=portal,
                type="PerformanceColumn",
                id=COLUMN_ID,
                title=COLUMN_TITLE,
                description=COLUMN_DESCRIPTION,
                text=RichTextValue(COLUMN_TEXT, "text/html", "text/x-html-safe"),
            )
            _publish(folder)
    if folder is not None and create:
        ensure_sections(folder)
    return folder


def section(kind, portal=None):
    """The column's section of ``kind`` (None without a column or section)."""
    folder = column(portal, create=False)
    if folder is None:
        return None
    section_id = SECTIONS[kind][0]
    found = folder.get(section_id)
    if found is not None and found.section_kind == kind:
        return found
    for child in folder.objectValues():
        if getattr(child, "section_kind", None) == kind:
            return child
    return None


def ensure_sections(folder):
    """Create (published, with their feeds on) the sections that are missing,
    and the policy placeholders."""
    with api.env.adopt_roles(["Manager"]):
        existing = {
            getattr(child, "section_kind", None) for child in folder.objectValues()
        }
        for kind, (section_id, title, description) in SECTIONS.items():
            if kind in existing or section_id in folder:
                continue
            fields = {}
            if kind == "feedback":
                fields["text"] = RichTextValue(
                    FEEDBACK_TEXT, "text/html", "text/x-html-safe"
                )
            created = api.content.create(
                container=folder,
                type="ColumnSection",
                id=section_id,
                title=title,
                description=description,
                section_kind=kind,
                **fields,
            )
            _publish(created)
            enable_feed(created)
            if kind == "policies":
                create_policy_placeholders(created)


def enable_feed(obj):
    """Switch the RSS and Atom feeds of ``obj`` on."""
    settings = IFeedSettings(obj)
    settings.enabled = True
    settings.feed_types = ("RSS", "rss.xml", "atom.xml")


def create_policy_placeholders(policies):
    """The plan's two policies as drafts (the office fills in the text and
    publishes them)."""
    for id_, title, number, issuer, issued, level in POLICY_PLACEHOLDERS:
        if id_ in policies:
            continue
        api.content.create(
            container=policies,
            type="PolicyDocument",
            id=id_,
            title=title,
            description=f"{number}",
            document_number=number,
            issuer=issuer,
            issue_date=issued,
            policy_level=level,
            text=RichTextValue(PLACEHOLDER_TEXT, "text/html", "text/x-html-safe"),
        )


def _publish(obj):
    if api.content.get_state(obj, default=None) == "draft":
        api.content.transition(obj=obj, transition="publish")
