"""Work plans on the Plone side: a measure as plain data (pages and REST)
and copying a plan to the next year (the office, once a year)."""

from plone import api
from zope.i18n import translate

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.reporting.rules import measures as rules
from changde.perfmgmt.reporting.vocabularies import MODULE_TITLES
from changde.perfmgmt.reporting.vocabularies import STATUS_TITLES

MEASURE_FIELDS = ("number", "title", "text", "leader", "offices", "module", "link")


def _link_url(link):
    """The absolute URL of a measure's module page, or None when the page is
    not there (its module not installed yet)."""
    if not link:
        return None
    portal = api.portal.get()
    path = link.strip("/")
    base, _, view = path.partition("@@")
    target = portal
    if base.strip("/"):
        target = portal.unrestrictedTraverse(base.strip("/"), None)
        if target is None:
            return None
    if view:
        from zope.component import queryMultiAdapter

        if queryMultiAdapter((target, target.REQUEST), name=view.split("?")[0]) is None:
            return None
    return f"{portal.absolute_url()}/{path}"


def evidence_link(link):
    """A progress note's evidence link as a page shows it: a site path by the
    title of the item it names (when the reader may see it), a web address as
    it is."""
    if link.startswith(("http://", "https://")):
        return {"href": link, "title": link}
    portal = api.portal.get()
    path = link.strip("/")
    target = portal.unrestrictedTraverse(path, None) if path else None
    title = link
    if (
        target is not None
        and hasattr(target, "Title")
        and api.user.has_permission("View", obj=target)
    ):
        title = target.Title() or link
    return {"href": f"{portal.absolute_url()}/{path}", "title": title}


def measure_row(measure, request):
    offices = rules.clean_offices(measure.offices)
    notes = [
        {**note, "links": [evidence_link(link) for link in note.get("evidence") or ()]}
        for note in measure.progress_notes or []
    ]
    module = measure.module or "none"
    return {
        "@id": measure.absolute_url(),
        "url": measure.absolute_url(),
        "number": measure.number,
        "title": measure.Title(),
        "text": measure.text or "",
        "leader": measure.leader,
        "offices": offices,
        "lead_office": rules.lead_office(offices),
        "other_offices": offices[1:],
        "status": measure.status,
        "status_title": translate(
            STATUS_TITLES.get(measure.status, measure.status or ""), context=request
        ),
        "module": module,
        "module_title": translate(MODULE_TITLES.get(module, module), context=request),
        "link": measure.link,
        "link_url": _link_url(measure.link),
        "progress_notes": notes,
        "latest_note": notes[0] if notes else None,
    }


def copy_plan(plan):
    """Copy ``plan`` to the next year in the same folder: answers
    ``(new plan, [])`` or ``(None, violations)`` when that year has a plan."""
    from changde.perfmgmt.reporting.setuphandlers import plan_id

    folder = plan.__parent__
    next_year = (plan.year or 0) + 1
    new_id = plan_id(next_year)
    catalog = api.portal.get_tool("portal_catalog")
    taken = [
        brain
        for brain in catalog.unrestrictedSearchResults(portal_type="WorkPlan")
        if brain.year == next_year
    ]
    if taken or new_id in folder.objectIds():
        return None, [
            Violation(
                code="plan_year_exists",
                default="There is a work plan of ${year} already.",
                field="year",
                params={"year": next_year},
            )
        ]
    new = api.content.create(
        container=folder,
        type="WorkPlan",
        id=new_id,
        title=rules.next_year_title(plan.Title(), plan.year, next_year),
        year=next_year,
        goal=plan.goal,
    )
    for measure in plan.measures():
        fields = {name: getattr(measure, name, None) for name in MEASURE_FIELDS}
        fields["title"] = measure.Title()
        copy = rules.copied_measure(fields)
        api.content.create(
            container=new,
            type="PlanMeasure",
            id=measure.getId(),
            **copy,
        )
    return new, []
