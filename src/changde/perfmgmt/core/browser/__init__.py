"""The face of the site: the home page frame, the top tabs' helper, the money
display, the bureau's stylesheet and logo (Barceloneta underneath)."""
