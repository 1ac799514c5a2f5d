"""Control panel of the libraries module."""
