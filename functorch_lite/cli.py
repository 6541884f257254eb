"""functorch-lite: `demo` (the default) is a short tour; `bench` runs the benchmark suite.

Installed as the ``functorch-lite`` command (and ``python3 -m functorch_lite``)::

    functorch-lite                      # the demo: autograd, a jaxpr, grad/vmap/jit,
    functorch-lite demo --steps 200     #   a two-layer net trained two ways (< 1 min)
    functorch-lite bench --list         # the benchmark workloads
    functorch-lite bench --quick        # every workload at small sizes (seconds each)
    functorch-lite bench mlp --compare torch,jax --json out.json --plot out.png

``bench`` times each workload's entries (functorch_lite eager and jitted,
the PyTorch-style facade, and the peers PyTorch, JAX and autograd where
installed) against a hand-written NumPy floor, one thread by default, and
prints a table of medians and ratios to the floor (benchmarks/README.md).
``functorch-lite <command> --help`` lists every option.
"""
import argparse
import sys

from . import backends

PEERS = ("torch", "jax", "autograd")


def _compare(text):
    names = [] if text.strip().lower() in ("", "none") else [
        t.strip() for t in text.split(",") if t.strip()]
    bad = [n for n in names if n not in PEERS]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown peer {', '.join(bad)}; choose from "
                                         f"{','.join(PEERS)} (or 'none')")
    return tuple(dict.fromkeys(names))


def _threads(text):
    n = int(text)
    if n < 1:
        raise argparse.ArgumentTypeError(f"--threads must be at least 1, got {n}")
    return n


