"""What the reporting views share: the permission they check, the catalog
lookup of the area, and the downloads' base (``docx`` and ``pdf``) with the
page that says why a document could not be made.

A download that cannot be made answers a page that says why, never a
server error: a broken template (409, naming the template and the
paragraph), LibreOffice missing for the PDF (503, saying what to install),
a notice for a report that was not fed back (404).
"""

from html import escape
from urllib.parse import quote

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.documents import outputs
from changde.perfmgmt.reporting.documents.pdf import PdfUnavailable
from changde.perfmgmt.reporting.documents.render import TemplateProblem

MANAGE = "changde.perfmgmt: Manage reporting"


def find(context, portal_type, **query):
    """The items of ``portal_type`` directly in ``context``."""
    return api.content.find(context=context, portal_type=portal_type, depth=1, **query)


def problem_page(request, status, message, link=None):
    request.response.setStatus(status)
    request.response.setHeader("Content-Type", "text/html; charset=utf-8")
    title = translate(_("document_not_made", default="文书未能生成"), context=request)
    extra = f'<p><a href="{escape(link[0])}">{escape(link[1])}</a></p>' if link else ""
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>"
        f'<h1>{escape(title)}</h1><p class="portalMessage error">{escape(message)}</p>'
        f"{extra}</body></html>"
    )


class Download(BrowserView):
    """Base of the downloads: ``docx`` and ``pdf`` are the two pages."""

    kind = None

    def filename(self):
        raise NotImplementedError

    def make(self, file_format):
        raise NotImplementedError

    def docx(self):
        return self._send("docx")

    def pdf(self):
        return self._send("pdf")

    def _template_link(self):
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(portal_type="DocumentTemplate"):
            template = brain._unrestrictedGetObject()
            if template.document_kind == self.kind and api.user.has_permission(
                MANAGE, obj=template
            ):
                return (
                    brain.getURL() + "/edit",
                    translate(
                        _("document_template_fix", default="修改文书模板"),
                        context=self.request,
                    ),
                )
        return None

    def _send(self, file_format):
        try:
            data = self.make(file_format)
        except TemplateProblem as problem:
            return problem_page(
                self.request, 409, problem.message, self._template_link()
            )
        except PdfUnavailable as problem:
            return problem_page(self.request, 503, problem.message)
        if data is None:
            return problem_page(
                self.request,
                404,
                translate(
                    _("document_not_applicable", default="此内容没有这份文书。"),
                    context=self.request,
                ),
            )
        name = f"{self.filename()}.{file_format}"
        response = self.request.response
        response.setHeader("Content-Type", outputs.FORMATS[file_format])
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="document.{file_format}"; '
            f"filename*=UTF-8''{quote(name)}",
        )
        response.setHeader("Content-Length", str(len(data)))
        return data
