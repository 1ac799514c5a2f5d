"""A row error's field as the workbook's column header (plain unittest)."""

import unittest

from changde.perfmgmt.monitoring.excel import column_header


class ColumnHeaderTests(unittest.TestCase):
    def test_data_sheet_fields_read_as_their_headers(self):
        self.assertEqual(column_header("project_code"), "项目编码")
        self.assertEqual(column_header("executed_amount"), "执行金额（元）")

    def test_indicator_fields_name_the_sheet_and_the_column(self):
        self.assertEqual(
            column_header("indicators[0].actual_value"), "指标进度 · 实际完成值"
        )
        self.assertEqual(column_header("indicators[2].unknown"), "指标进度 · unknown")

    def test_other_fields_stay_as_they_are(self):
        self.assertEqual(column_header("file"), "file")
        self.assertIsNone(column_header(None))
