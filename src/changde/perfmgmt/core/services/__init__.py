"""REST services core gives every type of the add-on (one folder each)."""
