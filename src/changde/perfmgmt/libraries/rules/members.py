"""Members of the expert, agency and supervision libraries: kinds, levels,
statuses, and who may have a public profile."""

from changde.perfmgmt.core.rules.violations import Violation

LIBRARY_KINDS = ("expert", "agency", "supervision")


MEMBER_LEVELS = ("provincial", "municipal")


MEMBER_LEVEL_LABELS = {"provincial": "省级", "municipal": "市级"}


MEMBER_STATUSES = ("active", "proposed_for_removal", "removed")


MEMBER_STATUS_LABELS = {
    "active": "在库",
    "proposed_for_removal": "拟淘汰",
    "removed": "已淘汰",
}


#: Statuses of members that may be assigned to new evaluations.
ASSIGNABLE_STATUSES = ("active", "proposed_for_removal")


def publish_profile_violations(status: str | None) -> list[Violation]:
    """A removed member (已淘汰) has no public profile: publishing it again
    would show the public a member who may no longer be engaged."""
    if (status or "active") == "removed":
        return [
            Violation(
                code="library_publish_removed",
                default="A removed member's profile cannot be published.",
                field="status",
            )
        ]
    return []
