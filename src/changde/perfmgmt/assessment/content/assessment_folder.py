"""AssessmentFolder (绩效考核): the area in the site root holding the
scorecard templates and the yearly assessment cards."""

from plone.dexterity.content import Container
from zope.interface import implementer

from changde.perfmgmt.assessment.interfaces import IAssessmentFolder


@implementer(IAssessmentFolder)
class AssessmentFolder(Container):
    """The assessment area."""
