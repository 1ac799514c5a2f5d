"""Declaration (预算编制有目标): projects with goals and indicators, their gates."""
