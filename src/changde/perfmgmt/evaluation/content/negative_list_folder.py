"""NegativeList (负面清单): the one library folder of negative-list entries."""

from plone.dexterity.content import Container
from zope.interface import implementer

from changde.perfmgmt.evaluation.interfaces import INegativeListFolder


@implementer(INegativeListFolder)
class NegativeListFolder(Container):
    """Holds the negative-list entries of every year."""
