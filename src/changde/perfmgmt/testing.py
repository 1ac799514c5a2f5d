"""Test layers of changde.perfmgmt (plone.app.testing).

- ``CHANGDE_PERFMGMT_INTEGRATION_TESTING``: a site with the add-on installed,
  every test rolled back.
- ``CHANGDE_PERFMGMT_FUNCTIONAL_TESTING``: the same, committed for real
  (DemoStorage per test), served by a real WSGI server on a free port for tests
  that speak HTTP (plone.restapi).
"""

import os

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing import zope as zope_testing

# Compile the .po files when the ZCML registers them, as the site does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ChangdePerfmgmtLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.app.contenttypes' own fixture needs plone.app.robotframework,
        # which the project does not install: set the content types up here.
        import plone.app.contenttypes

        import changde.perfmgmt

        self.loadZCML(package=plone.app.contenttypes)
        self.loadZCML(package=changde.perfmgmt)

    def setUpPloneSite(self, portal):
        # The site as `make start` creates it: Simplified Chinese first.
        portal.setLanguage("zh-cn")
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "changde.perfmgmt:default")


CHANGDE_PERFMGMT_FIXTURE = ChangdePerfmgmtLayer()

CHANGDE_PERFMGMT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE,),
    name="ChangdePerfmgmtLayer:IntegrationTesting",
)

CHANGDE_PERFMGMT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE, zope_testing.WSGI_SERVER_FIXTURE),
    name="ChangdePerfmgmtLayer:FunctionalTesting",
)
