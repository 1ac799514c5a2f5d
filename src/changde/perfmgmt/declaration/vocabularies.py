"""Vocabularies of the declaration module: ids from the rule module, labels here."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from changde.perfmgmt.core.messages import register_param_labels
from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.rules.gates import PRE_EVALUATION_RESULTS
from changde.perfmgmt.declaration.rules.indicators import COMPARATORS
from changde.perfmgmt.declaration.settings import indicator_levels
from changde.perfmgmt.i18n import _

BUDGET_KIND_TITLES = {
    "general_public": _("budget_kind_general_public", default="General public budget"),
    "government_fund": _(
        "budget_kind_government_fund", default="Government fund budget"
    ),
    "state_capital": _(
        "budget_kind_state_capital", default="State capital operation budget"
    ),
    "social_insurance": _(
        "budget_kind_social_insurance", default="Social insurance fund budget"
    ),
    "government_debt": _("budget_kind_government_debt", default="Government debt"),
}

COMPARATOR_TITLES = {
    "ge": _("comparator_ge", default="≥ (at least)"),
    "le": _("comparator_le", default="≤ (at most)"),
    "eq": _("comparator_eq", default="= (equal to)"),
    "approx": _("comparator_approx", default="≈ (about)"),
    "qualitative": _("comparator_qualitative", default="Qualitative"),
}

PRE_EVALUATION_TITLES = {
    "none": _("pre_evaluation_none", default="Not evaluated"),
    "passed": _("pre_evaluation_passed", default="Passed"),
    "failed": _("pre_evaluation_failed", default="Failed"),
}

# The gate names the project's pre-evaluation result: show its label, not its id.
register_param_labels("gate_pre_evaluation_not_passed", "result", PRE_EVALUATION_TITLES)


@provider(IVocabularyFactory)
def budget_kinds(context=None):
    return simple_vocabulary(BUDGET_KINDS, BUDGET_KIND_TITLES)


@provider(IVocabularyFactory)
def comparators(context=None):
    return simple_vocabulary(COMPARATORS, COMPARATOR_TITLES)


@provider(IVocabularyFactory)
def pre_evaluation_results(context=None):
    return simple_vocabulary(PRE_EVALUATION_RESULTS, PRE_EVALUATION_TITLES)


def _term(value):
    # Chinese values: tokens must be ASCII, so encode them.
    return SimpleTerm(value=value, token=value.encode("utf-8").hex(), title=value)


@provider(IVocabularyFactory)
def indicator_level1(context=None):
    """Level 1 of the national framework (产出指标, 效益指标, ...)."""
    seen = []
    for pair in indicator_levels():
        level1 = pair.split("/", 1)[0].strip()
        if level1 and level1 not in seen:
            seen.append(level1)
    return SimpleVocabulary([_term(value) for value in seen])


@provider(IVocabularyFactory)
def indicator_level2(context=None):
    """Level 2, listed as the office entered them ('level 1/level 2')."""
    values = []
    for pair in indicator_levels():
        level2 = pair.split("/", 1)[-1].strip()
        if level2 and level2 not in values:
            values.append(level2)
    return SimpleVocabulary([_term(value) for value in values])
