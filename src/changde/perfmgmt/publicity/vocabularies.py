"""Vocabularies of the publicity module: section kinds, publicity kinds,
policy levels, training audiences and material kinds (literal msgids, so
that i18ndude extracts them), the ratings of the training feedback form and
the districts and units a sign-up names."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_key
from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.rules import listings
from changde.perfmgmt.publicity.rules import training

SECTION_TITLES = {
    "policies": _("section_policies", default="政策文件"),
    "news": _("section_news", default="工作动态"),
    "reports": _("section_reports", default="评价报告"),
    "training": _("section_training", default="培训"),
    "feedback": _("section_feedback", default="公众意见"),
}
PUBLICITY_KIND_TITLES = {
    "news": _("publicity_kind_news", default="工作动态"),
    "work_meeting": _("publicity_kind_work_meeting", default="工作布置会"),
    "internal_review_meeting": _(
        "publicity_kind_internal_review_meeting", default="内部点评会"
    ),
}
POLICY_LEVEL_TITLES = {
    "central": _("policy_level_central", default="中央"),
    "provincial": _("policy_level_provincial", default="省级"),
    "municipal": _("policy_level_municipal", default="市级"),
    "other": _("policy_level_other", default="其他"),
}
AUDIENCE_TITLES = {
    "districts": _("audience_districts", default="区县市财政局"),
    "units": _("audience_units", default="预算单位"),
    "agencies": _("audience_agencies", default="第三方机构"),
    "experts": _("audience_experts", default="专家"),
}
MATERIAL_KIND_TITLES = {
    "document": _("material_kind_document", default="文档"),
    "slides": _("material_kind_slides", default="课件"),
    "link": _("material_kind_link", default="链接"),
    "video": _("material_kind_video", default="视频"),
}
RATING_TITLES = {
    "5": _("rating_5", default="5 很满意"),
    "4": _("rating_4", default="4 满意"),
    "3": _("rating_3", default="3 一般"),
    "2": _("rating_2", default="2 不满意"),
    "1": _("rating_1", default="1 很不满意"),
}
assert set(SECTION_TITLES) == set(listings.SECTION_KINDS)
assert set(PUBLICITY_KIND_TITLES) == set(listings.PUBLICITY_KINDS)
assert set(POLICY_LEVEL_TITLES) == set(listings.POLICY_LEVELS)
assert set(AUDIENCE_TITLES) == set(training.AUDIENCES)
assert set(MATERIAL_KIND_TITLES) == set(training.MATERIAL_KINDS)

#: the sign-up's choice for organisations outside the city's districts and
#: units (agencies, experts)
OTHER_TITLE = _("signup_other_organisation", default="其他单位（第三方机构、专家等）")


@provider(IVocabularyFactory)
def section_kinds(context=None):
    return simple_vocabulary(listings.SECTION_KINDS, SECTION_TITLES)


@provider(IVocabularyFactory)
def publicity_kinds(context=None):
    return simple_vocabulary(listings.PUBLICITY_KINDS, PUBLICITY_KIND_TITLES)


@provider(IVocabularyFactory)
def policy_levels(context=None):
    return simple_vocabulary(listings.POLICY_LEVELS, POLICY_LEVEL_TITLES)


@provider(IVocabularyFactory)
def audiences(context=None):
    return simple_vocabulary(training.AUDIENCES, AUDIENCE_TITLES)


@provider(IVocabularyFactory)
def material_kinds(context=None):
    return simple_vocabulary(training.MATERIAL_KINDS, MATERIAL_KIND_TITLES)


@provider(IVocabularyFactory)
def ratings(context=None):
    """5 (very satisfied) to 1; values are text, as the form saves them."""
    return simple_vocabulary(tuple(RATING_TITLES), RATING_TITLES)


def organisations():
    """The city's jurisdictions and budget units as ``(key, jurisdiction
    title, unit title)``: the key is the path below the site
    (``wulingqu/jiaoyuju``; a district's own finance bureau is
    ``wulingqu``), the municipal level first, then by kind and pinyin.

    Read from the catalog without the user's restrictions: the names of the
    city's districts and units are public, a sign-up form for anyone names
    them."""
    catalog = api.portal.get_tool("portal_catalog")
    portal_path = "/".join(api.portal.get().getPhysicalPath())
    jurisdictions, units = {}, []
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"]
    ):
        key = brain.getPath()[len(portal_path) + 1 :]
        if brain.portal_type == "Jurisdiction":
            jurisdictions[key] = (brain.Title, brain.jurisdiction_kind)
        else:
            units.append((key, brain.Title))

    def kind_order(key):
        kind = jurisdictions[key][1]
        rank = JURISDICTION_KINDS.index(kind) if kind in JURISDICTION_KINDS else 99
        return (rank, pinyin_sort_key(jurisdictions[key][0]))

    answer = []
    for jurisdiction in sorted(jurisdictions, key=kind_order):
        title = jurisdictions[jurisdiction][0]
        answer.append((jurisdiction, title, None))
        own = [unit for unit in units if unit[0].rsplit("/", 1)[0] == jurisdiction]
        for key, unit_title in sorted(own, key=lambda unit: pinyin_sort_key(unit[1])):
            answer.append((key, title, unit_title))
    return answer


def organisation_title(jurisdiction_title, unit_title):
    if unit_title:
        return f"{jurisdiction_title} · {unit_title}"
    return f"{jurisdiction_title}（财政局）"


@provider(IVocabularyFactory)
def signup_organisations(context=None):
    """The districts and units a sign-up (or feedback) names, and "other"."""
    terms = [
        SimpleTerm(value=key, token=key, title=organisation_title(jur, unit))
        for key, jur, unit in organisations()
    ]
    terms.append(
        SimpleTerm(value=training.OTHER, token=training.OTHER, title=OTHER_TITLE)
    )
    return SimpleVocabulary(terms)
