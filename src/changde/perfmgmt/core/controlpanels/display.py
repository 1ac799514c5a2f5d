"""How pages show what people read (页面显示): amounts in 元 or 万元."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.core.settings import REGISTRY_PREFIX
from changde.perfmgmt.core.settings import IDisplaySettings
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-display"


class DisplaySettingsForm(SettingsEditForm):
    schema = IDisplaySettings
    schema_prefix = REGISTRY_PREFIX
    label = _("controlpanel_display", default="Display")
    description = _(
        "controlpanel_display_help",
        default="How the pages of the system show amounts to every reader.",
    )


class DisplaySettingsView(ControlPanelFormWrapper):
    form = DisplaySettingsForm


@adapter(Interface, IControlpanelLayer)
class DisplayControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-display``."""

    schema = IDisplaySettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
