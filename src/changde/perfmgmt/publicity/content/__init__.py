"""Content types of the publicity module, one file each."""
