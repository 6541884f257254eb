"""``python -m functorch_lite.bench.dataparallel_cpu``: CPU seconds and bytes
moved per data-parallel training step, single process vs ``data_parallel`` on a
LocalCluster(2) (needs ``functorch_lite[distributed]``).  See
``bench/workloads/dataparallel.py`` and benchmarks/README.md."""
import sys

from .workloads.dataparallel import main

if __name__ == "__main__":
    sys.exit(main())
