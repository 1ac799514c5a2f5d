"""The kinds of evaluation: self, key, pre-evaluation, a unit's overall;
how many there are of each."""

EVALUATION_KINDS = ("self", "key", "pre", "unit_overall")


EVALUATION_KIND_LABELS = {
    "self": "单位自评",
    "key": "重点评价",
    "pre": "事前评估",
    "unit_overall": "部门整体支出评价",
}


def kind_counts(kinds) -> dict:
    """How many evaluations there are of each kind: ``{kind: count}`` for
    every kind of :data:`EVALUATION_KINDS` in their order (0 where none); a
    kind that is not one of them is left out."""
    counts = dict.fromkeys(EVALUATION_KINDS, 0)
    for kind in kinds:
        if kind in counts:
            counts[kind] += 1
    return counts
