"""The libraries module of changde.perfmgmt."""
