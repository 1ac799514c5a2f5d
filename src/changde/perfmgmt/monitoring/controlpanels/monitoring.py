"""The monitoring settings (运行监控设置): the report period and the rounds of a
year. Each field is checked with the rules (see
:mod:`changde.perfmgmt.monitoring.settings`): a value they refuse gets a field
message and nothing is saved, here and over ``@controlpanels``."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface

from changde.perfmgmt.core.controlpanels import SettingsEditForm
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.settings import PREFIX
from changde.perfmgmt.monitoring.settings import IMonitoringSettings

CONFIGLET_ID = "perfmgmt-monitoring"


class MonitoringSettingsForm(SettingsEditForm):
    schema = IMonitoringSettings
    schema_prefix = PREFIX
    label = _("controlpanel_monitoring", default="运行监控设置")
    description = _(
        "controlpanel_monitoring_help",
        default="每年的监控轮次（编号、截止日期、目标执行率、监控重点；只影响此后生成的"
        "轮次）和向领导小组报告的期限（截止日期次月的工作日数；所有轮次的报告截止日"
        "随之重新计算）。",
    )


class MonitoringSettingsView(ControlPanelFormWrapper):
    form = MonitoringSettingsForm


@adapter(Interface, IControlpanelLayer)
class MonitoringControlpanel(RegistryConfigletPanel):
    """The same settings over REST: ``@controlpanels/perfmgmt-monitoring``."""

    schema = IMonitoringSettings
    schema_prefix = PREFIX
    configlet_id = CONFIGLET_ID
    configlet_category_id = "Products"
