"""A document template's page: its kind and its Word file."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.reporting.vocabularies import DOCUMENT_KIND_TITLES


class TemplateView(BrowserView):
    def kind_title(self):
        kind = self.context.document_kind
        return translate(DOCUMENT_KIND_TITLES.get(kind, kind), context=self.request)

    def download_url(self):
        return f"{self.context.absolute_url()}/@@download/template_file"
