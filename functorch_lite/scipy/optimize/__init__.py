"""``functorch_lite.scipy.optimize``: ``minimize`` (BFGS, L-BFGS-B) driven by
``value_and_grad``, returning SciPy's ``OptimizeResult``.  See
docs/scientific.md."""
from ._minimize import LbfgsInvHessProduct, minimize  # noqa: F401
from ._result import OptimizeResult  # noqa: F401

__all__ = ["minimize", "OptimizeResult", "LbfgsInvHessProduct"]
