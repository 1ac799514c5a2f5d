"""Install steps that GenericSetup's XML cannot express."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import implementer

REGISTRY_PREFIX = "changde.perfmgmt."
#: The add-on's bundles of Plone's resource registry (the dashboard's ECharts).
BUNDLE_PREFIX = "plone.bundles/changde-perfmgmt-"

# Module profiles are installed through the package's default profile; hide
# them (and the uninstall profile) from the add-ons control panel.
MODULE_PROFILES = tuple(
    f"changde.perfmgmt.{module}:default"
    for module in (
        "core",
        "declaration",
        "monitoring",
        "libraries",
        "evaluation",
        "publicity",
        "assessment",
        "workbench",
        "dashboard",
        "reporting",
    )
)


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        hidden = ["changde.perfmgmt:uninstall", "changde.perfmgmt:demo"]
        hidden.extend(MODULE_PROFILES)
        return hidden

    def getNonInstallableProducts(self):
        return []


def install_missing_modules(setup_tool):
    """Install the module profiles a site does not have yet (a module added by
    a later release), then upgrade every module; answer the ids installed."""
    installed = []
    for profile_id in MODULE_PROFILES:
        if setup_tool.getLastVersionForProfile(profile_id) == "unknown":
            setup_tool.runAllImportStepsFromProfile(f"profile-{profile_id}")
            installed.append(profile_id)
        else:
            setup_tool.upgradeProfile(profile_id)
    return installed


def upgrade_to_1001(context):
    """The monitoring, libraries and evaluation modules arrived: install
    them on a site that has only core and declaration, and upgrade those."""
    install_missing_modules(context)


def post_install(context):
    """Post install script of the default profile (nothing yet)."""


def uninstall(context):
    """Remove every registry record of the add-on: the XML import can only
    reset their values, not delete them."""
    registry = getUtility(IRegistry)
    for key in [
        k
        for k in registry.records.keys()
        if k.startswith(REGISTRY_PREFIX) or k.startswith(BUNDLE_PREFIX)
    ]:
        del registry.records[key]
    # The module profiles were installed as dependencies: forget them too, so
    # a later install runs them again.
    setup_tool = api.portal.get_tool("portal_setup")
    for profile_id in MODULE_PROFILES:
        setup_tool.unsetLastVersionForProfile(profile_id)


def load_demo(context):
    """Post handler of the demo profile: create the demo data (idempotent)."""
    from changde.perfmgmt.core.demo import load_demo as load

    return load(api.portal.get())
