"""The evaluation module of changde.perfmgmt."""
