"""The public forms' protection (公众表单防护): the rate limit per address and
the longest texts accepted. The schema's invariant calls the rules'
validation (:mod:`..settings`); the form shows a refusal on the setting to
correct, and nothing is saved."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.settings import PREFIX
from changde.perfmgmt.publicity.settings import IPublicitySettings

CONFIGLET_ID = "perfmgmt-publicity"


class PublicitySettingsForm(SettingsEditForm):
    schema = IPublicitySettings
    schema_prefix = PREFIX
    label = _("controlpanel_publicity", default="Public forms")
    description = _(
        "controlpanel_publicity_help",
        default="How often one address may send a public form (the feedback on "
        "reports, a training's sign-up and feedback) and the longest texts "
        "accepted.",
    )


class PublicitySettingsView(ControlPanelFormWrapper):
    form = PublicitySettingsForm


@adapter(Interface, IControlpanelLayer)
class PublicityControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-publicity``."""

    schema = IPublicitySettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
