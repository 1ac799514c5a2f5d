"""Tests of changde.perfmgmt, grouped by module and concern."""
