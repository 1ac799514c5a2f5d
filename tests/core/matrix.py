"""THE permission matrix: who may do what to every type the add-on installs,
in every state of its workflow (R-P2, issue 16 point 6).

One row per portal_type (:data:`MATRIX`). ``tests/core/test_permission_matrix``
turns it into requests over real HTTP — view, search, write each protected
field, each transition, each custom service and export — for every
principal (:data:`PRINCIPALS`) and checks each answer; ``test_bad_input``
throws bad values at the same objects. A type installed without a row, or
a state of its workflow without one, fails the test with what to add.

**Adding a type** is one line, e.g. for an office-only type whose objects
live in the site root::

    "Scorecard": office_only(made_in("assessment"), fields={"total": "80"}),

or a row with states, see :func:`Rows`.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal

from plone import api

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

# --- who ---------------------------------------------------------------------

ANON = "anon"
MEMBER = "member"  # signed in, nothing else
UNIT_A = "unit_a"  # staff of the unit that owns the object (shibenji/unit-a)
UNIT_B = "unit_b"  # staff of another unit of the same jurisdiction
DISTRICT_X = "district_x"  # staff of the owning unit's jurisdiction (shibenji)
DISTRICT_Y = "district_y"  # staff of another jurisdiction (wuling)
REVIEWER = "reviewer"
EXPERT = "expert"  # an expert assigned to the evaluation report
AGENCY = "agency"  # the agency assigned to the evaluation report
OFFICE = "office"

#: principal -> user name (None: anonymous)
PRINCIPALS = {
    ANON: None,
    MEMBER: "plain-member",
    UNIT_A: UNIT_A_USER,
    UNIT_B: UNIT_B_USER,
    DISTRICT_X: "shibenji-staff",
    DISTRICT_Y: DISTRICT_USER,
    REVIEWER: REVIEWER_USER,
    EXPERT: "matrix-expert",
    AGENCY: "matrix-agency",
    OFFICE: OFFICE_USER,
}

EVERYONE = frozenset(PRINCIPALS)
SIGNED_IN = EVERYONE - {ANON}
NOBODY = frozenset()


def who(*principals):
    return frozenset(principals)


OFFICE_ONLY = who(OFFICE)
TENANT = who(UNIT_A, DISTRICT_X)  # the owning unit and its jurisdiction
EVALUATORS = who(EXPERT, AGENCY)


# --- rows --------------------------------------------------------------------


@dataclass
class State:
    """Who may do what to an object in one state.

    ``view``: GET answers 200 and @search finds it. ``write``: {field: who
    may change it} (the fields of :attr:`Rows.fields`; a field not named is
    written by nobody in this state). ``transitions``: {transition leaving
    this state: who may make it}. ``services``: {"METHOD @name": who may
    call it}, for the services of :attr:`Rows.services`."""

    view: frozenset
    write: dict = dataclass_field(default_factory=dict)
    transitions: dict = dataclass_field(default_factory=dict)
    services: dict = dataclass_field(default_factory=dict)


@dataclass
class Rows:
    """A type's rows: how to make one object (``make(fixture)``, as a
    Manager), the values to write into each protected field, the custom
    services to call (``{"METHOD @name": a JSON body, None or a
    :class:`Call`}``; a ``?query`` may follow the name) and :class:`State`
    rows by state id (``None``: a type without a workflow of its own)."""

    make: object
    states: dict
    fields: dict = dataclass_field(default_factory=dict)
    services: dict = dataclass_field(default_factory=dict)
    comment: str = "matrix"  # sent with every transition (reasons)


@dataclass
class Call:
    """A service call: the JSON ``body`` sent (None: none) and the statuses
    that mean the service answered a caller who may call it (the bodies are
    mostly wrong on purpose, so that nothing is created: 400 answers)."""

    body: object = None
    ok: tuple = (200, 201, 204, 400)


def office_only(make, fields=None, states=(None,), services=None):
    """A type only the office sees and changes (Managers aside)."""
    return Rows(
        make=make,
        fields=fields or {},
        services=services or {},
        states={
            state: State(
                view=OFFICE_ONLY,
                write=dict.fromkeys(fields or {}, OFFICE_ONLY),
                services=dict.fromkeys(services or {}, OFFICE_ONLY),
            )
            for state in states
        },
    )


def signed_in_read(make, fields=None, states=(None,), services=None):
    """A type every signed-in user reads and the office changes."""
    return Rows(
        make=make,
        fields=fields or {},
        services=services or {},
        states={
            state: State(
                view=SIGNED_IN,
                write=dict.fromkeys(fields or {}, OFFICE_ONLY),
                services=dict.fromkeys(services or {}, OFFICE_ONLY),
            )
            for state in states
        },
    )


def published_by_office(make, fields=None, services=None):
    """A type the office drafts and publishes to everyone (the publicity
    workflow): draft for the office, published for all."""
    fields = fields or {}
    services = services or {}
    return Rows(
        make=make,
        fields=fields,
        services=services,
        states={
            state: State(
                view=view,
                write=dict.fromkeys(fields, OFFICE_ONLY),
                transitions=transitions,
                services=dict.fromkeys(services, OFFICE_ONLY),
            )
            for state, view, transitions in (
                ("draft", OFFICE_ONLY, {"publish": OFFICE_ONLY}),
                ("published", EVERYONE, {"retract": OFFICE_ONLY}),
            )
        },
    )


def made_in(path, **fields):
    """``make``: an object created in the container at ``path`` (from the
    site root) with ``fields``; for a new module's types."""

    def make(fixture, portal_type):
        container = fixture.portal.unrestrictedTraverse(path)
        return api.content.create(container=container, type=portal_type, **fields)

    return make


