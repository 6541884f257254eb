"""The run's environment: pinned threads for child processes, versions, machine."""
import datetime
import importlib.metadata
import os
import platform
import sys

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS", "BLIS_NUM_THREADS")


def allowed_cpus():
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return list(range(os.cpu_count() or 1))


def child_env(threads, memory=False):
    """Environment for a worker: every library sees the same thread count.

    The variables must be set before NumPy (OpenBLAS), torch or XLA load,
    which is why workloads run in child processes started with them.
    """
    env = dict(os.environ)
    for k in THREAD_VARS:
        env[k] = str(threads)
    xla = [f for f in env.get("XLA_FLAGS", "").split()
           if "multi_thread_eigen" not in f and "intra_op_parallelism" not in f]
    if threads == 1:
        xla += ["--xla_cpu_multi_thread_eigen=false", "intra_op_parallelism_threads=1"]
    env["XLA_FLAGS"] = " ".join(xla)
    env.setdefault("JAX_PLATFORMS", "cpu")
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    if memory:
        # a fixed mmap threshold keeps glibc from caching large freed blocks, so
        # resident memory follows live memory and the peak can be measured
        env["MALLOC_MMAP_THRESHOLD_"] = str(128 * 1024)
        env["MALLOC_TRIM_THRESHOLD_"] = str(128 * 1024)
    # the child imports this very copy of functorch_lite
    import functorch_lite
    root = os.path.dirname(os.path.dirname(os.path.abspath(functorch_lite.__file__)))
    env["PYTHONPATH"] = os.pathsep.join([root] + [p for p in env.get("PYTHONPATH", "").split(
        os.pathsep) if p])
    return env


def pin_cpus(threads):
    """A preexec function that restricts the child to ``threads`` CPUs."""
    cpus = allowed_cpus()[:threads]

    def pin():
        if hasattr(os, "sched_setaffinity") and cpus:
            os.sched_setaffinity(0, cpus)
    return pin


def versions():
    out = {"python": platform.python_version()}
    for dist in ("functorch_lite", "numpy", "opt_einsum", "torch", "jax", "jaxlib",
                 "autograd", "cupy-cuda12x", "cupy-cuda11x", "cupy", "matplotlib"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            pass
    import functorch_lite
    out["functorch_lite"] = functorch_lite.__version__
    return out


def _cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine():
    return dict(platform=platform.platform(), machine=platform.machine(),
                cpu=_cpu_model(), cpu_count=os.cpu_count(), cpus_allowed=len(allowed_cpus()),
                python=sys.version.split()[0])


def now_utc():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
