"""Classic UI views of the libraries module."""
