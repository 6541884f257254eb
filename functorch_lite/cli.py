"""Command line: ``functorch-lite demo`` (the default) and, later, ``bench``."""
import argparse
import sys


def demo():
    import numpy as np

    import functorch_lite as fl
    import functorch_lite.numpy as fnp

    def f(x):
        return fnp.sum(fnp.tanh(x) ** 2)

    x = np.linspace(-1.0, 1.0, 3, dtype=np.float32)
    print("f(x) = sum(tanh(x) ** 2), x =", x)
    print("\njaxpr of f:")
    print(fl.make_jaxpr(f)(x))
    print("\ngrad(f)(x) =", fl.grad(f)(x))
    print("analytic    =", 2 * np.tanh(x) * (1 - np.tanh(x) ** 2))
    print("\njaxpr of grad(f):")
    print(fl.make_jaxpr(fl.grad(f))(x))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="functorch-lite", description=__doc__)
    sub = parser.add_subparsers(dest="cmd")
    sub.add_parser("demo", help="a short tour of the library (the default)")
    args = parser.parse_args(argv)
    if args.cmd in (None, "demo"):
        return demo()
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
