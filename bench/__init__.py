"""Benchmarks: extraction speed and the desk under load."""
