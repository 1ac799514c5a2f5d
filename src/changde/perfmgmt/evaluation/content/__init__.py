"""Content types of the evaluation module."""