# --- the fixture -------------------------------------------------------------


class Fixture:
    """The city, the users of :data:`PRINCIPALS` and the objects the rows
    make (built once, as a Manager, in the test's process)."""

    def __init__(self, portal):
        self.portal = portal
        self.city = create_city(portal)
        for key in (MEMBER, DISTRICT_X, EXPERT, AGENCY):
            api.user.create(
                email=f"{PRINCIPALS[key]}@example.org",
                username=PRINCIPALS[key],
                password=PASSWORD,
            )
        api.group.add_user(
            groupname=self.city["municipal"].staff_group,
            username=PRINCIPALS[DISTRICT_X],
        )
        self.expert = api.content.create(
            container=portal["expert-library"],
            type="Expert",
            id="matrix-expert",
            title="矩阵专家",
            level="municipal",
            user_id=PRINCIPALS[EXPERT],
        )
        self.agency = api.content.create(
            container=portal["agency-library"],
            type="Agency",
            id="matrix-agency",
            title="矩阵会计师事务所",
            level="municipal",
            user_id=PRINCIPALS[AGENCY],
        )
        self.approved = create_project(
            self.city["unit_a"], id="approved", indicators=3, project_code="M-001"
        )
        self.transition(self.approved, "submit", "review", "approve")
        self._made = {}

    def transition(self, obj, *transitions, comment="matrix"):
        workflow = api.portal.get_tool("portal_workflow")
        for transition in transitions:
            workflow.doActionFor(obj, transition, comment=comment)

    def made(self, key, factory):
        """One object per key, made once."""
        if key not in self._made:
            self._made[key] = factory()
        return self._made[key]

    def report(self):
        from changde.perfmgmt.evaluation.folders import evaluation_folder

        return self.made(
            "report",
            lambda: api.content.create(
                container=evaluation_folder(),
                type="EvaluationReport",
                id="matrix-report",
                title="矩阵重点评价",
                evaluation_kind="key",
                year=2026,
                score=Decimal("85"),
                project=self.approved.UID(),
                evaluator_agency=self.agency.UID(),
                experts=[self.expert.UID()],
            ),
        )

    def item(self, id="matrix-item"):
        return self.made(
            id,
            lambda: api.content.create(
                container=self.report(),
                type="RectificationItem",
                id=id,
                problem="资金支付进度慢于计划",
                deadline=date(2027, 6, 30),
            ),
        )

    def monitoring_round(self):
        from changde.perfmgmt.monitoring.rounds import all_rounds
        from changde.perfmgmt.monitoring.rounds import create_year_rounds
        from changde.perfmgmt.monitoring.rounds import monitoring_folder

        def make():
            create_year_rounds(2026)
            return sorted(
                all_rounds(monitoring_folder(), 2026), key=lambda r: r.round_number
            )[0]

        return self.made("round", make)

    def record(self):
        from changde.perfmgmt.monitoring.rounds import prepare_records

        def make():
            records = prepare_records(self.monitoring_round())
            return next(
                r for r in records if target_uid(r.project) == self.approved.UID()
            )

        return self.made("record", make)


