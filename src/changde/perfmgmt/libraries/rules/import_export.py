"""The spreadsheet columns of a library and the checks of an import."""

from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.libraries.rules.members import MEMBER_LEVEL_LABELS
from changde.perfmgmt.libraries.rules.members import MEMBER_LEVELS
from changde.perfmgmt.libraries.rules.members import MEMBER_STATUS_LABELS
from changde.perfmgmt.libraries.rules.members import MEMBER_STATUSES
from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORIES
from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORY_LABELS

#: The columns of each library's spreadsheet (and of an imported row): the
#: member's field id (``title`` is the name), Chinese header, required. A
#: list column holds values separated by 、 , ; or a new line.
LIBRARY_COLUMNS = {
    "expert": (
        ("title", "姓名", True),
        ("level", "级别", True),
        ("expertise", "专业领域", False),
        ("organisation", "工作单位", False),
        ("professional_title", "职称", False),
        ("contact", "联系方式", False),
        ("user_id", "系统账号", False),
        ("status", "状态", False),
    ),
    "agency": (
        ("title", "机构名称", True),
        ("level", "级别", True),
        ("qualifications", "资质", False),
        ("contact", "联系方式", False),
        ("user_id", "系统账号", False),
        ("status", "状态", False),
    ),
    "supervision": (
        ("title", "姓名", True),
        ("category", "类别", True),
        ("organisation", "工作单位", False),
    ),
}


LIST_COLUMNS = ("expertise", "qualifications")


#: Columns an export adds that an import ignores: id, header.
EXPORT_ONLY_COLUMNS = (
    ("id", "编号"),
    ("ratings_count", "评分次数"),
    ("ratings_average", "平均分"),
    ("review_state", "公开状态"),
)


#: The column of an export that names the member a row updates on import.
ID_COLUMN, ID_HEADER = EXPORT_ONLY_COLUMNS[0]


#: Longest text of a cell (names, organisations, contacts).
MAX_CELL_LENGTH = 200


_CHOICE_COLUMNS = {
    "level": (MEMBER_LEVELS, MEMBER_LEVEL_LABELS),
    "status": (MEMBER_STATUSES, MEMBER_STATUS_LABELS),
    "category": (SUPERVISION_CATEGORIES, SUPERVISION_CATEGORY_LABELS),
}


