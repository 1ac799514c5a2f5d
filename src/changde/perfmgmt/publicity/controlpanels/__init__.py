"""Control panels of the publicity module."""