# --- how each type's object is made -------------------------------------------


def jurisdiction(fx, portal_type):
    return fx.city["municipal"]


def budget_unit(fx, portal_type):
    return fx.city["unit_a"]


def project(fx, portal_type):
    return create_project(
        fx.city["unit_a"], id="matrix-project", indicators=3, project_code="M-002"
    )


def indicator(fx, portal_type):
    draft = create_project(fx.city["unit_a"], id="indicator-home", indicators=1)
    return draft["indicator-1"]


def indicator_library(fx, portal_type):
    return fx.made(
        "library",
        lambda: api.content.create(
            container=fx.portal,
            type="IndicatorLibrary",
            id="matrix-library",
            title="指标库",
        ),
    )


def indicator_template(fx, portal_type):
    library = indicator_library(fx, "IndicatorLibrary")
    return api.content.create(
        container=library,
        type="IndicatorTemplate",
        title="学校改造数量",
        level1="产出指标",
        level2="数量指标",
        comparator="ge",
        sector="教育",
    )


def site_folder(id):
    def make(fx, portal_type):
        return fx.portal[id]

    return make


def report(fx, portal_type):
    return fx.report()


def rectification_item(fx, portal_type):
    item = fx.item()
    item.measures = "已加快支付。"  # submitted with its measures
    return item


def evidence_file(fx, portal_type):
    from plone.namedfile.file import NamedBlobFile

    item = fx.item("evidence-item")
    api.content.transition(obj=item, to_state="open")
    return api.content.create(
        container=item,
        type="EvidenceFile",
        id="evidence.pdf",
        file=NamedBlobFile(b"%PDF-1.4 matrix", filename="evidence.pdf"),
    )


def negative_entry(fx, portal_type):
    from changde.perfmgmt.evaluation.negative_list import negative_list_folder

    return api.content.create(
        container=negative_list_folder(),
        type="NegativeListEntry",
        id="matrix-entry",
        target=fx.approved.UID(),
        reason="unclear_goals",
        year=2026,
    )


def library_member(fx, portal_type):
    container, fields = {
        "Expert": ("expert-library", {"level": "municipal"}),
        "Agency": ("agency-library", {"level": "municipal"}),
        "SupervisionMember": ("supervision-library", {"category": "finance_expert"}),
    }[portal_type]
    return api.content.create(
        container=fx.portal[container],
        type=portal_type,
        id=f"member-{portal_type.lower()}",
        title="王五",
        **fields,
    )


def review_round(fx, portal_type):
    return api.content.create(
        container=fx.portal["internal-review"],
        type="InternalReviewRound",
        id="matrix-review",
        title="第一轮内部点评",
        year=2026,
        number=1,
        date=date(2026, 6, 1),
    )


def monitoring_round(fx, portal_type):
    return fx.monitoring_round()


def monitoring_record(fx, portal_type):
    record = fx.record()
    record.executed_amount = Decimal("300000")
    return record


def office_and_reviewers_read(make, fields=None):
    """A type of the reporting module (its one state, internal): the office
    and the reviewers read it, the office changes it."""
    fields = fields or {}
    return Rows(
        make=make,
        fields=fields,
        states={
            "internal": State(
                view=who(OFFICE, REVIEWER),
                write=dict.fromkeys(fields, OFFICE_ONLY),
            )
        },
    )


def reporting(fx, portal_type):
    """``make`` of a reporting type: what the module installs (the folder,
    the 2019 plan and its measures, the document templates) or, for the
    annual report, one made in the folder."""
    folder = fx.portal["reporting"]
    if portal_type == "ReportingFolder":
        return folder
    if portal_type == "WorkPlan":
        return folder["work-plan-2019"]
    if portal_type == "PlanMeasure":
        return folder["work-plan-2019"].objectValues()[0]
    if portal_type == "DocumentTemplate":
        return next(
            obj for obj in folder.objectValues() if obj.portal_type == portal_type
        )
    return api.content.create(
        container=folder, type="AnnualReport", id="matrix-report", title="年度报告"
    )


