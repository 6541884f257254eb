"""Reverse mode on a tape.

Under ``vjp``/``grad`` each VJPTracer holds its concrete value (the value one
level out) and the tape node that made it.  The backward pass walks the tape
in reverse and calls each primitive's vjp rule.  Rules bind primitives, so an
outer transform records or differentiates the backward pass too: that is how
grad(grad(f)) and jvp(grad(f)) work.  The Tensor facade's backward() calls
``backward_pass`` on the same kind of nodes.
"""
import itertools
from heapq import heappop, heappush

import numpy as np

from ..core import array as _A
from ..core import dtypes as _dtypes
from ..core.ir import ShapedArray
from ..core.primitive import HOST_KERNELS as _KERNELS
from ..core.primitive import host_kernel
from ..core.trace import Trace, Tracer, get_aval, new_main
from ..core.trace import _extra_array_types as _XT
from ..core.trace import state as _tstate
from ..primitives import add

_seq = itertools.count()

# (node, ct) -> input cotangents: runs a node's rule in place of the plain call
# while config.debug_nans is on (functorch_lite.debug sets and clears it; read
# once per backward pass, so off it costs one ``is None`` test per node)
rule_hook = None
# False: backward passes run the primitives' vjp rules even where a host rule
# (``host_vjp``) exists; ``check_grads`` checks the rules that way too.  Both
# give the same bits, so flipping it (process-wide) never changes a result.
host_rules = True


class Node:
    """One recorded primitive application (prim None marks an input leaf).
    ``source``, the user's line, is set only while ``config.debug_nans`` is on
    (read it with ``getattr(node, "source", None)``)."""
    __slots__ = ("prim", "params", "parents", "ins", "out", "needs", "seq", "source")

    def __init__(self, prim, params, parents, ins, out, needs):
        self.prim = prim
        self.params = params
        self.parents = parents    # per input: (node, output index) or None
        self.ins = ins            # primal inputs (or vjp_fwd residuals)
        self.out = out
        self.needs = needs        # per input: does it need a cotangent?
        self.seq = next(_seq)


_new = object.__new__
_nd = np.ndarray


class VJPTracer(Tracer):
    __slots__ = ("value", "node", "idx")

    def __init__(self, trace, value, node, idx=0):
        self._trace = trace
        self.value = value
        self.node = node
        self.idx = idx

    @property
    def aval(self):
        return get_aval(self.value)

    # shape/dtype straight from the value: rules ask for them constantly
    shape = property(lambda self: getattr(self.value, "shape", ()) if not isinstance(
        self.value, (bool, int, float, complex)) else ())
    @property
    def dtype(self):
        v = self.value
        return v.dtype if type(v) is _nd else get_aval(v).dtype if isinstance(
            v, (bool, int, float, complex)) else v.dtype

    def concrete(self, why):
        v = self.value
        return v.concrete(why) if isinstance(v, Tracer) else v


