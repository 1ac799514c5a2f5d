"""Content types of the assessment module, one file per type."""
