"""Control panels of the core module (Site Setup → 预算绩效管理)."""
