"""Benchmarks for KVP (`make bench`): every number is a ratio against a baseline measured in the same run.

Never part of `make test`; see bench/README.md for what each benchmark measures and why.
"""
