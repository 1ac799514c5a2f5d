"""Plain values as the add-on's REST answers write them: Decimals as text
(amounts and rates must not lose digits in a float), dates as ISO text."""

from datetime import date
from decimal import Decimal


def jsonable(value):
    """``value`` (dicts, lists and tuples walked) ready for JSON."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
