"""The Examples in the transforms' docstrings run, as doctests, in the test
suite (so ``python3 -m pytest -q`` checks that help() shows code that works)."""
import doctest

import pytest

import functorch_lite as fl
from functorch_lite import lax

DOCTESTED = {
    **{n: getattr(fl, n) for n in (
        "grad", "value_and_grad", "vjp", "jvp", "linearize", "vmap", "jit", "jacfwd",
        "jacrev", "hessian", "make_jaxpr", "eval_shape", "checkpoint", "custom_jvp",
        "custom_vjp", "stop_gradient")},
    **{f"lax.{n}": getattr(lax, n) for n in ("cond", "while_loop", "fori_loop", "scan")},
}


@pytest.mark.parametrize("name", sorted(DOCTESTED))
def test_docstring_examples_run(name):
    obj = DOCTESTED[name]
    finder = doctest.DocTestFinder(recurse=False)
    tests = [t for t in finder.find(obj, name, globs={}) if t.examples]
    assert tests, f"{name}: no Example in its docstring"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} doctest example(s) failed"
