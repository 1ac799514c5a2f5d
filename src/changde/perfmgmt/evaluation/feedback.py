"""The public feedback form of the performance column (公众意见反馈, R-M12):
a collective.easyform form next to the published evaluation reports. Anyone
may send an opinion on a published report, chosen from the published ones
(a report's page links to the form with it chosen: :func:`feedback_url`);
the answers are kept by the form's data saver, which only the performance
office (and administrators) can read and download."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api

FORM_ID = "feedback"
FORM_TITLE = "公众意见反馈"
SAVER = "saver"

FIELDS_MODEL = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">
  <schema>
    <field name="report" type="zope.schema.Choice">
      <title>评价报告</title>
      <description>您的意见针对哪一份已公开的评价报告（从报告页面进入时已选好）。</description>
      <required>False</required>
      <vocabulary>changde.perfmgmt.PublishedReports</vocabulary>
    </field>
    <field name="comments" type="zope.schema.Text">
      <title>意见和建议</title>
    </field>
    <field name="name" type="zope.schema.TextLine">
      <title>姓名</title>
      <required>False</required>
    </field>
    <field name="contact" type="zope.schema.TextLine">
      <title>联系方式</title>
      <description>选填:电话或电子邮箱,便于我们回复。</description>
      <required>False</required>
    </field>
  </schema>
</model>
"""

# Only a data saver: no mail is sent (the site may have no mail server).
ACTIONS_MODEL = f"""<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="{SAVER}" type="collective.easyform.actions.SaveData">
      <title>保存的反馈</title>
      <showAll>True</showAll>
    </field>
  </schema>
</model>
"""


def feedback_form(folder, create=True):
    """The feedback form in ``folder`` (the evaluation folder), created and
    published when missing."""
    form = folder.get(FORM_ID)
    if form is None and create:
        with api.env.adopt_roles(["Manager"]):
            form = api.content.create(
                container=folder,
                type="EasyForm",
                id=FORM_ID,
                title=FORM_TITLE,
                description="对已公开的绩效评价报告提出意见和建议。",
                fields_model=FIELDS_MODEL,
                actions_model=ACTIONS_MODEL,
                submitLabel="提交",
                thankstitle="感谢您的反馈",
            )
            # Under the site's default workflow the form starts private; with
            # no workflow it follows the (published) evaluation folder.
            if api.content.get_state(form, default=None) not in (None, "published"):
                api.content.transition(obj=form, to_state="published")
    return form


def feedback_url(report):
    """The feedback form with ``report`` chosen (its UID is the token of the
    form's choice of published reports), or None without a form."""
    form = feedback_form(aq_parent(aq_inner(report)), create=False)
    if form is None:
        return None
    return f"{form.absolute_url()}?form.widgets.report={report.UID()}"
