"""Traffic lights (红黄绿灯) of the dashboards: a number against its target,
red where it misses it, yellow near it, green where it is on track."""

RED = "red"
YELLOW = "yellow"
GREEN = "green"
#: The lights, worst first.
LIGHTS = (RED, YELLOW, GREEN)