class VJPTrace(Trace):
    const_lift = 1  # see Trace.const_lift
    raw_constants = True

    def pure(self, val):
        return VJPTracer(self, val, None)

    lift = pure

    def process_primitive(self, prim, tracers, params):
        # one pass over the inputs (this runs for every op under grad); the one-
        # and two-input cases unrolled
        nt = len(tracers)
        if nt == 1:
            t = tracers[0]
            v = t.value
            vals = [v]
            n = t.node
            tracked = n is not None
            if tracked:
                parents, needs = [(n, t.idx)], _TRUE1
            host = type(v) in _HOST_TYPES
        elif nt == 2:
            t, u = tracers
            # (raw_constants: a constant comes as it is, not as a tracer)
            if type(t) is VJPTracer:
                v, n = t.value, t.node
            else:
                v, n = t, None
            if type(u) is VJPTracer:
                w, m = u.value, u.node
            else:
                w, m = u, None
            vals = [v, w]
            tracked = n is not None or m is not None
            if tracked:
                parents = [None if n is None else (n, t.idx), None if m is None else (m, u.idx)]
                needs = [n is not None, m is not None]
            host = type(v) in _HOST_TYPES and type(w) in _HOST_TYPES
        else:
            vals, parents, needs = [], [], []
            tracked = False
            host = True     # every value a host array or scalar: no transform below
            for t in tracers:
                if type(t) is not VJPTracer:
                    t = VJPTracer(self, t, None)
                v = t.value
                vals.append(v)
                if host and type(v) not in _HOST_TYPES:
                    host = False
                n = t.node
                if n is None:
                    parents.append(None)
                    needs.append(False)
                else:
                    parents.append((n, t.idx))
                    needs.append(True)
                    tracked = True
        if not tracked:
            out = prim.bind(*vals, **params)
            if prim.multiple_results:
                return [VJPTracer(self, o, None) for o in out]
            return VJPTracer(self, out, None)
        # keep what the rule reads (``prim.saves``), nothing more: a shape-only
        # rule gets avals, so the inputs' arrays can be freed during the forward
        if prim.vjp_fwd is not None:
            out, ins = prim.vjp_fwd(*vals, **params)
        else:
            out = _host_call(prim, vals, params) if host else prim.bind(*vals, **params)
            if prim.keeps_ins:
                ins = vals
            elif prim.keeps_shapes:
                # avals, not arrays (built directly: this runs for every add under
                # grad); a scalar or 0-d value is kept as is, it holds no memory
                ins = []
                for v in vals:
                    shape = getattr(v, "shape", ())
                    if shape:
                        if isinstance(v, Tracer):
                            v = v.aval
                        else:
                            a = _new(ShapedArray)
                            a.shape, a.dtype, a.weak_type = shape, v.dtype, False
                            v = a
                    ins.append(v)
            else:
                ins = (None,) * len(vals)
        kept = out if prim.keeps_out or prim.multiple_results else None
        node = Node(prim, params, parents, ins, kept, needs)
        if prim.multiple_results:
            return [VJPTracer(self, o, node, i) for i, o in enumerate(out)]
        return VJPTracer(self, out, node)


# values that are plain host data (what bind's fast path runs on NumPy directly)
_HOST_TYPES = frozenset([_nd, float, int, bool, complex] + [
    type(np.dtype(c).type(0)) for c in "?bhilqBHILQefdgFDG"])


_TRUE1 = (True,)


def _host_call(prim, vals, params):
    """``prim.bind(*vals, **params)`` for host values, without bind's search for a
    tracer (there is none); a failing kernel goes through bind for its message.
    (rule_hook set: debug_nans is on, and its checking bind must see the call.)"""
    if _XT or not _dtypes.X64 or rule_hook is not None:
        return prim.bind(*vals, **params)
    try:
        if params:
            return prim.impl(np, *vals, **params)
        return (_KERNELS.get(prim) or host_kernel(prim))(*vals)
    except Exception:  # noqa: BLE001 - bind raises it again, explained
        return prim.bind(*vals, **params)


def new_leaf(trace, value):
    return VJPTracer(trace, value, Node(None, None, (), (), value, ()))


def backward_pass(outputs, cts, leaves, release=False, pre_vjp=None):
    """Propagate cotangents from ``outputs`` ((node, idx) pairs) to ``leaves`` (nodes).

    Returns one cotangent (or None for zero) per leaf; with ``leaves=None``, a
    dict {leaf node: cotangent} of every leaf reached (the Tensor facade's
    backward, which does not know its leaves in advance).  With ``release``
    each node drops its saved values as soon as its rule has run (a one-shot
    backward, as grad's: peak memory then matches hand-written backprop);
    ``release="values"`` drops them only from nodes whose primitive keeps
    arrays (a node keeping avals can run again).
    ``pre_vjp(node, ct)``, if given, runs before each node's rule (the facade
    checks saved-tensor versions and captures retained gradients there).

    With no transform active in this thread (nothing records or differentiates
    this pass) a primitive's ``host_vjp`` runs in place of its rule on host
    cotangents: the same kernels without a ``bind`` per step.
    """
    _A.enter()  # the rules' intermediates stay plain ndarrays, never Arrays
    try:
        return _backward(outputs, cts, leaves, release, pre_vjp)
    finally:
        _A.leave()


