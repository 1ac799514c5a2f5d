"""IndicatorLibrary (指标库): templates of level-3 indicators by sector, the
Guangdong model (plan measure 6). Units pick templates into their projects;
an approved project's indicators can be copied back into the library."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IIndicatorLibrary(model.Schema):
    """A folder of indicator templates."""


@implementer(IIndicatorLibrary)
class IndicatorLibrary(Container):
    """A folder of indicator templates."""
