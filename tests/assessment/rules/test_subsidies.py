"""IT subsidies (信息化奖补): the plan's amounts by the year a district's
system was put in use, half for the management zones, the table's totals."""

import unittest
from decimal import Decimal
from unittest import mock

from changde.perfmgmt.assessment.rules import subsidies
from changde.perfmgmt.assessment.rules.subsidies import DistrictSystem
from changde.perfmgmt.assessment.rules.subsidies import SubsidySettings
from changde.perfmgmt.assessment.rules.subsidies import subsidy_for
from changde.perfmgmt.assessment.rules.subsidies import subsidy_table

D = Decimal


class TestSubsidy(unittest.TestCase):
    def test_the_plans_amounts(self):
        self.assertEqual(subsidy_for(2019, False)[2], D("150000"))
        self.assertEqual(subsidy_for(2020, False)[2], D("100000"))
        self.assertEqual(subsidy_for(2021, False)[2], D("50000"))

    def test_later_earlier_or_never_gets_nothing(self):
        self.assertEqual(subsidy_for(2022, False), (0, 0, 0, "outside_schedule"))
        self.assertEqual(subsidy_for(2018, False)[3], "outside_schedule")
        self.assertEqual(subsidy_for(None, False), (0, 0, 0, "not_in_use"))

    def test_management_zones_get_half(self):
        base, share, amount, status = subsidy_for(2019, True)
        self.assertEqual(
            (base, share, amount, status),
            (D("150000"), D("50"), D("75000.00"), "granted_zone"),
        )
        self.assertEqual(subsidy_for(2021, True)[2], D("25000.00"))

    def test_amounts_and_share_are_settings(self):
        settings = SubsidySettings(amounts=((2022, D("80000")),), zone_share=D("60"))
        self.assertEqual(subsidy_for(2022, True, settings)[2], D("48000.00"))
        self.assertEqual(subsidy_for(2019, False, settings)[3], "outside_schedule")


class TestTable(unittest.TestCase):
    districts = (
        DistrictSystem("wulingqu", "武陵区", 2019),
        DistrictSystem("dingchengqu", "鼎城区", 2020),
        DistrictSystem("lixian", "澧县", 2021),
        DistrictSystem("anxiangxian", "安乡县", None),
        DistrictSystem("xihuguanliqu", "西湖管理区", 2019, True),
        DistrictSystem("jingkaiqu", "常德经济技术开发区", 2022, True),
    )

    def test_all_years(self):
        table = subsidy_table(self.districts)
        self.assertEqual(table.total, D("375000.00"))
        self.assertEqual(
            table.totals_by_year,
            ((2019, D("225000.00")), (2020, D("100000")), (2021, D("50000"))),
        )
        self.assertEqual(len(table.rows), 6)
        self.assertEqual(table.as_dict()["rows"][4]["amount"], "75000.00")

    def test_one_year(self):
        table = subsidy_table(self.districts, year=2019)
        self.assertEqual([row.key for row in table.rows], ["wulingqu", "xihuguanliqu"])
        self.assertEqual(table.total, D("225000.00"))
        self.assertEqual(subsidy_table(self.districts, year=2023).total, 0)

    def test_the_total_of_a_year_reporting_reads(self):
        def site():
            return self.districts, subsidies.DEFAULT_SUBSIDY_SETTINGS

        with mock.patch.object(subsidies, "site_source", site):
            self.assertEqual(subsidies.total_for_year(2019), D("225000.00"))
            self.assertEqual(subsidies.total_for_year("2020"), D("100000"))
            self.assertEqual(subsidies.total_for_year(2023), 0)
        # no site loaded: nothing to say
        with mock.patch.object(subsidies, "site_source", None):
            self.assertIsNone(subsidies.total_for_year(2019))


class TestSettings(unittest.TestCase):
    def test_amount_lines(self):
        amounts, violations = subsidies.parse_amount_lines(
            ["2020: 100,000", "2019：150000", "", "2021:50000"]
        )
        self.assertEqual(violations, [])
        self.assertEqual(amounts, subsidies.DEFAULT_AMOUNTS)

    def test_bad_lines(self):
        _amounts, violations = subsidies.parse_amount_lines(
            ["2019 150000", "1999: 5", "2020: -1", "2021: 1", "2021: 2"]
        )
        self.assertEqual(
            [v.code for v in violations],
            ["subsidy_amount_line_invalid"] * 3 + ["subsidy_amount_year_twice"],
        )
        self.assertEqual(violations[0].params["line"], 1)

    def test_zone_share(self):
        self.assertEqual(subsidies.validate_zone_share("50"), [])
        self.assertEqual(subsidies.validate_zone_share("100"), [])
        self.assertEqual(len(subsidies.validate_zone_share("100.5")), 1)
        self.assertEqual(len(subsidies.validate_zone_share(None)), 1)


if __name__ == "__main__":
    unittest.main()
