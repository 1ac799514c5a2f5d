"""The dashboard settings (驾驶舱设置): the margins of the traffic lights, in
Site Setup and over ``@controlpanels/perfmgmt-dashboard``."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.dashboard.settings import PREFIX
from changde.perfmgmt.dashboard.settings import IDashboardSettings
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-dashboard"


class DashboardSettingsForm(SettingsEditForm):
    schema = IDashboardSettings
    schema_prefix = PREFIX
    label = _("controlpanel_dashboard", default="Dashboard settings")
    description = _(
        "controlpanel_dashboard_help",
        default="The traffic lights of the dashboard (驾驶舱): how close to its "
        "target an execution rate is still yellow, and how close to the cap "
        "the municipal special funds turn yellow.",
    )


class DashboardSettingsView(ControlPanelFormWrapper):
    form = DashboardSettingsForm


@adapter(Interface, IControlpanelLayer)
class DashboardControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-dashboard``."""

    schema = IDashboardSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
