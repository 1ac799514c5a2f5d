"""The fixed-format documents' plain parts: the performance-goal form's
indicator table (绩效目标申报表: level 1 / level 2 / level 3 with targets), the
labels the forms print, and the feedback notice's number."""

from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.rules.numbers import to_decimal

COMPARATOR_SIGNS = {"ge": "≥", "le": "≤", "eq": "=", "approx": "≈"}
PRE_EVALUATION_LABELS = {"none": "未开展", "passed": "通过", "failed": "未通过"}


def target_text(comparator, target_value, unit) -> str:
    """``≥20所``; a qualitative target as it is written."""
    target = "" if target_value is None else str(target_value).strip()
    unit = (unit or "").strip()
    if comparator == "qualitative" or comparator not in COMPARATOR_SIGNS:
        return target
    return f"{COMPARATOR_SIGNS[comparator]}{target}{unit}"


def weight_text(weight) -> str:
    number = to_decimal(weight)
    return "" if number is None else format(number.normalize(), "f")


def indicator_rows(indicators) -> list[dict]:
    """The form's indicator rows, sorted by level 1 then level 2 (the
    framework's order as given), a level shown only where it changes (the
    printed form's merged cells)."""
    order1, order2 = {}, {}
    for item in indicators:
        order1.setdefault(item.get("level1") or "", len(order1))
        order2.setdefault(
            (item.get("level1") or "", item.get("level2") or ""), len(order2)
        )
    ordered = sorted(
        enumerate(indicators),
        key=lambda pair: (
            order1[pair[1].get("level1") or ""],
            order2[(pair[1].get("level1") or "", pair[1].get("level2") or "")],
            pair[0],
        ),
    )
    rows, last1, last2 = [], None, None
    for _index, item in ordered:
        level1 = item.get("level1") or ""
        level2 = item.get("level2") or ""
        rows.append(
            {
                "level1": level1 if level1 != last1 else "",
                "level2": level2 if (level1, level2) != (last1, last2) else "",
                "title": item.get("title") or "",
                "target": target_text(
                    item.get("comparator"), item.get("target_value"), item.get("unit")
                ),
                "weight": weight_text(item.get("weight")),
                "quantifiable": bool(item.get("quantifiable")),
            }
        )
        last1, last2 = level1, level2
    return rows


def wan(amount) -> str:
    """Yuan as 万元 with two places, as the form prints it."""
    number = to_decimal(amount)
    if number is None:
        return ""
    return format_yuan((number / 10000).quantize(to_decimal("0.01")))


def yes_no(value) -> str:
    return "是" if value else "否"


def notice_number(year, sequence) -> str:
    """The feedback notice's number: 常财绩反〔2026〕3号."""
    return f"常财绩反〔{year}〕{sequence}号"


def chinese_date(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日" if date else ""
