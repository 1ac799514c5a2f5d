"""What the evaluation profile's XML cannot say: the evaluation folder (the
performance column) and the negative list, created in the site root."""

from plone import api

from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.negative_list import negative_list_folder


def post_install(context):
    portal = api.portal.get()
    evaluation_folder(portal)
    negative_list_folder(portal)
