"""What the evaluation profile's XML cannot say: the evaluation folder (the
performance column) with its public feedback form, and the negative list,
created in the site root."""

from plone import api

from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.negative_list import negative_list_folder


def post_install(context):
    portal = api.portal.get()
    feedback_form(evaluation_folder(portal))
    negative_list_folder(portal)
