"""Build the default Word templates of the reporting module (docxtpl).

The .docx files in src/changde/perfmgmt/reporting/templates/ are what a new
site installs as its document templates (site content the office replaces
in Word). They are built by this script, so that the layout is written down:
A4, GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm),
body 仿宋 三号 (16 pt), headings 黑体, title 小标宋 二号 (22 pt), the page
number in the footer (— 1 —). Run it after changing the layout:

    .venv/bin/python scripts/build_document_templates.py
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.shared import Pt

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "changde"
    / "perfmgmt"
    / "reporting"
    / "templates"
)

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"


def set_font(style_or_run, name, size=None, bold=None):
    font = style_or_run.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    # Chinese text: LibreOffice and Word pick the Simplified Chinese glyphs
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def page_number_footer(section):
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("— ")
    set_font(run, "宋体", 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = paragraph.add_run()
        set_font(run, "宋体", 14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
    run = paragraph.add_run(" —")
    set_font(run, "宋体", 14)


def new_document(landscape=False):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.footer_distance = Mm(25)
    styles = document.styles
    normal = styles["Normal"]
    set_font(normal, BODY_FONT, 16)
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    for level, size in ((1, 16), (2, 16), (3, 16)):
        heading = styles[f"Heading {level}"]
        set_font(heading, HEADING_FONT if level == 1 else "楷体", size, False)
        heading.font.color.rgb = None
        heading.paragraph_format.first_line_indent = Pt(32)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(6)
    title = styles["Title"]
    set_font(title, TITLE_FONT, 22, False)
    title.font.color.rgb = None
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(16)
    title.paragraph_format.first_line_indent = Pt(0)
    # no rule under the title (python-docx's default Title has one)
    border = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:
        border.getparent().remove(border)
    page_number_footer(section)
    return document


def plain(document, text, align=None, indent=True, style=None):
    paragraph = document.add_paragraph(text, style=style)
    if align is not None:
        paragraph.alignment = align
    if not indent:
        paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def table(document, header, loop, cells, end="{%tr endfor %}", widths=None):
    """A table with a header row and one looping row (docxtpl {%tr %})."""
    grid = document.add_table(rows=4, cols=len(header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row, texts in enumerate((header, [loop], cells, [end])):
        for column in range(len(header)):
            text = texts[column] if column < len(texts) else ""
            cell = grid.cell(row, column)
            cell.text = ""
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.paragraph_format.line_spacing = Pt(20)
            run = paragraph.add_run(text)
            set_font(run, HEADING_FONT if row == 0 else BODY_FONT, 12)
    if widths:
        # fixed column widths (the grid and each cell: LibreOffice reads the grid)
        grid.autofit = False
        for column, width in enumerate(widths):
            grid.columns[column].width = Mm(width)
        for row in grid.rows:
            for column, width in enumerate(widths):
                row.cells[column].width = Mm(width)
    return grid


def annual_report():
    document = new_document()
    plain(document, "{{ title }}", style="Title")
    plain(document, "{{ addressee }}", indent=False)
    plain(document, "{{p body }}")
    plain(document, "")
    plain(document, "{{ issuer }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    plain(document, "{{ issued_on }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraph = plain(document, "", indent=False)
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("附:数据来源", style="Heading 1")
    plain(
        document,
        "正文中数字后的 [n] 对应下表第 n 项:该数字由系统按所列条件从数据中统计得出。",
    )
    table(
        document,
        ["编号", "数据项", "数值", "统计口径(查询条件)"],
        "{%tr for figure in figures %}",
        [
            "{{ figure.ref }}",
            "{{ figure.label }}",
            "{{ figure.text }}",
            "{{ figure.query }}",
        ],
        widths=(12, 38, 24, 82),
    )
    return document


def goal_form():
    document = new_document()
    plain(document, "{%p for form in forms %}")
    plain(document, "{{ form.year }}年度项目支出绩效目标申报表", style="Title")
    plain(
        document,
        "填报单位(盖章):{{ form.unit_title }}        金额单位:万元",
        indent=False,
    )
    grid = document.add_table(rows=9, cols=4)
    grid.style = "Table Grid"
    rows = (
        ("项目名称", "{{ form.title }}", "项目编码", "{{ form.project_code }}"),
        (
            "主管部门",
            "{{ form.jurisdiction_title }}",
            "实施单位",
            "{{ form.unit_title }}",
        ),
        ("预算类型", "{{ form.budget_kind }}", "是否专项", "{{ form.special_fund }}"),
        ("项目资金", "年度资金总额", "{{ form.amount_wan }}", ""),
        ("", "其中:财政拨款", "{{ form.amount_wan }}", ""),
        (
            "新出台重大项目",
            "{{ form.new_major }}",
            "事前评估",
            "{{ form.pre_evaluation }}",
        ),
        ("专项资金管理办法", "{{ form.management_measure }}", "", ""),
        ("年度总体目标", "{{ form.goal }}", "", ""),
        ("审核状态", "{{ form.state }}", "指标数", "{{ form.indicator_count }}"),
    )
    # merged cells of the printed form: the funds label over two rows, the
    # measure, the goal and the amounts across the row
    merges = ((3, 0, 4, 0), (3, 2, 3, 3), (4, 2, 4, 3), (6, 1, 6, 3), (7, 1, 7, 3))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            cell = grid.cell(r, c)
            cell.text = ""
            if not text:
                continue
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.paragraph_format.line_spacing = Pt(20)
            run = paragraph.add_run(text)
            set_font(run, HEADING_FONT if c == 0 else BODY_FONT, 12)
    for top, left, bottom, right in merges:
        merged = grid.cell(top, left).merge(grid.cell(bottom, right))
        for paragraph in merged.paragraphs[1:]:
            if not paragraph.text:
                paragraph._element.getparent().remove(paragraph._element)
    plain(document, "绩效指标", style="Heading 1")
    table(
        document,
        ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
        "{%tr for row in form.indicators %}",
        [
            "{{ row.level1 }}",
            "{{ row.level2 }}",
            "{{ row.title }}",
            "{{ row.target }}",
            "{{ row.weight }}",
        ],
        widths=(28, 32, 50, 30, 16),
    )
    plain(
        document,
        "填报人:            联系电话:            填报日期:{{ form.printed_on }}",
        indent=False,
    )
    plain(document, "{%p if not loop.last %}")
    paragraph = plain(document, "", indent=False)
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    plain(document, "{%p endif %}")
    plain(document, "{%p endfor %}")
    return document


def feedback_notice():
    document = new_document()
    plain(document, "预算绩效评价结果反馈通知书", style="Title")
    plain(document, "{{ number }}", align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    plain(document, "{{ unit_title }}:", indent=False)
    plain(
        document,
        "我局组织对你单位“{{ project_title }}”开展了{{ year }}年度重点绩效评价,"
        "评价得分{{ score }}分,评价等级为“{{ grade }}”。评价结果已经市人民政府批准,"
        "现反馈如下:",
    )
    document.add_paragraph("一、评价发现的主要问题", style="Heading 1")
    plain(document, "{{ findings }}")
    document.add_paragraph("二、评价建议", style="Heading 1")
    plain(document, "{{ suggestions }}")
    document.add_paragraph("三、整改事项及期限", style="Heading 1")
    plain(
        document,
        "请你单位对下列问题逐项整改,在整改期限内通过预算绩效管理系统报送整改"
        "措施和佐证材料。整改情况将纳入预算绩效管理考核;整改不到位的,"
        "按规定纳入负面清单。",
    )
    table(
        document,
        ["序号", "问题", "整改期限", "状态"],
        "{%tr for item in items %}",
        [
            "{{ item.number }}",
            "{{ item.problem }}",
            "{{ item.deadline }}",
            "{{ item.state }}",
        ],
        widths=(14, 92, 30, 20),
    )
    plain(document, "")
    plain(document, "{{ issuer }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    plain(document, "{{ issued_on }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return document


def leadership_report():
    document = new_document()
    plain(document, "{{ title }}", style="Title")
    plain(document, "局预算绩效管理领导小组:", indent=False)
    plain(document, "{%p for paragraph in paragraphs %}")
    plain(document, "{{ paragraph }}")
    plain(document, "{%p endfor %}")
    document.add_paragraph("一、各地区执行情况", style="Heading 1")
    table(
        document,
        ["地区", "项目数", "执行率", "低于目标", "严重问题", "超预算"],
        "{%tr for row in jurisdictions %}",
        [
            "{{ row.title }}",
            "{{ row.count }}",
            "{{ row.execution_rate }}",
            "{{ row.below_target }}",
            "{{ row.suspension }}",
            "{{ row.over_budget }}",
        ],
        widths=(46, 20, 26, 22, 22, 20),
    )
    document.add_paragraph("二、需关注的项目", style="Heading 1")
    table(
        document,
        ["项目", "单位", "执行率", "标记", "问题"],
        "{%tr for row in flagged %}",
        [
            "{{ row.title }}",
            "{{ row.unit_title }}",
            "{{ row.execution_rate }}",
            "{{ row.flags }}",
            "{{ row.problems }}",
        ],
        widths=(44, 34, 20, 28, 30),
    )
    plain(document, "")
    plain(document, "{{ issuer }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    plain(document, "{{ issued_on }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return document


BUILDERS = {
    "annual_report": annual_report,
    "goal_form": goal_form,
    "feedback_notice": feedback_notice,
    "leadership_report": leadership_report,
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, build in BUILDERS.items():
        path = OUT / f"{kind}.docx"
        build().save(path)
        print(path)


if __name__ == "__main__":
    main()
