"""The site answers over plone.restapi (real HTTP against a WSGI server)."""

import unittest

import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING


class TestSiteRootOverRest(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        transaction.commit()

    def test_site_root_as_json_for_a_logged_in_user(self):
        response = requests.get(
            self.url,
            headers={"Accept": "application/json"},
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=30,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertTrue(response.headers["Content-Type"].startswith("application/json"))
        body = response.json()
        self.assertEqual(body["@type"], "Plone Site")
        self.assertEqual(body["@id"], self.url)
        self.assertEqual(body["language"]["token"], "zh-cn")

    def test_login_endpoint_issues_a_token(self):
        response = requests.post(
            f"{self.url}/@login",
            headers={"Accept": "application/json"},
            json={"login": SITE_OWNER_NAME, "password": SITE_OWNER_PASSWORD},
            timeout=30,
        )
        self.assertEqual(response.status_code, 200, response.text)
        token = response.json()["token"]
        response = requests.get(
            self.url,
            headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
            timeout=30,
        )
        self.assertEqual(response.status_code, 200, response.text)

    def test_wrong_password_is_refused(self):
        response = requests.post(
            f"{self.url}/@login",
            headers={"Accept": "application/json"},
            json={"login": SITE_OWNER_NAME, "password": "wrong"},
            timeout=30,
        )
        self.assertEqual(response.status_code, 401)
