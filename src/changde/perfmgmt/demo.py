"""Demo data of changde.perfmgmt (the ``changde.perfmgmt:demo`` profile).

Changde's municipal level (市本级), its districts, counties, county-level city
and the four management zones as jurisdictions, a few budget units in each, an
indicator library, projects of 2026 in every state of the declaration workflow
(one draft for each gate that blocks a submission, its description saying
which rule), and four demo users. :func:`load_demo` is idempotent: whatever
already exists (same id, same user name) is left alone, so running it twice
creates nothing twice.

Transitions go through ``portal_workflow.doActionFor`` like the UI's, but only
after the gates said yes: a refused transition dooms the transaction.
"""

import logging
from decimal import Decimal

from plone import api
from plone.app.textfield.value import RichTextValue

from changde.perfmgmt.core.roles import OFFICE_GROUP
from changde.perfmgmt.core.roles import REVIEWERS_GROUP
from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.settings import DEFAULT_INDICATOR_LEVELS
from changde.perfmgmt.evaluation import demo as evaluation_demo
from changde.perfmgmt.libraries import demo as libraries_demo
from changde.perfmgmt.monitoring import demo as monitoring_demo
from changde.perfmgmt.publicity import demo_loader as publicity_demo

logger = logging.getLogger("changde.perfmgmt.demo")

YEAR = 2026
PASSWORD = "demo-password"
LIBRARY_ID = "indicator-library"

# --- Jurisdictions and budget units ------------------------------------------

#: id, title, kind, administrative division code, prefix of the unit codes
JURISDICTIONS = (
    ("shibenji", "市本级", "municipal", "430700", "101"),
    ("wulingqu", "武陵区", "district", "430702", "201"),
    ("dingchengqu", "鼎城区", "district", "430703", "202"),
    ("anxiangxian", "安乡县", "county", "430721", "203"),
    ("hanshouxian", "汉寿县", "county", "430722", "204"),
    ("lixian", "澧县", "county", "430723", "205"),
    ("linlixian", "临澧县", "county", "430724", "206"),
    ("taoyuanxian", "桃源县", "county", "430725", "207"),
    ("shimenxian", "石门县", "county", "430726", "208"),
    ("jinshishi", "津市市", "county_city", "430781", "209"),
    ("xihuguanliqu", "西湖管理区", "management_zone", None, "301"),
    ("xidongtingguanliqu", "西洞庭管理区", "management_zone", None, "302"),
    ("jingkaiqu", "常德经济技术开发区", "management_zone", None, "303"),
    ("liuyehudujiaqu", "柳叶湖旅游度假区", "management_zone", None, "304"),
)

#: the municipal level's units: one for each budget kind the demo covers
MUNICIPAL_UNITS = (
    ("jiaoyuju", "市教育局"),
    ("weijianwei", "市卫生健康委员会"),
    ("jiaotongju", "市交通运输局"),
    ("rensheju", "市人力资源和社会保障局"),
    ("guoziwei", "市人民政府国有资产监督管理委员会"),
)
#: a district's, county's or county-level city's units ({} is its name)
LOCAL_UNITS = (
    ("jiaoyuju", "{}教育局"),
    ("weijianju", "{}卫生健康局"),
    ("jiaotongju", "{}交通运输局"),
)
#: a management zone's units
ZONE_UNITS = (
    ("shehuishiyeju", "{}社会事业局"),
    ("jingjifazhanju", "{}经济发展局"),
)

# --- Level-3 indicators by sector ---------------------------------------------

