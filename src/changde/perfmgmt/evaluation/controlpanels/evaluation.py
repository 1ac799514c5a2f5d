"""The evaluation settings (评价规则): grade bands, the rectification target
and the thresholds of result application. The schema's invariants call the
rules' validation (:mod:`..settings`); the form shows a refusal on the
setting to correct, and nothing is saved."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.evaluation.settings import PREFIX
from changde.perfmgmt.evaluation.settings import IEvaluationSettings
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-evaluation"


class EvaluationSettingsForm(SettingsEditForm):
    schema = IEvaluationSettings
    schema_prefix = PREFIX
    label = _("controlpanel_evaluation", default="Evaluation rules")
    description = _(
        "controlpanel_evaluation_help",
        default="The grade bands computed from the evaluation score, the "
        "rectification target and the thresholds of the yearly result "
        "application.",
    )


class EvaluationSettingsView(ControlPanelFormWrapper):
    form = EvaluationSettingsForm


@adapter(Interface, IControlpanelLayer)
class EvaluationControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-evaluation``."""

    schema = IEvaluationSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
