"""Bulk monitoring data for a round: one check and one apply, shared by the
REST batch (``@monitoring-import``) and the Excel upload.

:func:`check_rows` reads every row with the plain rules
(:func:`rules.check_import_rows`) and then resolves what only the site
knows: the project (by UID or project code, approved, of the round's year),
its indicators, the round's focus items, and the project's record in the
round: a record the unit has submitted or the office has confirmed is not
overwritten (:func:`rules.locked_record_violation`: the office returns it
first), and an object that holds the record's id without being the
project's record is a row error, never a crash. Nothing is written.

:func:`apply_rows` creates or updates one record per project (re-sending a
batch updates, never duplicates). An updated record gets its modification
date, an entry in its change log (who, when, which values before and after)
and a reindex of the indexes the batch changes only: no modified event, which
would reindex everything (and copy the tenancy again) for every row.
Callers write only when :func:`check_rows` found no problem, so a batch with
any bad row writes nothing.

A request (the REST batch, the Excel upload) writes with
:func:`write_in_batches`: the checked rows in transactions of
:data:`BATCH_ROWS` rows, each retried on a write conflict.
"""

import random
import time
from dataclasses import dataclass

import transaction
from DateTime import DateTime
from plone import api
from ZODB.POSException import ConflictError

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.records import log_change
from changde.perfmgmt.monitoring.rounds import existing_records
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.rules.import_rows import ImportRow
from changde.perfmgmt.monitoring.rules.import_rows import RowViolation
from changde.perfmgmt.monitoring.rules.import_rows import check_import_rows
from changde.perfmgmt.monitoring.rules.import_rows import duplicate_violation
from changde.perfmgmt.monitoring.rules.progress import merge_progress
from changde.perfmgmt.monitoring.rules.records import locked_record_violation

#: What an update by the batch changes in the catalog (metadata are
#: refreshed with them).
UPDATED_INDEXES = (
    "execution_rate",
    "monitoring_flags",
    "severity",
    "modified",
)


@dataclass
class RowPlan:
    """A checked row: what to write for which project (``record``: the
    brain of its record in the round, None for a new one)."""

    row: ImportRow
    project_uid: str
    project_title: str
    progress: list
    record: object = None
    #: the project's brain (its object is the record's relation)
    project_brain: object = None


#: Rows written per transaction by :func:`write_in_batches`.
BATCH_ROWS = 50
#: Tries of one batch of rows that meets a write conflict.
BATCH_ATTEMPTS = 6


def _violation(code, default, field, **params):
    return Violation(code=code, default=default, field=field, params=params)


def project_lookup(uids, codes, year):
    """Catalog brains of the named projects: ``({uid: brain}, {code: [brain]})``."""
    catalog = api.portal.get_tool("portal_catalog")
    by_uid, by_code = {}, {}
    if uids:
        for brain in catalog.searchResults(portal_type="BudgetProject", UID=uids):
            by_uid[brain.UID] = brain
    if codes:
        for brain in catalog.searchResults(
            portal_type="BudgetProject", project_code=codes, year=year
        ):
            by_code.setdefault(brain.project_code, []).append(brain)
    return by_uid, by_code


def project_indicators(brain):
    """The project's indicators: ``({uid: brain}, {title: [brain]})``."""
    catalog = api.portal.get_tool("portal_catalog")
    by_uid, by_title = {}, {}
    for indicator in catalog.searchResults(
        portal_type="Indicator", path={"query": brain.getPath(), "depth": 1}
    ):
        by_uid[indicator.UID] = indicator
        by_title.setdefault((indicator.Title or "").strip(), []).append(indicator)
    return by_uid, by_title


def resolve_project(row, year, by_uid, by_code):
    """The project brain of a row, or a violation."""
    if row.project:
        brain = by_uid.get(row.project)
        if brain is None:
            return None, _violation(
                "monitoring_project_unknown",
                "No project has the UID or code '${project}'.",
                "project",
                project=row.project,
            )
        if brain.year != year:
            return None, _violation(
                "monitoring_project_wrong_year",
                "The project '${project}' is of ${project_year}, the round of ${year}.",
                "project",
                project=row.project,
                project_year=brain.year,
                year=year,
            )
    else:
        brains = by_code.get(row.project_code, [])
        if not brains:
            return None, _violation(
                "monitoring_project_unknown",
                "No project has the UID or code '${project}'.",
                "project_code",
                project=row.project_code,
            )
        if len(brains) > 1:
            return None, _violation(
                "monitoring_project_code_ambiguous",
                "${count} projects of ${year} have the code '${project}': name it "
                "by its UID.",
                "project_code",
                project=row.project_code,
                count=len(brains),
                year=year,
            )
        brain = brains[0]
    if brain.review_state != "approved":
        return None, _violation(
            "monitoring_project_not_approved",
            "The project '${project}' is not approved (its state is ${state}): "
            "only approved projects are monitored.",
            "project" if row.project else "project_code",
            project=row.key,
            state=brain.review_state,
        )
    return brain, None


