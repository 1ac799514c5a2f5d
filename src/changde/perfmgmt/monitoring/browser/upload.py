"""The Excel upload of a round's data: the same check and apply as the REST batch."""

import transaction
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.monitoring import excel
from changde.perfmgmt.monitoring import import_progress
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.browser.base import LabelsMixin


class UploadView(BrowserView, LabelsMixin):
    """Upload an Excel workbook: checked whole, then written (in batches,
    :func:`importer.write_in_batches`), or refused with every bad row named
    (nothing written)."""

    errors = None
    results = None
    skipped = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("file"):
            CheckAuthenticator(self.request)
            self.process(self.request.form["file"])
        return self.index()

    def process(self, upload):
        token = self.request.form.get("progress_token") or None
        progress = import_progress.reporter(token)
        data = upload.read()
        rows, numbers, problems = excel.read_workbook(data)
        if not problems:
            plans, problems = importer.check_rows(
                self.context, rows, first_row=2, numbers=numbers, on_progress=progress
            )
        if problems:
            import_progress.report(token, "done", 0, len(rows))
            transaction.doom()
            self.errors = self.row_messages(problems)
            return
        self.results, skipped = importer.write_in_batches(
            self.context, plans, on_progress=progress
        )
        # rows whose record its unit submitted while the import ran
        self.skipped = self.row_messages(skipped)
        import_progress.report(token, "done", len(plans), len(plans))

    def row_messages(self, problems):
        """Row violations as the page's table rows: row, field, message."""
        return [
            {
                "row": problem.row,
                "field": excel.column_header(problem.violation.field),
                "message": translate_violation(problem.violation, self.request),
            }
            for problem in sorted(problems, key=lambda p: p.row)
        ]

    def counts(self):
        results = self.results or []
        created = sum(1 for result in results if result["action"] == "created")
        flagged = sum(1 for result in results if result["flags"])
        return {
            "total": len(results),
            "created": created,
            "updated": len(results) - created,
            "flagged": flagged,
        }