def assessment(fx, portal_type):
    """``make`` of an assessment type: the folder, a copy of an installed
    scorecard template, or the 2026 card of the owning unit (unit_a)."""
    folder = fx.portal["assessment"]
    if portal_type == "AssessmentFolder":
        return folder
    if portal_type == "ScorecardTemplate":
        template = next(
            obj for obj in folder.objectValues() if obj.portal_type == portal_type
        )
        return api.content.copy(source=template, target=folder, id="matrix-template")
    from changde.perfmgmt.assessment.yearly import create_cards

    unit = fx.city["unit_a"]
    return next(
        card for card in create_cards(2026) if target_uid(card.target) == unit.UID()
    )


def publicity(portal_type):
    """``make`` of a publicity type: in its section of the column."""

    def make(fx, portal_type):
        from tests.publicity import base

        from changde.perfmgmt.publicity.column import column
        from changde.perfmgmt.publicity.column import section

        if portal_type == "PerformanceColumn":
            return column()
        if portal_type == "ColumnSection":
            return section("news")
        if portal_type == "PolicyDocument":
            return base.create_policy(section("policies"), id="matrix-policy")
        if portal_type == "PublicityItem":
            return base.create_news(section("news"), id="matrix-news")
        if portal_type == "TrainingEvent":
            return fx.made(
                "training",
                lambda: base.create_training(section("training"), id="matrix-training"),
            )
        event = fx.made(
            "training",
            lambda: base.create_training(section("training"), id="matrix-training"),
        )
        return api.content.create(
            container=event,
            type="TrainingMaterial",
            id="matrix-material",
            title="课件",
            material_kind="link",
            link="https://example.org/slides",
        )

    return make


#: services of the site root: {"METHOD @name": who may call it}
SITE_SERVICES = {
    "GET @coverage?year=2026": SIGNED_IN,
    "GET @monitoring-rounds": SIGNED_IN,
    "POST @monitoring-rounds": OFFICE_ONLY,
    "GET @public-column": EVERYONE,
    "GET @publicity-record?year=2026": EVERYONE,
    "GET @public-feedback": OFFICE_ONLY,
}


# --- the table -----------------------------------------------------------------

PROJECT_SERVICES = {
    "GET @declaration-check": None,
    "GET @monitoring-records": None,
    "POST @add-indicators": {"templates": ["no-such-uid"]},
    "POST @copy-to-library": {"library": "no-such-uid", "sector": "教育"},
}


def project_state(view, write, transitions, add_indicators):
    return State(
        view=view,
        write=write,
        transitions=transitions,
        services={
            "GET @declaration-check": view,
            "GET @monitoring-records": view,
            "POST @add-indicators": add_indicators,
            "POST @copy-to-library": view,  # refused by state (400) or library
        },
    )


PROJECT_READERS = TENANT | OFFICE_ONLY
PROJECT_READERS_IN_REVIEW = PROJECT_READERS | who(REVIEWER)

REPORT_IN_REVIEW = EVALUATORS | who(REVIEWER, OFFICE)
REPORT_FED_BACK = REPORT_IN_REVIEW | TENANT

ITEM_READERS = TENANT | who(REVIEWER, OFFICE)