def build_parser():
    """The ``argparse`` parser of the ``functorch-lite`` command (``demo``,
    ``bench`` and their options); ``main`` parses with it.
    """
    parser = argparse.ArgumentParser(
        prog="functorch-lite", description=__doc__.split("\n\n", 1)[0],
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd")
    d = sub.add_parser("demo", help="a short tour of the library (the default)",
                       description="A tour for newcomers in well under a minute: autograd "
                                   "on Tensors, a function's jaxpr, grad/vmap/jit of it, and "
                                   "a two-layer net trained with the facade and with "
                                   "jit(grad).")
    d.add_argument("--steps", type=int, default=500,
                   help="training steps for the two-layer net (default 500)")
    b = sub.add_parser("bench", help="time workloads against NumPy, PyTorch, JAX, autograd",
                       description="Time each workload's entries against a hand-written "
                                   "NumPy floor. See benchmarks/README.md.",
                       epilog=_BENCH_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("workloads", nargs="*", metavar="WORKLOAD",
                   help="workload names or prefixes (default: all; see --list)")
    b.add_argument("--backend", choices=backends.known(), default="numpy",
                   help="arrays for the floors and functorch_lite (default numpy)")
    b.add_argument("--threads", type=_threads, default=1,
                   help="threads for every library (default 1)")
    b.add_argument("--quick", action="store_true",
                   help="small sizes and few rounds (seconds per workload)")
    b.add_argument("--json", metavar="PATH", help="write the results as JSON")
    b.add_argument("--plot", metavar="PATH", help="write a PNG bar chart (needs matplotlib)")
    b.add_argument("--compare", type=_compare, default=PEERS, metavar="LIBS",
                   help="peers to compare, comma-separated (default torch,jax,autograd; "
                        "'none' for none)")
    b.add_argument("--list", action="store_true", help="list the workloads and exit")
    b.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def bench(args, parser):
    """Run the ``bench`` subcommand: list, run or report the benchmark workloads
    chosen by the parsed ``args`` (``parser`` reports argument errors).
    """
    from .bench import driver, report
    from .bench.workloads import WORKLOADS, select
    if args.list:
        for w in WORKLOADS:
            print(f"{w.name:<14} {w.title}\n{'':<14} {w.description}\n")
        return 0
    try:
        workloads = select(args.workloads)
    except ValueError as exc:
        parser.error(str(exc))
    if args.plot and not report.plot_available():
        parser.error(report.PLOT_MISSING)
    try:
        backends.get_backend(args.backend)
    except RuntimeError as exc:        # known, but it cannot run here (the reason says why)
        parser.error(f"--backend {args.backend}: {exc}")
    from .bench.env import allowed_cpus
    if args.threads > len(allowed_cpus()):
        print(f"warning: --threads {args.threads} but only {len(allowed_cpus())} CPUs are "
              "allowed to this process; the threads will share them", file=sys.stderr)
    rep = driver.run_bench(workloads, backend=args.backend, threads=args.threads,
                           quick=args.quick, compare=args.compare,
                           progress=not args.no_progress, argv=args.argv)
    print(report.table(rep))
    if args.json:
        report.write_json(rep, args.json)
        print(f"wrote {args.json}")
    if args.plot:
        report.write_plot(rep, args.plot)
        print(f"wrote {args.plot}")
    return 1 if any(w.get("error") for w in rep["workloads"]) else 0


def main(argv=None):
    """Entry point of ``functorch-lite`` / ``python3 -m functorch_lite``: parse
    ``argv`` (default ``sys.argv[1:]``) and run the chosen subcommand (the demo
    when none is given).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    if args.cmd == "bench":
        return bench(args, parser)
    from .demo import demo
    return demo(steps=getattr(args, "steps", 500))


_EPILOG = """examples:
  functorch-lite                     run the demo
  functorch-lite demo --steps 200    the demo with a shorter training run
  functorch-lite bench --list        list the benchmark workloads
  functorch-lite bench --quick       every workload at small sizes
"""

_BENCH_EPILOG = """examples:
  functorch-lite bench --quick chain mlp
  functorch-lite bench --compare torch,jax --threads 1 --json out.json --plot out.png
  functorch-lite bench --backend cupy --compare none     (with CuPy and a GPU)
"""

# Full docstrings (Args/Returns/Example, run by tests/test_doctests.py), kept
# apart from the functions so their def lines stay as they are.
build_parser.__doc__ = """The ``argparse`` parser of the ``functorch-lite`` command.

Args:
    (none)

Returns:
    An ``argparse.ArgumentParser`` with the subcommands ``demo`` (``--steps``)
    and ``bench`` (workload names, ``--backend``, ``--threads``,
    ``--quick``, ``--json``, ``--plot``, ``--compare``, ``--list``,
    ``--no-progress``); ``main`` parses with it.

Example:
    >>> from functorch_lite.cli import build_parser
    >>> args = build_parser().parse_args(["bench", "--quick", "--compare", "jax", "mlp"])
    >>> args.cmd, args.quick, args.compare, args.workloads
    ('bench', True, ('jax',), ['mlp'])
"""

bench.__doc__ = """Run the ``bench`` subcommand.

Args:
    args: the namespace ``build_parser().parse_args`` returned for
        ``bench``, plus ``args.argv`` (the command line, recorded in the
        report).
    parser: the parser, which reports bad arguments (an unknown workload,
        ``--plot`` without matplotlib, a backend that cannot run here) and
        exits with status 2.

Returns:
    The exit status: 0, or 1 when a workload failed.  With ``--list`` it
    prints the workloads and returns 0; otherwise it prints the table and
    writes ``--json``/``--plot`` files.

Example:
    >>> from functorch_lite.cli import bench, build_parser
    >>> parser = build_parser()
    >>> args = parser.parse_args(["bench", "--list"])
    >>> args.argv = ["bench", "--list"]
    >>> bench(args, parser)
    twolayer-f32 ...
    0
"""

main.__doc__ = """Entry point of ``functorch-lite`` and ``python3 -m functorch_lite``.

Args:
    argv: the arguments (default ``sys.argv[1:]``): ``[]`` or ``["demo",
        ...]`` runs the demo, ``["bench", ...]`` the benchmarks.

Returns:
    The exit status (0 on success), which the console script passes to
    ``sys.exit``.

Example:
    >>> from functorch_lite.cli import main
    >>> main(["bench", "--list"])
    twolayer-f32 ...
    0
"""


if __name__ == "__main__":
    sys.exit(main())
