"""Word documents from the office's templates (docxtpl: Jinja tags in a .docx).

:func:`render_docx` fills a template with plain data and answers the .docx
bytes. A template whose Jinja is broken (a syntax error, or a name the data
does not have) raises :class:`TemplateProblem`, whose message names the
template, the paragraph and its text, so the office knows what to fix: the
pages answer it as a message, never as a server error.

Names are strict (``StrictUndefined``): a misspelt ``{{ form.titel }}`` is an
error the office sees, not a blank in a document sent to the government.
"""

import io
import re
import traceback
import zipfile

from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import Environment
from jinja2 import StrictUndefined
from jinja2 import TemplateError
from lxml import html as lxml_html

TAGS = re.compile(r"<[^>]+>")
PARAGRAPH_START = re.compile(r"<w:p([ >])")


class TemplateProblem(Exception):
    """A template that cannot be filled: ``message`` says where and why."""

    def __init__(self, message, template_title="", paragraph=None, text=""):
        super().__init__(message)
        self.message = message
        self.template_title = template_title
        self.paragraph = paragraph
        self.text = text


def environment():
    return Environment(undefined=StrictUndefined, autoescape=True)


def _template_lines(template):
    """The template's body as docxtpl compiles it: one paragraph a line."""
    template.init_docx()
    xml = template.patch_xml(template.get_xml())
    return PARAGRAPH_START.sub(r"\n<w:p\1", xml).splitlines()


def _template_lineno(exc):
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>":
            return frame.lineno
    return None


def _describe(exc, template, title):
    lineno = _template_lineno(exc)
    text = ""
    if lineno:
        try:
            lines = _template_lines(template)
            text = (
                TAGS.sub("", lines[lineno - 1]).strip() if lineno <= len(lines) else ""
            )
        except Exception:  # the description must not fail in turn
            text = ""
    reason = getattr(exc, "message", None) or str(exc)
    paragraph = max(lineno - 1, 1) if lineno else None
    where = f"第 {paragraph} 段" if paragraph else "模板中"
    quoted = f"「{text[:120]}」" if text else ""
    message = f"{_name(title)}{where}{quoted}有错误:{reason}"
    return TemplateProblem(message, title, paragraph, text)


def _name(title):
    return f"文书模板“{title}”" if title else "文书模板"


def open_template(data: bytes, title: str = "") -> DocxTemplate:
    """The template of ``data`` (a .docx), or TemplateProblem if it is none."""
    if isinstance(data, str):
        data = data.encode("latin-1", "replace")
    if not data or not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateProblem(f"{_name(title)}不是 Word 文档(.docx)。", title)
    try:
        return DocxTemplate(io.BytesIO(data))
    except Exception as exc:  # a zip that is not a Word document
        raise TemplateProblem(
            f"{_name(title)}无法作为 Word 文档打开:{exc}", title
        ) from exc


def template_problem(data: bytes, title: str = "") -> str | None:
    """What is wrong with a template's Jinja syntax, or None (upload check)."""
    try:
        template = open_template(data, title)
        environment().parse("\n".join(_template_lines(template)))
    except TemplateProblem as problem:
        return problem.message
    except TemplateError as exc:
        return _describe(exc, open_template(data, title), title).message
    return None


def render_docx(data: bytes, context: dict, title: str = "", subdocs=None) -> bytes:
    """Fill the template ``data`` with ``context``; answer the .docx bytes.

    ``subdocs`` maps names to functions ``f(template) -> Subdoc`` for rich
    parts (the annual report's edited text), built with the template's styles.
    """
    template = open_template(data, title)
    context = dict(context)
    for name, build in (subdocs or {}).items():
        context[name] = build(template)
    try:
        template.render(context, jinja_env=environment())
    except TemplateError as exc:
        raise _describe(exc, open_template(data, title), title) from exc
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


# --- The annual report's text: HTML from the editor into Word paragraphs -----

HEADINGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3}


def _runs(paragraph, element):
    """Add the text of ``element`` to ``paragraph`` as runs (bold, superscript)."""

    def walk(node, bold=False, superscript=False):
        if node.text:
            run = paragraph.add_run(node.text)
            run.bold = bold or None
            if superscript:
                run.font.superscript = True
                run.font.size = Pt(10)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                paragraph.add_run().add_break()
            else:
                walk(
                    child,
                    bold or tag in ("b", "strong"),
                    superscript or tag == "sup",
                )
            if child.tail:
                run = paragraph.add_run(child.tail)
                run.bold = bold or None
                if superscript:
                    run.font.superscript = True

    walk(element)


def _cell(cell, text, header=False):
    """A table cell's text: smaller than the body, no first-line indent."""
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(18)
    run = paragraph.add_run(text)
    run.font.size = Pt(11)
    run.bold = header or None


def _style(template, name, fallback="Normal"):
    styles = template.get_docx().styles
    try:
        styles[name]
        return name
    except KeyError:
        return fallback


def html_subdoc(html_text: str):
    """A subdoc builder for ``render_docx``: the edited HTML (headings,
    paragraphs, lists, tables, bold, superscript references) in the
    template's own styles (Heading 1, Heading 2, Normal, Table Grid)."""

    def build(template):
        subdoc = template.new_subdoc()
        if not html_text or not html_text.strip():
            return subdoc
        root = lxml_html.fragment_fromstring(html_text, create_parent="div")
        for element in root:
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag in HEADINGS:
                paragraph = subdoc.add_paragraph(
                    style=_style(template, f"Heading {HEADINGS[tag]}")
                )
                _runs(paragraph, element)
            elif tag in ("ul", "ol"):
                for item in element.iter("li"):
                    paragraph = subdoc.add_paragraph(style=_style(template, "Normal"))
                    _runs(paragraph, item)
            elif tag == "table":
                rows = [
                    [cell.text_content().strip() for cell in row.iter("td", "th")]
                    for row in element.iter("tr")
                ]
                rows = [row for row in rows if row]
                if not rows:
                    continue
                width = max(len(row) for row in rows)
                table = subdoc.add_table(rows=len(rows), cols=width)
                table.style = _style(template, "Table Grid", None)
                for r, row in enumerate(rows):
                    for c, text in enumerate(row):
                        _cell(table.cell(r, c), text, header=r == 0)
            else:
                paragraph = subdoc.add_paragraph(style=_style(template, "Normal"))
                _runs(paragraph, element)
        return subdoc

    return build
