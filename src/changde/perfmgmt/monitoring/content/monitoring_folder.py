"""MonitoringFolder (监控): the folder in the site root holding the rounds."""

from plone.dexterity.content import Container
from zope.interface import implementer

from changde.perfmgmt.monitoring.interfaces import IMonitoringFolder


@implementer(IMonitoringFolder)
class MonitoringFolder(Container):
    """Holds the monitoring rounds of every year."""
