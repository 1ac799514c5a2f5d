"""Content types of the declaration module."""
