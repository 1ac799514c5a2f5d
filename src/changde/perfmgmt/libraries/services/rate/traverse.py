"""The rating a PATCH or DELETE of @rate names: ``@rate/<id>``, the rating's
own id (it never changes, whatever else is deleted)."""

from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class RatingIdTraverse:
    """Mix-in of a plone.restapi Service: keeps the path after @rate."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def rating_id(self):
        """The id named, or None when there is none."""
        if len(self.params) != 1:
            return None
        return self.params[0]