#: title, "level 1/level 2", comparator, target value, unit of measure;
#: the quantifiable ones first, then the qualitative ones
INDICATOR_POOLS = {
    "教育": (
        ("改造薄弱学校数量", "产出指标/数量指标", "ge", "20", "所"),
        ("新增义务教育学位数", "产出指标/数量指标", "ge", "3000", "个"),
        ("教师培训人次", "产出指标/数量指标", "ge", "5000", "人次"),
        ("工程验收合格率", "产出指标/质量指标", "eq", "100", "%"),
        ("义务教育巩固率", "产出指标/质量指标", "ge", "99", "%"),
        ("项目按期完工率", "产出指标/时效指标", "ge", "95", "%"),
        ("资金拨付及时率", "产出指标/时效指标", "eq", "100", "%"),
        ("生均公用经费标准", "产出指标/成本指标", "ge", "800", "元"),
        ("校舍改造单位面积成本", "产出指标/成本指标", "le", "2500", "元/平方米"),
        ("适龄儿童入学率", "效益指标/社会效益指标", "eq", "100", "%"),
        ("学生及家长满意度", "满意度指标/服务对象满意度指标", "ge", "90", "%"),
        ("城乡教育均衡水平", "效益指标/社会效益指标", "qualitative", "明显提升", ""),
        (
            "办学条件长效管护机制",
            "效益指标/可持续影响指标",
            "qualitative",
            "建立健全",
            "",
        ),
        ("校园环境", "效益指标/生态效益指标", "qualitative", "持续改善", ""),
    ),
    "卫生": (
        ("基层医疗机构标准化建设数量", "产出指标/数量指标", "ge", "30", "个"),
        ("家庭医生签约服务人数", "产出指标/数量指标", "ge", "200000", "人"),
        ("老年人免费健康体检人数", "产出指标/数量指标", "ge", "150000", "人"),
        ("居民电子健康档案建档率", "产出指标/质量指标", "ge", "90", "%"),
        ("高血压患者规范管理率", "产出指标/质量指标", "ge", "65", "%"),
        ("设备采购按期到位率", "产出指标/时效指标", "ge", "95", "%"),
        ("资金拨付及时率", "产出指标/时效指标", "eq", "100", "%"),
        ("人均基本公共卫生服务经费", "产出指标/成本指标", "ge", "94", "元"),
        ("县域内就诊率", "效益指标/社会效益指标", "ge", "90", "%"),
        ("孕产妇死亡率", "效益指标/社会效益指标", "le", "10", "/10万"),
        ("服务对象满意度", "满意度指标/服务对象满意度指标", "ge", "90", "%"),
        (
            "群众看病就医便利程度",
            "效益指标/社会效益指标",
            "qualitative",
            "明显提升",
            "",
        ),
        ("基层医疗服务能力", "效益指标/可持续影响指标", "qualitative", "持续增强", ""),
        ("医疗废物处置", "效益指标/生态效益指标", "qualitative", "规范无害化", ""),
    ),
    "交通": (
        ("农村公路提质改造里程", "产出指标/数量指标", "ge", "300", "公里"),
        ("危桥改造数量", "产出指标/数量指标", "ge", "25", "座"),
        ("新开通城乡公交线路", "产出指标/数量指标", "ge", "12", "条"),
        ("工程交工验收合格率", "产出指标/质量指标", "eq", "100", "%"),
        ("公路技术状况指数(MQI)", "产出指标/质量指标", "ge", "80", "分"),
        ("项目按期开工率", "产出指标/时效指标", "ge", "95", "%"),
        ("资金拨付及时率", "产出指标/时效指标", "eq", "100", "%"),
        ("每公里提质改造成本", "产出指标/成本指标", "le", "60", "万元/公里"),
        ("沿线农产品运输成本降低", "效益指标/经济效益指标", "ge", "10", "%"),
        ("建制村通客车率", "效益指标/社会效益指标", "eq", "100", "%"),
        ("沿线群众满意度", "满意度指标/服务对象满意度指标", "ge", "90", "%"),
        ("公路养护长效机制", "效益指标/可持续影响指标", "qualitative", "建立健全", ""),
        ("沿线生态环境", "效益指标/生态效益指标", "qualitative", "不造成破坏", ""),
        ("道路交通安全状况", "效益指标/社会效益指标", "qualitative", "明显改善", ""),
    ),
    "养老": (
        ("城乡居民基本养老保险参保人数", "产出指标/数量指标", "ge", "1800000", "人"),
        ("养老金按时足额发放率", "产出指标/时效指标", "eq", "100", "%"),
        ("基础养老金最低标准", "产出指标/成本指标", "ge", "143", "元/月"),
        ("参保群众满意度", "满意度指标/服务对象满意度指标", "ge", "90", "%"),
        ("基金运行", "效益指标/可持续影响指标", "qualitative", "安全平稳", ""),
    ),
    "就业": (
        ("职业技能培训人次", "产出指标/数量指标", "ge", "20000", "人次"),
        ("培训后取证率", "产出指标/质量指标", "ge", "80", "%"),
        ("培训补贴发放及时率", "产出指标/时效指标", "eq", "100", "%"),
        ("参训人员满意度", "满意度指标/服务对象满意度指标", "ge", "90", "%"),
        ("劳动者就业能力", "效益指标/社会效益指标", "qualitative", "明显提升", ""),
    ),
    "国资": (
        ("资本金注入企业户数", "产出指标/数量指标", "eq", "3", "户"),
        ("资本金到位及时率", "产出指标/时效指标", "eq", "100", "%"),
        ("国有资本保值增值率", "效益指标/经济效益指标", "ge", "103", "%"),
        ("企业营业收入增长率", "效益指标/经济效益指标", "ge", "8", "%"),
        (
            "企业法人治理结构",
            "效益指标/可持续影响指标",
            "qualitative",
            "进一步完善",
            "",
        ),
    ),
}

