"""The working-day calendar's settings (工作日历): holidays and adjusted working
days for years the chinese-calendar package does not know yet."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.core.settings import REGISTRY_PREFIX
from changde.perfmgmt.core.settings import ICoreSettings
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-calendar"


class CalendarSettingsForm(SettingsEditForm):
    schema = ICoreSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("controlpanel_calendar", default="Working-day calendar")
    description = _(
        "controlpanel_calendar_help",
        default="Report deadlines count working days on China's statutory "
        "calendar. For a year the calendar package does not know yet, enter "
        "the holidays and adjusted working days announced by the State Council.",
    )


class CalendarSettingsView(ControlPanelFormWrapper):
    form = CalendarSettingsForm


@adapter(Interface, IControlpanelLayer)
class CalendarControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-calendar``."""

    schema = ICoreSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
