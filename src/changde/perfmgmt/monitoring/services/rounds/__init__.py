"""A REST service of the monitoring module."""
