"""Reporting: the plan's measures, the annual report, fixed-format documents."""
