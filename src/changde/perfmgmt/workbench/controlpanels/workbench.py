"""The workbench settings (工作台设置): when a waiting item is aging or has
waited long, when self-evaluations are due; in Site Setup and over
``@controlpanels/perfmgmt-workbench``."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.i18n import _
from changde.perfmgmt.workbench.settings import PREFIX
from changde.perfmgmt.workbench.settings import IWorkbenchSettings

CONFIGLET_ID = "perfmgmt-workbench"


class WorkbenchSettingsForm(SettingsEditForm):
    schema = IWorkbenchSettings
    schema_prefix = PREFIX
    label = _("controlpanel_workbench", default="Workbench settings")
    description = _(
        "controlpanel_workbench_help",
        default="How the workbench (工作台) marks waiting items (in working "
        "days since they arrived) and the day a year's self-evaluations are due.",
    )


class WorkbenchSettingsView(ControlPanelFormWrapper):
    form = WorkbenchSettingsForm


@adapter(Interface, IControlpanelLayer)
class WorkbenchControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-workbench``."""

    schema = IWorkbenchSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
