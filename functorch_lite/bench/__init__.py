"""The benchmark behind ``functorch-lite bench`` (see benchmarks/README.md).

``workloads`` (what is computed, its NumPy floor and every library's entry),
``runner`` (warm-up, the correctness gate, interleaved rounds, statistics),
``driver`` (one pinned child process per workload), ``report`` (table, JSON,
plot).  It uses only functorch_lite's public API.
"""
