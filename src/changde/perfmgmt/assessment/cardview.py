"""A report's scorecard as the reader sees it: the page (a viewlet), the
REST answer (``GET @scorecard``) and the Excel export are built from this one
function, so they give the same numbers."""

from zope.i18n import translate

from changde.perfmgmt.assessment import labels
from changde.perfmgmt.assessment.scorecards import card_result
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import is_draft
from changde.perfmgmt.assessment.scorecards import template_of
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.evaluation.settings import grade_bands
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.i18n import _


def _text(value):
    return None if value is None else str(value)


def explanation_text(explanation, request):
    """An explanation of :mod:`rules.scoring` in the reader's language."""
    if explanation is None:
        return ""
    params = dict(explanation.params)
    if params.get("band") in labels.BAND_TITLES:
        params["band"] = labels.BAND_TITLES[params["band"]]
    if params.get("which") in labels.WHICH_TITLES:
        params["which"] = labels.WHICH_TITLES[params["which"]]
    mapping = {
        key: value if hasattr(value, "domain") else str(value)
        for key, value in params.items()
    }
    return translate(
        _(explanation.code, default=explanation.default, mapping=mapping),
        context=request,
    )


def _line(line, request):
    answer = line.as_dict()
    answer["explanation_text"] = explanation_text(line.explanation, request)
    answer["status_title"] = translate(
        labels.STATUS_TITLES[line.status], context=request
    )
    if line.kind == "indicator":
        method_title = labels.METHOD_TITLES["band"] if line.method == "band" else ""
    elif line.kind == "leaf":
        method_title = labels.METHOD_TITLES.get(line.method, "")
        if line.formula in labels.FORMULA_TITLES:
            method_title = labels.FORMULA_TITLES[line.formula]
    else:
        method_title = ""
    answer["method_title"] = (
        translate(method_title, context=request) if method_title else ""
    )
    answer["band_title"] = (
        translate(labels.BAND_TITLES[line.band], context=request) if line.band else None
    )
    for fact in answer["facts"]:
        fact["title"] = translate(
            labels.FACT_TITLES.get(fact["kind"], fact["kind"]), context=request
        )
    return answer


def problem_text(problem, result, request):
    """A problem of the card in the reader's language; a line's reason is
    that line's own explanation, translated."""
    if problem.code in ("scorecard_line_waiting", "scorecard_line_cannot_be_scored"):
        for line in result.lines:
            if line.key == problem.params.get("key"):
                params = {
                    **problem.params,
                    "reason": explanation_text(line.explanation, request),
                }
                problem = type(problem)(
                    problem.code, problem.default, problem.field, params
                )
                break
    return translate_violation(problem, request)


def card_data(report, request):
    """The report's card as plain data, or None when it has none."""
    if not has_card(report):
        return None
    result = card_result(report)
    template = template_of(report)
    bands = grade_bands()
    grade = result.grade(bands)
    computed = report.__dict__.get("computed_score")
    reason = report.score_override_reason or ""
    return {
        "template": {
            "@id": template.absolute_url() if template is not None else None,
            "UID": report.__dict__.get("_card_template_uid"),
            "title": report.__dict__.get("_card_template_title")
            or (template.Title() if template is not None else ""),
        },
        "lines": [_line(line, request) for line in result.lines],
        "total": _text(result.total),
        "partial": _text(result.partial),
        "complete": result.complete,
        "grade": grade,
        "grade_title": translate(GRADE_TITLES[grade], context=request)
        if grade
        else None,
        "computed_score": _text(computed),
        "score": _text(report.score),
        "score_override_reason": reason,
        "overridden": bool(reason.strip())
        and report.score is not None
        and computed is not None
        and report.score != computed,
        "problems": [problem_text(p, result, request) for p in result.problems],
        "facts_frozen": not is_draft(report),
        "rounding": translate(labels.ROUNDING_NOTE, context=request),
    }
