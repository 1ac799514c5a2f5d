"""POST @add-indicators on a budget project: one level-3 indicator per chosen
indicator template (R-M6), all or nothing.

Body: ``{"templates": ["<IndicatorTemplate UID>", ...]}``. Every UID is
checked before anything is created; one bad UID answers 400 with an error per
bad item (its ``index`` in the list) and creates nothing.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import forbidden
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.declaration.indicators import add_from_templates
from changde.perfmgmt.declaration.indicators import may_add_indicators
from changde.perfmgmt.declaration.indicators import resolve_templates
from changde.perfmgmt.i18n import _

FIELD = "templates"


class AddIndicatorsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        project = self.context
        if not may_add_indicators(project):
            return forbidden(
                self.request,
                _(
                    "add_indicators_project_read_only",
                    default="Indicators cannot be added to this project in its "
                    'state "${state}".',
                    mapping={"state": api.content.get_state(project)},
                ),
            )
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        uids = data.get(FIELD)
        if not isinstance(uids, list) or not uids:
            message = _(
                "add_indicators_templates_required",
                default='Give the indicator templates to add: "templates" is a '
                "list of their UIDs.",
            )
            return bad_request(
                self.request, message, [field_error(self.request, FIELD, message)]
            )

        templates, problems = resolve_templates(uids)
        if problems:
            return bad_request(
                self.request,
                _(
                    "add_indicators_nothing_added",
                    default="Nothing was added: ${count} of the ${total} templates "
                    "are not valid.",
                    mapping={"count": str(len(problems)), "total": str(len(uids))},
                ),
                [
                    field_error(
                        self.request,
                        FIELD,
                        problem.message,
                        index=problem.index,
                        uid=problem.uid,
                    )
                    for problem in problems
                ],
            )

        created = [
            {
                "@id": indicator.absolute_url(),
                "@type": indicator.portal_type,
                "UID": api.content.get_uuid(indicator),
                "title": indicator.title,
                "template": api.content.get_uuid(template),
            }
            for template, indicator in zip(
                templates, add_from_templates(project, templates), strict=True
            )
        ]
        self.request.response.setStatus(201)
        return {
            "@id": f"{project.absolute_url()}/@add-indicators",
            "items": created,
            "items_total": len(created),
        }