#: the indicator library: template id, sector, index in the sector's pool
LIBRARY_TEMPLATES = (
    ("jiaoyu-gaizao-xuexiao", "教育", 0),
    ("jiaoyu-gonggu-lv", "教育", 4),
    ("jiaoyu-manyidu", "教育", 10),
    ("weisheng-jiating-yisheng", "卫生", 1),
    ("weisheng-jiankang-dangan", "卫生", 3),
    ("weisheng-manyidu", "卫生", 10),
    ("jiaotong-gonglu-licheng", "交通", 0),
    ("jiaotong-yanshou-hege", "交通", 3),
    ("jiaotong-tongkeche-lv", "交通", 9),
)

# --- Projects of 2026 -----------------------------------------------------------

RULE_CAP = (
    "演示：市本级专项数量上限在批准时检查（默认每年不超过 90 个，"
    "申报规则 → 市本级每年专项资金上限，registry 设置 "
    "changde.perfmgmt.declaration.municipal_special_fund_cap；违反时为 "
    "gate_municipal_special_fund_cap_exceeded）。本页“下一步前的检查”下方"
    "显示 2026 年市本级已批准的专项个数、上限和批准本项目后的个数；"
    "四本预算覆盖情况页（@@coverage?year=2026）的市本级一行上方也显示该计数。"
    "若已批准 90 个，批准本项目（第 91 个）将被拒绝。"
)

