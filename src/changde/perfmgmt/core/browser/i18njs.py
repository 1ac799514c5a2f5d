"""@@plonejsi18n for a page in Chinese: the widgets' catalogue of zh_CN.

Plone's JavaScript widgets (the content browser of the relation fields, the
date pickers…) ask ``@@plonejsi18n?domain=widgets&language=zh-cn``, the
page's ``lang``; Plone's view looks that up among the catalogues by their
directory names (``zh_CN``) and answers null, so every widget spoke English
on a Chinese page. This view names the language as the catalogues do.
"""

from plone.app.content.browser.i18n import i18njs


def catalog_language(language):
    """``zh-cn`` -> ``zh_CN`` (a language without a country stays)."""
    if language and "-" in language:
        base, country = language.split("-", 1)
        return f"{base.lower()}_{country.upper()}"
    return language


class I18nJs(i18njs):
    def __call__(self, domain=None, language=None):
        if language is None:
            language = self.request.get("LANGUAGE")
        return super().__call__(domain, catalog_language(language))