def _backward(outputs, cts, leaves, release, pre_vjp):
    acc = {}
    for (node, idx), ct in zip(outputs, cts):
        if node is None or ct is None:
            continue
        key = (node, idx)
        acc[key] = ct if key not in acc else add(acc[key], ct)
    # Run the reachable nodes newest first: a max-heap on the creation number
    # finds and orders them in one pass (a node runs after all its consumers).
    hook = rule_hook
    host = host_rules and hook is None and not _tstate.stack and _dtypes.X64
    by_values = release == "values"
    heap = []
    queued = set()
    for node, _ in outputs:
        if node is not None and node not in queued:
            queued.add(node)
            heappush(heap, (-node.seq, node))
    pop, push, qadd = acc.pop, heappush, queued.add
    # A chain queues one node at a time: held in ``nxt`` while the heap is empty
    # it is the newest queued node, and skips the heap's push and pop.  With
    # nothing else queued, no other consumer can still send that node a
    # cotangent, so a one-output node gets its cotangent handed over in
    # ``held`` (no ``acc`` entry, no ``queued`` mark: nothing else reaches it).
    nxt = held = None
    while heap or nxt is not None:
        if nxt is not None:
            node, nxt = nxt, None
        else:
            node = heappop(heap)[1]
        prim = node.prim
        if prim is None:
            continue
        if held is not None:
            ct, held = held, None
        elif prim.multiple_results:
            ct = [pop((node, i), None) for i in range(len(node.out))]
            if all(c is None for c in ct):
                continue
        else:
            ct = pop((node, 0), None)
            if ct is None:
                continue
        if pre_vjp is not None:
            pre_vjp(node, ct)
        if hook is not None:
            in_cts = hook(node, ct)
        else:
            in_cts = None
            params = node.params
            if host and type(ct) is _nd:
                hv = prim.host_vjp
                if hv is not None:
                    in_cts = hv(ct, node.ins, node.out, node.needs, **params) if params \
                        else hv(ct, node.ins, node.out, node.needs)
            if in_cts is None:
                in_cts = prim.vjp(ct, node.ins, node.out, node.needs, **params) if params \
                    else prim.vjp(ct, node.ins, node.out, node.needs)
        if release:
            if by_values:
                if prim.keeps_ins or prim.keeps_out:
                    node.ins = node.out = None
            elif release is True or release(node):
                node.ins = node.out = None
        parents = node.parents
        if len(parents) == 1 and type(in_cts) is tuple and len(in_cts) == 1:  # (no zip)
            parent = parents[0]
            c = in_cts[0]
            if parent is None or c is None:
                continue
            if not heap and parent[1] == 0:
                p = parent[0]
                q = p.prim
                if q is not None and not q.multiple_results and p not in queued:
                    nxt, held = p, c
                    continue
            if parent in acc:
                acc[parent] = add(acc[parent], c)
            else:
                acc[parent] = c
                p = parent[0]
                if p not in queued:
                    qadd(p)     # (nxt is None here: this node was it, or the heap's)
                    if heap:
                        push(heap, (-p.seq, p))
                    else:
                        nxt = p
            continue
        for parent, c in zip(parents, in_cts):
            if parent is None or c is None:
                continue
            if parent in acc:
                acc[parent] = add(acc[parent], c)
            else:
                acc[parent] = c
                p = parent[0]
                if p not in queued:
                    qadd(p)
                    if nxt is not None:     # two queued now: both go to the heap
                        push(heap, (-nxt.seq, nxt))
                        nxt = None
                    if heap:
                        push(heap, (-p.seq, p))
                    else:
                        nxt = p
    if leaves is None:
        return {n: c for (n, _), c in acc.items() if n.prim is None}
    return [acc.get((leaf, 0)) for leaf in leaves]


def vjp_flat(flat_fun, primals, name="vjp"):
    """Run flat_fun under a new reverse trace.

    Returns (out_values, out_refs, leaves, extra): out_refs are (node, idx)
    pairs for backward_pass; extra is whatever flat_fun returned beyond the
    differentiated outputs (aux), lowered out of this trace.
    """
    with new_main(VJPTrace, name) as main:
        trace = main.trace
        ins = [new_leaf(trace, p) for p in primals]
        outs, aux = flat_fun(*ins)
        outs = [trace.full_raise(o) for o in outs]
        aux = [lower(trace, a) for a in aux]
    refs = [(o.node, o.idx) if o.node is not None else (None, 0) for o in outs]
    return [o.value for o in outs], refs, [t.node for t in ins], aux


def lower(trace, x):
    """A value of this trace as a value one level out (aux outputs)."""
    if isinstance(x, VJPTracer) and x._trace is trace:
        return x.value
    return x
