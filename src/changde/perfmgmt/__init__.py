"""changde.perfmgmt: budget performance management (预算绩效管理) for Plone.

This module imports nothing of Zope, so that the plain-Python rules of every
capability module (``<module>/rules/``) stay importable and testable without it.
The i18n message factory lives in :mod:`changde.perfmgmt.i18n`.
"""
