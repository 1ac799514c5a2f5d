"""A reference is chosen, not typed (issue 18, point 1): the office adds an
evaluation report and picks the evaluated project in Plone's content
browser — in Chinese, searching among projects only — and the report keeps a
relation to it; at phone width the picker fits the screen."""

import transaction
from plone import api
from selenium.webdriver.common.by import By
from tests.evaluation.base import set_up_city

from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import BrowserTestCase

PROJECT = "农村公路提质改造专项"


class TestRelationPicker(BrowserTestCase):
    create_city = False

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            self.city, self.projects, _members = set_up_city(self.portal)
        self.projects["b1"].title = PROJECT
        self.projects["b1"].reindexObject()
        transaction.commit()

    def picker_button(self, field):
        css = f"#formfield-form-widgets-{field} a.btn-primary"
        self.wait_until(
            lambda d: d.find_elements(By.CSS_SELECTOR, css),
            message=f"no content browser for {field}",
        )
        return self.find(css)

    def press(self, element):
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
            element,
        )

    def pick(self, field, search, title):
        """Open the field's content browser, search, choose ``title``."""
        self.press(self.picker_button(field))
        self.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, ".content-browser"))
        self.find(".content-browser input[name=filter]").send_keys(search)
        self.wait_until(
            lambda d: (
                [
                    item.text.split("\n")[0]
                    for item in d.find_elements(
                        By.CSS_SELECTOR, ".content-browser .contentItem"
                    )
                ]
                == [title]
            ),
            message=f"the search for {search} did not list {title} alone",
        )
        self.press(self.find(".content-browser .contentItem"))
        choose = f"选择 {title}"
        self.wait_until(
            lambda d: any(
                button.text == choose
                for button in d.find_elements(
                    By.CSS_SELECTOR, ".content-browser button"
                )
            ),
            message=f"no button {choose}",
        )
        button = next(
            button
            for button in self.find_all(".content-browser button")
            if button.text == choose
        )
        self.press(button)

    def test_the_office_picks_the_evaluated_project(self):
        self.login(OFFICE_USER)
        self.open("evaluation/++add++EvaluationReport")
        # the picker speaks the page's language
        self.assertEqual(self.picker_button("project").text, "选择")
        self.find("#form-widgets-IBasic-title").send_keys("农村公路重点评价")
        self.find("#form-widgets-year").send_keys("2026")
        self.pick("project", "农村公路", PROJECT)
        uid = self.projects["b1"].UID()
        self.wait_until(
            lambda d: (
                d.find_element(By.ID, "form-widgets-project").get_attribute("value")
                == uid
            ),
            message="the chosen project is not the field's value",
        )
        self.press(self.find("#form-buttons-save"))
        self.wait_until(lambda d: "++add++" not in d.current_url)
        self.assertIn(PROJECT, self.find("#content").text)
        transaction.begin()
        (brain,) = api.content.find(
            portal_type="EvaluationReport", Title="农村公路重点评价"
        )
        report = brain._unrestrictedGetObject()
        self.assertEqual(target_of(report.project), self.projects["b1"])
        # the unit is filled from the project, as a relation too
        self.assertEqual(target_of(report.unit), self.city["unit_b"])

    def test_the_picker_fits_a_phone(self):
        self.login(OFFICE_USER)
        self.set_width(390)
        self.open("evaluation/++add++EvaluationReport")
        self.press(self.picker_button("project"))
        self.wait_until(lambda d: d.find_elements(By.CSS_SELECTOR, ".contentItem"))
        self.assertEqual(self.horizontal_overflow(), 0)

        # the panel ends within the screen once it has slid in (it is
        # animated: on a busy machine it was measured halfway)
        def panel(driver):
            return driver.execute_script(
                "var r = document.querySelector('.content-browser')"
                ".getBoundingClientRect(); return [r.left, r.right, window.innerWidth];"
            )

        self.wait_until(lambda d: panel(d)[0] >= 0 and panel(d)[1] <= panel(d)[2])
        left, right, width = panel(self.driver)
        self.assertGreaterEqual(left, 0)
        self.assertLessEqual(right, width)
        items = self.find_all(".content-browser .contentItem")
        # projects only: the four of the test city
        self.assertEqual(len(items), 4)
        self.press(next(item for item in items if item.text.startswith(PROJECT)))
        self.wait_until(
            lambda d: any(
                button.text == f"选择 {PROJECT}"
                for button in d.find_elements(
                    By.CSS_SELECTOR, ".content-browser button"
                )
            )
        )
        self.screenshot("relation-picker-390")
        # the chosen item's button is on the screen, not beside the list
        button = next(
            button
            for button in self.find_all(".content-browser button")
            if button.text == f"选择 {PROJECT}"
        )
        right = self.driver.execute_script(
            "return arguments[0].getBoundingClientRect().right;", button
        )
        self.assertLessEqual(right, width)