def split_list_cell(value) -> list[str]:
    """The items of a list cell: split on 、 , ， ; ； and new lines, stripped."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        items = [str(item) for item in value]
    else:
        text = str(value)
        for separator in ("、", "，", ";", "；", "\n"):
            text = text.replace(separator, ",")
        items = text.split(",")
    return [item.strip() for item in items if item and item.strip()]


def _choice(column: str, value):
    """The id of a choice cell given as its id or its Chinese label, or None."""
    ids, labels = _CHOICE_COLUMNS[column]
    text = str(value).strip()
    if text in ids:
        return text
    for id_, label in labels.items():
        if text == label:
            return id_
    return None


def normalise_library_row(kind: str, row: Mapping[str, object]):
    """Validate one imported row of a library; answer ``(values, violations)``.

    ``row`` maps column ids (or their Chinese headers) to cell values. Values
    are stripped text; list columns become lists; choice columns accept their
    id or Chinese label (省级, 拟淘汰, 人大代表, ...) and become the id; an
    empty status is None (the member's status stays as it is). ``id`` (编号,
    the first column of an export) is the id of the member the row updates,
    or None for a new member. Violations have the column id as field.
    Unknown columns are refused, so a misspelt header is not silently lost.
    """
    if kind not in LIBRARY_COLUMNS:
        raise ValueError(f"unknown library kind: {kind!r}")
    columns = LIBRARY_COLUMNS[kind]
    by_header = {header: id_ for id_, header, _required in columns}
    known = {id_ for id_, _header, _required in columns}
    ignored = {name for pair in EXPORT_ONLY_COLUMNS for name in pair}
    cells = {}
    violations = []
    member_id = None
    for key, value in row.items():
        column = by_header.get(str(key).strip(), str(key).strip())
        if column in (ID_COLUMN, ID_HEADER):
            text = "" if value is None else str(value).strip()
            member_id = text or None
            continue
        if column in ignored:
            continue
        if column not in known:
            if value is None or str(value).strip() == "":
                continue  # an empty cell of an extra column (ratings, notes)
            violations.append(
                Violation(
                    code="library_row_unknown_column",
                    default="“${column}” is not a column of this library.",
                    field=str(key),
                    params={"column": key},
                )
            )
            continue
        cells[column] = value
    values = {"id": member_id}
    for column, _header, required in columns:
        value = cells.get(column)
        if column in LIST_COLUMNS:
            values[column] = split_list_cell(value)
            too_long = [item for item in values[column] if len(item) > MAX_CELL_LENGTH]
            if too_long:
                violations.append(
                    Violation(
                        code="library_row_too_long",
                        default="The text is longer than ${maximum} characters.",
                        field=column,
                        params={"maximum": MAX_CELL_LENGTH},
                    )
                )
            continue
        text = "" if value is None else str(value).strip()
        if not text:
            if required:
                violations.append(
                    Violation(
                        code="library_row_required",
                        default="This column is required.",
                        field=column,
                    )
                )
            values[column] = None
            continue
        if column in _CHOICE_COLUMNS:
            choice = _choice(column, text)
            if choice is None:
                ids, labels = _CHOICE_COLUMNS[column]
                violations.append(
                    Violation(
                        code="library_row_invalid_choice",
                        default="“${value}” is not one of: ${choices}.",
                        field=column,
                        params={
                            "value": text,
                            "choices": "、".join(labels[id_] for id_ in ids),
                        },
                    )
                )
            values[column] = choice
            continue
        if len(text) > MAX_CELL_LENGTH:
            violations.append(
                Violation(
                    code="library_row_too_long",
                    default="The text is longer than ${maximum} characters.",
                    field=column,
                    params={"maximum": MAX_CELL_LENGTH},
                )
            )
        values[column] = text
    return values, violations


def present_columns(kind: str, row: Mapping[str, object]) -> set[str]:
    """The column ids ``row`` gives (by id or Chinese header), whatever their
    value: an import updates only those of an existing member, so a file made
    before a column existed leaves that field as it is."""
    by_header = {header: id_ for id_, header, _required in LIBRARY_COLUMNS[kind]}
    known = set(by_header.values())
    answer = set()
    for key in row:
        column = by_header.get(str(key).strip(), str(key).strip())
        if column in known:
            answer.add(column)
    return answer


def duplicate_name_violations(
    names: Sequence[str], existing: Iterable[str] = ()
) -> dict[int, Violation]:
    """Rows (0-based index) whose name is already in the library or on an
    earlier row of the same batch."""
    seen = {name.strip() for name in existing if name}
    answer = {}
    for index, name in enumerate(names):
        key = (name or "").strip()
        if not key:
            continue
        if key in seen:
            answer[index] = Violation(
                code="library_row_duplicate_name",
                default="“${name}” is already in the library.",
                field="title",
                params={"name": key},
            )
        seen.add(key)
    return answer


def import_plan_violations(
    rows: Sequence[tuple[str | None, str, str | None]],
    members: Mapping[str, tuple[str, str | None]],
) -> dict[int, list[Violation]]:
    """Violations of importing ``rows`` into a library, by row (0-based index).

    ``rows`` are ``(member id or None, name, status or None)``: a row with an
    id updates that member (an export imports again), one without creates a
    member. ``members`` maps the library's member ids to ``(name, status)``.

    - An id that is not a member of the library, or given on two rows, is
      refused (field ``id``): ids are made by the library, never typed.
    - A name may be in the library once: the names of the members the file
      does not update, and those of the file's rows, must all differ (a row
      may keep its own member's name; two members may swap names).
    - The status changes only through elimination (末位淘汰), where the office
      confirms with a record of who, when and why: a row may leave 状态 empty
      or repeat the member's current status; a new member is 在库 (active).
    """
    answer: dict[int, list[Violation]] = {}

    def add(index, violation):
        answer.setdefault(index, []).append(violation)

    seen_ids = set()
    for index, (member_id, _name, _status) in enumerate(rows):
        if member_id is None:
            continue
        if member_id not in members:
            add(
                index,
                Violation(
                    code="library_row_unknown_id",
                    default="“${id}” is not the 编号 of a member of this library "
                    "(leave it empty for a new member).",
                    field="id",
                    params={"id": member_id},
                ),
            )
        elif member_id in seen_ids:
            add(
                index,
                Violation(
                    code="library_row_duplicate_id",
                    default="The member “${id}” is on an earlier row already.",
                    field="id",
                    params={"id": member_id},
                ),
            )
        seen_ids.add(member_id)
    updated = {member_id for member_id, _n, _s in rows if member_id in members}
    untouched = [
        name
        for member_id, (name, _status) in members.items()
        if member_id not in updated
    ]
    names = [name or "" for _member_id, name, _status in rows]
    for index, violation in duplicate_name_violations(names, untouched).items():
        add(index, violation)
    for index, (member_id, _name, status) in enumerate(rows):
        if status is None or (member_id is not None and member_id not in members):
            continue
        known = member_id is not None
        current = (members[member_id][1] or "active") if known else "active"
        if status != current:
            add(
                index,
                Violation(
                    code="library_row_status_by_elimination",
                    default=(
                        "The status cannot be changed by an import (“${value}” "
                        "instead of “${current}”): it changes only through "
                        "elimination (末位淘汰); a new member is 在库."
                    ),
                    field="status",
                    params={
                        "value": MEMBER_STATUS_LABELS.get(status, status),
                        "current": MEMBER_STATUS_LABELS.get(current, current),
                    },
                ),
            )
    return answer
