"""Control panels of the declaration module."""
