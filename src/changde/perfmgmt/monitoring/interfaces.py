"""Interfaces of the monitoring module."""

from plone.supermodel import model


class IMonitoringFolder(model.Schema):
    """The monitoring folder (监控) in the site root: title and description."""