def resolve_progress(row, brain):
    """The row's indicator progress with each indicator's UID, or violations."""
    if not row.indicators:
        return [], []
    by_uid, by_title = project_indicators(brain)
    progress, violations = [], []
    for index, item in enumerate(row.indicators):
        name = item["indicator"].strip()
        indicator = by_uid.get(name)
        if indicator is None:
            matches = by_title.get(name, [])
            indicator = matches[0] if len(matches) == 1 else None
        if indicator is None:
            violations.append(
                _violation(
                    "monitoring_indicator_unknown",
                    "The project has no indicator '${indicator}'.",
                    f"indicators[{index}].indicator",
                    indicator=name,
                )
            )
            continue
        entry = {key: value for key, value in item.items() if value is not None}
        entry["indicator"] = indicator.UID
        entry["title"] = indicator.Title
        for key in ("actual_value", "target_value"):
            if key in entry and not isinstance(entry[key], str):
                entry[key] = str(entry[key])
        progress.append(entry)
    return progress, violations


def check_rows(monitoring_round, rows, first_row=1, numbers=None, on_progress=None):
    """Check a batch for ``monitoring_round``: ``(plans, problems)``.

    ``problems`` are :class:`rules.RowViolation` objects, sorted by row;
    the batch may be applied only when there are none.
    ``on_progress(phase, done, total)`` is told how far it has got.
    """
    rows = list(rows)
    valid, problems = check_import_rows(rows, first_row=first_row, numbers=numbers)
    year = monitoring_round.year
    by_uid, by_code = project_lookup(
        [row.project for row in valid if row.project],
        [row.project_code for row in valid if not row.project],
        year,
    )
    records = existing_records(monitoring_round)
    focus = tuple(monitoring_round.focus or ())
    plans = []
    seen = {}
    for count, row in enumerate(valid, start=1):
        if on_progress is not None:
            on_progress("checking", count, len(valid))
        brain, violation = resolve_project(row, year, by_uid, by_code)
        if violation is not None:
            problems.append(RowViolation(row.row, violation))
            continue
        if brain.UID in seen:
            problems.append(
                RowViolation(row.row, duplicate_violation(row.key, seen[brain.UID]))
            )
            continue
        seen[brain.UID] = row.row
        record, violations = resolve_record(row, brain.UID, monitoring_round, records)
        progress, progress_violations = resolve_progress(row, brain)
        violations += progress_violations
        if row.focus_answers:
            violations += validate_focus_answers(row.focus_answers, focus)
        problems.extend(RowViolation(row.row, v) for v in violations)
        if not violations:
            plans.append(RowPlan(row, brain.UID, brain.Title, progress, record, brain))
    problems.sort(key=lambda problem: problem.row)
    return plans, problems


def resolve_record(row, project_uid, monitoring_round, records):
    """The brain of the project's record in the round (None: to create), or
    the violations that keep the row from writing it."""
    field = "project" if row.project else "project_code"
    record = records.get(project_uid)
    if record is not None:
        return record, locked_record_violation(record.review_state, field)
    if project_uid in monitoring_round:
        return None, [
            _violation(
                "monitoring_record_id_in_use",
                "The round already holds an item with the id '${id}' that is "
                "not this project's record.",
                field,
                id=project_uid,
            )
        ]
    return None, []


def apply_rows(monitoring_round, plans, on_progress=None):
    """Create or update one record per plan; answers the per-row results.
    ``on_progress(phase, done, total)`` is told how far it has got."""
    results = []
    now = DateTime()
    for count, plan in enumerate(plans, start=1):
        if on_progress is not None:
            on_progress("writing", count, len(plans))
        row = plan.row
        if plan.record is None:
            values = {
                "budget_amount": row.budget_amount,
                "executed_amount": row.executed_amount,
                "indicator_progress": merge_progress([], plan.progress),
            }
            if row.problems is not None:
                values["problems"] = row.problems
            if row.severity is not None:
                values["severity"] = row.severity
            if row.focus_answers:
                values["focus_answers"] = dict(row.focus_answers)
            record = api.content.create(
                container=monitoring_round,
                type="MonitoringRecord",
                id=plan.project_uid,
                project=relation_to(
                    plan.project_brain._unrestrictedGetObject()
                    if plan.project_brain is not None
                    else plan.project_uid
                ),
                **values,
            )
            action, changed = "created", sorted(values)
        else:
            record = plan.record._unrestrictedGetObject()
            changed = update_record(record, row, plan.progress, now)
            action = "updated"
        results.append(
            {
                "row": row.row,
                "project": plan.project_uid,
                "title": plan.project_title,
                "action": action,
                "changed": changed,
                "@id": record.absolute_url(),
                "execution_rate": rules_text(record.execution_rate),
                "flags": record.flags,
                "review_state": api.content.get_state(record),
            }
        )
    return results


