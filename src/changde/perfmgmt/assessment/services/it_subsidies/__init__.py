"""REST service it-subsidies."""
