"""Benchmarks run by `make bench` (benchmarks/run_all.py); never imported by the application."""
