"""Small checks of form values: blank, a whole count."""


def is_blank(value) -> bool:
    """Whether a form value is missing: ``None`` or a string of white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def is_count(value, minimum: int = 0) -> bool:
    """Whether ``value`` is a whole number (an int, not a bool) ≥ ``minimum``."""
    return not isinstance(value, bool) and isinstance(value, int) and value >= minimum
