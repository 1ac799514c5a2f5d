"""Pages of a policy, a news item and a training material."""

from changde.perfmgmt.publicity.browser.base import PublicityView


class ItemView(PublicityView):
    def file_url(self):
        file = getattr(self.context, "file", None)
        if not file:
            return None
        return f"{self.context.absolute_url()}/@@download/file/{file.filename}"

    def file_name(self):
        file = getattr(self.context, "file", None)
        return file.filename if file else None

    def file_size_kb(self):
        file = getattr(self.context, "file", None)
        return max(1, round(file.getSize() / 1024)) if file else 0


class PolicyView(ItemView):
    """A policy: its number, issuer, date and full text."""


class PublicityItemView(ItemView):
    """A news item or meeting: date, kind, audience, place, text, picture."""

    def image_tag(self):
        if not getattr(self.context, "image", None):
            return None
        scales = self.context.restrictedTraverse("@@images")
        return scales.tag("image", scale="large", css_class="img-fluid perfmgmt-image")


class MaterialView(ItemView):
    """A training material: the file to download or the link to open."""
