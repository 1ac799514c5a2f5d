"""Plain values for JSON answers: decimals as text (as the other modules'
services answer rates), dates in ISO form."""

from datetime import date
from decimal import Decimal


def jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {
            key: jsonable(item)
            for key, item in value.items()
            if not (isinstance(key, str) and key.startswith("_"))
        }
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value