MATRIX = {
    "Jurisdiction": Rows(
        make=jurisdiction,
        fields={"region_code": "430700"},
        services={"GET @coverage?year=2026": None},
        states={
            "active": State(
                view=who(DISTRICT_X, REVIEWER, OFFICE),
                write={"region_code": OFFICE_ONLY},
                services={"GET @coverage?year=2026": who(DISTRICT_X, REVIEWER, OFFICE)},
            )
        },
    ),
    "BudgetUnit": Rows(
        make=budget_unit,
        fields={"unit_code": "109999"},
        states={
            "active": State(
                view=TENANT | who(REVIEWER, OFFICE),
                write={"unit_code": OFFICE_ONLY},
            )
        },
    ),
    "BudgetProject": Rows(
        make=project,
        fields={"amount": "1200000", "pre_evaluation_result": "passed"},
        services=PROJECT_SERVICES,
        states={
            "draft": project_state(
                PROJECT_READERS,
                {"amount": PROJECT_READERS, "pre_evaluation_result": OFFICE_ONLY},
                {"submit": PROJECT_READERS},
                PROJECT_READERS,
            ),
            # reviewers keep reading what they returned; a return of a
            # returned project is "already there" for those who may return
            "returned": project_state(
                PROJECT_READERS_IN_REVIEW,
                {"amount": PROJECT_READERS, "pre_evaluation_result": OFFICE_ONLY},
                {"submit": PROJECT_READERS, "return": who(REVIEWER, OFFICE)},
                PROJECT_READERS,
            ),
            "submitted": project_state(
                PROJECT_READERS_IN_REVIEW,
                {"amount": OFFICE_ONLY, "pre_evaluation_result": OFFICE_ONLY},
                {"review": who(REVIEWER, OFFICE), "return": who(REVIEWER, OFFICE)},
                OFFICE_ONLY,
            ),
            "reviewed": project_state(
                PROJECT_READERS_IN_REVIEW,
                {"amount": OFFICE_ONLY, "pre_evaluation_result": OFFICE_ONLY},
                {"approve": who(REVIEWER, OFFICE), "return": who(REVIEWER, OFFICE)},
                OFFICE_ONLY,
            ),
            "approved": project_state(
                PROJECT_READERS_IN_REVIEW,
                {"amount": OFFICE_ONLY, "pre_evaluation_result": OFFICE_ONLY},
                {},
                OFFICE_ONLY,
            ),
        },
    ),
    "Indicator": Rows(  # in a draft project: follows it
        make=indicator,
        fields={"weight": "12.5"},
        states={None: State(view=PROJECT_READERS, write={"weight": PROJECT_READERS})},
    ),
    "IndicatorLibrary": signed_in_read(
        indicator_library, fields={"description": "说明"}, states=("active",)
    ),
    "IndicatorTemplate": signed_in_read(indicator_template, fields={"unit": "个"}),
    "EvaluationFolder": Rows(
        make=site_folder("evaluation"),
        fields={"description": "说明"},
        services={
            "GET @rectification?year=2026": None,
            "GET @missing-self-evaluations?year=2026": None,
            # not run yet this year: the answer says so
            "GET @result-application?year=2026": Call(ok=(404,)),
            "GET @result-application-export?year=2026": Call(ok=(404,)),
            "POST @self-evaluation-drafts": {"year": "later"},
            "POST @result-application": {"year": "later"},
        },
        states={
            state: State(
                view=view,
                write={"description": OFFICE_ONLY},
                transitions=transitions,
                services={
                    "GET @rectification?year=2026": SIGNED_IN,
                    "GET @missing-self-evaluations?year=2026": OFFICE_ONLY,
                    "GET @result-application?year=2026": OFFICE_ONLY,
                    "GET @result-application-export?year=2026": OFFICE_ONLY,
                    "POST @self-evaluation-drafts": OFFICE_ONLY,
                    "POST @result-application": OFFICE_ONLY,
                },
            )
            for state, view, transitions in (
                ("private", SIGNED_IN, {"publish": OFFICE_ONLY}),
                ("published", EVERYONE, {"retract": OFFICE_ONLY}),
            )
        },
    ),
    "NegativeListFolder": Rows(
        make=site_folder("negative-list"),
        fields={"description": "说明"},
        states={
            "private": State(
                view=SIGNED_IN,
                write={"description": OFFICE_ONLY},
                transitions={"publish": OFFICE_ONLY},
            ),
            "published": State(
                view=EVERYONE,
                write={"description": OFFICE_ONLY},
                transitions={"retract": OFFICE_ONLY},
            ),
        },
    ),
    "EvaluationReport": Rows(
        make=report,
        fields={"score": "88", "goals_unclear": True},
        states={
            "draft": State(
                view=EVALUATORS | OFFICE_ONLY,
                write={"score": EVALUATORS | OFFICE_ONLY, "goals_unclear": OFFICE_ONLY},
                transitions={"submit": EVALUATORS | OFFICE_ONLY},
            ),
            "internal_review": State(
                view=REPORT_IN_REVIEW,
                write={"score": OFFICE_ONLY, "goals_unclear": OFFICE_ONLY},
                transitions={"approve": OFFICE_ONLY, "return": OFFICE_ONLY},
            ),
            "approved": State(
                view=REPORT_IN_REVIEW,
                write={"score": OFFICE_ONLY, "goals_unclear": OFFICE_ONLY},
                transitions={"feed_back": OFFICE_ONLY, "return": OFFICE_ONLY},
            ),
            "fed_back": State(
                view=REPORT_FED_BACK,
                write={"score": OFFICE_ONLY, "goals_unclear": OFFICE_ONLY},
                transitions={"publish": OFFICE_ONLY},
            ),
            "published": State(
                view=EVERYONE,
                write={"score": OFFICE_ONLY, "goals_unclear": OFFICE_ONLY},
                transitions={"retract": OFFICE_ONLY},
            ),
        },
    ),
    "RectificationItem": Rows(
        make=rectification_item,
        fields={"measures": "已整改。", "deadline": "2027-09-30"},
        services={
            "POST (add EvidenceFile)": {
                "@type": "EvidenceFile",
                "file": {"data": "eA==", "encoding": "base64", "filename": "x.txt"},
            }
        },
        states={
            "draft": State(
                view=OFFICE_ONLY,
                write={"measures": OFFICE_ONLY, "deadline": OFFICE_ONLY},
                transitions={"open": OFFICE_ONLY},
                services={"POST (add EvidenceFile)": OFFICE_ONLY},
            ),
            "open": State(
                view=ITEM_READERS,
                write={"measures": TENANT | OFFICE_ONLY, "deadline": OFFICE_ONLY},
                transitions={"submit": TENANT | OFFICE_ONLY},
                services={"POST (add EvidenceFile)": TENANT | OFFICE_ONLY},
            ),
            "submitted": State(
                view=ITEM_READERS,
                write={"measures": OFFICE_ONLY, "deadline": OFFICE_ONLY},
                transitions={"accept": OFFICE_ONLY, "reopen": OFFICE_ONLY},
                services={"POST (add EvidenceFile)": OFFICE_ONLY},
            ),
            "accepted": State(
                view=ITEM_READERS,
                write={"measures": OFFICE_ONLY, "deadline": OFFICE_ONLY},
                transitions={"reopen": OFFICE_ONLY},
                services={"POST (add EvidenceFile)": OFFICE_ONLY},
            ),
            "reopened": State(
                view=ITEM_READERS,
                write={"measures": TENANT | OFFICE_ONLY, "deadline": OFFICE_ONLY},
                transitions={"submit": TENANT | OFFICE_ONLY},
                services={"POST (add EvidenceFile)": TENANT | OFFICE_ONLY},
            ),
        },
    ),
    "EvidenceFile": Rows(  # in an open item: follows it
        make=evidence_file,
        fields={"title": "验收单"},
        states={None: State(view=ITEM_READERS, write={"title": TENANT | OFFICE_ONLY})},
    ),
    "NegativeListEntry": Rows(
        make=negative_entry,
        fields={"reason_detail": "目标不清"},
        states={
            "proposed": State(
                view=who(REVIEWER, OFFICE),
                write={"reason_detail": OFFICE_ONLY},
                transitions={"confirm": OFFICE_ONLY, "reject": OFFICE_ONLY},
            ),
            "listed": State(
                view=TENANT | who(REVIEWER, OFFICE),
                write={"reason_detail": OFFICE_ONLY},
                transitions={"release": OFFICE_ONLY},
            ),
            "released": State(
                view=TENANT | who(REVIEWER, OFFICE),
                write={"reason_detail": OFFICE_ONLY},
            ),
            "rejected": State(
                view=who(REVIEWER, OFFICE), write={"reason_detail": OFFICE_ONLY}
            ),
        },
    ),
    "ExpertLibrary": signed_in_read(
        site_folder("expert-library"),
        fields={"description": "说明"},
        states=("active",),
        services={
            "GET @elimination": None,
            "POST @elimination": {"year": "later"},
            "GET @library-export": None,
            "POST @library-import": {"rows": "no list"},
        },
    ),
    "AgencyLibrary": signed_in_read(
        site_folder("agency-library"),
        fields={"description": "说明"},
        states=("active",),
    ),
    "SupervisionLibrary": Rows(
        make=site_folder("supervision-library"),
        fields={"description": "说明"},
        services={"GET @supervision-coverage": None},
        states={
            "active": State(
                view=SIGNED_IN,
                write={"description": OFFICE_ONLY},
                services={"GET @supervision-coverage": SIGNED_IN},
            )
        },
    ),
    "Expert": Rows(
        make=library_member,
        fields={"title": "王六", "contact": "0736-1234567"},
        services={
            "POST @rate": {"date": "2026-05-01", "engagement": "x", "score": "abc"},
            "PATCH @rate/0": {"score": "abc"},
            "DELETE @rate/99": None,
        },
        states={
            state: State(
                view=view,
                write={"title": OFFICE_ONLY, "contact": OFFICE_ONLY},
                transitions=transitions,
                services={
                    "POST @rate": OFFICE_ONLY,
                    "PATCH @rate/0": OFFICE_ONLY,
                    "DELETE @rate/99": OFFICE_ONLY,
                },
            )
            for state, view, transitions in (
                ("private", SIGNED_IN, {"publish": OFFICE_ONLY}),
                ("published", EVERYONE, {"retract": OFFICE_ONLY}),
            )
        },
    ),
    "Agency": Rows(
        make=library_member,
        fields={"title": "某事务所", "contact": "0736-1234567"},
        states={
            state: State(
                view=view,
                write={"title": OFFICE_ONLY, "contact": OFFICE_ONLY},
                transitions=transitions,
            )
            for state, view, transitions in (
                ("private", SIGNED_IN, {"publish": OFFICE_ONLY}),
                ("published", EVERYONE, {"retract": OFFICE_ONLY}),
            )
        },
    ),
    "SupervisionMember": Rows(
        make=library_member,
        fields={"title": "王六"},
        states={
            state: State(
                view=view, write={"title": OFFICE_ONLY}, transitions=transitions
            )
            for state, view, transitions in (
                ("private", SIGNED_IN, {"publish": OFFICE_ONLY}),
                ("published", EVERYONE, {"retract": OFFICE_ONLY}),
            )
        },
    ),
    "InternalReviewFolder": Rows(
        make=site_folder("internal-review"),
        fields={"description": "说明"},
        services={"GET @review-summary?year=2026": None},
        states={
            "internal": State(
                view=who(REVIEWER, OFFICE),
                write={"description": OFFICE_ONLY},
                services={"GET @review-summary?year=2026": who(REVIEWER, OFFICE)},
            )
        },
    ),
    "InternalReviewRound": Rows(
        make=review_round,
        fields={"title": "第二轮"},
        services={"GET @review-reports": None, "POST @review-reports": {"reports": 1}},
        states={
            None: State(
                view=who(REVIEWER, OFFICE),
                write={"title": OFFICE_ONLY},
                services={
                    "GET @review-reports": who(REVIEWER, OFFICE),
                    "POST @review-reports": OFFICE_ONLY,
                },
            )
        },
    ),
    "MonitoringFolder": Rows(
        make=site_folder("monitoring"),
        fields={"description": "说明"},
        services={"GET @monitoring-rounds": None, "POST @monitoring-rounds": {}},
        states={
            "open": State(
                view=SIGNED_IN,
                write={"description": OFFICE_ONLY},
                services={
                    "GET @monitoring-rounds": SIGNED_IN,
                    "POST @monitoring-rounds": OFFICE_ONLY,
                },
            )
        },
    ),
    "MonitoringRound": Rows(
        make=monitoring_round,
        fields={"target_rate": "55"},
        services={
            "GET @monitoring-summary": None,
            "POST @monitoring-import": {"rows": "no list"},
            "POST @monitoring-prepare": None,
            "GET @@monitoring-export.xlsx": None,
        },
        states={
            "open": State(
                view=SIGNED_IN,
                write={"target_rate": OFFICE_ONLY},
                services={
                    "GET @monitoring-summary": SIGNED_IN,
                    "POST @monitoring-import": OFFICE_ONLY,
                    "POST @monitoring-prepare": OFFICE_ONLY,
                    "GET @@monitoring-export.xlsx": SIGNED_IN,
                },
            )
        },
    ),
    "MonitoringRecord": Rows(
        make=monitoring_record,
        fields={"executed_amount": "400000", "project": "other-project"},
        states={
            "draft": State(
                view=TENANT | OFFICE_ONLY,
                write={"executed_amount": TENANT | OFFICE_ONLY},
                transitions={"submit": TENANT | OFFICE_ONLY},
            ),
            "returned": State(
                view=TENANT | OFFICE_ONLY,
                write={"executed_amount": TENANT | OFFICE_ONLY},
                transitions={"submit": TENANT | OFFICE_ONLY},
            ),
            "submitted": State(
                view=TENANT | who(REVIEWER, OFFICE),
                write={"executed_amount": OFFICE_ONLY},
                transitions={"confirm": OFFICE_ONLY, "return": OFFICE_ONLY},
            ),
            "confirmed": State(
                view=TENANT | who(REVIEWER, OFFICE),
                write={"executed_amount": OFFICE_ONLY},
                transitions={"return": OFFICE_ONLY},
            ),
        },
    ),
    "PerformanceColumn": published_by_office(
        publicity("PerformanceColumn"), fields={"description": "说明"}
    ),
    "ColumnSection": published_by_office(
        publicity("ColumnSection"), fields={"description": "说明"}
    ),
    "PolicyDocument": published_by_office(
        publicity("PolicyDocument"), fields={"issuer": "常德市财政局"}
    ),
    "PublicityItem": published_by_office(
        publicity("PublicityItem"), fields={"participants": 30}
    ),
    "TrainingEvent": published_by_office(
        publicity("TrainingEvent"),
        fields={"location": "五楼会议室"},
        services={
            "GET @training-attendance": None,
            "POST @training-attendance": {"attended": "x"},
            "GET @training-feedback": None,
        },
    ),
    "TrainingMaterial": published_by_office(
        publicity("TrainingMaterial"), fields={"title": "讲义"}
    ),
    "ReportingFolder": office_and_reviewers_read(reporting, fields={"title": "文书"}),
    "WorkPlan": office_and_reviewers_read(reporting, fields={"title": "方案"}),
    "PlanMeasure": office_and_reviewers_read(reporting, fields={"title": "措施"}),
    "DocumentTemplate": office_and_reviewers_read(reporting, fields={"title": "模板"}),
    "AnnualReport": office_and_reviewers_read(reporting, fields={"title": "报告"}),
    "AssessmentFolder": signed_in_read(
        assessment, fields={"title": "考核"}, states=("internal",)
    ),
    "ScorecardTemplate": Rows(
        make=assessment,
        fields={"title": "评分表"},
        states={
            "draft": State(
                view=OFFICE_ONLY,
                write={"title": OFFICE_ONLY},
                transitions={"activate": OFFICE_ONLY},
            ),
            "active": State(view=SIGNED_IN, transitions={"retire": OFFICE_ONLY}),
            "retired": State(view=SIGNED_IN, transitions={"activate": OFFICE_ONLY}),
        },
    ),
    "AssessmentCard": Rows(
        make=assessment,
        fields={"title": "考核表"},
        states={
            "draft": State(
                view=OFFICE_ONLY,
                write={"title": OFFICE_ONLY},
                transitions={"confirm": OFFICE_ONLY},
            ),
            "confirmed": State(
                view=OFFICE_ONLY | TENANT,
                transitions={"publish": OFFICE_ONLY, "return": OFFICE_ONLY},
            ),
            "published": State(view=SIGNED_IN, transitions={"retract": OFFICE_ONLY}),
        },
    ),
}


def rows_for(portal_type):
    return MATRIX.get(portal_type)


def installed_types(portal):
    """Every portal_type the add-on installs (its classes are the add-on's)."""
    types = api.portal.get_tool("portal_types")
    return sorted(
        fti.getId()
        for fti in types.objectValues()
        if (getattr(fti, "klass", "") or "").startswith("changde.perfmgmt.")
    )


def refusal_message(response):
    """The message a refusal (4xx) tells its caller: ``error.message`` of the
    one error shape (docs/errors.md), or the text of a page; empty if none."""
    if "json" not in response.headers.get("Content-Type", ""):
        return response.text.strip()
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    error = body.get("error")
    message = error.get("message") if isinstance(error, dict) else None
    return str(message or "").strip()
