"""The plan's measures (R-M14): exactly one responsible leader, an ordered
list of responsible offices whose first is the lead office, a status and
dated progress notes; a plan copied to the next year.

The plan itself says so: "本方案原则上1条措施只明确1名责任领导，责任科室分解任务
排前者为牵头科室" (one leader per measure; the first office leads).
"""

import datetime
import re
from dataclasses import dataclass

from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation

#: The status of a measure, in the order of its life.
STATUSES = ("not_started", "in_progress", "done", "delayed")
STATUS_LABELS = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "delayed": "滞后",
}

#: What separates names in a list of people: a second name means a second
#: leader, which the plan does not allow.
NAME_SEPARATORS = re.compile(r"[、,，;；/／|&＆]|\s+(?:和|及|and)\s+")

#: An evidence link: a site path or an http(s) address.
LINK = re.compile(r"^(https?://\S+|/\S*|[\w@][\w@.\-/?=&%]*)$")


def leader_violations(leader) -> list[Violation]:
    """Exactly one responsible leader: required, and one name only."""
    if is_blank(leader):
        return [
            Violation(
                code="measure_leader_required",
                default="A measure has exactly one responsible leader: enter the "
                "leader's name.",
                field="leader",
            )
        ]
    names = [name for name in NAME_SEPARATORS.split(leader.strip()) if name]
    if len(names) > 1:
        return [
            Violation(
                code="measure_one_leader_only",
                default="A measure has exactly one responsible leader, not "
                "${count} (${leader}).",
                field="leader",
                params={"count": len(names), "leader": leader.strip()},
            )
        ]
    return []


def clean_offices(offices) -> list[str]:
    """The offices as entered, trimmed, without empty lines; the order kept."""
    return [office.strip() for office in offices or () if not is_blank(office)]


def offices_violations(offices) -> list[Violation]:
    """At least one responsible office, each named once."""
    cleaned = clean_offices(offices)
    if not cleaned:
        return [
            Violation(
                code="measure_office_required",
                default="Enter at least one responsible office; the first one is "
                "the lead office.",
                field="offices",
            )
        ]
    seen = set()
    for office in cleaned:
        if office in seen:
            return [
                Violation(
                    code="measure_office_twice",
                    default="The office ${office} is listed twice.",
                    field="offices",
                    params={"office": office},
                )
            ]
        seen.add(office)
    return []


def lead_office(offices) -> str | None:
    """The lead office (牵头科室): the first of the list."""
    cleaned = clean_offices(offices)
    return cleaned[0] if cleaned else None


def status_violations(status) -> list[Violation]:
    if status not in STATUSES:
        return [
            Violation(
                code="measure_status_unknown",
                default="'${status}' is not a status of a measure.",
                field="status",
                params={"status": status},
            )
        ]
    return []


def number_violations(number, taken=()) -> list[Violation]:
    """A measure's number: a whole number from 1, once in its plan."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        return [
            Violation(
                code="measure_number_invalid",
                default="The number of a measure is a whole number from 1.",
                field="number",
            )
        ]
    if number in set(taken):
        return [
            Violation(
                code="measure_number_taken",
                default="The plan has a measure numbered ${number} already.",
                field="number",
                params={"number": number},
            )
        ]
    return []


@dataclass(frozen=True)
class ProgressNote:
    """A dated progress note with its evidence links."""

    date: datetime.date
    text: str
    evidence: tuple = ()

    def as_dict(self):
        return {
            "date": self.date.isoformat(),
            "text": self.text,
            "evidence": list(self.evidence),
        }


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_progress_notes(rows) -> tuple[list[ProgressNote], list[Violation]]:
    """Progress notes from plain rows ``{"date", "text", "evidence"}``: the
    notes newest first, or the violations (``field`` names the row,
    ``progress_notes.2.date``)."""
    notes, violations = [], []
    for index, row in enumerate(rows or ()):
        prefix = f"progress_notes.{index}"
        if not isinstance(row, dict):
            violations.append(
                Violation(
                    code="measure_note_not_an_object",
                    default="A progress note has a date, a text and evidence links.",
                    field=prefix,
                )
            )
            continue
        date = _date(row.get("date"))
        if date is None:
            violations.append(
                Violation(
                    code="measure_note_date_invalid",
                    default="The date of a progress note is required (YYYY-MM-DD).",
                    field=f"{prefix}.date",
                )
            )
        text = row.get("text")
        if is_blank(text) or not isinstance(text, str):
            violations.append(
                Violation(
                    code="measure_note_text_required",
                    default="A progress note says what was done.",
                    field=f"{prefix}.text",
                )
            )
        evidence = row.get("evidence") or []
        if isinstance(evidence, str):
            evidence = evidence.splitlines()
        links = []
        for link in evidence:
            if is_blank(link):
                continue
            if not isinstance(link, str) or not LINK.match(link.strip()):
                violations.append(
                    Violation(
                        code="measure_note_link_invalid",
                        default="'${link}' is not a link (a site path or an "
                        "http(s) address).",
                        field=f"{prefix}.evidence",
                        params={"link": str(link)},
                    )
                )
                continue
            links.append(link.strip())
        if date is not None and not is_blank(text) and isinstance(text, str):
            notes.append(ProgressNote(date, text.strip(), tuple(links)))
    if violations:
        return [], violations
    notes.sort(key=lambda note: note.date, reverse=True)
    return notes, []


def progress_notes_violations(rows) -> list[Violation]:
    """What is wrong with the progress notes (see :func:`parse_progress_notes`)."""
    return parse_progress_notes(rows or [])[1]


def measure_violations(fields, taken_numbers=()) -> list[Violation]:
    """Every check of a measure's fields (a dict of plain values)."""
    violations = []
    if "number" in fields:
        violations += number_violations(fields["number"], taken_numbers)
    if "leader" in fields:
        violations += leader_violations(fields["leader"])
    if "offices" in fields:
        violations += offices_violations(fields["offices"])
    if "status" in fields and fields["status"] is not None:
        violations += status_violations(fields["status"])
    if "progress_notes" in fields:
        violations += parse_progress_notes(fields["progress_notes"])[1]
    return violations


def next_year_title(title: str, year: int, next_year: int) -> str:
    """The title of the plan copied to ``next_year``: the year in the title
    moves along (〔2019〕 → 〔2020〕 only where it is the plan's own year)."""
    if str(year) in title:
        return title.replace(str(year), str(next_year))
    return f"{title}({next_year}年)"


def copied_measure(fields: dict) -> dict:
    """A measure for next year's plan: the same number, title, text, leader,
    offices and module; the status starts again and the notes stay behind."""
    keep = ("number", "title", "text", "leader", "offices", "module", "link")
    copy = {key: fields.get(key) for key in keep}
    copy["offices"] = list(clean_offices(copy["offices"]))
    copy["status"] = "not_started"
    copy["progress_notes"] = []
    return copy


def status_counts(statuses) -> dict:
    """How many measures are in each status (every status present)."""
    counts = dict.fromkeys(STATUSES, 0)
    for status in statuses:
        if status in counts:
            counts[status] += 1
    return counts
