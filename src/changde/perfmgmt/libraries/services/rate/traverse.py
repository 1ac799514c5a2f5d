"""The rating a PATCH or DELETE of @rate names: ``@rate/<index>`` (0-based,
in the order the member's ratings are listed)."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class RatingIndexTraverse:
    """Mix-in of a plone.restapi Service: keeps the path after @rate."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def rating_index(self):
        """The index named, or None when there is none or it is not a number."""
        if len(self.params) != 1:
            return None
        try:
            return int(self.params[0])
        except ValueError:
            return None
