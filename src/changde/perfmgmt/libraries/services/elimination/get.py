"""GET @elimination on an expert or agency library: the current proposals of
bottom-ranked elimination (末位淘汰), the ranking, the members with too few
ratings, and the confirmed runs. Nothing is written."""

from plone.restapi.services import Service

from changde.perfmgmt.libraries.members import elimination_as_json


class EliminationGet(Service):
    def reply(self):
        return elimination_as_json(self.context)
