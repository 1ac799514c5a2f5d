"""The yearly assessment (考核) on the Plone side: who is assessed, the facts
that pre-fill each criterion, the year's cards and their ranking.

Assessed: every budget unit of the municipal level (市直单位) and every other
jurisdiction (区县市 and the management zones). Facts of the year Y:

- 重视度 (self_evaluations_on_time): the unit's approved projects of Y whose
  self-evaluation was submitted by the due day of Y+1 (a setting, 30 April);
- 执行力 (monitoring_on_time): the unit's monitoring records of Y's rounds
  submitted by the round's report due date;
- 绩效评价等级 (evaluation_grades): the grades of the unit's evaluations of
  Y approved or later, each earning its share of the weight (settings);
- 问题整改 (rectification_rate): the district's rectification items of Y
  accepted, of those fed back;
- 绩效指标的细化量化 (quantified_share): the district's indicators of
  projects of Y that are quantifiable;
- 报告文本质量 (text_quality): the internal-review text-quality scores of
  the district's reports reviewed in Y's rounds.

Each number keeps the items it counted (titles and links), so the card shows
where it came from.
"""

import calendar
import datetime
from decimal import Decimal

from plone import api
from zope.i18n import translate

from changde.perfmgmt.assessment.content.assessment_card import TARGET_TYPES
from changde.perfmgmt.assessment.facts import object_of
from changde.perfmgmt.assessment.labels import CRITERION_TITLES
from changde.perfmgmt.assessment.rules import yearly as rules
from changde.perfmgmt.assessment.rules.yearly import SourceFacts
from changde.perfmgmt.assessment.settings import assessment_settings
from changde.perfmgmt.assessment.setuphandlers import assessment_folder
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_key
from changde.perfmgmt.core.tenancy import apply_tenancy
from changde.perfmgmt.core.tenancy import tenancy_values

CARD_LOCAL_ROLES = ("Reader",)
#: reports whose result counts (evaluation's RESULT_STATES)
RESULT_STATES = ("approved", "fed_back", "published")
SUBMITTED_STATES = ("internal_review", "approved", "fed_back", "published")
COUNTED_ITEM_STATES = ("open", "submitted", "accepted", "reopened")
GRADED_KINDS = ("self", "key", "unit_overall")


def _catalog():
    return api.portal.get_tool("portal_catalog")


def _find(**query):
    return _catalog().unrestrictedSearchResults(**query)


# --- who is assessed ---------------------------------------------------------


def targets(kind):
    """The objects assessed as ``kind`` (unit or district), in pinyin order."""
    jurisdictions = [
        brain._unrestrictedGetObject() for brain in _find(portal_type="Jurisdiction")
    ]
    if kind == rules.DISTRICT:
        found = [j for j in jurisdictions if j.kind != MUNICIPAL]
    else:
        found = []
        for jurisdiction in jurisdictions:
            if jurisdiction.kind != MUNICIPAL:
                continue
            found += [
                brain._unrestrictedGetObject()
                for brain in _find(
                    portal_type="BudgetUnit",
                    path={
                        "query": "/".join(jurisdiction.getPhysicalPath()),
                        "depth": 1,
                    },
                )
            ]
    return sorted(found, key=lambda obj: pinyin_sort_key(obj.Title()))


def kind_of(target):
    return TARGET_TYPES.get(getattr(target, "portal_type", None))


# --- facts ---------------------------------------------------------------------


def _transition_time(obj, transition, workflow_id):
    history = (getattr(obj, "workflow_history", None) or {}).get(workflow_id, ())
    times = [entry["time"] for entry in history if entry.get("action") == transition]
    return times[0].asdatetime().date() if times else None


def _due_day(year, month, day):
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _path(obj):
    return "/".join(obj.getPhysicalPath())


def self_evaluations_on_time(unit, year, settings, today=None):
    """The unit's approved projects of ``year`` whose self-evaluation was
    submitted by the due day; before that day, only those already submitted
    are counted (nothing is late yet)."""
    today = today or today_in_china()
    due = _due_day(year + 1, *settings.self_evaluation_due)
    projects = _find(
        portal_type="BudgetProject",
        path={"query": _path(unit), "depth": 1},
        year=year,
        review_state="approved",
    )
    on_time, counted, sources = 0, 0, []
    for project in projects:
        submitted = None
        for brain in _find(
            portal_type="EvaluationReport",
            evaluation_kind="self",
            project_uid=project.UID,
            year=year,
            review_state=list(SUBMITTED_STATES),
        ):
            submitted = _transition_time(
                brain._unrestrictedGetObject(),
                "submit",
                "perfmgmt_evaluation_report_workflow",
            )
            if submitted is not None:
                break
        if submitted is None and today <= due:
            continue  # not due yet
        counted += 1
        if submitted is not None and submitted <= due:
            on_time += 1
            sources.append((brain.Title, brain.getURL()))
    return SourceFacts(
        share=rules.share_of(on_time, counted).share,
        part=on_time,
        whole=counted,
        sources=tuple(sources),
    )


