"""The monitoring module of changde.perfmgmt."""
