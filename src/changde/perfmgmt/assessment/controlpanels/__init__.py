"""The assessment settings control panel (考核与奖补设置)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.assessment.settings import PREFIX
from changde.perfmgmt.assessment.settings import IAssessmentSettings
from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.i18n import _

CONFIGLET_ID = "perfmgmt-assessment"


class AssessmentSettingsForm(SettingsEditForm):
    schema = IAssessmentSettings
    schema_prefix = PREFIX
    label = _("controlpanel_assessment", default="考核与奖补设置")
    description = _(
        "controlpanel_assessment_help",
        default="自评计分的阈值、年度考核的权重和评价等级得分比例、信息化奖补的"
        "标准、管理区比例和按管理区标准奖补的地区。",
    )


class AssessmentSettingsView(ControlPanelFormWrapper):
    form = AssessmentSettingsForm


@adapter(Interface, IControlpanelLayer)
class AssessmentControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-assessment``."""

    schema = IAssessmentSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
