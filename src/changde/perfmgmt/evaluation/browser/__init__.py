"""Classic UI pages of the evaluation module."""
