"""Catalog indexers of monitoring records: flags, rate, round, project, and
the title's pinyin sort string (metadata: the round page sorts thousands of
records by it without computing pinyin on every view)."""

from plone.indexer import indexer
from plone.uuid.interfaces import IUUID

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.monitoring.content.monitoring_record import IMonitoringRecord


@indexer(IMonitoringRecord)
def monitoring_flags(obj):
    return obj.flags


@indexer(IMonitoringRecord)
def execution_rate(obj):
    rate = obj.execution_rate
    if rate is None:
        raise AttributeError("execution_rate")
    return float(rate)


@indexer(IMonitoringRecord)
def project_uid(obj):
    uid = target_uid(obj.project)
    if not uid:
        raise AttributeError("project_uid")
    return uid


def _round(obj):
    monitoring_round = obj.monitoring_round
    if monitoring_round is None:
        raise AttributeError("monitoring_round")
    return monitoring_round


@indexer(IMonitoringRecord)
def monitoring_round(obj):
    return IUUID(_round(obj))


@indexer(IMonitoringRecord)
def year(obj):
    return _round(obj).year


@indexer(IMonitoringRecord)
def round_number(obj):
    return _round(obj).round_number


@indexer(IMonitoringRecord)
def monitoring_sort_title(obj):
    return pinyin_sort_string(obj.Title())
