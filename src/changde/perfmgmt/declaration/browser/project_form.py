"""The project's add and edit forms (申报项目, R-M4, R-M6): the project's
fields and its indicator table in one form.

Rows are typed in the table or picked from the indicator library; 添加一行 and
加入所选指标 show the form again with what was typed kept (a script adds an
empty row without a round trip). 保存 checks the project's fields and every
row by the rules; if anything is refused, each refused cell says why and
nothing is written. The forms offer only the fields people fill: no short
name, navigation or versioning switches.
"""

from AccessControl import Unauthorized
from plone import api
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.events import EditFinishedEvent
from plone.dexterity.i18n import MessageFactory as DX_
from plone.z3cform import layout
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zope.event import notify
from zope.i18n import translate

from changde.perfmgmt.core.display import omit_settings
from changde.perfmgmt.core.states import state_title
from changde.perfmgmt.declaration import indicator_table as table
from changde.perfmgmt.declaration.indicators import may_add_indicators
from changde.perfmgmt.declaration.settings import indicator_levels
from changde.perfmgmt.declaration.vocabularies import COMPARATOR_TITLES
from changde.perfmgmt.i18n import _

#: behaviour fields nobody declaring a project fills in
HIDDEN_FIELDS = (
    "IShortName.id",
    "IExcludeFromNavigation.exclude_from_nav",
    "IVersionable.versioning_enabled",
)
ADD_ROW = "indicators_add_row"
ADD_PICKED = "indicators_add_picked"
FILTER_LIBRARY = "indicators_filter_library"


#: and, when adding, nothing changed yet to note
ADD_HIDDEN_FIELDS = (*HIDDEN_FIELDS, "IVersionable.changeNote")


def hide_fields(form, names=HIDDEN_FIELDS):
    """Drop ``names`` from the form and its fieldsets; drop emptied fieldsets."""
    omit_settings(form, names)


def html_only(form):
    """Rich text is written in the editor: no choice of markup format."""
    groups = [getattr(group, "widgets", None) for group in form.groups]
    for widgets in [form.widgets, *(w for w in groups if w is not None)]:
        for widget in widgets.values():
            if hasattr(widget, "allowedMimeTypes"):
                widget.allowedMimeTypes = lambda: ["text/html"]


class IndicatorTableForm:
    """What the add and edit forms share: the table and the library picker."""

    template = ViewPageTemplateFile("project_form.pt")
    _rows = None
    refused_rows = 0

    hidden_fields = HIDDEN_FIELDS

    def updateFields(self):
        super().updateFields()
        hide_fields(self, self.hidden_fields)

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        html_only(self)

    # --- the rows -------------------------------------------------------------

    def stored_rows(self):
        return []

    def rows(self):
        if self._rows is None:
            form = self.request.form
            rows = table.rows_from_request(self.request, keep_blank=True)
            if rows is None:
                # first display: the stored indicators and an empty row
                rows = [*self.stored_rows(), table.blank_row()]
            if ADD_PICKED in form:
                rows += [table.row_from_template(t) for t in self.picked_templates()]
            if ADD_ROW in form or not rows:
                rows.append(table.blank_row())
            self._rows = rows
        return self._rows

    def blank_row(self):
        return table.blank_row()

    def check_table(self):
        """Check the posted rows (kept for the page); whether all are right."""
        self._rows = table.rows_from_request(self.request) or []
        self.refused_rows = table.check_rows(
            self._rows, self.request, self.known_uids()
        )
        return not self.refused_rows

    def known_uids(self):
        return ()

    def table_status(self):
        return translate(
            _(
                "indicator_table_refused",
                default="${count} indicators have an error: see the marked cells. "
                "Nothing was saved.",
                mapping={"count": str(self.refused_rows)},
            ),
            context=self.request,
        )

    # --- what the table offers ----------------------------------------------

    def level1_options(self):
        seen = []
        for pair in indicator_levels():
            level1 = pair.split("/", 1)[0].strip()
            if level1 not in seen:
                seen.append(level1)
        return seen

    def level2_groups(self):
        """Level 2 grouped under its level 1 (optgroups of the select)."""
        groups = {}
        for pair in indicator_levels():
            level1, _sep, level2 = pair.partition("/")
            groups.setdefault(level1.strip(), []).append(level2.strip())
        return [{"level1": key, "options": value} for key, value in groups.items()]

    def comparator_options(self):
        return [
            {"value": value, "title": translate(title, context=self.request)}
            for value, title in COMPARATOR_TITLES.items()
        ]

    # --- the indicator library ----------------------------------------------

    def may_pick(self):
        return True

    def library_sector(self):
        return (self.request.form.get("library_sector") or "").strip()

    def library_text(self):
        return (self.request.form.get("library_text") or "").strip()

    def library_sectors(self):
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(value for value in catalog.uniqueValuesFor("sector") if value)

    def library_open(self):
        form = self.request.form
        return FILTER_LIBRARY in form or "library_sector" in form

    def library_templates(self):
        query = {
            "portal_type": "IndicatorTemplate",
            "sort_on": ["level1", "level2", "sortable_title"],
        }
        if self.library_sector():
            query["sector"] = self.library_sector()
        if self.library_text():
            query["SearchableText"] = self.library_text()
        return api.content.find(**query)

    def picked_templates(self):
        uids = self.request.form.get("library_pick") or []
        if isinstance(uids, str):
            uids = [uids]
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(UID=list(uids), portal_type="IndicatorTemplate")
        by_uid = {brain.UID: brain for brain in brains}
        return [by_uid[uid].getObject() for uid in uids if uid in by_uid]


