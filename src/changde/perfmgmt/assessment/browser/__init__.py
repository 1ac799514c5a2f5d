"""Pages of the assessment module."""
