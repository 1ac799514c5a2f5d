"""POST @add-indicators on a budget project: one level-3 indicator per chosen
indicator template (R-M6), all or nothing.

Body: ``{"templates": ["<IndicatorTemplate UID>", {"template": "<UID>",
"target_value": "20"}, ...]}``: a UID, or a UID with the indicator's target
value. Every item is checked before anything is created; one bad UID or
target value answers 400 with an error per bad item (its ``index`` in the
list) and creates nothing.
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
from changde.perfmgmt.declaration.indicators import TEMPLATES as FIELD
from changde.perfmgmt.declaration.indicators import add_from_templates
from changde.perfmgmt.declaration.indicators import may_add_indicators
from changde.perfmgmt.declaration.indicators import picks_from_json
from changde.perfmgmt.declaration.indicators import resolve_picks
from changde.perfmgmt.i18n import _


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
        items = data.get(FIELD)
        if not isinstance(items, list) or not items:
            message = _(
                "add_indicators_templates_required",
                default='Give the indicator templates to add: "templates" is a '
                'list of their UIDs (or of {"template": UID, "target_value": ...}).',
            )
            return bad_request(
                self.request, message, [field_error(self.request, FIELD, message)]
            )

        picks = picks_from_json(items)
        templates, problems = resolve_picks(picks)
        if problems:
            return bad_request(
                self.request,
                _(
                    "add_indicators_nothing_added",
                    default="Nothing was added: ${count} of the ${total} templates "
                    "are not valid.",
                    mapping={
                        "count": str(len({problem.index for problem in problems})),
                        "total": str(len(picks)),
                    },
                ),
                [
                    field_error(
                        self.request,
                        problem.field,
                        problem.message,
                        index=problem.index,
                        uid=problem.uid,
                    )
                    for problem in problems
                ],
            )

        indicators = add_from_templates(
            project, templates, [pick.target_value for pick in picks]
        )
        created = [
            {
                "@id": indicator.absolute_url(),
                "@type": indicator.portal_type,
                "UID": api.content.get_uuid(indicator),
                "title": indicator.title,
                "template": api.content.get_uuid(template),
                "quantifiable": indicator.quantifiable,
                "target_value": indicator.target_value,
            }
            for template, indicator in zip(templates, indicators, strict=True)
        ]
        self.request.response.setStatus(201)
        return {
            "@id": f"{project.absolute_url()}/@add-indicators",
            "items": created,
            "items_total": len(created),
        }
