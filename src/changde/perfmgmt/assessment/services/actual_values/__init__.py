"""REST service actual-values."""
