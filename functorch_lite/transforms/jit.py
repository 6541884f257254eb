"""jit's front end: trace once per input signature, optimise the jaxpr, run a compiled plan.

``jit(f)`` binds a call primitive, ``pjit`` (``control/pjit.py``), carrying the
traced ClosedJaxpr as a param: under another transform the primitive's own
rules apply, so ``make_jaxpr(jit(f))`` shows the nested call and jit nests with
everything.  With concrete arguments the call skips ``bind`` and runs the
cached plan (``control._util.get_plan``, the one plan cache).
"""
import functools
import logging
import threading

import numpy as np

from .. import config
from ..control._util import get_plan, hoist_tracer_consts  # get_plan: tests and benchmarks read plans here
from ..control.pjit import pjit_p
from ..core import tree_util as tu
from ..core.ir import ShapedArray
from ..core.trace import Tracer, array_namespace, get_aval
from ..core.tracing import trace_to_jaxpr
from .api import facade_adapter

log = logging.getLogger("functorch_lite.jit")

# ---------------------------------------------------------------- signatures

_SCALARS = (bool, int, float, complex)


def _leaf_sig(x):
    t = type(x)
    if t is np.ndarray:
        return (x.shape, x.dtype)
    if t in _SCALARS:
        return t                       # weakly typed: keyed by type, not value
    if isinstance(x, Tracer):
        a = x.aval
        return ("traced", a.shape, a.dtype, a.weak_type)
    if isinstance(x, np.generic):
        return ((), x.dtype)
    a = get_aval(x)                     # other array types: their backend matters
    return (t, a.shape, a.dtype)


def _describe(sig):
    if isinstance(sig, type):
        return f"Python {sig.__name__} (weakly typed)"
    if sig[0] == "traced":
        return f"traced {ShapedArray(sig[1], sig[2]).str_short()}{' weak' if sig[3] else ''}"
    if isinstance(sig[0], type):
        return f"{sig[0].__name__} {ShapedArray(sig[1], sig[2]).str_short()}"
    return ShapedArray(sig[0], sig[1]).str_short()


def _as_input(x):
    if type(x) in _SCALARS:
        return np.asarray(x)
    if isinstance(x, (np.ndarray, np.generic, Tracer)) or hasattr(x, "__array_namespace__"):
        return x
    conv = getattr(x, "__fl_value__", None)
    if conv is not None:
        return conv()
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return x
    raise TypeError(f"jit: {type(x).__name__} is not an array; pass arrays, Python "
                    f"scalars or pytrees of them, or mark the argument static with "
                    f"static_argnums")


class _Entry:
    __slots__ = ("closed", "plan", "out_tree", "xp", "unflat")


def _unflattener(tree):
    """A fast output builder for the common output structures."""
    if tree == tu.tree_structure(0):
        return lambda outs: outs[0]
    kids = tu.treedef_children(tree)
    leaf = tu.tree_structure(0)
    if tree == tu.tree_structure(tuple(range(len(kids)))) and all(k == leaf for k in kids):
        return tuple
    return lambda outs: tu.tree_unflatten(tree, outs)


