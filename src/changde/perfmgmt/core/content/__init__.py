"""Content types of the core module: jurisdictions and budget units."""
