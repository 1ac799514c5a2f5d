"""The add-on's roles and global groups, and the local roles of tenancy.

Global roles (rolemap.xml): ``PerformanceOfficer`` (绩效科: everything) and
``BudgetReviewer`` (预算科、各支出科室: review and approve). Jurisdiction and
unit staff get local roles on their own folder only.
"""

PERFORMANCE_OFFICER = "PerformanceOfficer"
BUDGET_REVIEWER = "BudgetReviewer"

OFFICE_GROUP = "perfmgmt-office"
REVIEWERS_GROUP = "perfmgmt-reviewers"

# The local roles a jurisdiction's or a unit's staff group has on its folder.
STAFF_LOCAL_ROLES = ("Reader", "Editor", "Contributor")

GLOBAL_GROUPS = {
    OFFICE_GROUP: ("绩效科", (PERFORMANCE_OFFICER,)),
    REVIEWERS_GROUP: ("预算科、各支出科室审核人员", (BUDGET_REVIEWER,)),
}
