"""Evaluation (绩效评价): reports, rectification, result application, negative list."""
