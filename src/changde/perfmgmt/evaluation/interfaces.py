"""Interfaces of the evaluation module."""

from plone.supermodel import model
from zope.interface import Interface


class IEvaluationFolder(model.Schema):
    """The evaluation folder (绩效评价) in the site root: title and description.

    It holds the evaluation reports of every year and is the performance
    column (绩效公开栏): anonymous visitors see the published reports in it.
    """


class INegativeListFolder(model.Schema):
    """The negative list (负面清单) in the site root: one library folder."""


class IMemberReference(Interface):
    """Marks the report's field holding one library member's UID (the
    agency): REST answers it as a reference, see :mod:`..serializers`."""


class IMemberReferences(Interface):
    """Marks the report's field holding a list of library members' UIDs (the
    experts): REST answers them as references."""
