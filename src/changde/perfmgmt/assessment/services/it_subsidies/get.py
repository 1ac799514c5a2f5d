"""GET @it-subsidies[?year=] on the assessment area: every district's
subsidy (the year its system went in use, management zone or not, the
year's amount, the share, the amount), the total and each year's total.
The year a system went in use is the jurisdiction's ``it_system_year``
(PATCH the jurisdiction, office only)."""

from plone.restapi.services import Service

from changde.perfmgmt.assessment.subsidies import jurisdiction_urls
from changde.perfmgmt.assessment.subsidies import subsidy_table_for
from changde.perfmgmt.core.rules.years import year_or_none


class SubsidiesGet(Service):
    def reply(self):
        year = year_or_none(self.request.form.get("year"))
        table = subsidy_table_for(year).as_dict()
        urls = jurisdiction_urls()
        for row in table["rows"]:
            row["@id"] = urls.get(row["key"])
        query = f"?year={year}" if year else ""
        return {"@id": f"{self.context.absolute_url()}/@it-subsidies{query}", **table}
