"""Demo data of the libraries module (called by changde.perfmgmt.demo.load_demo).

The three libraries with a few members (experts and agencies with ratings,
so that the elimination page has something to rank; the supervision library
covering the five groups) and one internal-review round with scored reports.
Idempotent: whatever exists (same id) is left alone.
"""

import datetime

from plone import api

from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.rules.review_scoring import review_total
from changde.perfmgmt.libraries.settings import review_weights
from changde.perfmgmt.libraries.setuphandlers import ensure_folders

YEAR = 2026

#: id, name, level, fields of expertise, organisation, title, ratings
EXPERTS = (
    (
        "zhang-wei",
        "张伟",
        "provincial",
        ("财政管理", "绩效评价"),
        "湖南大学",
        "教授",
        (92, 88, 90),
    ),
    (
        "li-na",
        "李娜",
        "municipal",
        ("教育",),
        "常德市教育科学研究院",
        "高级讲师",
        (65, 70, 60),
    ),
    (
        "wang-fang",
        "王芳",
        "municipal",
        ("卫生健康",),
        "常德市第一人民医院",
        "主任医师",
        (85, 80, 82),
    ),
    (
        "liu-yang",
        "刘洋",
        "municipal",
        ("交通",),
        "常德市公路建设养护中心",
        "高级工程师",
        (78,),
    ),
    (
        "chen-jing",
        "陈静",
        "provincial",
        ("审计", "内部控制"),
        "湖南省审计科研所",
        "研究员",
        (88, 91, 86),
    ),
)
#: id, name, level, qualifications, ratings
AGENCIES = (
    (
        "huaxin-kuaiji",
        "湖南华信会计师事务所有限公司",
        "provincial",
        ("会计师事务所执业证书",),
        (86, 90, 84),
    ),
    (
        "changde-jiance",
        "常德正衡工程造价咨询有限公司",
        "municipal",
        ("工程造价咨询企业甲级资质",),
        (70, 72, 68),
    ),
    (
        "wuling-pinggu",
        "常德明远绩效评估事务所",
        "municipal",
        ("财政部门委托评价机构名录",),
        (80, 79, 83),
    ),
)
#: id, name, category, organisation
SUPERVISION = (
    ("zhou-hong", "周红", "finance_expert", "湖南文理学院经济与管理学院"),
    ("xu-li", "徐立", "npc_deputy", "常德市人大常委会预算工作委员会"),
    ("he-ping", "何平", "cppcc_member", "常德市政协经济委员会"),
    ("tang-jun", "唐军", "discipline_inspection", "市纪委监委驻市财政局纪检监察组"),
    ("peng-lan", "彭兰", "audit", "常德市审计局"),
)
ROUND_ID = f"{YEAR}-round-1"
REPORTS = (
    {
        "title": "2025年度义务教育薄弱环节改善与能力提升项目绩效评价报告",
        "reference": "CDCZ-PJ-2025-001",
        "uid": "",
        "goal_completion": "90",
        "problem_depth": "85",
        "suggestion_feasibility": "88",
        "text_quality": "86",
        "excellent": True,
    },
    {
        "title": "2025年度基层医疗卫生服务能力提升项目绩效评价报告",
        "reference": "CDCZ-PJ-2025-002",
        "uid": "",
        "goal_completion": "82",
        "problem_depth": "70",
        "suggestion_feasibility": "75",
        "text_quality": "78",
        "excellent": False,
    },
)


def _ratings(scores, prefix):
    # given in the demo year: elimination ranks a year's ratings
    return [
        {
            "date": f"{YEAR}-{number * 3:02d}-15",
            "engagement": f"{prefix}第{number}次评价工作",
            "score": str(score),
            "rater": "office",
            "note": "",
        }
        for number, score in enumerate(scores, start=1)
    ]


def _ensure(container, type_name, id, counts, **fields):
    if id in container.objectIds():
        return container[id], False
    obj = api.content.create(container=container, type=type_name, id=id, **fields)
    counts[type_name] = counts.get(type_name, 0) + 1
    return obj, True


def load_demo(portal, folders, counts):
    """Create what is missing of this module's demo data; add to counts."""
    libraries = ensure_folders(portal)
    experts = libraries["expert-library"]
    for number, spec in enumerate(EXPERTS, start=1):
        id, name, level, expertise, organisation, title, scores = spec
        expert, created = _ensure(
            experts,
            "Expert",
            id,
            counts,
            title=name,
            level=level,
            expertise=list(expertise),
            organisation=organisation,
            professional_title=title,
            contact=f"0736-72{number:05d}(演示)",
        )
        if created:
            expert.ratings = _ratings(scores, "专家")
    agencies = libraries["agency-library"]
    for id, name, level, qualifications, scores in AGENCIES:
        agency, created = _ensure(
            agencies,
            "Agency",
            id,
            counts,
            title=name,
            level=level,
            qualifications=list(qualifications),
            contact="0736-7200000",
        )
        if created:
            agency.ratings = _ratings(scores, "中介")
    supervision = libraries["supervision-library"]
    for id, name, category, organisation in SUPERVISION:
        _ensure(
            supervision,
            "SupervisionMember",
            id,
            counts,
            title=name,
            category=category,
            organisation=organisation,
        )
    review_round, created = _ensure(
        libraries["internal-review"],
        "InternalReviewRound",
        ROUND_ID,
        counts,
        title=f"{YEAR}年第1轮内部点评",
        year=YEAR,
        number=1,
        date=datetime.date(YEAR, 3, 20),
        panel_experts=["张伟", "陈静"],
        panel_officials=["省财政厅绩效管理处(演示)"],
        panel_representatives=["市人大预算工委代表(演示)"],
    )
    if created:
        weights = review_weights()
        rows = []
        for row in REPORTS:
            row = dict(row)
            scores = {c: row[c] for c in REVIEW_CRITERIA}
            row["total"] = str(review_total(scores, weights))
            rows.append(row)
        review_round.reports = rows
