"""TrainingEvent (培训活动, R-M2): a training with its dates (plone.app.event:
catalog ``start``/``end``, iCal), place, lecturers chosen from the expert
library, audience and agenda; it holds its materials and the sign-up and
feedback forms (collective.easyform) created with it
(:mod:`changde.perfmgmt.publicity.training`)."""

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.i18n import _


def lecturer_violations(value):
    """A lecturer is an expert of the library."""
    if getattr(value, "portal_type", None) != "Expert":
        return [
            Violation(
                "training_lecturer_not_expert",
                "Choose the lecturer from the expert library.",
                "lecturers",
            )
        ]
    return []


class ITrainingEvent(model.Schema):
    directives.widget(
        "lecturers",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Expert"], "recentlyUsed": True},
    )
    lecturers = RelationList(
        title=_("label_lecturers", default="Lecturers"),
        description=_(
            "help_lecturers", default="Experts of the expert library who teach."
        ),
        value_type=RelationChoice(
            vocabulary="plone.app.vocabularies.Catalog",
            constraint=RuleConstraint(lecturer_violations),
        ),
        required=False,
        default=[],
    )
    searchable("other_lecturers", "text")
    other_lecturers = schema.TextLine(
        title=_("label_other_lecturers", default="Other lecturers"),
        description=_(
            "help_other_lecturers",
            default="Lecturers who are not in the expert library, with their "
            "organisation.",
        ),
        required=False,
        max_length=300,
    )
    audience = schema.Set(
        title=_("label_training_audience", default="Audience"),
        value_type=schema.Choice(vocabulary="changde.perfmgmt.TrainingAudiences"),
        required=False,
        default=set(),
        missing_value=set(),
    )
    signup_deadline = schema.Date(
        title=_("label_signup_deadline", default="Sign-up deadline"),
        description=_(
            "help_signup_deadline",
            default="Last day of sign-up; without it, sign-up closes when the "
            "training starts.",
        ),
        required=False,
    )
    text = RichText(
        title=_("label_training_text", default="Programme"),
        required=False,
    )


@implementer(ITrainingEvent)
class TrainingEvent(Container):
    """A training: the forms and materials live inside it."""

    lecturers = ()
    other_lecturers = None
    audience = frozenset()
    signup_deadline = None
    text = None
