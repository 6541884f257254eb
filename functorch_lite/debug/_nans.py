"""``config.debug_nans``: find the first primitive that makes a NaN or an inf.

While the flag is on, checking versions of four hooks are installed (and the
originals put back when it goes off, so off costs nothing anywhere):

* ``Primitive.bind``: after a kernel runs on concrete values (eager code, and
  every value computed under ``grad``/``vjp``/``vmap``), a non-finite output
  made from finite inputs raises ``FloatingPointError`` naming the primitive,
  the user's file:line and the pass.  A call primitive (``pjit``, ``checkpoint``,
  ``custom_jvp``/``custom_vjp``, ``cond``'s taken branch) with such an output
  is re-run equation by equation to name the equation inside it.
* ``Jitted.__call__``: when a jitted call's outputs are not finite, the function
  is traced again and its jaxpr re-run equation by equation (no plan, no
  fusion), naming the first equation that made a NaN/inf and its ``Eqn.source``.
* ``reverse.rule_hook`` (the backward pass) and the jvp/vjp traces: a derivative
  rule is one unit -- its result is checked, not its intermediates, because the
  NaN-safe rules make an inf on purpose and mask it (``safe_mul``).  A rule that
  returns a NaN/inf cotangent from a finite cotangent and finite saved values
  raises, naming the primitive whose rule it is and the line of its forward
  operation (recorded on the tape node while the flag is on).

"Produced" means from finite inputs: a NaN that is already in the data is not
blamed on the operations it flows through (so nothing is raised for it).
"""
import cmath
import math
import threading
from contextlib import contextmanager

import numpy as np

from .. import config
from ..control import _util as cu
from ..core import trace as _trace
from ..core import tree_util as tu
from ..core.ir import Literal
from ..core.primitive import Primitive
from ..core.trace import Tracer, concrete_value, get_aval, source_info
from ..core.tracing import JaxprTrace, trace_to_jaxpr
from ..transforms import jit as _jit
from ..transforms import jvp as _jvp
from ..transforms import reverse as _rev


class _State(threading.local):
    quiet = 0         # > 0: the checking bind stays silent (a caller checks as a unit)
    backward = None   # the tape node whose cotangent rule is running
    tags = None       # during a re-trace: {eqn: node} for the equations a rule bound


_tls = _State()

_plain = {
    "bind": _trace.bind,
    "vjp_pp": _rev.VJPTrace.process_primitive,
    "jvp_pp": _jvp.JVPTrace.process_primitive,
    "jit_call": _jit.Jitted.__call__,
}


# ------------------------------------------------------------------ values

def _nonfinite(v):
    """'nan', 'inf' or None for a concrete value (abstract values: None)."""
    if isinstance(v, Tracer):
        v = concrete_value(v)
        if v is None:
            return None
    if v is None or isinstance(v, (bool, int, str)):
        return None
    if isinstance(v, float):
        return None if math.isfinite(v) else ("nan" if math.isnan(v) else "inf")
    if isinstance(v, complex):
        return None if cmath.isfinite(v) else ("nan" if cmath.isnan(v) else "inf")
    if isinstance(v, (np.ndarray, np.generic)):
        if v.dtype.kind not in "fc" or np.isfinite(v).all():
            return None
        return "nan" if np.isnan(v).any() else "inf"
    if type(v) in _trace._extra_array_types:       # another backend's array
        if np.dtype(v.dtype).kind not in "fc":
            return None
        xp = _trace.array_namespace([v])
        if bool(xp.isfinite(v).all()):
            return None
        return "nan" if bool(xp.isnan(v).any()) else "inf"
    return None     # not an array (a facade Tensor: its own op path is checked)


def _first_bad(values):
    for v in values:
        k = _nonfinite(v)
        if k is not None:
            return k
    return None


def _a(kind):
    return "a NaN" if kind == "nan" else "an inf"


def _forward_error(kind, prim_name, source, where=None):
    at = f" (found re-running {where} equation by equation)" if where else ""
    return FloatingPointError(
        f"debug_nans: {_a(kind)} appeared in the forward pass: {prim_name} at {source} "
        f"produced {kind} from finite inputs{at}")


def _node_name(node):
    name = getattr(node, "name", None)        # a facade node: PyTorch's class name
    return name() if callable(name) else node.prim.name


def _backward_error(kind, node, inner=None, where=None):
    src = getattr(node, "source", None)
    fwd = f" (its forward operation at {src})" if src else ""
    first = f"; first made by {inner.primitive.name} inside the rule" if inner is not None \
        and inner.primitive is not node.prim else ""
    if inner is None and node.prim.higher_order:
        first = (f"; to find the operation inside it, call the function {node.prim.name} "
                 f"runs without jit/checkpoint (the check then sees each rule)")
    at = f" (found re-running {where} equation by equation)" if where else ""
    return FloatingPointError(
        f"debug_nans: {_a(kind)} appeared in the backward pass: the cotangent rule of "
        f"{_node_name(node)}{fwd} returned {kind} from a finite cotangent{first}{at}")


