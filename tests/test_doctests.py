"""Every ``>>>`` example in a public docstring runs, as a doctest, in the test
suite (so help() and the API reference show code that works), and a public
name with a docstring of its own has an Example.

The names are those tests/test_docstrings.py walks (every public module, and
the Tensor's methods and properties); each docstring runs once, seeded, with
ELLIPSIS and NORMALIZE_WHITESPACE."""
import doctest
import importlib
import inspect
import pydoc
import random

import numpy as np
import pytest

import functorch_lite as fl
from test_docstrings import PUBLIC_MODULES, _needs_doc, _own_doc, _public

# Public names with a docstring of their own that cannot carry a runnable
# example, each with the reason (keep this short: everything else gets one).
NO_EXAMPLE = {
    "functorch_lite.backends.use_cupy": "needs CuPy and a GPU (CI has neither)",
    "functorch_lite.backends.forget_cupy": "undoes use_cupy (needs CuPy and a GPU)",
}


def _is_mirror_line(doc):
    """core/mirror_docs.py's one-line docstring of a faithful mirror."""
    return doc.lstrip().startswith("As ``") and "`_" in doc and len(doc.splitlines()) == 1


def public_docstrings():
    """name -> object for every public name with a docstring of its own (one
    entry per object: the first public name it has)."""
    out, seen = {}, set()
    for m in PUBLIC_MODULES:
        mod = importlib.import_module(m)
        for n in _public(mod):
            obj = getattr(mod, n, None)
            if obj is None or not _needs_doc(obj) or not _own_doc(obj) or id(obj) in seen:
                continue
            seen.add(id(obj))
            out[f"{m}.{n}"] = obj
    for n in dir(fl.Tensor):
        if n.startswith("_"):
            continue
        attr = inspect.getattr_static(fl.Tensor, n)
        fn = getattr(attr, "fget", None) or getattr(attr, "__func__", None) or attr
        if (callable(fn) or isinstance(attr, property)) and _own_doc(fn) \
                and id(fn) not in seen:
            seen.add(id(fn))
            out[f"Tensor.{n}"] = fn
    return out


DOCS = public_docstrings()
WITH_EXAMPLES = sorted(n for n, o in DOCS.items() if ">>>" in o.__doc__)


def _run(name, obj):
    finder = doctest.DocTestFinder(recurse=False)
    tests = [t for t in finder.find(obj, name, globs={}) if t.examples]
    assert tests, f"{name}: no Example in its docstring"
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # examples that draw are reproducible, and leave the other tests' streams as
    # they were
    saved = fl.get_rng_state(), np.random.get_state(), random.getstate()
    fl.manual_seed(0)
    np.random.seed(0)
    random.seed(0)
    try:
        for t in tests:
            runner.run(t)
    finally:
        fl.set_rng_state(saved[0])
        np.random.set_state(saved[1])
        random.setstate(saved[2])
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples_run(name):
    result = _run(name, DOCS[name])
    assert result.failed == 0, f"{name}: {result.failed} doctest example(s) failed"


def test_the_transforms_and_the_first_layers_have_examples():
    for name in ("functorch_lite.grad", "functorch_lite.vmap", "functorch_lite.jit",
                 "functorch_lite.lax.scan", "functorch_lite.nn.Linear",
                 "functorch_lite.optim.SGD", "Tensor.backward", "functorch_lite.random.split"):
        assert name in WITH_EXAMPLES, name


def test_own_docstrings_have_examples():
    """A public name whose docstring is its own (not a faithful mirror's one
    line) has an Example, unless NO_EXAMPLE says why it cannot."""
    lacking = {n for n, o in DOCS.items()
               if ">>>" not in o.__doc__ and not _is_mirror_line(o.__doc__)}
    new = sorted(lacking - set(NO_EXAMPLE))
    assert not new, ("public names with their own docstring but no Example (add one, "
                     "Napoleon style):\n" + "\n".join(new))
    stale = sorted(set(NO_EXAMPLE) - lacking)
    assert not stale, f"NO_EXAMPLE lists names that have an Example or are gone: {stale}"


def test_no_internal_class_in_a_public_namespace():
    """The tracer is the transforms' internal value: nn.functional imports it
    under a private name, so it is not offered (nor documented) there."""
    import functorch_lite.nn.functional as F
    assert not hasattr(F, "Tracer")
    assert "Tracer" not in F.__dict__.get("__all__", ())


@pytest.mark.parametrize("path", ["functorch_lite.grad", "functorch_lite.numpy.einsum",
                                  "functorch_lite.nn.Linear", "functorch_lite.vmap"])
def test_help_shows_arguments_returns_and_an_example(path):
    """What a new user sees with ``help(...)`` (after ``import functorch_lite as
    torch`` for the layers): every argument named, what comes back, an example."""
    mod, _, name = path.rpartition(".")
    obj = getattr(importlib.import_module(mod), name)
    text = pydoc.render_doc(obj, renderer=pydoc.plaintext)
    params = [p for p in inspect.signature(obj).parameters if p not in ("self",)]
    for p in params:
        assert p.lstrip("*") in text.split("Returns")[0], f"help({path}) never names {p}"
    assert "Args:" in text and "Returns:" in text and ">>>" in text, text[:400]


def test_help_through_the_torch_alias():
    import functorch_lite as torch
    text = pydoc.render_doc(torch.nn.Linear, renderer=pydoc.plaintext)
    assert "in_features" in text and "out_features" in text and "Returns:" in text
    assert ">>> lin = torch.nn.Linear(3, 2)" in text
