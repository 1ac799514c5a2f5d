"""Monitoring (运行监控): yearly rounds of each approved project's execution."""
