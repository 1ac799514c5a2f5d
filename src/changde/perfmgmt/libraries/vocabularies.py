"""Vocabularies of the libraries module.

``changde.perfmgmt.AssignableExperts`` and ``changde.perfmgmt.AssignableAgencies``
list the members that may be assigned to a new evaluation (every member but
the removed ones), by pinyin; values are UIDs. The evaluation module uses them
(or :func:`changde.perfmgmt.libraries.members.assignable_members`).

``changde.perfmgmt.ReviewableReports`` lists the evaluation reports the user
may see (a catalog query by portal type: the evaluation module is not
imported), newest year first, for the reviewed reports of an internal-review
round; values are UIDs.
"""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.reviews import REPORT_TYPE
from changde.perfmgmt.libraries.rules.members import MEMBER_LEVELS
from changde.perfmgmt.libraries.rules.members import MEMBER_STATUSES
from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORIES

LEVEL_TITLES = {
    "provincial": _("library_level_provincial", default="省级"),
    "municipal": _("library_level_municipal", default="市级"),
}
STATUS_TITLES = {
    "active": _("library_status_active", default="在库"),
    "proposed_for_removal": _("library_status_proposed_for_removal", default="拟淘汰"),
    "removed": _("library_status_removed", default="已淘汰"),
}
# Literal message ids, so that i18ndude extracts them.
CATEGORY_TITLES = {
    "finance_expert": _("supervision_category_finance_expert", default="财经专家"),
    "npc_deputy": _("supervision_category_npc_deputy", default="人大代表"),
    "cppcc_member": _("supervision_category_cppcc_member", default="政协委员"),
    "discipline_inspection": _(
        "supervision_category_discipline_inspection", default="纪委监委委员"
    ),
    "audit": _("supervision_category_audit", default="审计部门同志"),
}
assert set(CATEGORY_TITLES) == set(SUPERVISION_CATEGORIES)


@provider(IVocabularyFactory)
def library_levels(context=None):
    return simple_vocabulary(MEMBER_LEVELS, LEVEL_TITLES)


@provider(IVocabularyFactory)
def member_statuses(context=None):
    return simple_vocabulary(MEMBER_STATUSES, STATUS_TITLES)


@provider(IVocabularyFactory)
def supervision_categories(context=None):
    return simple_vocabulary(SUPERVISION_CATEGORIES, CATEGORY_TITLES)


def _assignable(portal_type):
    from changde.perfmgmt.libraries.members import assignable_members

    return SimpleVocabulary(
        [
            SimpleTerm(value=brain.UID, token=brain.UID, title=brain.Title)
            for brain in assignable_members(portal_type)
        ]
    )


@provider(IVocabularyFactory)
def assignable_experts(context=None):
    return _assignable("Expert")


@provider(IVocabularyFactory)
def assignable_agencies(context=None):
    return _assignable("Agency")


@provider(IVocabularyFactory)
def reviewable_reports(context=None):
    brains = sorted(
        api.content.find(portal_type=REPORT_TYPE),
        key=lambda brain: (-(brain.year or 0), brain.Title or ""),
    )
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=brain.UID,
                token=brain.UID,
                title=f"{brain.Title}（{brain.year}）" if brain.year else brain.Title,
            )
            for brain in brains
        ]
    )