def monitoring_on_time(unit, year, today=None):
    """The unit's monitoring records of ``year`` submitted by their round's
    report due date; a record not yet submitted counts once that day passed."""
    today = today or today_in_china()
    jurisdiction = unit.aq_parent
    records = _find(
        portal_type="MonitoringRecord",
        year=year,
        jurisdiction=jurisdiction.getId(),
        budget_unit=unit.getId(),
    )
    on_time, counted, sources = 0, 0, []
    for brain in records:
        record = brain._unrestrictedGetObject()
        due = getattr(record.monitoring_round, "report_due", None)
        submitted = _transition_time(
            record, "submit", "perfmgmt_monitoring_record_workflow"
        )
        if submitted is None and (due is None or today <= due):
            continue  # not due yet
        counted += 1
        if submitted is not None and due is not None and submitted <= due:
            on_time += 1
            sources.append((record.project_title or brain.Title or "", brain.getURL()))
    return SourceFacts(
        share=rules.share_of(on_time, counted).share,
        part=on_time,
        whole=counted,
        sources=tuple(sources),
    )


def evaluation_grades(unit, year, settings):
    grades, sources = [], []
    for brain in _find(
        portal_type="EvaluationReport",
        unit_uid=unit.UID(),
        year=year,
        review_state=list(RESULT_STATES),
        evaluation_kind=list(GRADED_KINDS),
    ):
        if brain.evaluation_grade:
            grades.append(brain.evaluation_grade)
            sources.append((brain.Title, brain.getURL()))
    return SourceFacts(
        share=rules.grade_share(grades, settings.grade_shares),
        part=None,
        whole=len(grades),
        sources=tuple(sources),
    )


def rectification_rate(jurisdiction, year):
    items = _find(
        portal_type="RectificationItem",
        jurisdiction=jurisdiction.getId(),
        year=year,
        review_state=list(COUNTED_ITEM_STATES),
    )
    accepted = [brain for brain in items if brain.review_state == "accepted"]
    return SourceFacts(
        share=rules.share_of(len(accepted), len(items)).share,
        part=len(accepted),
        whole=len(items),
        sources=tuple((brain.Title, brain.getURL()) for brain in items),
    )


def quantified_share(jurisdiction, year):
    projects = _find(portal_type="BudgetProject", path=_path(jurisdiction), year=year)
    paths = [brain.getPath() for brain in projects]
    indicators = (
        _find(portal_type="Indicator", path={"query": paths, "depth": 1})
        if paths
        else []
    )
    quantified = [brain for brain in indicators if brain.quantifiable]
    return SourceFacts(
        share=rules.share_of(len(quantified), len(indicators)).share,
        part=len(quantified),
        whole=len(indicators),
        sources=tuple((brain.Title, brain.getURL()) for brain in projects[:50]),
    )


def text_quality(jurisdiction, year):
    scores, sources = [], []
    for brain in _find(portal_type="InternalReviewRound", year=year):
        review_round = brain._unrestrictedGetObject()
        for row in review_round.reports or ():
            report = object_of(row.get("uid"))
            if getattr(report, "jurisdiction", None) != jurisdiction.getId():
                continue
            if row.get("text_quality") is None:
                continue
            scores.append(row["text_quality"])
            sources.append((report.Title(), brain.getURL()))
    return SourceFacts(
        share=rules.average_score(scores),
        part=None,
        whole=len(scores),
        sources=tuple(sources),
    )


def gather_facts(target, year, settings=None):
    """{source: SourceFacts} of the assessed unit or district."""
    settings = settings or assessment_settings()
    if kind_of(target) == rules.UNIT:
        return {
            "self_evaluations_on_time": self_evaluations_on_time(
                target, year, settings
            ),
            "monitoring_on_time": monitoring_on_time(target, year),
            "evaluation_grades": evaluation_grades(target, year, settings),
        }
    return {
        "rectification_rate": rectification_rate(target, year),
        "quantified_share": quantified_share(target, year),
        "text_quality": text_quality(target, year),
    }


# --- cards ---------------------------------------------------------------------


