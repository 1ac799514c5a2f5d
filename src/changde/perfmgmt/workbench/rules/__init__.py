"""Plain-Python rules of the workbench: waiting times and deadlines."""
