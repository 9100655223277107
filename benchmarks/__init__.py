"""Benchmarks: ``make bench`` runs every ``bench_*`` module's ``main()``.

Each benchmark prints its figures next to a baseline measured in the same run, because
these machines are noisy: the ratio is the figure to report, never an absolute time.
"""
