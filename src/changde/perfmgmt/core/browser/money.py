"""Money on pages: amounts in the unit the office chose (元 or 万元, registry
``changde.perfmgmt.core.money_unit``, the 页面显示 control panel), in the
reader's language. Forms, Excel files and REST keep yuan.

Python views call :func:`display_money` (``6,000.00万元``) in running text,
or :func:`display_amount` in a table column whose header names the unit with
:func:`money_unit_label`. Templates may use ``context/@@perfmgmt-money``.
"""

import unicodedata

from Products.Five import BrowserView
from zope.globalrequest import getRequest
from zope.i18n import translate

from changde.perfmgmt.core.rules.money import MONEY_UNITS
from changde.perfmgmt.core.rules.money import WAN_YUAN
from changde.perfmgmt.core.rules.money import YUAN
from changde.perfmgmt.core.rules.money import amount_in_unit
from changde.perfmgmt.core.settings import REGISTRY_PREFIX
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.i18n import _

#: shown for an amount nobody entered
NO_AMOUNT = "—"

UNIT_LABELS = {
    YUAN: _("money_unit_yuan", default="yuan"),
    WAN_YUAN: _("money_unit_wan_yuan", default="10k yuan"),
}


def money_unit():
    """The office's unit for amounts on pages (元 when unset or unknown)."""
    unit = registry_value(REGISTRY_PREFIX, "money_unit", YUAN)
    return unit if unit in MONEY_UNITS else YUAN


def money_unit_label(unit=None, request=None):
    """The unit's name in the reader's language: 元 or 万元."""
    unit = unit or money_unit()
    return translate(UNIT_LABELS[unit], context=request or getRequest())


def display_amount(value, unit=None):
    """The amount as a number in the office's unit, without the unit's
    name (for a column whose header names it): ``6,000.00``."""
    if value is None or value == "":
        return NO_AMOUNT
    amount = amount_in_unit(value, unit or money_unit())
    return str(value) if amount is None else amount


def display_money(value, unit=None, request=None):
    """The amount with its unit, in the reader's language: ``6,000.00万元``,
    ``60,000,000元``; ``—`` when there is none."""
    unit = unit or money_unit()
    amount = display_amount(value, unit)
    if amount == NO_AMOUNT or amount_in_unit(value, unit) is None:
        return amount
    label = money_unit_label(unit, request)
    # Chinese writes the unit right after the number (6,000.00万元); other
    # languages leave a space (6,000.00 10k yuan).
    separator = "" if label and unicodedata.east_asian_width(label[0]) == "W" else " "
    return f"{amount}{separator}{label}"


class MoneyView(BrowserView):
    """``@@perfmgmt-money`` for templates: ``view(value)``, ``amount(value)``,
    ``unit_label()``."""

    def __call__(self, value):
        return display_money(value, request=self.request)

    def amount(self, value):
        return display_amount(value)

    def unit_label(self):
        return money_unit_label(request=self.request)
