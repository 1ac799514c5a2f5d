"""InternalReviewFolder (内部点评): holds the internal-review rounds; its page
shows each year's rounds against the plan and the excellent reports."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IInternalReviewFolder(model.Schema):
    """The folder of internal-review rounds."""


@implementer(IInternalReviewFolder)
class InternalReviewFolder(Container):
    """The folder of internal-review rounds."""
