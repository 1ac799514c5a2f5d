"""Vocabularies of the assessment module."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from changde.perfmgmt.assessment.labels import FORMULA_TITLES
from changde.perfmgmt.assessment.labels import METHOD_TITLES
from changde.perfmgmt.assessment.rules.scorecards import FORMULAS
from changde.perfmgmt.assessment.rules.scorecards import METHODS
from changde.perfmgmt.core.vocabularies import simple_vocabulary


@provider(IVocabularyFactory)
def methods(context=None):
    return simple_vocabulary(METHODS, METHOD_TITLES)


@provider(IVocabularyFactory)
def formulas(context=None):
    return simple_vocabulary(FORMULAS, FORMULA_TITLES)
