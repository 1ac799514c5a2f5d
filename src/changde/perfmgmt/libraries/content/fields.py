"""Fields the library member types share, and the schema of what the
office keeps about an expert or an agency it engages (contact, account,
status, ratings) with the permissions that hide it from everyone else.

The status is read-only in the forms and over REST: it changes only through
elimination (末位淘汰), where the office confirms or overrides with a reason
and the run is recorded (``libraries.members``)."""

from plone.autoform import directives
from plone.supermodel import model
from zope import schema

from changde.perfmgmt.i18n import _

VIEW_CONTACT = "changde.perfmgmt.ViewLibraryContact"
VIEW_RATINGS = "changde.perfmgmt.ViewLibraryRatings"
MANAGE = "changde.perfmgmt.ManageLibraries"
MANAGE_PORTAL = "cmf.ManagePortal"


def name_field(label=None):
    return schema.TextLine(
        title=label or _("label_member_name", default="姓名"),
        required=True,
    )


def level_field():
    return schema.Choice(
        title=_("label_member_level", default="级别"),
        vocabulary="changde.perfmgmt.LibraryLevels",
        required=True,
        default="municipal",
    )


def contact_field():
    return schema.Text(
        title=_("label_member_contact", default="联系方式"),
        description=_(
            "help_member_contact",
            default="电话、邮箱、地址;仅绩效科可见。",
        ),
        required=False,
    )


def user_id_field():
    return schema.TextLine(
        title=_("label_member_user_id", default="系统账号"),
        description=_(
            "help_member_user_id",
            default="该成员在本系统的登录账号(用户名);被选派评价时,"
            "该账号可以撰写所评价的报告。仅绩效科可见。",
        ),
        required=False,
    )


def status_field():
    return schema.Choice(
        title=_("label_member_status", default="状态"),
        description=_(
            "help_member_status",
            default="只能通过“末位淘汰”改变；已淘汰的成员不能再被选派参与新的评价。"
            "仅绩效科可见。",
        ),
        vocabulary="changde.perfmgmt.LibraryMemberStatuses",
        required=True,
        readonly=True,
        default="active",
    )


def ratings_field():
    return schema.List(
        title=_("label_member_ratings", default="评分记录"),
        description=_(
            "help_member_ratings",
            default="每次参与工作后绩效科的评分(日期、工作事项、分数、评分人、"
            "备注);仅绩效科可见,通过“评分”添加。",
        ),
        value_type=schema.Dict(
            key_type=schema.TextLine(), value_type=schema.TextLine(required=False)
        ),
        required=False,
        default=[],
        missing_value=[],
    )


class IEngagedMember(model.Schema):
    """What the office keeps about an expert or an agency (office only)."""

    model.fieldset(
        "office",
        label=_("fieldset_office", default="绩效科管理"),
        fields=["contact", "user_id", "status"],
    )
    directives.read_permission(contact=VIEW_CONTACT)
    directives.write_permission(contact=VIEW_CONTACT)
    contact = contact_field()
    directives.read_permission(user_id=VIEW_CONTACT)
    directives.write_permission(user_id=VIEW_CONTACT)
    user_id = user_id_field()
    # read-only: not in the add and edit forms (plone.autoform leaves read-only
    # fields out of input forms), ignored by REST; the office reads it
    directives.read_permission(status=VIEW_RATINGS)
    directives.write_permission(status=MANAGE)
    status = status_field()
    directives.omitted("ratings")
    directives.read_permission(ratings=VIEW_RATINGS)
    directives.write_permission(ratings=MANAGE_PORTAL)
    ratings = ratings_field()


class EngagedMember:
    """Defaults of :class:`IEngagedMember` for the content classes (the
    list fields' defaults come from the schema, a fresh list each time: a
    tuple here would fail the schema's validation of a REST POST)."""

    contact = None
    user_id = None
    status = "active"
