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

from changde.perfmgmt.declaration import rules
from changde.perfmgmt.declaration.services import bad_request
from changde.perfmgmt.declaration.services import field_error
from changde.perfmgmt.declaration.services import forbidden
from changde.perfmgmt.declaration.services import invalid_body
from changde.perfmgmt.declaration.services import read_json_object
from changde.perfmgmt.i18n import _

FIELD = "templates"


class AddIndicatorsPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        project = self.context
        # Adding an indicator is changing the project: only while the workflow
        # lets the user add content to it (a unit's draft or returned project).
        if not api.user.has_permission("Add portal content", obj=project):
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

        templates, errors = self.resolve(uids)
        if errors:
            return bad_request(
                self.request,
                _(
                    "add_indicators_nothing_added",
                    default="Nothing was added: ${count} of the ${total} templates "
                    "are not valid.",
                    mapping={"count": str(len(errors)), "total": str(len(uids))},
                ),
                errors,
            )

        created = []
        for template in templates:
            comparator = template.comparator
            indicator = api.content.create(
                container=project,
                type="Indicator",
                title=template.title,
                level1=template.level1,
                level2=template.level2,
                unit=template.unit,
                comparator=comparator,
                quantifiable=comparator != rules.QUALITATIVE,
                safe_id=True,
            )
            created.append(
                {
                    "@id": indicator.absolute_url(),
                    "@type": indicator.portal_type,
                    "UID": api.content.get_uuid(indicator),
                    "title": indicator.title,
                    "template": api.content.get_uuid(template),
                }
            )
        self.request.response.setStatus(201)
        return {
            "@id": f"{project.absolute_url()}/@add-indicators",
            "items": created,
            "items_total": len(created),
        }

    def resolve(self, uids):
        """The templates of ``uids`` (as the user may see them) and the errors."""
        catalog = api.portal.get_tool("portal_catalog")
        templates = []
        errors = []
        for index, uid in enumerate(uids):
            brains = catalog.searchResults(UID=uid) if isinstance(uid, str) else []
            if not brains:
                message = _(
                    "add_indicators_template_unknown",
                    default='No indicator template has the UID "${uid}".',
                    mapping={"uid": str(uid)},
                )
            elif brains[0].portal_type != "IndicatorTemplate":
                message = _(
                    "add_indicators_not_a_template",
                    default='"${uid}" is not an indicator template '
                    "(its type is ${type}).",
                    mapping={"uid": uid, "type": brains[0].portal_type},
                )
            else:
                templates.append(brains[0].getObject())
                continue
            errors.append(
                field_error(self.request, FIELD, message, index=index, uid=uid)
            )
        return templates, errors
