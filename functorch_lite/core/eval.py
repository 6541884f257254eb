"""Evaluate a jaxpr by binding each equation's primitive (the core's interpreter).

Binding (rather than calling kernels) means evaluation under an outer trace
records into it, which is how transforms of traced functions compose.  Each
intermediate is dropped right after its last use so peak memory stays low.
"""
from . import array as _A
from .ir import Literal


def _free_lists(jaxpr):
    if jaxpr._last_use is None:
        last = {}
        for i, eqn in enumerate(jaxpr.eqns):
            for v in eqn.invars:
                if not isinstance(v, Literal):
                    last[v] = i
        for v in jaxpr.outvars:
            last.pop(v, None)
        frees = [[] for _ in jaxpr.eqns]
        for v, i in last.items():
            frees[i].append(v)
        jaxpr._last_use = frees
    return jaxpr._last_use


def eval_jaxpr(jaxpr, consts, *args):
    if len(args) != len(jaxpr.invars):
        raise TypeError(f"eval_jaxpr: expected {len(jaxpr.invars)} arguments, got {len(args)}")
    env = dict(zip(jaxpr.constvars, consts))
    env.update(zip(jaxpr.invars, args))
    frees = _free_lists(jaxpr)
    _A.enter()  # intermediates stay plain ndarrays (the caller wraps what it returns)
    try:
        for eqn, free in zip(jaxpr.eqns, frees):
            ins = [v.val if isinstance(v, Literal) else env[v] for v in eqn.invars]
            out = eqn.primitive.bind(*ins, **eqn.params)
            if eqn.primitive.multiple_results:
                env.update(zip(eqn.outvars, out))
            else:
                env[eqn.outvars[0]] = out
            for v in free:
                del env[v]
    finally:
        _A.leave()
    return [v.val if isinstance(v, Literal) else env[v] for v in jaxpr.outvars]


def eval_closed_jaxpr(closed, *args):
    return eval_jaxpr(closed.jaxpr, closed.consts, *args)
