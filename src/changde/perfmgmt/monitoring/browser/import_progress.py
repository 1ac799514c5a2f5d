"""How far a running Excel import has got (JSON for the upload page)."""

import json

from Products.Five.browser import BrowserView

from changde.perfmgmt.monitoring import import_progress


class ImportProgressView(BrowserView):
    """``@@monitoring-import-progress?token=…``: how far the upload with that
    token has got in this Zope process, as JSON (``{}`` when unknown here)."""

    def __call__(self):
        self.request.response.setHeader("Content-Type", "application/json")
        self.request.response.setHeader("Cache-Control", "no-store")
        token = self.request.form.get("token") or ""
        return json.dumps(import_progress.progress_of(token) or {})
