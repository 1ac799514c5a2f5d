"""Plain-Python rules of the dashboards: the margins of the traffic lights."""
