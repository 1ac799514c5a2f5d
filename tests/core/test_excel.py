"""changde.perfmgmt.core.excel: plain Python (openpyxl), no Zope."""

import unittest
from io import BytesIO

from openpyxl import load_workbook

from changde.perfmgmt.core import excel


class TestWorkbooks(unittest.TestCase):
    def read_back(self, workbook):
        return load_workbook(BytesIO(excel.workbook_bytes(workbook))).active

    def test_header_and_rows(self):
        workbook, sheet = excel.new_workbook("专家库", ["姓名", "单位"], (10, 20))
        excel.append_row(sheet, ["张伟", "常德市财政局"])
        sheet = self.read_back(workbook)
        self.assertEqual(sheet.title, "专家库")
        self.assertEqual(
            [[c.value for c in row] for row in sheet.iter_rows()],
            [["姓名", "单位"], ["张伟", "常德市财政局"]],
        )
        self.assertTrue(sheet["A1"].font.bold)
        self.assertEqual(sheet.freeze_panes, "A2")

    def test_text_that_looks_like_a_formula_stays_text(self):
        workbook, sheet = excel.new_workbook("s", ["名称"])
        excel.append_row(sheet, ['=HYPERLINK("http://x","y")'])
        excel.append_row(sheet, [12.5])
        sheet = self.read_back(workbook)
        self.assertEqual(sheet["A2"].data_type, "s")
        self.assertEqual(sheet["A2"].value, '=HYPERLINK("http://x","y")')
        self.assertEqual(sheet["A3"].value, 12.5)


class TestReading(unittest.TestCase):
    """The one reader of every import (monitoring uploads, library imports)."""

    def workbook(self, *rows):
        workbook, sheet = excel.new_workbook("s", rows[0])
        for row in rows[1:]:
            sheet.append(list(row))
        return excel.open_workbook(excel.workbook_bytes(workbook))

    def test_not_a_workbook(self):
        with self.assertRaises(excel.UnreadableWorkbook):
            excel.open_workbook(b"not a spreadsheet")

    def test_rows_by_header_numbered_as_in_the_sheet(self):
        workbook = self.workbook(
            ["姓名", " 单位 ", None],
            ["张伟", "  财政局 ", "x"],
            [None, "   ", None],
            ["李娜", None, None],
        )
        self.assertEqual(
            excel.sheet_rows(workbook.worksheets[0]),
            [
                (2, {"姓名": "张伟", "单位": "财政局"}),
                (4, {"姓名": "李娜", "单位": None}),
            ],
        )

    def test_rows_by_columns_keys_or_headers(self):
        workbook = self.workbook(
            ["预算金额（元）", "executed_amount", "备注"], [100, 60.5, "忽略"]
        )
        columns = (("budget_amount", "预算金额（元）"), ("executed_amount", "执行金额"))
        self.assertEqual(
            excel.sheet_rows(workbook.worksheets[0], columns),
            [(2, {"budget_amount": 100, "executed_amount": 60.5})],
        )

    def test_an_empty_sheet(self):
        workbook = excel.open_workbook(excel.workbook_bytes(excel.Workbook()))
        self.assertEqual(excel.sheet_rows(workbook.worksheets[0]), [])


if __name__ == "__main__":
    unittest.main()
