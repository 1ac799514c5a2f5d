"""REST services of the declaration module (docs/declaration-api.md), one
folder per service; their shared helpers are in :mod:`changde.perfmgmt.core.rest`."""
