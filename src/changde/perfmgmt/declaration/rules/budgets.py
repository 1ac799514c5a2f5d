"""Budget kinds (R-M5): the four budgets and government debt."""

#: Budget kinds (R-M5): the four budgets (四本预算) and government debt (政府债务).
BUDGET_KINDS = (
    "general_public",  # 一般公共预算
    "government_fund",  # 政府性基金预算
    "state_capital",  # 国有资本经营预算
    "social_insurance",  # 社会保险基金预算
    "government_debt",  # 政府债务
)


#: The four budgets whose coverage the plan counts (R-M5).
FOUR_BUDGETS = BUDGET_KINDS[:4]


#: The budget kind of government debt, targeted separately (R-M5).
DEBT_BUDGET_KIND = "government_debt"
