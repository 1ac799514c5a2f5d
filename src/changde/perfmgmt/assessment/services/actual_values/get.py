"""GET @actual-values on a project: its indicators with target and actual
values."""

from plone.restapi.services import Service

from changde.perfmgmt.assessment.actuals import indicators_of


def actual_values_answer(project):
    return {
        "@id": f"{project.absolute_url()}/@actual-values",
        "items": [
            {
                "@id": indicator.absolute_url(),
                "indicator": indicator.UID(),
                "title": indicator.Title(),
                "level1": indicator.level1,
                "level2": indicator.level2,
                "comparator": indicator.comparator,
                "target_value": indicator.target_value,
                "unit": indicator.unit,
                "actual_value": indicator.actual_value,
            }
            for indicator in indicators_of(project)
        ],
    }


class ActualValuesGet(Service):
    def reply(self):
        return actual_values_answer(self.context)
