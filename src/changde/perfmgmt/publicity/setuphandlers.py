"""What the publicity profile's XML cannot say: the performance column with
its sections and the plan's two policies (drafts), and the protection of
the evaluation module's public feedback form (honeypot, rate limit)."""

from plone import api

from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity.column import column
from changde.perfmgmt.publicity.public_forms import protect_form


def post_install(context):
    portal = api.portal.get()
    column(portal)
    with api.env.adopt_roles(["Manager"]):
        protect_form(feedback_form(evaluation_folder(portal)))
