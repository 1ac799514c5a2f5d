"""Classic UI pages of the publicity module."""
