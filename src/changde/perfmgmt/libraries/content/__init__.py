"""Content types of the libraries module (one file per type)."""
