"""IT subsidies (信息化奖补) of plan measure 7 (R-M7).

"3年内建设覆盖市本级、区县市的预算绩效管理信息系统,对2019、2020、2021年建成
并投入使用的区县市分别给予15万元、10万元、5万元补助(四个管理区按50%标准奖补)。"

A district (区县市, and the management zones) whose system was built and put
in use in 2019 gets 150,000 yuan, in 2020 100,000, in 2021 50,000, later (or
earlier, or never) nothing; the management zones get 50 % of that. The
amounts by year and the zones' share are settings with the plan's defaults.

:func:`subsidy_table` is the plain function: it takes the districts as plain
values and answers the rows and totals. :func:`total_for_year` is what
reporting's annual report reads (CONTRACTS.md): the site's total of a year.
"""

from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import DECIMAL_CONTEXT
from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.core.rules.years import year_or_none

ZERO = Decimal(0)

#: (year, amount in yuan) of the plan.
DEFAULT_AMOUNTS = (
    (2019, Decimal("150000")),
    (2020, Decimal("100000")),
    (2021, Decimal("50000")),
)
#: What the management zones get, percent of the amount.
DEFAULT_ZONE_SHARE = Decimal("50")

#: Why a row has the amount it has.
GRANTED = "granted"
GRANTED_ZONE = "granted_zone"
NOT_IN_USE = "not_in_use"
OUTSIDE_SCHEDULE = "outside_schedule"
STATUSES = (GRANTED, GRANTED_ZONE, NOT_IN_USE, OUTSIDE_SCHEDULE)


@dataclass(frozen=True)
class SubsidySettings:
    amounts: tuple = DEFAULT_AMOUNTS
    zone_share: Decimal = DEFAULT_ZONE_SHARE

    def amount_for(self, year) -> Decimal | None:
        for each, amount in self.amounts:
            if each == year:
                return to_decimal(amount, strict=True)
        return None


DEFAULT_SUBSIDY_SETTINGS = SubsidySettings()


def parse_amount_lines(lines) -> tuple[tuple, list[Violation]]:
    """``["2019: 150000", …]`` (a setting, one year a line) as
    ``((2019, Decimal("150000")), …)`` and the violations of the lines
    that are not ``year: amount`` (field ``amounts``)."""
    amounts, violations, years = [], [], set()
    for number, line in enumerate(lines or (), start=1):
        text = (line or "").replace("：", ":").strip()
        if not text:
            continue
        year_text, _, amount_text = text.partition(":")
        year = year_or_none(year_text.strip())
        amount = to_decimal(amount_text.strip(), allow_commas=True)
        if year is None or amount is None or amount < 0:
            violations.append(
                Violation(
                    code="subsidy_amount_line_invalid",
                    default=(
                        "Line ${line} “${text}” is not “year: amount” with a "
                        "year from ${min_year} to ${max_year} and an amount ≥ 0."
                    ),
                    field="amounts",
                    params={
                        "line": number,
                        "text": text,
                        "min_year": MIN_YEAR,
                        "max_year": MAX_YEAR,
                    },
                )
            )
            continue
        if year in years:
            violations.append(
                Violation(
                    code="subsidy_amount_year_twice",
                    default="The year ${year} is given twice.",
                    field="amounts",
                    params={"year": year},
                )
            )
            continue
        years.add(year)
        amounts.append((year, amount))
    return tuple(sorted(amounts)), violations


def validate_zone_share(value) -> list[Violation]:
    number = to_decimal(value)
    if number is None or not ZERO <= number <= HUNDRED:
        return [
            Violation(
                code="subsidy_zone_share_invalid",
                default="The management zones' share must be 0 to 100 %, not ${value}.",
                field="zone_share",
                params={"value": value},
            )
        ]
    return []


@dataclass(frozen=True)
class DistrictSystem:
    """A district's information system: ``in_use_year`` is the year it was
    built and put in use (None: not yet)."""

    key: str
    title: str
    in_use_year: int | None = None
    is_management_zone: bool = False
    sort_key: object = None


@dataclass(frozen=True)
class SubsidyRow:
    key: str
    title: str
    in_use_year: int | None
    is_management_zone: bool
    base: Decimal  # the year's amount
    share: Decimal  # percent of it granted
    amount: Decimal
    status: str

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "in_use_year": self.in_use_year,
            "is_management_zone": self.is_management_zone,
            "base": str(self.base),
            "share": str(self.share),
            "amount": str(self.amount),
            "status": self.status,
        }


@dataclass(frozen=True)
class SubsidyTable:
    year: int | None
    rows: tuple
    total: Decimal
    totals_by_year: tuple  # ((year, total), …) of the years in the schedule

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "rows": [row.as_dict() for row in self.rows],
            "total": str(self.total),
            "totals_by_year": [
                {"year": year, "total": str(total)}
                for year, total in self.totals_by_year
            ],
        }


def subsidy_for(
    in_use_year, is_management_zone: bool, settings=DEFAULT_SUBSIDY_SETTINGS
) -> tuple[Decimal, Decimal, Decimal, str]:
    """``(base, share, amount, status)`` of a district whose system was put
    in use in ``in_use_year`` (None: not yet). Amounts are rounded half up
    to the yuan's cent."""
    if in_use_year is None:
        return ZERO, ZERO, ZERO, NOT_IN_USE
    base = settings.amount_for(in_use_year)
    if base is None:
        return ZERO, ZERO, ZERO, OUTSIDE_SCHEDULE
    share = (
        to_decimal(settings.zone_share, strict=True) if is_management_zone else HUNDRED
    )
    amount = round_decimal(
        DECIMAL_CONTEXT.divide(DECIMAL_CONTEXT.multiply(base, share), HUNDRED)
    )
    return base, share, amount, GRANTED_ZONE if is_management_zone else GRANTED


def subsidy_table(
    districts, settings=DEFAULT_SUBSIDY_SETTINGS, year=None
) -> SubsidyTable:
    """The subsidy of every district (:class:`DistrictSystem`), or with
    ``year`` only of those whose system was put in use that year; the
    total, and the total of each year of the schedule (of all districts)."""
    rows = []
    for district in districts:
        base, share, amount, status = subsidy_for(
            district.in_use_year, district.is_management_zone, settings
        )
        rows.append(
            SubsidyRow(
                key=district.key,
                title=district.title,
                in_use_year=district.in_use_year,
                is_management_zone=district.is_management_zone,
                base=base,
                share=share,
                amount=amount,
                status=status,
            )
        )
    totals = []
    for each, _amount in settings.amounts:
        totals.append(
            (each, sum((row.amount for row in rows if row.in_use_year == each), ZERO))
        )
    if year is not None:
        rows = [row for row in rows if row.in_use_year == year]
    return SubsidyTable(
        year=year,
        rows=tuple(rows),
        total=sum((row.amount for row in rows), ZERO),
        totals_by_year=tuple(totals),
    )


#: Where :func:`total_for_year` reads the site's districts and settings: a
#: function answering ``(districts, settings)``, set by the site side
#: (``assessment.subsidies``) when it is loaded; None without a site. The
#: rules import nothing of the site, the site registers itself here.
site_source = None


def total_for_year(year) -> Decimal | None:
    """The site's subsidies, in yuan, for the districts whose system was put
    in use in ``year``: the total of that year's tab of the subsidy table,
    with the office's settings. What reporting's annual report reads
    (CONTRACTS.md); None when no site is loaded."""
    if site_source is None:
        return None
    districts, settings = site_source()
    return subsidy_table(districts, settings, year_or_none(year)).total
