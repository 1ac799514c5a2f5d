"""Assessment: scorecards of evaluation reports, the yearly 考核, IT subsidies."""
