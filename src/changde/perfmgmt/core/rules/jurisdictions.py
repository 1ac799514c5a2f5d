"""Jurisdiction kinds (R-M7): 市本级, 区, 县级市, 县, 管理区."""

#: Jurisdiction kinds (R-M7): 市本级, 区, 县级市, 县, 管理区.
JURISDICTION_KINDS = (
    "municipal",
    "district",
    "county_city",
    "county",
    "management_zone",
)


#: The jurisdiction kind of the municipal level (市本级).
MUNICIPAL = "municipal"