#: Every project: jurisdiction, unit, id, title, fields, the indicators
#: (sector, quantifiable, qualitative), the transitions to run and, for a
#: blocked draft, the violation code that keeps it in draft. Non-blocked
#: projects pass every gate.
PROJECTS = (
    # -- 市本级: the four budgets and government debt --------------------------
    {
        "at": ("shibenji", "jiaoyuju"),
        "id": "yiwu-jiaoyu-gaishan",
        "title": "义务教育薄弱环节改善与能力提升",
        "budget_kind": "general_public",
        "amount": "3600000",
        "goal": "改造薄弱学校 20 所,新增学位 3000 个,义务教育巩固率不低于 99%。",
        "indicators": ("教育", 5, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("shibenji", "jiaoyuju"),
        "id": "xueqian-jiaoyu-zhuanxiang",
        "title": "学前教育发展专项资金",
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": "4800000",
        "goal": "扩大普惠性学前教育资源,普惠性幼儿园覆盖率达到 85%。",
        "indicators": ("教育", 10, 2),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("shibenji", "jiaoyuju"),
        "id": "zhihui-jiaoyu-pingtai",
        "title": "智慧教育公共服务平台建设",
        "budget_kind": "general_public",
        "amount": "1000000",
        "goal": "建成市级智慧教育平台,覆盖全市中小学。",
        "indicators": ("教育", 4, 1),
        "transitions": (),
        "description": "演示:各项规则均已满足的草稿,单位填报人员可以直接提交。",
    },
    {
        "at": ("shibenji", "jiaoyuju"),
        "id": "jiaoshi-nengli-tisheng",
        "title": "教师信息技术应用能力提升培训",
        "budget_kind": "general_public",
        "amount": "800000",
        "goal": "全市中小学教师完成信息技术应用能力提升培训。",
        "indicators": None,
        "blocked_by": "gate_indicators_missing",
        "description": "演示:尚未设置绩效指标。规则“绩效目标与预算同步申报”"
        "(gate_indicators_missing)阻止提交:未设置绩效指标的项目不能提交。",
    },
    {
        "at": ("shibenji", "jiaoyuju"),
        "id": "shi-yizhong-xinxiaoqu",
        "title": "市一中新校区建设",
        "budget_kind": "general_public",
        "amount": "45000000",
        "is_new_major": True,
        "pre_evaluation_result": "none",
        "goal": "新建校舍 6 万平方米,新增高中学位 3000 个。",
        "indicators": ("教育", 4, 1),
        "blocked_by": "gate_pre_evaluation_not_passed",
        "description": "演示:新出台重大项目,尚未开展事前评估。规则“新出台重大"
        "政策和项目须事前评估通过后方可提交”(gate_pre_evaluation_not_passed)"
        "阻止提交。",
    },
    {
        "at": ("shibenji", "weijianwei"),
        "id": "jiceng-yiliao-nengli",
        "title": "基层医疗卫生服务能力提升",
        "budget_kind": "general_public",
        "amount": "2500000",
        "goal": "完成 30 个基层医疗机构标准化建设,县域内就诊率不低于 90%。",
        "indicators": ("卫生", 6, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("shibenji", "weijianwei"),
        "id": "jiben-gonggong-weisheng",
        "title": "基本公共卫生服务补助专项资金",
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": "12000000",
        "management_measure_reference": "常财社〔2025〕18号",
        "goal": "人均基本公共卫生服务经费不低于 94 元,重点人群规范管理率达标。",
        "indicators": ("卫生", 11, 1),
        "transitions": ("submit",),
    },
    {
        "at": ("shibenji", "weijianwei"),
        "id": "weisheng-rencai-zhuanxiang",
        "title": "卫生健康人才引进与培养专项资金",
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": "3000000",
        "goal": "引进和培养基层卫生健康人才 200 名。",
        "indicators": ("卫生", 9, 3),
        "blocked_by": "gate_special_fund_too_few_quantifiable_indicators",
        "description": "演示:专项资金只有 9 个可量化指标(另有 3 个定性指标)。"
        "规则“每个专项的可量化指标不得少于 10 个”"
        "(gate_special_fund_too_few_quantifiable_indicators)阻止提交。",
    },
    {
        "at": ("shibenji", "weijianwei"),
        "id": "jiankang-changde-xuanchuan",
        "title": "健康常德行动宣传推广",
        "budget_kind": "general_public",
        "amount": "600000",
        "goal": None,
        "indicators": ("卫生", 3, 1),
        "blocked_by": "gate_performance_goal_missing",
        "description": "演示:未填报总体绩效目标。规则“绩效目标与预算同步申报”"
        "(gate_performance_goal_missing)阻止提交。",
    },
    {
        "at": ("shibenji", "jiaotongju"),
        "id": "guoshengganxian-yanghu",
        "title": "国省干线公路养护工程",
        "budget_kind": "government_fund",
        "amount": "8000000",
        "goal": "完成国省干线公路养护 300 公里,公路技术状况指数不低于 80。",
        "indicators": ("交通", 6, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("shibenji", "jiaotongju"),
        "id": "taohuayuan-gangqu-zhaiquan",
        "title": "常德港桃花源港区码头建设(专项债券)",
        "budget_kind": "government_debt",
        "amount": "60000000",
        "is_new_major": True,
        "pre_evaluation_result": "passed",
        "goal": "建成千吨级泊位 4 个,年吞吐能力 300 万吨。",
        "indicators": ("交通", 6, 1),
        "transitions": ("submit", "review", "approve"),
        "description": "演示:新出台重大项目,事前评估已通过,已批准。",
    },
    {
        "at": ("shibenji", "jiaotongju"),
        "id": "nongcun-gonglu-zhuanxiang",
        "title": "农村公路提质改造专项资金",
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": "4500000",
        "goal": "完成农村公路提质改造 300 公里、危桥改造 25 座。",
        "indicators": ("交通", 11, 2),
        "transitions": ("submit", "review"),
        "description": RULE_CAP,
    },
    {
        "at": ("shibenji", "jiaotongju"),
        "id": "chengxiang-gongjiao-zhuanxiang",
        "title": "城乡公交一体化专项资金",
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": "5000000",
        "goal": "新开通城乡公交线路 12 条,建制村通客车率保持 100%。",
        "indicators": ("交通", 10, 1),
        "blocked_by": "gate_management_measure_missing",
        "description": "演示:500 万元的专项资金,未附专项资金管理办法。规则"
        "“500 万元及以上的专项须有与财政部门联合出台的专项资金管理办法”"
        "(gate_management_measure_missing)阻止提交;上传管理办法或填写其文号"
        "后即可提交。",
    },
    {
        "at": ("shibenji", "rensheju"),
        "id": "chengxiang-jumin-yanglao",
        "title": "城乡居民基本养老保险基金",
        "budget_kind": "social_insurance",
        "amount": "920000000",
        "goal": "养老金按时足额发放,参保人数稳定在 180 万人以上。",
        "indicators": ("养老", 4, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("shibenji", "rensheju"),
        "id": "zhiye-jineng-tisheng",
        "title": "职业技能提升行动",
        "budget_kind": "general_public",
        "amount": "1500000",
        "goal": "提升劳动者技能。",
        "indicators": ("就业", 2, 1),
        "transitions": ("submit", "return"),
        "comment": "绩效目标不够清晰:请将“提升劳动者技能”细化为培训人次、"
        "取证率、就业率等可量化的目标,并补充参训人员满意度指标。",
        "description": "演示:已退回单位,退回原因见工作流历史中的备注。",
    },
    {
        "at": ("shibenji", "guoziwei"),
        "id": "shishu-guoqi-zibenjin",
        "title": "市属国有企业资本金注入",
        "budget_kind": "state_capital",
        "amount": "50000000",
        "goal": "向 3 户市属国有企业注入资本金,国有资本保值增值率不低于 103%。",
        "indicators": ("国资", 4, 1),
        "transitions": ("submit", "review", "approve"),
    },
    # -- 武陵区: two of the four budgets ---------------------------------------
    {
        "at": ("wulingqu", "jiaoyuju"),
        "id": "wuling-xiaoshe-gaizao",
        "title": "武陵区中小学校舍维修改造",
        "budget_kind": "general_public",
        "amount": "1800000",
        "goal": "完成 12 所中小学校舍维修改造,工程验收合格率 100%。",
        "indicators": ("教育", 5, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("wulingqu", "jiaotongju"),
        "id": "wuling-chengqu-daolu",
        "title": "武陵区城区道路微循环改造",
        "budget_kind": "government_fund",
        "amount": "6000000",
        "goal": "打通城区断头路 8 条,改造道路 15 公里。",
        "indicators": ("交通", 5, 1),
        "transitions": ("submit", "review", "approve"),
    },
    {
        "at": ("wulingqu", "weijianju"),
        "id": "wuling-shequ-weisheng",
        "title": "武陵区社区卫生服务中心标准化建设",
        "budget_kind": "general_public",
        "amount": "1200000",
        "goal": "完成 6 个社区卫生服务中心标准化建设。",
        "indicators": ("卫生", 4, 1),
        "transitions": ("submit",),
    },
    # -- 鼎城区 ------------------------------------------------------------------
    {
        "at": ("dingchengqu", "jiaoyuju"),
        "id": "dingcheng-jiaoshi-zhouzhuanfang",
        "title": "鼎城区乡村教师周转宿舍建设",
        "budget_kind": "general_public",
        "amount": "2200000",
        "goal": "建成乡村教师周转宿舍 200 套。",
        "indicators": ("教育", 4, 1),
        "transitions": ("submit",),
    },
)

#: the blocked drafts: project id -> the one violation code that blocks it
BLOCKED = {p["id"]: p["blocked_by"] for p in PROJECTS if "blocked_by" in p}

# --- Users ----------------------------------------------------------------------

#: user name, full name, group (a global group id, or the path of the
#: jurisdiction or unit whose staff group it joins)
USERS = (
    ("office", "绩效科(演示)", OFFICE_GROUP),
    ("reviewer", "预算科审核人员(演示)", REVIEWERS_GROUP),
    ("shibenji-jiaoyu", "市教育局填报人员(演示)", ("shibenji", "jiaoyuju")),
    ("wulingqu-staff", "武陵区财政局(演示)", ("wulingqu",)),
)


# --- Helpers ----------------------------------------------------------------------


def _ensure(container, type_name, id, counts, **fields):
    """The object ``id`` of ``container``, created when missing."""
    if id in container.objectIds():
        return container[id], False
    obj = api.content.create(container=container, type=type_name, id=id, **fields)
    counts[type_name] = counts.get(type_name, 0) + 1
    return obj, True


def _levels(pair):
    if pair not in DEFAULT_INDICATOR_LEVELS:
        raise ValueError(f"Not a level 1/level 2 pair of the framework: {pair}")
    level1, level2 = pair.split("/", 1)
    return level1, level2


def _weights(count):
    """Whole-number weights adding up to 100."""
    base, rest = divmod(100, count)
    return [Decimal(base + (1 if number < rest else 0)) for number in range(count)]


def _indicator_specs(sector, quantifiable, qualitative):
    pool = INDICATOR_POOLS[sector]
    quantifiables = [spec for spec in pool if spec[2] != "qualitative"]
    qualitatives = [spec for spec in pool if spec[2] == "qualitative"]
    if quantifiable > len(quantifiables) or qualitative > len(qualitatives):
        raise ValueError(f"The {sector} pool has too few indicators.")
    return quantifiables[:quantifiable] + qualitatives[:qualitative]


def _add_indicators(project, sector, quantifiable, qualitative, counts):
    specs = _indicator_specs(sector, quantifiable, qualitative)
    for number, (spec, weight) in enumerate(
        zip(specs, _weights(len(specs)), strict=True), start=1
    ):
        title, pair, comparator, target, unit = spec
        level1, level2 = _levels(pair)
        _ensure(
            project,
            "Indicator",
            f"indicator-{number}",
            counts,
            title=title,
            level1=level1,
            level2=level2,
            quantifiable=comparator != "qualitative",
            comparator=comparator,
            target_value=target,
            unit=unit or None,
            weight=weight,
        )


def _run_transitions(project, transitions, comment=""):
    """Run the transitions the gates allow; stop (and say so) at the first
    one they would refuse, without trying it."""
    workflow = api.portal.get_tool("portal_workflow")
    for transition in transitions:
        available = [t["id"] for t in workflow.getTransitionsFor(project)]
        if transition not in available:
            logger.warning("%s: %s not available", project.getId(), transition)
            return
        if transition == gates.SUBMIT:
            violations = gates.submission_violations(project)
        elif transition == gates.APPROVE:
            violations = gates.approval_violations(project)
        elif transition == gates.RETURN:
            violations = [] if comment.strip() else ["a reason"]
        else:
            violations = []
        if violations:
            logger.warning(
                "%s: %s would be refused (%s)",
                project.getId(),
                transition,
                ", ".join(getattr(v, "code", str(v)) for v in violations),
            )
            return
        workflow.doActionFor(project, transition, comment=comment)


def _create_jurisdictions(portal, counts):
    folders = {}
    for id, title, kind, region_code, prefix in JURISDICTIONS:
        jurisdiction, _ = _ensure(
            portal,
            "Jurisdiction",
            id,
            counts,
            title=title,
            kind=kind,
            region_code=region_code,
        )
        if kind == "municipal":
            units = MUNICIPAL_UNITS
        elif kind == "management_zone":
            units = ZONE_UNITS
        else:
            units = LOCAL_UNITS
        for number, (unit_id, unit_title) in enumerate(units, start=1):
            unit, _ = _ensure(
                jurisdiction,
                "BudgetUnit",
                unit_id,
                counts,
                title=unit_title.format(title),
                unit_code=f"{prefix}{number:03d}",
            )
            folders[(id, unit_id)] = unit
        folders[(id,)] = jurisdiction
    return folders


def _create_library(portal, counts):
    library, _ = _ensure(
        portal,
        "IndicatorLibrary",
        LIBRARY_ID,
        counts,
        title="指标库",
        description="按行业领域整理的三级指标模板(广东模式),填报项目时选用。",
    )
    for template_id, sector, index in LIBRARY_TEMPLATES:
        title, pair, comparator, _target, unit = INDICATOR_POOLS[sector][index]
        level1, level2 = _levels(pair)
        _ensure(
            library,
            "IndicatorTemplate",
            template_id,
            counts,
            title=title,
            sector=sector,
            level1=level1,
            level2=level2,
            comparator=comparator,
            unit=unit or None,
        )
    return library


def _create_projects(folders, counts):
    for spec in PROJECTS:
        unit = folders[spec["at"]]
        goal = spec.get("goal")
        project, created = _ensure(
            unit,
            "BudgetProject",
            spec["id"],
            counts,
            title=spec["title"],
            description=spec.get("description", ""),
            project_code=f"{YEAR}-{unit.unit_code}-{len(unit.objectIds()) + 1:03d}",
            year=YEAR,
            budget_kind=spec["budget_kind"],
            is_special_fund=spec.get("is_special_fund", False),
            amount=Decimal(spec["amount"]),
            is_new_major=spec.get("is_new_major", False),
            pre_evaluation_result=spec.get("pre_evaluation_result", "none"),
            management_measure_reference=spec.get("management_measure_reference"),
            performance_goal=(
                RichTextValue(f"<p>{goal}</p>", "text/html", "text/x-html-safe")
                if goal
                else None
            ),
        )
        if not created:
            continue
        if spec["indicators"]:
            _add_indicators(project, *spec["indicators"], counts)
        _run_transitions(project, spec.get("transitions", ()), spec.get("comment", ""))


def _create_users(folders, counts):
    for username, fullname, group in USERS:
        if api.user.get(username=username) is not None:
            continue
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            properties={"fullname": fullname},
        )
        group_id = group if isinstance(group, str) else folders[group].staff_group
        api.group.add_user(groupname=group_id, username=username)
        counts["users"] = counts.get("users", 0) + 1


def load_demo(portal):
    """Create what is missing of the demo data; answer what was created
    (type name -> count, ``users`` -> count)."""
    counts = {}
    with api.env.adopt_roles(["Manager"]):
        folders = _create_jurisdictions(portal, counts)
        _create_library(portal, counts)
        _create_projects(folders, counts)
        _create_users(folders, counts)
        monitoring_demo.load_demo(portal, folders, counts)
        libraries_demo.load_demo(portal, folders, counts)
        evaluation_demo.load_demo(portal, folders, counts)
        publicity_demo.load_demo(portal, folders, counts)
    logger.info("demo data created: %s", counts or "nothing (all present)")
    return counts
