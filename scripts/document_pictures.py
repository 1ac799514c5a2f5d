"""The pictures of the documents in docs/reporting.md: page 1 of each
document of the demo site as a PNG (docs/images/reporting-*.png).

    .venv/bin/python scripts/document_pictures.py

Builds the demo site in memory (the integration test layer), prints the
annual report of the demo year (drafted from the demo data), a project's
goal form, the demo key evaluation's feedback notice and the first
monitoring round's report to the leadership group as PDF (LibreOffice),
and turns page 1 of each into a PNG at 72 dpi with ``pdftoppm``
(poppler-utils). Not a test.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

from listings import set_up_layers  # noqa: E402

OUT = HERE.parent / "docs" / "images"
YEAR = 2026
PROJECT = "shibenji/jiaoyuju/yiwu-jiaoyu-gaishan"
EVALUATION = "evaluation/demo-key-2026"
ROUND = "monitoring/2026-1"


def main():
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles

    from changde.perfmgmt.core import demo
    from changde.perfmgmt.reporting import annual
    from changde.perfmgmt.reporting.documents import outputs
    from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

    set_up_layers(CHANGDE_PERFMGMT_INTEGRATION_TESTING)
    portal = CHANGDE_PERFMGMT_INTEGRATION_TESTING["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    demo.load_demo(portal)
    report, _drafted = annual.create_report(
        portal["reporting"], YEAR, "city_government"
    )
    project = portal.unrestrictedTraverse(PROJECT)
    evaluation = portal.unrestrictedTraverse(EVALUATION)
    monitoring_round = portal.unrestrictedTraverse(ROUND)
    documents = {
        "annual-report": outputs.annual_report_file(report, "pdf"),
        "goal-form": outputs.goal_forms_file([project], "pdf"),
        "feedback-notice": outputs.render(
            "feedback_notice", outputs.feedback_notice_data(evaluation), "pdf"
        ),
        "leadership-report": outputs.render(
            "leadership_report",
            outputs.leadership_report_data(monitoring_round),
            "pdf",
        ),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in documents.items():
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(data)
            target = OUT / f"reporting-{name}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile"]
                + [str(pdf), str(target)],
                check=True,
            )
            print(f"{target.relative_to(HERE.parent)}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
