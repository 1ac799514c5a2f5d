"""REST service assessment."""
