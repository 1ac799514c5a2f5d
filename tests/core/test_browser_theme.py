"""The theme's CSS reaches the browser: computed styles, not strings in the
HTML."""

from changde.perfmgmt.testing import BrowserTestCase


class TestThemeInTheBrowser(BrowserTestCase):
    create_city = False

    def test_barceloneta_styles_the_page(self):
        self.open()
        # Bootstrap's reboot (part of Barceloneta) removes the browser's 8px
        self.assertEqual(self.computed_style("body", "margin-top"), "0px")
        # the top navigation is a flex row, not a bulleted list
        self.assertEqual(self.computed_style("#portal-globalnav", "display"), "flex")
        self.assertEqual(
            self.computed_style("#portal-globalnav", "list-style-type"), "none"
        )
        # the theme's stylesheet is among the document's style sheets
        sheets = self.driver.execute_script(
            "return Array.from(document.styleSheets).map(s => s.href || '');"
        )
        self.assertTrue(any("++theme++barceloneta" in href for href in sheets), sheets)
