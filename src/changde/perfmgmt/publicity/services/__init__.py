"""REST services of the publicity module, one folder each."""
