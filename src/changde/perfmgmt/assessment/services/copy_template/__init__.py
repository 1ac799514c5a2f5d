"""REST service copy-template."""
