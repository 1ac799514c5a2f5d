"""POST @workflow/<transition>: plone.restapi's service, where every refusal
is a 4xx that says why and aborts the transaction (docs/errors.md):

- a transition the item's workflows do not have, or that does not leave
  its state: 400;
- a transition the user may not make: 403, also when the item is already in
  its destination state (plone.restapi answers that with success for
  anyone, so a client would believe it was allowed); for a user who may
  make it, "already there" stays a success;
- a transition the rules refuse (a gate of the plan): 400 with one entry
  per rule (``code``, ``field``, ``message``, ``params``), type
  ``WorkflowException``.

The answer on success is plone.restapi's (the new history entry).
"""

from DateTime import DateTime
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services.workflow.transition import (
    WorkflowTransition as RestapiWorkflowTransition,
)
from plone.restapi.services.workflow.utils import elevated_privileges
from Products.CMFCore.interfaces import IFolderish
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.component import queryMultiAdapter
from zope.i18nmessageid import Message
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import ActionRefused
from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.core.transitions import AVAILABLE
from changde.perfmgmt.core.transitions import ELSEWHERE
from changde.perfmgmt.core.transitions import GUARDED
from changde.perfmgmt.core.transitions import SAME_STATE
from changde.perfmgmt.core.transitions import UNKNOWN
from changde.perfmgmt.core.transitions import TransitionRefusal
from changde.perfmgmt.core.transitions import may_make
from changde.perfmgmt.core.transitions import state_title
from changde.perfmgmt.core.transitions import transition_status
from changde.perfmgmt.core.transitions import transition_title
from changde.perfmgmt.i18n import _

WORKFLOW = "WorkflowException"

MISSING = _(
    "api_transition_missing",
    default="Name the transition: POST @workflow/<transition>.",
)
UNKNOWN_TRANSITION = _(
    "api_transition_unknown",
    default='"${transition}" is not a transition of this item.',
)
NOT_FROM_HERE = _(
    "api_transition_not_from_state",
    default='"${transition}" cannot be made from the state "${state}".',
)
NOT_ALLOWED = _(
    "api_transition_not_allowed",
    default='You may not make the transition "${transition}" on this item '
    '(state "${state}").',
)
COMMENT_TEXT = _("api_transition_comment_text", default="The comment must be text.")


def plone_message(text):
    """A workflow's title, translated in Plone's domain (the toolbar's)."""
    return Message(text, domain="plone")


class WorkflowTransition(RestapiWorkflowTransition):
    def reply(self):
        if self.transition is None:
            raise InputRefused(MISSING, [FieldError(None, MISSING)], WORKFLOW)
        data = json_body(self.request)
        comment = data.get("comment", "")
        if comment is None:
            comment = ""
        if not isinstance(comment, str):
            raise InputRefused(
                COMMENT_TEXT, [FieldError("comment", COMMENT_TEXT)], WORKFLOW
            )
        alsoProvides(self.request, IDisableCSRFProtection)
        publication_dates = {
            name: data[name]
            for name in ("effective", "expires", "effectiveDate", "expirationDate")
            if name in data
        }
        self.transition_all(
            [self.context],
            comment,
            publication_dates,
            data.get("include_children") is True,
            top=True,
        )
        return self.history_entry()

    def transition_all(self, objs, comment, publication_dates, children, top=False):
        for obj in objs:
            if publication_dates:
                self.set_dates(obj, publication_dates)
            if not self.wftool.getWorkflowsFor(obj):
                continue
            status = transition_status(obj, self.transition)
            if status == AVAILABLE:
                self.make(obj, comment)
            elif status == SAME_STATE and may_make(obj, self.transition):
                pass  # already there, and the user may make it: a success
            elif top or status == GUARDED:
                self.refuse(obj, status)
            if children and IFolderish.providedBy(obj):
                self.transition_all(
                    obj.objectValues(), comment, publication_dates, children
                )

    def set_dates(self, obj, publication_dates):
        queryMultiAdapter((obj, self.request), IDeserializeFromJson)(
            data=publication_dates
        )
        if obj.EffectiveDate() == "None":
            obj.setEffectiveDate(DateTime())
            obj.reindexObject()

    def make(self, obj, comment):
        try:
            self.wftool.doActionFor(obj, self.transition, comment=comment)
        except TransitionRefusal as refusal:
            # the rules' messages, and one entry per rule
            raise InputRefused(str(refusal), refusal.errors(), WORKFLOW) from None
        except WorkflowException as refused:
            # a guard's own words (already in the reader's language)
            message = str(refused)
            raise InputRefused(message, [FieldError(None, message)], WORKFLOW) from None

    def refuse(self, obj, status):
        mapping = {
            "transition": plone_message(transition_title(obj, self.transition)),
            "state": plone_message(state_title(obj)),
        }
        if status == UNKNOWN:
            message = Message(
                UNKNOWN_TRANSITION, mapping={"transition": self.transition}
            )
            raise InputRefused(message, [FieldError(None, message)], WORKFLOW)
        if status == ELSEWHERE:
            message = Message(NOT_FROM_HERE, mapping=mapping)
            raise InputRefused(message, [FieldError(None, message)], WORKFLOW)
        message = Message(NOT_ALLOWED, mapping=mapping)
        raise ActionRefused(message, [FieldError(None, message)], WORKFLOW)

    def history_entry(self):
        with elevated_privileges(self.context):
            history = self.wftool.getInfoFor(self.context, "review_history")
            action = dict(history[-1]) if history else {}
            if action:
                action["title"] = self.context.translate(
                    self.wftool.getTitleForStateOnType(
                        action["review_state"], self.context.portal_type
                    )
                )
        return json_compatible(action)