class ProjectAddForm(IndicatorTableForm, DefaultAddForm):
    portal_type = "BudgetProject"
    hidden_fields = ADD_HIDDEN_FIELDS

    @button.buttonAndHandler(DX_("Save"), name="save")
    def handleAdd(self, action):
        data, errors = self.extractData()
        rows_right = self.check_table()
        if errors or not rows_right:
            self.status = (
                self.formErrorsMessage if errors and rows_right else self.table_status()
            )
            return
        project = self.createAndAdd(data)
        if project is None:
            return
        project = self.container[project.getId()]
        table.apply_rows(project, self._rows)
        self._finishedAdd = True
        IStatusMessage(self.request).addStatusMessage(
            _(
                "project_added",
                default="The project was saved as a draft. Check the list below "
                "and submit it when every rule is met.",
            ),
            "info",
        )

    @button.buttonAndHandler(DX_("Cancel"), name="cancel")
    def handleCancel(self, action):
        DefaultAddForm.handleCancel(self, action)


class ProjectAddView(DefaultAddView):
    form = ProjectAddForm


class ProjectEditForm(IndicatorTableForm, DefaultEditForm):
    def stored_rows(self):
        return table.project_rows(self.context)

    def known_uids(self):
        return [row["uid"] for row in table.project_rows(self.context)]

    def may_pick(self):
        return may_add_indicators(self.context)

    @button.buttonAndHandler(DX_("Save"), name="save")
    def handleApply(self, action):
        data, errors = self.extractData()
        rows_right = self.check_table()
        if errors or not rows_right:
            self.status = (
                self.formErrorsMessage if errors and rows_right else self.table_status()
            )
            return
        self.applyChanges(data)
        table.apply_rows(self.context, self._rows)
        IStatusMessage(self.request).addStatusMessage(
            _("project_saved", default="Changes saved."), "info"
        )
        self.request.response.redirect(self.nextURL())
        notify(EditFinishedEvent(self.context))

    @button.buttonAndHandler(DX_("Cancel"), name="cancel")
    def handleCancel(self, action):
        DefaultEditForm.handleCancel(self, action)


class ProjectEditView(layout.FormWrapper):
    """The edit form; to someone who may not change the project (it was
    submitted), a page saying why instead of 无权限."""

    form = ProjectEditForm
    read_only_template = ViewPageTemplateFile("project_read_only.pt")

    def __call__(self):
        if not api.user.has_permission("Modify portal content", obj=self.context):
            if api.user.is_anonymous():
                raise Unauthorized("Log in to change this project.")
            self.request.response.setStatus(403)
            return self.read_only_template()
        return super().__call__()

    def state_title(self):
        return state_title(
            self.context.portal_type, api.content.get_state(self.context), self.request
        )
