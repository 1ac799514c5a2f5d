"""REST service assessment-card."""
