"""AssessmentCard (考核评分表): the yearly assessment (考核) of one municipal
unit or one district (plan measure 3, R-M3).

The criteria and weights are copied from the settings when the card is
created (a later change of the settings does not change the card); what the
system holds pre-fills them (``facts``, refreshed while the card is a
draft); the office enters the rest (``entries``, ``@@assessment-entries``
or ``PATCH @assessment``). The total is ``assessment_total`` (catalog
metadata, read by the ranking and by reporting). Workflow: draft →
confirmed → published.
"""

from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import JSONField
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt.ManageAssessment"

TARGET_TYPES = {"BudgetUnit": "unit", "Jurisdiction": "district"}


class IAssessmentCard(model.Schema):
    directives.write_permission(year=MANAGE, target=MANAGE)
    year = schema.Int(
        title=_("label_assessment_year", default="考核年度"),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=True,
    )
    target = RelationChoice(
        title=_("label_assessment_target", default="考核对象"),
        description=_(
            "help_assessment_target",
            default="市直单位(预算单位)或区县市(行政区划)。",
        ),
        vocabulary=StaticCatalogVocabulary(
            {"portal_type": list(TARGET_TYPES), "sort_on": "sortable_title"},
            title_template="{brain.Title}",
        ),
        required=True,
    )
    note = schema.Text(
        title=_("label_assessment_note", default="考核说明"), required=False
    )
    # criteria, facts and entries are data the card's pages write
    directives.omitted("criteria", "facts", "entries")
    criteria = JSONField(
        title=_("label_assessment_criteria", default="考核指标和权重"),
        schema='{"type": "array"}',
        readonly=True,
        default=[],
        missing_value=[],
        required=False,
    )
    facts = JSONField(
        title=_("label_assessment_facts", default="系统数据"),
        schema='{"type": "object"}',
        readonly=True,
        default={},
        missing_value={},
        required=False,
    )
    entries = JSONField(
        title=_("label_assessment_entries", default="人工评分"),
        schema='{"type": "object"}',
        readonly=True,
        default={},
        missing_value={},
        required=False,
    )
    assessment_total = schema.Decimal(
        title=_("label_assessment_total", default="考核得分"),
        readonly=True,
        required=False,
    )
    assessment_kind = schema.TextLine(
        title=_("label_assessment_kind", default="考核类别"),
        readonly=True,
        required=False,
    )


@implementer(IAssessmentCard)
class AssessmentCard(Item):
    """One unit's or district's yearly assessment."""

    target = None
    note = None
    criteria = ()
    facts = None
    entries = None
    assessment_total = None
    target_title = None
    target_uid = None

    @property
    def assessment_kind(self):
        target = self.target.to_object if self.target else None
        return TARGET_TYPES.get(getattr(target, "portal_type", None))
