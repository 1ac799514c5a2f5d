"""Interfaces of the assessment module."""

from plone.supermodel import model


class IAssessmentFolder(model.Schema):
    """The assessment area (绩效考核) in the site root: the scorecard
    templates and the yearly assessment cards; its page links the ranking,
    the subsidy table and the templates."""
