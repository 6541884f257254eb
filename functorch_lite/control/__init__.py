"""Primitives that carry jaxprs: ``cond``, ``while`` (+ ``while_rev_fwd`` /
``while_rev_bwd``, its reverse mode), ``scan``, ``pjit`` (jit's call),
``custom_jvp_call`` / ``custom_vjp_call`` and ``checkpoint`` (remat).

This layer sits above the interpreters (``transforms.jvp``, ``reverse``,
``batching``, ``jaxpr_transforms``): its rules build transformed sub-jaxprs
with them and bind the same primitive again, so the structure survives
nesting.  It sits below the API (grad/vjp/vmap/jit front ends, jacobians,
lax, numpy), which binds these primitives; nothing here imports upward.
Each primitive is one ``defprim(..., higher_order=True)`` call; the registry
(``core.primitive.REGISTRY``) lists them with the first-order ones.
"""
from .cond import cond_p
from .scan import scan_p
from .while_loop import while_p, while_rev_bwd_p, while_rev_fwd_p
from .pjit import pjit_p
from .custom import custom_jvp, custom_jvp_p, custom_vjp, custom_vjp_p
from .checkpoint import checkpoint, remat_p
from ._util import get_plan, run_jaxpr
from . import _modes  # noqa: F401  (config.update's switches reach core and backends)

__all__ = ["cond_p", "scan_p", "while_p", "while_rev_fwd_p", "while_rev_bwd_p", "pjit_p",
           "custom_jvp_p", "custom_vjp_p", "remat_p", "custom_jvp", "custom_vjp",
           "checkpoint", "get_plan", "run_jaxpr"]
