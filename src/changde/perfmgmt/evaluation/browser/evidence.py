"""Under a rectification item's page: its evidence files (name, size, who
added them and when, a download link) and, while the item is open for the
user, a button to add one (the add form of ``EvidenceFile``)."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


def human_size(size):
    """``1.2 MB``, ``34 KB``, ``120 B``."""
    if size is None:
        return ""
    for unit, step in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= step:
            return f"{size / step:.1f} {unit}"
    return f"{size} B"


class EvidenceViewlet(ViewletBase):
    index = ViewPageTemplateFile("evidence.pt")

    def update(self):
        super().update()
        self.files = [
            self.file_info(obj)
            for obj in self.context.objectValues()
            if obj.portal_type == "EvidenceFile"
            and api.user.has_permission("View", obj=obj)
        ]
        self.add_url = (
            f"{self.context.absolute_url()}/++add++EvidenceFile"
            if api.user.has_permission(
                "changde.perfmgmt: Add EvidenceFile", obj=self.context
            )
            and api.user.has_permission("Add portal content", obj=self.context)
            else None
        )

    def file_info(self, obj):
        blob = obj.file
        creator = obj.Creator()
        user = api.user.get(userid=creator) if creator else None
        return {
            "title": obj.Title(),
            "url": f"{obj.absolute_url()}/@@download/file",
            "page": obj.absolute_url(),
            "size": human_size(getattr(blob, "size", None)),
            "creator": (user.getProperty("fullname") if user else None) or creator,
            "created": obj.created().strftime("%Y-%m-%d %H:%M"),
        }
