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

from changde.perfmgmt.core.rest import ActionRefused
from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
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
            raise ActionRefused(
                _(
                    "add_indicators_project_read_only",
                    default="Indicators cannot be added to this project in its "
                    'state "${state}".',
                    mapping={"state": api.content.get_state(project)},
                ),
            )
        data = json_body(self.request)
        items = data.get(FIELD)
        if not isinstance(items, list) or not items:
            message = _(
                "add_indicators_templates_required",
                default='Give the indicator templates to add: "templates" is a '
                'list of their UIDs (or of {"template": UID, "target_value": ...}).',
            )
            raise InputRefused(message, [FieldError(FIELD, message)])

        picks = picks_from_json(items)
        templates, problems = resolve_picks(picks)
        if problems:
            raise InputRefused(
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
                    FieldError(
                        problem.field,
                        problem.message,
                        where={"index": problem.index, "uid": problem.uid},
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
