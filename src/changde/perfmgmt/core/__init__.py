"""Core: jurisdictions, units and their staff, settings, calendar, shared rules."""
