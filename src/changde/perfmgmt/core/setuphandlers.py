"""What the core profile's XML cannot say: the global groups."""

from plone import api

from changde.perfmgmt.core.roles import GLOBAL_GROUPS


def post_install(context):
    """Create the office's and the reviewers' groups with their global roles."""
    for group_id, (title, roles) in GLOBAL_GROUPS.items():
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=title, roles=list(roles))
