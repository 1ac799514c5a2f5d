"""REST services of the assessment module (docs/assessment-api.md)."""
