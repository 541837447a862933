"""Prefect flows and tasks: the only layer that orchestrates IO."""
