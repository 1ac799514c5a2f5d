"""REST serializers of the evaluation module (plone.restapi): the report's
agency and experts as summaries of the related members, and the report with its feedback
notifications for those who may read them. The pages use the same plain
functions (:mod:`.references`, :mod:`.reports`)."""

from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer

from changde.perfmgmt.evaluation.content.evaluation_report import IEvaluationReport
from changde.perfmgmt.evaluation.interfaces import IMemberReference
from changde.perfmgmt.evaluation.interfaces import IMemberReferences
from changde.perfmgmt.evaluation.references import is_office
from changde.perfmgmt.evaluation.references import member_references
from changde.perfmgmt.evaluation.reports import may_see_notifications
from changde.perfmgmt.evaluation.reports import notifications_of
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer


@adapter(IMemberReference, IEvaluationReport, Interface)
@implementer(IFieldSerializer)
class MemberReferenceSerializer(DefaultFieldSerializer):
    """``evaluator_agency``: the agency's summary, or null."""

    def __call__(self):
        references = member_references(
            [self.get_value()], self.request, mark_removed=is_office(self.context)
        )
        return json_compatible(references[0]) if references else None


@adapter(IMemberReferences, IEvaluationReport, Interface)
@implementer(IFieldSerializer)
class MemberReferencesSerializer(DefaultFieldSerializer):
    """``experts``: a list of the experts' summaries."""

    def __call__(self):
        return json_compatible(
            member_references(
                self.get_value() or [],
                self.request,
                mark_removed=is_office(self.context),
            )
        )


@implementer(ISerializeToJson)
@adapter(IEvaluationReport, IChangdePerfmgmtLayer)
class EvaluationReportSerializer(SerializeFolderToJson):
    """A report as plone.restapi answers it, plus ``notifications`` (the
    feedback notices) for those who may edit it and the evaluated unit's
    staff — never for anonymous or other readers."""

    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(
            version=version,
            include_items=include_items,
            include_expansion=include_expansion,
        )
        if may_see_notifications(self.context):
            result["notifications"] = json_compatible(
                notifications_of(self.context, self.request)
            )
        return result