# ------------------------------------------------------- locating a culprit

def _inner_call(prim, params, ins):
    """(closed jaxpr, its arguments) when ``prim`` just runs a jaxpr on (some of)
    its inputs (its ``inner_call`` trait), else None."""
    hook = prim.inner_call
    return hook(params, ins) if hook is not None else None


def _bind_quiet(prim, ins, params):
    _tls.quiet += 1
    try:
        out = prim.bind(*ins, **params)
    finally:
        _tls.quiet -= 1
    return list(out) if prim.multiple_results else [out]


def _locate(prim, params, ins, source, kind, where=None):
    """A call of ``prim`` on ``ins`` made ``kind``: raise naming the culprit."""
    inner = _inner_call(prim, params, ins)
    if inner is not None:
        rerun(inner[0], inner[1], where=where or f"{prim.name} at {source}")
    raise _forward_error(kind, prim.name, source, where)


def rerun(closed, args, where, tags=None):
    """Evaluate ``closed`` one equation at a time (no plan, no fusion) and raise
    at the first equation that makes a NaN/inf from finite inputs.  Equations a
    cotangent rule bound (``tags``: eqn -> tape node) are checked as a group:
    the group is blamed when a non-finite value it made leaves it."""
    j = closed.jaxpr
    env = dict(zip(j.constvars, closed.consts))
    env.update(zip(j.invars, args))
    tags = tags or {}
    origin = {}      # var -> (node, eqn): a non-finite value a rule made, not yet out of it

    def read(v):
        return v.val if isinstance(v, Literal) else env[v]

    for eqn in j.eqns:
        ins = [read(v) for v in eqn.invars]
        node = tags.get(eqn)
        for v in eqn.invars:
            o = origin.get(v) if not isinstance(v, Literal) else None
            if o is not None and o[0] is not node:     # a rule's result carries it out
                raise _backward_error(_nonfinite(read(v)), o[0], o[1], where)
        inner = _inner_call(eqn.primitive, eqn.params, ins) if node is None else None
        if inner is not None:
            outs = rerun(inner[0], inner[1], where, tags)
        else:
            outs = _bind_quiet(eqn.primitive, ins, eqn.params)
        bad_in = None
        for v, x in zip(eqn.invars, ins):
            if _nonfinite(x) is not None:
                bad_in = v
                break
        for v, x in zip(eqn.outvars, outs):
            kind = _nonfinite(x)
            if kind is None:
                continue
            if node is None:                 # a forward equation
                if bad_in is None:
                    raise _forward_error(kind, eqn.primitive.name, eqn.source, where)
            elif bad_in is None:             # made inside a rule: blamed if it leaves it
                origin[v] = (node, eqn)
            elif bad_in in origin:
                origin[v] = origin[bad_in]
        env.update(zip(eqn.outvars, outs))
    for v in j.outvars:
        o = origin.get(v) if not isinstance(v, Literal) else None
        if o is not None:
            raise _backward_error(_nonfinite(read(v)), o[0], o[1], where)
    return [read(v) for v in j.outvars]


# ------------------------------------------------------- the checking hooks

def _checked_bind(prim, *args, **params):
    out = _plain["bind"](prim, *args, **params)
    for a in args:
        if isinstance(a, Tracer):
            return out          # a trace handled it; the concrete level checks
    tl = _tls
    if tl.quiet or tl.backward is not None:
        return out
    kind = _first_bad(out if prim.multiple_results else (out,))
    if kind is not None and _first_bad(args) is None:
        _locate(prim, params, args, source_info(), kind)
    return out


def _vjp_process_primitive(self, prim, tracers, params):
    tl = _tls
    if prim.vjp_fwd is not None:     # its residuals may hold a rule's masked infs
        tl.quiet += 1
        try:
            out = _plain["vjp_pp"](self, prim, tracers, params)
        finally:
            tl.quiet -= 1
    else:
        out = _plain["vjp_pp"](self, prim, tracers, params)
    outs = out if prim.multiple_results else (out,)
    src = None
    for o in outs:
        node = o.node
        if node is not None:
            src = node.source = source_info()   # the line a backward error names
            break
    if prim.vjp_fwd is not None and tl.backward is None and not tl.quiet:
        kind = _first_bad([o.value for o in outs])
        ins = [getattr(t, "value", t) for t in tracers]    # (constants come raw)
        if kind is not None and _first_bad(ins) is None:
            _locate(prim, params, ins, src or source_info(), kind)
    return out


