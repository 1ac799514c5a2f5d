"""The declaration gates' thresholds and coverage targets (申报规则设置)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.declaration.settings import PREFIX
from changde.perfmgmt.declaration.settings import IDeclarationSettings
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-declaration"


class DeclarationSettingsForm(SettingsEditForm):
    schema = IDeclarationSettings
    schema_prefix = PREFIX
    label = _("controlpanel_declaration", default="Declaration rules")
    description = _(
        "controlpanel_declaration_help",
        default="The thresholds of the work plan that budget projects are "
        "checked against when they are submitted and approved, and the "
        "coverage targets of the four budgets.",
    )


class DeclarationSettingsView(ControlPanelFormWrapper):
    form = DeclarationSettingsForm


@adapter(Interface, IControlpanelLayer)
class DeclarationControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-declaration``."""

    schema = IDeclarationSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
