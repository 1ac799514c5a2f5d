"""Interfaces of the declaration module."""

from zope.interface import Interface


class INegativeListSource(Interface):
    """Where the negative list (负面清单, R-M13) comes from.

    The evaluation module registers the real one; until then no utility is
    registered and the declaration gate reads an empty list.
    """

    def hits_for(project):
        """The listed entries that apply to ``project`` or its unit, as
        :class:`changde.perfmgmt.declaration.rules.gates.NegativeListHit` objects."""
