"""The dashboard's charts as Apache ECharts options, built from the numbers of
:func:`changde.perfmgmt.dashboard.figures.dashboard_figures` (so a chart and
the table beside it show the same numbers). The page hands each option to
``echarts.init(…).setOption(…)`` (``dashboard.js``); nothing is computed in
the browser."""

from decimal import Decimal

from zope.i18n import translate

from changde.perfmgmt.i18n import _

#: Colours of the traffic lights and of the coverage cells.
LIGHT_COLOURS = {"red": "#c0392b", "yellow": "#e0a800", "green": "#2e8b57"}
NO_LIGHT_COLOUR = "#9aa5b1"
GRADE_COLOURS = {
    "excellent": "#2e8b57",
    "good": "#5b9bd5",
    "average": "#e0a800",
    "poor": "#c0392b",
    "ungraded": "#9aa5b1",
}
STATE_COLOURS = {
    "listed": "#c0392b",
    "proposed": "#e0a800",
    "released": "#5b9bd5",
    "rejected": "#9aa5b1",
}
#: The budget kinds in a word, for the axis of the coverage chart (the table
#: beside it names them in full).
SHORT_KIND_TITLES = {
    "general_public": _("chart_kind_general_public", default="General"),
    "government_fund": _("chart_kind_government_fund", default="Fund"),
    "state_capital": _("chart_kind_state_capital", default="State capital"),
    "social_insurance": _("chart_kind_social_insurance", default="Social ins."),
    "government_debt": _("chart_kind_government_debt", default="Debt"),
}
#: Height of one row of a horizontal bar chart, in pixels.
ROW_HEIGHT = 28


