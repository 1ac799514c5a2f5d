"""The settings control panels of every module share one form: a settings
invariant's refusal (:class:`~changde.perfmgmt.core.validation.SettingsInvalid`)
is shown next to the settings it names, not only at the top of the form."""

from plone.app.registry.browser.controlpanel import RegistryEditForm
from z3c.form.interfaces import IErrorViewSnippet
from zope.component import getMultiAdapter


class SettingsEditForm(RegistryEditForm):
    def extractData(self, setErrors=True):
        data, errors = super().extractData(setErrors=setErrors)
        if setErrors and errors:
            errors = self.errors_on_fields(errors)
            self.widgets.errors = errors
        return data, errors

    def errors_on_fields(self, errors):
        answer = []
        for view in errors:
            names = getattr(getattr(view, "error", None), "fields", ())
            widgets = [self.widgets[name] for name in names if name in self.widgets]
            if getattr(view, "widget", None) is not None or not widgets:
                answer.append(view)
                continue
            for widget in widgets:
                snippet = getMultiAdapter(
                    (
                        view.error,
                        self.request,
                        widget,
                        widget.field,
                        self,
                        self.getContent(),
                    ),
                    IErrorViewSnippet,
                )
                snippet.update()
                widget.error = snippet
                answer.append(snippet)
        return tuple(answer)
