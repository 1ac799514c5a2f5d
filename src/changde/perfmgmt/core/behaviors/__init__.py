"""Behaviors of changde.perfmgmt that several modules' types use."""
