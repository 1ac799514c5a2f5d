"""Content types of the monitoring module."""
