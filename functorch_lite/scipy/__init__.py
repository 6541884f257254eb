"""functorch_lite.scipy: SciPy's names over primitives (as jax.scipy): special,
stats, linalg and signal.  See docs/scipy.md."""
from . import special, linalg, stats, signal  # noqa: F401
from . import optimize  # noqa: F401,E402


def _assign_generated_docs():
    """The generated full docstrings (scipy/_gen_docs*.py), keyed by qualified name."""
    from ..core.mirror_docs import document
    from . import _gen_docs0, _gen_docs1
    owners = {"scipy.special": vars(special), "scipy.linalg": vars(linalg),
              "scipy.signal": vars(signal)}
    for m in (_gen_docs0, _gen_docs1):
        for key, doc in m.DOCS.items():
            document(owners[key.rpartition(".")[0]], {key: doc})


_assign_generated_docs()
