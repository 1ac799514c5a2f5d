"""The link to a project's monitoring records under the project page."""

from html import escape

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from zope.i18n import translate

from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.records import records_of_project


class ProjectMonitoringViewlet(ViewletBase):
    """Under a project's page: how many monitoring records it has, linking to
    them (the declaration module's page knows nothing of monitoring)."""

    def update(self):
        super().update()
        self.count = len(records_of_project(api.content.get_uuid(self.context)))
        self.url = f"{self.context.absolute_url()}/@@monitoring-records"

    def index(self):
        if not self.count:
            return ""
        label = translate(
            _(
                "project_monitoring_records_link",
                default="运行监控记录（${count} 条）",
                mapping={"count": str(self.count)},
            ),
            context=self.request,
        )
        return (
            '<p class="perfmgmt-project-monitoring">'
            f'<a class="btn btn-outline-secondary btn-sm" href="{escape(self.url)}">'
            f"{escape(label)}</a></p>"
        )
