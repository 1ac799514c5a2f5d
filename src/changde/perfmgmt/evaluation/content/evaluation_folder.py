"""EvaluationFolder (绩效评价): the folder in the site root holding the
evaluation reports of every year; published, it is the performance column
(绩效公开栏) where anyone reads the published reports."""

from plone.dexterity.content import Container
from zope.interface import implementer

from changde.perfmgmt.evaluation.interfaces import IEvaluationFolder


@implementer(IEvaluationFolder)
class EvaluationFolder(Container):
    """Holds the evaluation reports; ``result_runs`` keeps the result
    application runs by year (see :mod:`changde.perfmgmt.evaluation.application`)."""

    result_runs = None