def update_record(record, row, progress, now=None):
    """Write a batch row into an existing record: the values it gives, a
    change-log entry, the modification date and the indexes they change.
    Answers the names of the fields that changed (none: nothing written)."""
    values = {
        "budget_amount": row.budget_amount,
        "executed_amount": row.executed_amount,
    }
    if progress:
        values["indicator_progress"] = merge_progress(
            record.indicator_progress or [], progress
        )
    if row.problems is not None:
        values["problems"] = row.problems
    if row.severity is not None:
        values["severity"] = row.severity
    if row.focus_answers:
        values["focus_answers"] = {
            **(record.focus_answers or {}),
            **row.focus_answers,
        }
    before = {name: getattr(record, name, None) for name in values}
    changed = [name for name, value in values.items() if before[name] != value]
    if not changed:
        return []
    for name in changed:
        setattr(record, name, values[name])
    log_change(record, changed, "import", before=before)
    record.setModificationDate(now or DateTime())
    record.reindexObject(idxs=list(UPDATED_INDEXES))
    return changed


def rules_text(value):
    return None if value is None else str(value)


def write_in_batches(
    monitoring_round,
    plans,
    on_progress=None,
    batch_rows=BATCH_ROWS,
    attempts=BATCH_ATTEMPTS,
    pause=0.05,
):
    """Write checked rows (:func:`check_rows`) as a request does: in
    transactions of ``batch_rows`` rows. Answers ``(results, skipped)``:
    :func:`apply_rows`'s results and the :class:`rules.RowViolation` of each
    row left unwritten.

    Why batches: a thousand rows written in one transaction take tens of
    seconds under load and almost surely meet another writer's commit on
    some catalog bucket; Zope's retry then writes the whole batch again
    and meets another one (a deadline's import failed this way, see
    docs/operations.md). A batch of fifty commits in a second or two; one
    that meets a conflict is aborted and written again after a short random
    pause, up to ``attempts`` times, before the ConflictError goes to Zope
    (whose retry of the request is harmless: re-sending updates, never
    duplicates). Every row was checked before the first write; before each
    batch its records are looked up again, so that a record its unit
    submitted meanwhile, or one another writer created, is never
    overwritten or doubled: such a row is skipped and named.
    """
    results, skipped = [], []
    total = len(plans)
    for start in range(0, total, batch_rows):
        batch = plans[start : start + batch_rows]
        for attempt in range(attempts):
            batch_results, batch_skipped = [], []
            try:
                writable = _still_writable(monitoring_round, batch, batch_skipped)
                batch_results = apply_rows(monitoring_round, writable)
                transaction.get().note(
                    f"{'/'.join(monitoring_round.getPhysicalPath())}: import rows "
                    f"{start + 1}-{start + len(batch)} of {total}"
                )
                transaction.commit()
            except ConflictError:
                transaction.abort()
                if attempt + 1 == attempts:
                    raise
                time.sleep(random.uniform(0, pause * 2**attempt))
                continue
            break
        results.extend(batch_results)
        skipped.extend(batch_skipped)
        if on_progress is not None:
            on_progress("writing", min(start + batch_rows, total), total)
    return results, skipped


def _still_writable(monitoring_round, plans, skipped):
    """The plans whose record may still be written, each with its record's
    current brain; the others go to ``skipped`` as row violations."""
    catalog = api.portal.get_tool("portal_catalog")
    current = {
        brain.project_uid: brain
        for brain in catalog.unrestrictedSearchResults(
            portal_type="MonitoringRecord",
            path={"query": "/".join(monitoring_round.getPhysicalPath()), "depth": 1},
            project_uid=[plan.project_uid for plan in plans],
        )
    }
    writable = []
    for plan in plans:
        record, violations = resolve_record(
            plan.row, plan.project_uid, monitoring_round, current
        )
        if violations:
            skipped.extend(RowViolation(plan.row.row, v) for v in violations)
            continue
        plan.record = record
        writable.append(plan)
    return writable
