"""The libraries' and internal review's numbers (专家库与内部点评设置): rounds
and excellent reports a year, the four criteria's weights, elimination.

Values that only make sense together (excellent minimum ≤ maximum, weights
summing to 100) are the settings schema's invariants, which call the rules'
checks: the form shows each message next to the fields it names and saves
nothing; a REST PATCH answers 400 and writes nothing.
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.settings import PREFIX
from changde.perfmgmt.libraries.settings import ILibrariesSettings

CONFIGLET_ID = "perfmgmt-libraries"


class LibrariesSettingsForm(SettingsEditForm):
    schema = ILibrariesSettings
    schema_prefix = PREFIX
    label = _("controlpanel_libraries", default="专家库与内部点评设置")
    description = _(
        "controlpanel_libraries_help",
        default="工作方案的数字:每年内部点评轮数、优秀报告个数、四项点评标准的权重"
        "(合计须为 100),以及末位淘汰的评分次数和比例。",
    )


class LibrariesSettingsView(ControlPanelFormWrapper):
    form = LibrariesSettingsForm


@adapter(Interface, IControlpanelLayer)
class LibrariesControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-libraries``."""

    schema = ILibrariesSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
