"""The reporting module's rules, one file per topic, importing nothing of Zope:
``measures`` (the plan's measures), ``figures`` (the annual report's numbers
and sections), ``goal_form`` (the performance-goal form's table)."""
