"""Publicity (绩效管理专栏): the public column, reports, training, feedback."""
