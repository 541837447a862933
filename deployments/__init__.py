"""Schedules and work pools for muistio's flows."""
