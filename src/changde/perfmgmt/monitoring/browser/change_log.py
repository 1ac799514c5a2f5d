"""Who changed a monitoring record, what and when."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from changde.perfmgmt.i18n import _

SOURCE_TITLES = {
    "edit": _("change_source_edit", default="编辑"),
    "import": _("change_source_import", default="批量导入"),
}


class RecordChangeLogViewlet(ViewletBase):
    """Under a record's page: who changed what and when (its change log,
    newest first), for R-P6."""

    index = ViewPageTemplateFile("change_log.pt")
    shown = 20

    @memoize
    def fullname(self, user_id):
        user = api.user.get(userid=user_id) if user_id else None
        return (user.getProperty("fullname") if user else None) or user_id

    def entries(self):
        from changde.perfmgmt.monitoring.content.monitoring_record import (
            IMonitoringRecord,
        )

        fields = IMonitoringRecord
        answer = []
        for entry in reversed(list(self.context.change_log or ())[-self.shown :]):
            changes = []
            for change in entry.get("changes", ()):
                name = change.get("field")
                title = fields[name].title if name in fields else name
                text = translate(title, context=self.request)
                if "after" in change:
                    before = change.get("before") or "—"
                    text += f"：{before} → {change.get('after') or '—'}"
                changes.append(text)
            source = SOURCE_TITLES.get(entry.get("source"))
            answer.append(
                {
                    "date": (entry.get("date") or "")[:19].replace("T", " "),
                    "actor": self.fullname(entry.get("actor")),
                    "source": translate(source, context=self.request)
                    if source
                    else entry.get("source"),
                    "changes": changes,
                }
            )
        return answer
