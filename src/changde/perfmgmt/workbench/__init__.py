"""The role workbenches (工作台): what waits for each signed-in user, as links."""
