"""Vocabularies of the core module."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.core.rules.money import MONEY_UNITS
from changde.perfmgmt.core.rules.money import WAN_YUAN
from changde.perfmgmt.core.rules.money import YUAN
from changde.perfmgmt.i18n import _

JURISDICTION_KIND_TITLES = {
    "municipal": _("jurisdiction_kind_municipal", default="Municipal level"),
    "district": _("jurisdiction_kind_district", default="District"),
    "county_city": _("jurisdiction_kind_county_city", default="County-level city"),
    "county": _("jurisdiction_kind_county", default="County"),
    "management_zone": _(
        "jurisdiction_kind_management_zone", default="Management zone"
    ),
}


def simple_vocabulary(ids, titles):
    """A vocabulary whose values and tokens are the rule module's ids."""
    return SimpleVocabulary(
        [SimpleTerm(value=id_, token=id_, title=titles[id_]) for id_ in ids]
    )


@provider(IVocabularyFactory)
def jurisdiction_kinds(context=None):
    return simple_vocabulary(JURISDICTION_KINDS, JURISDICTION_KIND_TITLES)


MONEY_UNIT_TITLES = {
    YUAN: _("money_unit_title_yuan", default="Yuan (元)"),
    WAN_YUAN: _("money_unit_title_wan_yuan", default="Ten thousand yuan (万元)"),
}


@provider(IVocabularyFactory)
def money_units(context=None):
    return simple_vocabulary(MONEY_UNITS, MONEY_UNIT_TITLES)
