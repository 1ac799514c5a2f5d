"""Demo data of the evaluation module (called by changde.perfmgmt.demo.load_demo)."""


def load_demo(portal, folders, counts):
    """Create what is missing of this module's demo data; add to counts."""