def _number(value):
    """A number for ECharts (floats are fine for drawing: the tables and
    REST keep the exact values)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value


def _height(rows, minimum=220):
    return max(minimum, 80 + ROW_HEIGHT * rows)


def _base(title=None):
    option = {
        "aria": {"enabled": True},
        "animation": False,
        "tooltip": {"trigger": "item"},
    }
    if title:
        option["title"] = {
            "text": title,
            "left": "center",
            "textStyle": {"fontSize": 14},
        }
    return option


def coverage_chart(section, request):
    """A heatmap of jurisdictions × budget kinds: covered green, gaps red,
    not covered and not required grey."""
    kinds = section["budget_kinds"]
    short = {
        kind: translate(title, context=request)
        for kind, title in SHORT_KIND_TITLES.items()
    }
    rows = list(reversed(section["rows"]))  # the first jurisdiction on top
    data = []
    for y, row in enumerate(rows):
        for x, kind in enumerate(kinds):
            if row["covered"][kind["id"]]:
                value = 2
            elif kind["id"] in row["gaps"]:
                value = 1
            else:
                value = 0
            data.append([x, y, value])
    labels = {
        2: translate(_("chart_covered", default="Covered"), context=request),
        1: translate(_("chart_gap", default="Gap"), context=request),
        0: translate(_("chart_not_required", default="Not required"), context=request),
    }
    option = _base()
    option.update(
        {
            "grid": {
                "left": 8,
                "right": 8,
                "top": 8,
                "bottom": 72,
                "containLabel": True,
            },
            "xAxis": {
                "type": "category",
                "data": [short.get(kind["id"], kind["title"]) for kind in kinds],
                "axisLabel": {
                    "interval": 0,
                    "fontSize": 11,
                    "width": 44,
                    "overflow": "break",
                },
            },
            "yAxis": {"type": "category", "data": [row["title"] for row in rows]},
            "visualMap": {
                "type": "piecewise",
                "orient": "horizontal",
                "left": "center",
                "bottom": 0,
                "itemGap": 8,
                "textStyle": {"fontSize": 11},
                "pieces": [
                    {"value": value, "label": labels[value], "color": colour}
                    for value, colour in (
                        (2, LIGHT_COLOURS["green"]),
                        (1, LIGHT_COLOURS["red"]),
                        (0, "#e9ecef"),
                    )
                ],
            },
            "series": [
                {
                    "type": "heatmap",
                    "data": data,
                    "itemStyle": {"borderColor": "#ffffff", "borderWidth": 2},
                }
            ],
        }
    )
    return option, _height(len(rows) + 2)


def special_funds_chart(section, request):
    """A gauge of the approved special funds against the cap."""
    cap = section["cap"]
    approved = section["approved"]
    maximum = max(cap, approved, 1)
    margin = section["margin"]
    yellow_from = max(cap - margin, 0) / maximum
    option = _base()
    option["tooltip"] = {"show": False}
    option["series"] = [
        {
            "type": "gauge",
            "min": 0,
            "max": maximum,
            "splitNumber": 5,
            "radius": "90%",
            "axisLine": {
                "lineStyle": {
                    "width": 14,
                    "color": [
                        [yellow_from, LIGHT_COLOURS["green"]],
                        [min(cap / maximum, 1), LIGHT_COLOURS["yellow"]],
                        [1, LIGHT_COLOURS["red"]],
                    ],
                }
            },
            "detail": {"formatter": f"{{value}} / {cap}", "fontSize": 22},
            "title": {"offsetCenter": [0, "70%"]},
            "data": [
                {
                    "value": approved,
                    "name": translate(
                        _("chart_special_funds", default="Approved special funds"),
                        context=request,
                    ),
                }
            ],
        }
    ]
    return option, 260


def execution_chart(round_section, request):
    """A round's execution rate by jurisdiction: bars in their traffic light,
    the target as a line."""
    rows = list(reversed(round_section["by_jurisdiction"]))
    option = _base()
    option.update(
        {
            "grid": {
                "left": 8,
                "right": 40,
                "top": 24,
                "bottom": 8,
                "containLabel": True,
            },
            "xAxis": {"type": "value", "name": "%", "min": 0},
            "yAxis": {"type": "category", "data": [row["title"] for row in rows]},
            "series": [
                {
                    "type": "bar",
                    "name": translate(
                        _("chart_execution_rate", default="Execution rate (%)"),
                        context=request,
                    ),
                    "label": {"show": True, "position": "right", "formatter": "{c}%"},
                    "data": [
                        {
                            "value": _number(row["rate"]),
                            "itemStyle": {
                                "color": LIGHT_COLOURS.get(
                                    row["light"], NO_LIGHT_COLOUR
                                )
                            },
                        }
                        for row in rows
                    ],
                    "markLine": {
                        "symbol": "none",
                        "label": {"formatter": "{c}%"},
                        "lineStyle": {"color": "#333333", "type": "dashed"},
                        "data": [{"xAxis": _number(round_section["target_rate"])}],
                    },
                }
            ],
        }
    )
    return option, _height(len(rows))


def grades_chart(section, request):
    """Evaluations by kind, stacked by grade."""
    kinds = section["by_kind"]
    option = _base()
    option.update(
        {
            "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
            "legend": {"bottom": 0},
            "grid": {
                "left": 8,
                "right": 16,
                "top": 16,
                "bottom": 40,
                "containLabel": True,
            },
            "xAxis": {"type": "value", "minInterval": 1},
            "yAxis": {"type": "category", "data": [kind["title"] for kind in kinds]},
            "series": [
                {
                    "type": "bar",
                    "stack": "grades",
                    "name": grade["title"],
                    "itemStyle": {"color": GRADE_COLOURS[grade["id"]]},
                    "data": [kind["counts"][grade["id"]] for kind in kinds],
                }
                for grade in section["grades"]
            ],
        }
    )
    return option, _height(len(kinds) + 1)


def rectification_chart(section, request):
    """The rectification rate by jurisdiction: green where it reaches the
    target, red where not; the target as a line."""
    rows = list(reversed(section["by_jurisdiction"]))
    option = _base()
    option.update(
        {
            "grid": {
                "left": 8,
                "right": 48,
                "top": 24,
                "bottom": 8,
                "containLabel": True,
            },
            "xAxis": {"type": "value", "name": "%", "min": 0, "max": 100},
            "yAxis": {"type": "category", "data": [row["title"] for row in rows]},
            "series": [
                {
                    "type": "bar",
                    "name": translate(
                        _("chart_rectification_rate", default="Rectification rate (%)"),
                        context=request,
                    ),
                    "label": {"show": True, "position": "right", "formatter": "{c}%"},
                    "data": [
                        {
                            "value": _number(row["rate"]),
                            "itemStyle": {
                                "color": LIGHT_COLOURS["green" if row["met"] else "red"]
                            },
                        }
                        for row in rows
                    ],
                    "markLine": {
                        "symbol": "none",
                        "label": {"formatter": "{c}%"},
                        "lineStyle": {"color": "#333333", "type": "dashed"},
                        "data": [{"xAxis": _number(section["target_rate"])}],
                    },
                }
            ],
        }
    )
    return option, _height(len(rows))


def negative_list_chart(section, request, state_titles):
    """Negative-list entries by reason, stacked by state."""
    rows = list(reversed(section["reasons"]))
    option = _base()
    option.update(
        {
            "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
            "legend": {"bottom": 0},
            "grid": {
                "left": 8,
                "right": 16,
                "top": 16,
                "bottom": 40,
                "containLabel": True,
            },
            "xAxis": {"type": "value", "minInterval": 1},
            "yAxis": {
                "type": "category",
                "data": [row["title"] for row in rows],
                "axisLabel": {"width": 150, "overflow": "break"},
            },
            "series": [
                {
                    "type": "bar",
                    "stack": "entries",
                    "name": state_titles[state],
                    "itemStyle": {"color": STATE_COLOURS[state]},
                    "data": [row[state] for row in rows],
                }
                for state in section["states"]
            ],
        }
    )
    return option, _height(len(rows) + 1)


def quantified_chart(section, request):
    """The share of quantified indicators by jurisdiction."""
    rows = list(reversed(section["by_jurisdiction"]))
    option = _base()
    option.update(
        {
            "grid": {
                "left": 8,
                "right": 48,
                "top": 16,
                "bottom": 8,
                "containLabel": True,
            },
            "xAxis": {"type": "value", "name": "%", "min": 0, "max": 100},
            "yAxis": {"type": "category", "data": [row["title"] for row in rows]},
            "series": [
                {
                    "type": "bar",
                    "name": translate(
                        _(
                            "chart_quantified_share",
                            default="Quantified indicators (%)",
                        ),
                        context=request,
                    ),
                    "label": {"show": True, "position": "right", "formatter": "{c}%"},
                    "itemStyle": {"color": "#1f5fa8"},
                    "data": [_number(row["share"]) for row in rows],
                }
            ],
        }
    )
    return option, _height(len(rows))
