"""Browser views of the monitoring module."""
