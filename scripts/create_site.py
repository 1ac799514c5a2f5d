"""Create (once) the Plone site with changde.perfmgmt; run by `zconsole run`.

    zconsole run var/etc/zope.conf scripts/create_site.py

Environment: SITE_ID (Plone), ADMIN_USER (admin), ADMIN_PASSWORD (admin),
DEMO (1 loads the demo profile). An existing site and its data are kept: the
script only creates what is missing, and upgrades the add-on's profiles.
"""

import os
import sys

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

SITE_ID = os.environ.get("SITE_ID", "Plone")
ADMIN_USER = os.environ.get("ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
LOAD_DEMO = os.environ.get("DEMO", "0").lower() in ("1", "true", "yes", "on")

EXTENSION_PROFILES = [
    "plone.app.contenttypes:default",
    # Plone's Classic UI with its theme Barceloneta (the classic distribution's
    # profiles; changde.perfmgmt.core depends on them too)
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "plone.restapi:default",
    "changde.perfmgmt:default",
]


def ensure_admin(app):
    """Create the Zope admin, or set its password to the one asked for."""
    users = app.acl_users
    if users.getUser(ADMIN_USER) is None:
        users._doAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
        print(f"created Zope admin user {ADMIN_USER!r}")
    else:
        # The Zope root's PAS keeps its users in the ZODB user manager.
        users.users.updateUserPassword(ADMIN_USER, ADMIN_PASSWORD)
    newSecurityManager(None, users.getUser(ADMIN_USER).__of__(users))


def ensure_site(app):
    if SITE_ID in app.objectIds():
        site = app[SITE_ID]
        setSite(site)
        setup_tool = site.portal_setup
        # Bring an existing site's profiles up to date; never wipe data.
        for profile_id in EXTENSION_PROFILES:
            if setup_tool.getLastVersionForProfile(profile_id) == "unknown":
                setup_tool.runAllImportStepsFromProfile(f"profile-{profile_id}")
        setup_tool.upgradeProfile("changde.perfmgmt:default")
        from changde.perfmgmt.setuphandlers import install_missing_modules

        for profile_id in install_missing_modules(setup_tool):
            print(f"installed the new module {profile_id}")
        print(f"reusing the site /{SITE_ID} and its data")
        return site
    site = addPloneSite(
        app,
        SITE_ID,
        title="常德市预算绩效管理",
        extension_ids=EXTENSION_PROFILES,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    print(f"created the site /{SITE_ID} (zh-cn) with changde.perfmgmt")
    return site


def main(app):
    app = makerequest(app)
    ensure_admin(app)
    site = ensure_site(app)
    if LOAD_DEMO:
        site.portal_setup.runAllImportStepsFromProfile("profile-changde.perfmgmt:demo")
        print("demo data loaded")
    transaction.commit()


if __name__ == "__main__":
    main(app)  # noqa: F821 -- zconsole puts the Zope application in the globals
    sys.exit(0)
