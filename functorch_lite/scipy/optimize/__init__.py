"""``functorch_lite.scipy.optimize``: ``minimize`` (BFGS, L-BFGS-B) driven by
``value_and_grad``, returning SciPy's ``OptimizeResult``.  See
docs/scientific.md."""
from ._minimize import LbfgsInvHessProduct, minimize  # noqa: F401
from ._result import OptimizeResult  # noqa: F401

__all__ = ["minimize", "OptimizeResult", "LbfgsInvHessProduct"]

# the full docstrings (fields, Example) live in _docs.py
from ...core.mirror_docs import document as _document  # noqa: E402
from ._docs import LBFGS_INV_HESS_PRODUCT as _LB, OPTIMIZE_RESULT as _OR  # noqa: E402

_document(globals(), {"OptimizeResult": _OR, "LbfgsInvHessProduct": _LB})
