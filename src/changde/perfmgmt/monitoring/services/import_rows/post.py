"""POST @monitoring-import on a round: ``{"rows": [...]}``, all or nothing.

Every row is checked first (:func:`importer.check_rows`); any bad row answers
400 with every problem (row, field, code, message) and writes nothing (the
transaction is also doomed). Otherwise the records are created or updated in
this one transaction and each row's result is answered.
"""

import transaction
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.services import row_errors


class ImportPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        rows = None if data is None else data.get("rows")
        if not isinstance(rows, list):
            message = _(
                "monitoring_import_rows_required",
                default='The body must be a JSON object with "rows": a list of rows.',
            )
            return bad_request(self.request, message, [])
        plans, problems = importer.check_rows(self.context, rows)
        if problems:
            transaction.doom()
            bad_rows = sorted({problem.row for problem in problems})
            return bad_request(
                self.request,
                _(
                    "monitoring_import_rejected",
                    default="Nothing was imported: ${count} of the ${total} rows "
                    "are not valid.",
                    mapping={"count": str(len(bad_rows)), "total": str(len(rows))},
                ),
                row_errors(problems, self.request),
            )
        results = importer.apply_rows(self.context, plans)
        created = sum(1 for result in results if result["action"] == "created")
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-import",
            "items": results,
            "items_total": len(results),
            "created": created,
            "updated": len(results) - created,
        }
