"""Benchmark scripts: each prints figures and has a `python -m eval.bench.<name>` entry point (see docs/benchmarks.md)."""
