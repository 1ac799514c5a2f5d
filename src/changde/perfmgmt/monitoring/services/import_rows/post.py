"""POST @monitoring-import on a round: ``{"rows": [...]}``, all or nothing.

Every row is checked first (:func:`importer.check_rows`); any bad row answers
400 with every problem (row, field, code, message) and writes nothing (the
transaction is also doomed). Otherwise the records are created or updated
(:func:`importer.write_in_batches`: fifty rows a transaction, each retried on
a write conflict) and each row's result is answered; a row whose record its
unit submitted while the import ran is not written and is named in
``skipped``.
"""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.services import row_errors


class ImportPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        rows = json_body(self.request).get("rows")
        if not isinstance(rows, list):
            message = _(
                "monitoring_import_rows_required",
                default='The body must be a JSON object with "rows": a list of rows.',
            )
            raise InputRefused(message, [FieldError("rows", message)])
        plans, problems = importer.check_rows(self.context, rows)
        if problems:
            bad_rows = sorted({problem.row for problem in problems})
            raise InputRefused(
                _(
                    "monitoring_import_rejected",
                    default="Nothing was imported: ${count} of the ${total} rows "
                    "are not valid.",
                    mapping={"count": str(len(bad_rows)), "total": str(len(rows))},
                ),
                row_errors(problems),
            )
        results, skipped = importer.write_in_batches(self.context, plans)
        created = sum(1 for result in results if result["action"] == "created")
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-import",
            "items": results,
            "items_total": len(results),
            "created": created,
            "updated": len(results) - created,
            "skipped": [error.as_json(self.request) for error in row_errors(skipped)],
        }
