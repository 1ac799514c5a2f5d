"""REST service scorecard."""
