"""The declaration module of changde.perfmgmt."""
