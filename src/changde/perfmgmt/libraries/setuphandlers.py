"""Install step of the libraries module: the office's folders.

The expert, agency and supervision libraries and the internal-review folder
are created in the site root when the module is installed (and by the demo),
because the office works in them from day one and there is exactly one of
each per site; running it again creates nothing twice.
"""

from plone import api

#: id, portal type, title (Chinese), description
FOLDERS = (
    ("expert-library", "ExpertLibrary", "专家库", "省级和市级专家。"),
    ("agency-library", "AgencyLibrary", "中介机构库", "省级和市级中介机构。"),
    (
        "supervision-library",
        "SupervisionLibrary",
        "监督指导库",
        "财经专家、人大代表、政协委员、纪委监委委员、审计部门同志。",
    ),
    ("internal-review", "InternalReviewFolder", "内部点评", "每年的内部点评轮次。"),
)


def ensure_folders(portal):
    """The four folders (created when missing); answer {id: folder}."""
    folders = {}
    with api.env.adopt_roles(["Manager"]):
        for id, portal_type, title, description in FOLDERS:
            if id not in portal.objectIds():
                api.content.create(
                    container=portal,
                    type=portal_type,
                    id=id,
                    title=title,
                    description=description,
                )
            folders[id] = portal[id]
    return folders


def post_install(context):
    """Post handler of changde.perfmgmt.libraries:default."""
    ensure_folders(api.portal.get())
