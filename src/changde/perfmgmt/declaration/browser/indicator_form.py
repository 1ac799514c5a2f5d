"""The indicator's own add and edit forms: saving or cancelling goes back to
the project (the indicator table is where people read indicators)."""

from Acquisition import aq_parent
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.z3cform import layout

from changde.perfmgmt.declaration.browser.project_form import ADD_HIDDEN_FIELDS
from changde.perfmgmt.declaration.browser.project_form import hide_fields


class IndicatorAddForm(DefaultAddForm):
    portal_type = "Indicator"

    def updateFields(self):
        super().updateFields()
        hide_fields(self, ADD_HIDDEN_FIELDS)

    def nextURL(self):
        return self.context.absolute_url()


class IndicatorAddView(DefaultAddView):
    form = IndicatorAddForm


class IndicatorEditForm(DefaultEditForm):
    def updateFields(self):
        super().updateFields()
        hide_fields(self)

    def nextURL(self):
        return aq_parent(self.context).absolute_url()


IndicatorEditView = layout.wrap_form(IndicatorEditForm)
