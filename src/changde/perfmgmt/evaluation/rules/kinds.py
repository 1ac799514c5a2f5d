"""The kinds of evaluation: self, key, pre-evaluation, a unit's overall."""

EVALUATION_KINDS = ("self", "key", "pre", "unit_overall")


EVALUATION_KIND_LABELS = {
    "self": "单位自评",
    "key": "重点评价",
    "pre": "事前评估",
    "unit_overall": "部门整体支出评价",
}