def criteria_of(card):
    return tuple(
        rules.AssessmentCriterion(
            row["id"], row["title"], rules.to_decimal(row["weight"]), row["source"]
        )
        for row in card.criteria or ()
    )


def facts_of(card):
    return {
        source: SourceFacts.from_dict(data)
        for source, data in (card.facts or {}).items()
        if source != "as_of"
    }


def card_result(card):
    return rules.score_assessment(criteria_of(card), facts_of(card), card.entries or {})


def refresh_facts(card, settings=None):
    """Pre-fill the card again from what the system holds now (drafts)."""
    target = card.target.to_object if card.target else None
    if target is None:
        return
    facts = gather_facts(target, card.year, settings)
    data = {source: value.as_dict() for source, value in facts.items()}
    data["as_of"] = today_in_china().isoformat()
    card.facts = data
    update_total(card)


def update_total(card):
    total = card_result(card).total
    if card.assessment_total != total:
        card.assessment_total = total
    card.reindexObject()


def card_changed(card, event=None):
    """Tenancy of the assessed unit or district (their staff see the card
    once confirmed), its name for the listings, and the total."""
    target = card.target.to_object if card.target else None
    if target is None:
        return
    values = tenancy_values(target)
    for key in ("project_title", "project_code", "unit_uid"):
        values.pop(key, None)
    values["target_uid"] = target.UID()
    values["target_title"] = target.Title()
    if not card.criteria:
        card.criteria = [
            {
                "id": c.id,
                "title": c.title,
                "weight": str(c.weight),
                "source": c.source,
            }
            for c in assessment_settings().criteria(kind_of(target))
        ]
    if not card.facts:
        refresh_facts(card)
    apply_tenancy(card, values, CARD_LOCAL_ROLES)
    update_total(card)


def cards_of_year(year, unrestricted=False):
    query = {"portal_type": "AssessmentCard", "year": year}
    if unrestricted:
        return _find(**query)
    return _catalog()(**query)


def create_cards(year, request=None):
    """Create the year's missing cards, pre-filled; answer them."""
    existing = {brain.assessment_target for brain in cards_of_year(year, True)}
    folder = assessment_folder()
    created = []
    settings = assessment_settings()
    with api.env.adopt_roles(["Manager"]):
        for kind in rules.TARGET_KINDS:
            for target in targets(kind):
                if target.UID() in existing:
                    continue
                card = api.content.create(
                    container=folder,
                    type="AssessmentCard",
                    id=f"assessment-{year}-{kind}-{_target_id(target)}",
                    title=f"{year}年度{target.Title()}绩效管理考核",
                    year=year,
                    target=_relation(target),
                )
                card.criteria = [
                    {
                        "id": c.id,
                        "title": c.title,
                        "weight": str(c.weight),
                        "source": c.source,
                    }
                    for c in settings.criteria(kind)
                ]
                refresh_facts(card, settings)
                card_changed(card)
                created.append(card)
    return created


def _target_id(target):
    if target.portal_type == "BudgetUnit":
        return f"{target.aq_parent.getId()}-{target.getId()}"
    return target.getId()


def _relation(target):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    return RelationValue(getUtility(IIntIds).register(target))


def _total(brain):
    """The card's total from the catalog (Missing.Value when it has none)."""
    total = getattr(brain, "assessment_total", None)
    return total if isinstance(total, Decimal) else None


def ranking(year, kind):
    """The year's cards of ``kind`` the user may see, ranked by total: a
    list of dicts (rank, title, total, state, url, target_title)."""
    brains = list(
        _catalog()(portal_type="AssessmentCard", year=year, assessment_kind=kind)
    )
    by_uid = {brain.UID: brain for brain in brains}
    ranked = rules.rank(
        [
            (
                brain.UID,
                _total(brain),
                pinyin_sort_key(brain.target_title or brain.Title),
            )
            for brain in brains
        ]
    )
    rows = []
    for uid, position in ranked:
        brain = by_uid[uid]
        rows.append(
            {
                "rank": position,
                "@id": brain.getURL(),
                "UID": uid,
                "title": brain.Title,
                "target_title": brain.target_title,
                "jurisdiction_title": brain.jurisdiction_title,
                "total": None if _total(brain) is None else str(_total(brain)),
                "review_state": brain.review_state,
            }
        )
    return rows


def criterion_title(criterion_id, title, request):
    """A criterion's title in the reader's language (the plan's criteria by
    id; another criterion as the settings named it)."""
    message = CRITERION_TITLES.get(criterion_id)
    return translate(message, context=request) if message else title
