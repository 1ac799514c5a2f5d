"""The message factory of the ``changde.perfmgmt`` translation domain."""

from zope.i18nmessageid import MessageFactory

_ = MessageFactory("changde.perfmgmt")
