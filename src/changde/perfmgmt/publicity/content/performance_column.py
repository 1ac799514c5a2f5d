"""PerformanceColumn (绩效管理专栏): the public column in the site root,
created by the install profile. Its page is the public portal: the sections
(policies, news, reports, training, feedback) with their newest items; the
office edits its introduction."""

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer

from changde.perfmgmt.i18n import _


class IPerformanceColumn(model.Schema):
    searchable("text")
    text = RichText(
        title=_("label_column_text", default="Introduction"),
        description=_(
            "help_column_text",
            default="Shown at the top of the column for every visitor.",
        ),
        required=False,
    )


@implementer(IPerformanceColumn)
class PerformanceColumn(Container):
    """The performance column: holds the sections."""

    text = None
