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


if __name__ == "__main__":
    unittest.main()
