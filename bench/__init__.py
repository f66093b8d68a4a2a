"""Benchmarks of the portal (`make bench`): figures to compare over time, never pass/fail."""
