"""ReportingFolder (报告与文书): the office's area for the work plans, the
annual reports and the document templates; one per site (``reporting``)."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IReportingFolder(model.Schema):
    """The reporting area."""


@implementer(IReportingFolder)
class ReportingFolder(Container):
    """The reporting area."""
