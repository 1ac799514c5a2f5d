"""Control panels of the monitoring module."""
