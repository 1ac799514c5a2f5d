"""The core module of changde.perfmgmt."""
