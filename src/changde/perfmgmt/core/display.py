"""The default page of the add-on's content as people read it: the fields
people fill, without the settings behind them (short name, navigation and
versioning switches), which the item's page showed under 设置; years as
2026 and dates as 2026年3月20日."""

from pathlib import Path

from plone.dexterity.browser import view as dexterity_view
from plone.dexterity.browser.view import DefaultView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope import schema

#: behaviour fields that are the site's machinery, not the item's content
SETTINGS_FIELDS = (
    "IShortName.id",
    "IExcludeFromNavigation.exclude_from_nav",
    "IVersionable.versioning_enabled",
    "IVersionable.changeNote",
    "IAllowDiscussion.allow_discussion",
)


def omit_settings(view, names=SETTINGS_FIELDS):
    """Drop ``names`` from a form or view and its fieldsets (and the emptied
    fieldsets)."""
    view.fields = view.fields.omit(*names)
    for group in list(view.groups):
        group.fields = group.fields.omit(*names)
    view.groups = [group for group in view.groups if len(group.fields)]


def _stored(widget, context):
    try:
        return widget.field.bind(context).get(context)
    except (AttributeError, TypeError):
        return None


def plain_years(view):
    """Show year fields as 2026, not 2,026 (an Int widget's display), and
    dates as 2026年3月20日, not 26-3-20 (the locale's short format)."""
    groups = [getattr(group, "widgets", None) for group in view.groups]
    for widgets in [view.widgets, *(w for w in groups if w is not None)]:
        for name, widget in widgets.items():
            if widget.mode != "display":
                continue
            field_name = name.split(".")[-1]
            if field_name == "year" or field_name.endswith("_year"):
                raw = _stored(widget, view.context)
                if isinstance(raw, int) and not isinstance(raw, bool):
                    widget.value = str(raw)
            elif isinstance(widget.field, schema.Date) and hasattr(
                widget, "_formater_length"
            ):
                # the locale's long date: 2026年3月20日 in Chinese
                widget._formater_length = "long"


class ContentView(DefaultView):
    """Dexterity's own item page, less the settings, with plain years and
    dates; a type's page leaves out the fields it names in ``omitted`` (ids
    and UIDs whose readable copy it shows)."""

    index = ViewPageTemplateFile(str(Path(dexterity_view.__file__).parent / "item.pt"))
    omitted = ()

    def updateFieldsFromSchemata(self):
        super().updateFieldsFromSchemata()
        omit_settings(self, (*SETTINGS_FIELDS, *self.omitted))

    def _update(self):
        super()._update()
        plain_years(self)
