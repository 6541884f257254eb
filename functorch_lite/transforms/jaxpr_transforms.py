"""Transforming a ClosedJaxpr into another one: its JVP, its batched version,
and its VJP split into a forward jaxpr (outputs + residuals) and a backward
jaxpr (residuals + cotangents -> input cotangents).

Call-like primitives (jit's ``pjit``, ``cond``, ``scan``, ``while``,
``checkpoint``, custom rules) use these so that their rules produce the same
primitive again around a transformed body: the structure survives nesting.

The VJP split traces ``forward + backward`` as one jaxpr, then partitions it:
equations that do not depend on the cotangents form the forward jaxpr, the
rest the backward one, and every forward value the backward reads becomes a
residual.
"""
import threading
from typing import Any

import numpy as np

from ..core.ir import ClosedJaxpr, Jaxpr, Literal, ShapedArray, Var
from ..core.trace import get_aval
from ..core.tracing import trace_to_jaxpr
from ..core.eval import eval_jaxpr
from ..primitives import _util as U
from . import passes
from .batching import vmap_flat
from .jvp import jvp_flat
from .reverse import backward_pass, vjp_flat

_cache: dict[Any, Any] = {}   # (kind, id(jaxpr), extra) -> (jaxpr kept alive, result)
_cache_lock = threading.Lock()   # guards insert + evict; build() runs unlocked (it may recurse)


def _cached(kind, closed, extra, build):
    key = (kind, id(closed), extra)
    hit = _cache.get(key)
    if hit is not None and hit[0] is closed:
        return hit[1]
    res = build()
    with _cache_lock:   # a thread that built the same meanwhile won: share its result
        hit = _cache.get(key)
        if hit is not None and hit[0] is closed:
            return hit[1]
        if len(_cache) >= 2048:    # bounded, oldest out first
            del _cache[next(iter(_cache))]
        _cache[key] = (closed, res)
    return res


def _zeros(aval):
    return U.full(aval.shape, 0, aval.dtype)


def is_float(aval):
    return np.dtype(aval.dtype).kind in "fc"


# ----------------------------------------------------------------------- jvp

def jvp_jaxpr(closed, nonzeros):
    """Jaxpr of (*primals, *tangents for nonzeros) -> (*outs, *out_tangents).

    Output tangents are instantiated (zeros where the rule gave none)."""
    nonzeros = tuple(bool(n) for n in nonzeros)
    return _cached("jvp", closed, nonzeros, lambda: _build_jvp(closed, nonzeros))


def _build_jvp(closed, nonzeros):
    n = len(closed.in_avals)
    t_avals = [a for a, nz in zip(closed.in_avals, nonzeros) if nz]

    def fun(*args):
        primals, ts = list(args[:n]), iter(args[n:])
        tangents = [next(ts) if nz else None for nz in nonzeros]
        outs, touts = jvp_flat(lambda *xs: eval_jaxpr(closed.jaxpr, closed.consts, *xs),
                               primals, tangents)
        touts = [_zeros(get_aval_(o)) if t is None else t for o, t in zip(outs, touts)]
        return list(outs) + touts

    j, _ = trace_to_jaxpr(fun, list(closed.in_avals) + t_avals, "jvp_jaxpr")
    return passes.dce(j)


def get_aval_(x):
    return get_aval(x)


# ------------------------------------------------------------------ batching

def batch_jaxpr(closed, dims, size):
    """Jaxpr over inputs batched at axis 0 where dims[i] is not None; every
    output batched at axis 0."""
    dims = tuple(None if d is None else 0 for d in dims)
    return _cached("batch", closed, (dims, size), lambda: _build_batch(closed, dims, size))


def _build_batch(closed, dims, size):
    avals = [a if d is None else ShapedArray((size,) + a.shape, a.dtype, a.weak_type)
             for a, d in zip(closed.in_avals, dims)]

    def fun(*args):
        return vmap_flat(lambda *xs: eval_jaxpr(closed.jaxpr, closed.consts, *xs),
                         list(args), list(dims), lambda k: [0] * k, size, "vmap_jaxpr")

    j, _ = trace_to_jaxpr(fun, avals, "batch_jaxpr")
    return j


def to_front(vals, dims, size, force=False):
    """Move each batch axis to 0; with force, broadcast unbatched values too."""
    out, nd = [], []
    for v, d in zip(vals, dims):
        if d is None and not force:
            out.append(v)
            nd.append(None)
        else:
            out.append(U.bdim_to_front(v, d, size))
            nd.append(0)
    return out, nd


# ----------------------------------------------------------------------- vjp

class VJPSplit:
    __slots__ = ("fwd", "bwd", "n_out", "n_res")

    def __init__(self, fwd, bwd, n_out, n_res):
        self.fwd, self.bwd, self.n_out, self.n_res = fwd, bwd, n_out, n_res


def vjp_split(closed):
    """VJPSplit: fwd(*ins) -> (*outs, *res); bwd(*res, *out_cts) -> in_cts
    (zeros for inputs that are not floating point)."""
    return _cached("vjp", closed, None, lambda: _build_vjp(closed))


def _build_vjp(closed):
    n_in, n_out = len(closed.in_avals), len(closed.out_avals)

    def joint(*args):
        ins, cts = list(args[:n_in]), list(args[n_in:])
        outs, refs, leaves, _ = vjp_flat(
            lambda *xs: (eval_jaxpr(closed.jaxpr, closed.consts, *xs), []), ins, "vjp_jaxpr")
        cts = [c if is_float(a) else None for c, a in zip(cts, closed.out_avals)]
        in_cts = backward_pass(refs, cts, leaves)
        in_cts = [_zeros(a) if c is None else c for c, a in zip(in_cts, closed.in_avals)]
        return list(outs) + in_cts

    ct_avals = [a.strip_weak() for a in closed.out_avals]
    j, _ = trace_to_jaxpr(joint, list(closed.in_avals) + ct_avals, "vjp_jaxpr")
    j = passes.dce(j)
    return _partition(j, n_in, n_out)


def _partition(closed, n_in, n_out):
    jx = closed.jaxpr
    ins, cts = jx.invars[:n_in], jx.invars[n_in:]
    known = set(jx.constvars) | set(ins)
    fwd_eqns, bwd_eqns = [], []
    for eqn in jx.eqns:
        if all(isinstance(v, Literal) or v in known for v in eqn.invars):
            fwd_eqns.append(eqn)
            known.update(eqn.outvars)
        else:
            bwd_eqns.append(eqn)
    res, seen = [], set()

    def need(v):
        if isinstance(v, Var) and v in known and v not in seen:
            seen.add(v)
            res.append(v)

    for eqn in bwd_eqns:
        for v in eqn.invars:
            need(v)
    for v in jx.outvars[n_out:]:
        need(v)
    # residuals that are forward constants stay constants of the backward jaxpr
    const_set = set(jx.constvars)
    cmap = dict(zip(jx.constvars, closed.consts))
    res_c = [v for v in res if v in const_set]
    res_v = [v for v in res if v not in const_set]
    fwd = passes.dce(ClosedJaxpr(Jaxpr(jx.constvars, ins, list(jx.outvars[:n_out]) + res_v,
                                       fwd_eqns), closed.consts))
    # fresh residual vars for the backward (SSA: a var is bound once per jaxpr)
    bwd = ClosedJaxpr(Jaxpr(res_c, res_v + list(cts), jx.outvars[n_out:], bwd_eqns),
                      [cmap[v] for v in res_c])
    return VJPSplit(fwd, passes.dce(bwd), n_out, len(res_v))