def _jvp_process_primitive(self, prim, tracers, params):
    tl = _tls
    if all(t.tangent is None for t in tracers):
        return _plain["jvp_pp"](self, prim, tracers, params)
    tl.quiet += 1        # a jvp rule is one unit (its NaN-safe intermediates may be inf)
    try:
        out = _plain["jvp_pp"](self, prim, tracers, params)
    finally:
        tl.quiet -= 1
    if tl.quiet or tl.backward is not None:
        return out
    outs = out if prim.multiple_results else (out,)
    primals = [t.primal for t in tracers]
    kind = _first_bad([o.primal for o in outs])
    if kind is not None:
        if _first_bad(primals) is None:
            _locate(prim, params, primals, source_info(), kind)
        return out
    kind = _first_bad([o.tangent for o in outs])
    if kind is not None and _first_bad(primals) is None and \
            _first_bad([t.tangent for t in tracers]) is None:
        raise FloatingPointError(
            f"debug_nans: {_a(kind)} appeared in the forward-mode derivative: the jvp "
            f"rule of {prim.name} at {source_info()} returned {kind} in a tangent from "
            f"finite primals and tangents")
    return out


def _builders():
    return [(m.payload, len(m.payload.eqns)) for m in _trace.state.stack
            if isinstance(m.trace, JaxprTrace)]


def _rule_hook(node, ct):
    tl = _tls
    prev = tl.backward
    tl.backward = node
    tags = tl.tags
    marks = _builders() if tags is not None else ()
    try:
        in_cts = node.prim.vjp(ct, node.ins, node.out, node.needs, **node.params)
    finally:
        tl.backward = prev
    for b, n in marks:               # a re-trace: remember which rule bound what
        for e in b.eqns[n:]:
            tags.setdefault(e, node)
    if prev is None and not tl.quiet:
        kind = _first_bad(in_cts)
        # (a vjp_fwd rule's saved values are residuals, which may hold masked infs)
        if kind is not None and _first_bad(ct if node.prim.multiple_results else [ct]) \
                is None and (node.prim.vjp_fwd is not None or
                             _first_bad(node.ins or ()) is None):
            raise _backward_error(kind, node)
    return in_cts


def _retrace(jitted, args, kwargs):
    """The jaxpr of a jitted call, traced again with the debug hooks on (so the
    equations a cotangent rule binds are tagged with its node)."""
    n = len(args)
    static = {i % n for i in jitted.static_argnums} if n else set()
    dyn = [a for i, a in enumerate(args) if i not in static]
    leaves, tree = tu.tree_flatten((dyn, kwargs))
    leaves = [cu.as_value(x) for x in leaves]

    def flat_fun(*xs):
        d, kw = tu.tree_unflatten(tree, list(xs))
        it = iter(d)
        full = [args[i] if i in static else next(it) for i in range(n)]
        return tu.tree_leaves(jitted.fun(*full, **kw))

    closed, _ = trace_to_jaxpr(flat_fun, [get_aval(x) for x in leaves],
                               f"debug_nans({jitted.name})")
    return closed, leaves


def _checked_jit_call(self, *args, **kwargs):
    out = _plain["jit_call"](self, *args, **kwargs)
    tl = _tls
    if tl.quiet or tl.backward is not None:
        return out
    if _first_bad(tu.tree_leaves(out)) is None:
        return out
    if _first_bad(tu.tree_leaves((args, kwargs))) is not None:
        return out       # the NaN came in with the arguments
    prev = tl.tags
    tl.tags = tags = {}
    try:
        closed, leaves = _retrace(self, args, kwargs)
    except (TypeError, ValueError) as e:   # an argument it cannot trace (a static keyword)
        raise FloatingPointError(
            f"debug_nans: an output of jit({self.name}) holds {_first_bad(tu.tree_leaves(out))}"
            f" from finite arguments; tracing it again to find the operation failed: {e}. "
            f"Call the function without jit to find it.") from None
    finally:
        tl.tags = prev
    rerun(closed, leaves, where=f"jit({self.name})", tags=tags)
    return out


# ------------------------------------------------------------ switching

def _install(on):
    if on:
        Primitive.bind = _checked_bind
        _rev.VJPTrace.process_primitive = _vjp_process_primitive
        _jvp.JVPTrace.process_primitive = _jvp_process_primitive
        _jit.Jitted.__call__ = _checked_jit_call
        _rev.rule_hook = _rule_hook
    else:
        Primitive.bind = _plain["bind"]
        _rev.VJPTrace.process_primitive = _plain["vjp_pp"]
        _jvp.JVPTrace.process_primitive = _plain["jvp_pp"]
        _jit.Jitted.__call__ = _plain["jit_call"]
        _rev.rule_hook = None


def _watch(name, value):
    if name == "debug_nans":
        _install(value)


config._watchers.append(_watch)
if config.debug_nans:
    _install(True)


@contextmanager
def debug_nans(enabled=True):
    """Context manager setting ``config.debug_nans`` (JAX's ``jax.debug_nans``),
    restoring the previous value on exit."""
    prev = config.debug_nans
    config.debug_nans = enabled
    try:
        yield
    finally:
        config.debug_nans = prev


__all__ = ["debug_nans", "rerun"]