class Jitted:
    """The function jit returns; ``trace_count`` counts traces (cache misses).

    Thread safety: a cache hit reads dicts and one tuple without locking; a miss
    takes the signature's lock around trace + compile (held by no running plan),
    so threads that first call with one signature together trace it once."""

    def __init__(self, fun, static_argnums=(), explain=None, name=None):
        functools.update_wrapper(self, fun)
        self.fun = fun
        if isinstance(static_argnums, int):
            static_argnums = (static_argnums,)
        self.static_argnums = tuple(sorted(static_argnums))
        self.explain = explain
        self.name = name or getattr(fun, "__name__", "fun")
        self.trace_count = 0
        self.retrace_log = []
        self._parent = None  # the Jitted whose Tensor calls this twin serves (counts its traces)
        self._lock = threading.Lock()   # guards _locks, _twins and trace_count
        self._locks = {}    # signature key -> RLock held while tracing it (re-entrant: recursion)
        self._cache = {}
        self._fast = {}     # plain positional ndarrays -> entry (skips tree_flatten)
        self._last_fast = None
        self._last_key = None

    def _split(self, args):
        if not self.static_argnums:
            return args, ()
        n = len(args)
        statics = []
        for i in self.static_argnums:
            if not -n <= i < n:
                raise ValueError(f"jit({self.name}): static_argnums={self.static_argnums} "
                                 f"but the function got {n} positional arguments")
            v = args[i]
            try:
                hash(v)
            except TypeError:
                raise TypeError(
                    f"jit({self.name}): static argument {i} is of unhashable type "
                    f"{type(v).__name__}; static arguments are cache keys and must be "
                    f"hashable (use a tuple instead of a list, or pass arrays as dynamic "
                    f"arguments)") from None
            statics.append((type(v), v))
        pos = {i % n for i in self.static_argnums}
        dyn = tuple(a for j, a in enumerate(args) if j not in pos)
        return dyn, tuple(statics)

    def __call__(self, *args, **kwargs):
        fast = not kwargs and not self.static_argnums
        if fast:
            last = self._last_fast       # (shapes, dtypes, entry) of the previous call
            if last is not None and len(args) == len(last[0]):
                for a, sh, dt in zip(args, last[0], last[1]):
                    if a.__class__ is not np.ndarray or a.shape != sh or a.dtype is not dt:
                        break
                else:
                    e = last[2]
                    return e.unflat(e.plan(*args))
            for a in args:
                if a.__class__ is not np.ndarray:
                    fast = False
                    break
            else:
                e = self._fast.get(tuple([(a.shape, a.dtype) for a in args]))
                if e is not None:
                    self._last_fast = ([a.shape for a in args], [a.dtype for a in args], e)
                    return e.unflat(e.plan(*args))
        dyn, statics = self._split(args)
        leaves, tree = tu.tree_flatten((dyn, kwargs))
        if any(hasattr(type(x), "__fl_wrap__") for x in leaves):
            return self._call_tensors(args, kwargs)
        key = (tree, statics, tuple([_leaf_sig(x) for x in leaves]))
        entry = self._cache.get(key)
        traced = any(isinstance(x, Tracer) for x in leaves)
        if entry is None:
            entry = self._trace(args, kwargs, leaves, tree, key)
            if entry is None:      # closed over outer tracers: traced fresh each call
                return self._call_closure(args, kwargs, leaves, tree)
            if fast:
                self._fast[tuple([(a.shape, a.dtype) for a in args])] = entry
        if traced:
            outs = pjit_p.bind(*[_as_input(x) for x in leaves], jaxpr=entry.closed,
                               name=self.name)
        else:
            outs = entry.plan(*[x if type(x) is np.ndarray else _as_input(x)
                                for x in leaves])
        return tu.tree_unflatten(entry.out_tree, outs)

    def _call_tensors(self, args, kwargs):
        """A function written with Tensor methods: jit a twin that takes arrays
        and shows the function Tensors (one twin per argument layout)."""
        g, a, k, wrap = facade_adapter(self.fun, args, kwargs)
        key = tu.tree_structure((args, kwargs), is_leaf=lambda x: hasattr(type(x), "__fl_wrap__"))
        mask = tuple(hasattr(type(x), "__fl_wrap__") for x in tu.tree_leaves((args, kwargs)))
        twins = self.__dict__.get("_twins")
        twin = twins.get((key, mask)) if twins is not None else None
        if twin is None:  # g depends only on the layout, so one twin serves it
            with self._lock:
                twins = self.__dict__.setdefault("_twins", {})
                twin = twins.get((key, mask))
                if twin is None:
                    twin = Jitted(g, self.static_argnums, self.explain, self.name)
                    twin._parent = self
                    twins[(key, mask)] = twin
        return tu.tree_map(wrap, twin(*a, **k))

    # -------------------------------------------------------------- tracing

    def _trace_fn(self, args, kwargs, leaves, tree):
        box = []
        static_pos = {i % len(args) for i in self.static_argnums} if args else set()

        def flat_fun(*xs):
            dyn, kw = tu.tree_unflatten(tree, xs)
            it = iter(dyn)
            full = [args[i] if i in static_pos else next(it) for i in range(len(args))]
            out = self.fun(*full, **kw)
            out_leaves, out_tree = tu.tree_flatten(out)
            box.append(out_tree)
            return out_leaves

        # Python scalars stay weak (x_f32 * 2.0 is float32 under jit as outside it)
        avals = [get_aval(x) if type(x) in _SCALARS else get_aval(_as_input(x)) for x in leaves]
        closed, _ = trace_to_jaxpr(flat_fun, avals, f"jit({self.name})")
        return closed, box[0]

    def _trace(self, args, kwargs, leaves, tree, key):
        with self._lock:
            lock = self._locks.get(key)
            if lock is None:
                lock = self._locks[key] = threading.RLock()
        with lock:
            e = self._cache.get(key)
            if e is None:   # else another thread traced this signature while we waited
                e = self._trace_locked(args, kwargs, leaves, tree, key)
            return e

    def _count_trace(self):
        j = self
        while j is not None:   # a twin's traces count for the function it serves
            with j._lock:
                j.trace_count += 1
            j = j._parent

    def _trace_locked(self, args, kwargs, leaves, tree, key):
        if self._cache and (self.explain or (self.explain is None and config.explain_retrace)):
            self._explain(key, args)
        closed, out_tree = self._trace_fn(args, kwargs, leaves, tree)
        self._count_trace()
        if any(isinstance(c, Tracer) for c in closed.consts):
            return None
        e = _Entry()
        e.closed, e.out_tree = closed, out_tree
        e.unflat = _unflattener(out_tree)
        xp = array_namespace([x for x in leaves if not isinstance(x, Tracer)])
        e.plan = get_plan(closed, xp).run   # the generated function itself: lean calls
        self._last_key = key    # first: a non-empty cache means _explain has a previous key
        self._cache[key] = e
        return e

    def _call_closure(self, args, kwargs, leaves, tree):
        # The function read a traced value of an enclosing transform: that value
        # becomes an explicit argument of the call so the outer transform sees it.
        closed, out_tree = self._trace_fn(args, kwargs, leaves, tree)
        new, tracers = hoist_tracer_consts(closed)
        outs = pjit_p.bind(*tracers, *[_as_input(x) for x in leaves], jaxpr=new,
                           name=self.name)
        return tu.tree_unflatten(out_tree, outs)

    # ------------------------------------------------------------ explaining

    def _explain(self, key, args):
        prev = self._last_key
        tree, statics, sigs = key
        ptree, pstatics, psigs = prev
        reasons = []
        if statics != pstatics:
            for i, (a, b) in zip(self.static_argnums, zip(pstatics, statics)):
                if a != b:
                    reasons.append(f"static argument {i} changed from {a[1]!r} to {b[1]!r}")
        if tree != ptree:
            reasons.append(f"the pytree structure of the arguments changed from {ptree} "
                           f"to {tree}")
        else:
            names = self._leaf_names(args)
            for nm, a, b in zip(names, psigs, sigs):
                if a != b:
                    reasons.append(f"{nm} changed from {_describe(a)} to {_describe(b)}")
        msg = (f"jit({self.name}): cache miss, tracing again (trace #{self.trace_count + 1}): "
               + ("; ".join(reasons) if reasons else "new signature"))
        self.retrace_log.append(msg)
        log.warning(msg)

    def _leaf_names(self, args):
        names = []
        for i, a in enumerate(args):
            if i in {k % len(args) for k in self.static_argnums}:
                continue
            n = len(tu.tree_leaves(a))
            names += [f"argument {i}" if n == 1 else f"argument {i} leaf {k}"
                      for k in range(n)]
        return names + [f"keyword leaf {k}" for k in range(1000)]

    def clear_cache(self):
        self._cache.clear()
        self._locks.clear()
        self._fast.clear()
        self._last_fast = None


def jit(fun=None, static_argnums=(), explain=None):
    """Compile ``fun``: trace once per input signature, optimise, cache, replay."""
    if fun is None:
        return lambda f: Jitted(f, static_argnums, explain)
    return Jitted(fun, static_argnums, explain)
