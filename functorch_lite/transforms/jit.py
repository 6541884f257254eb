"""jit's front end: trace once per input signature, optimise the jaxpr, run a compiled plan.

``jit(f)`` binds a call primitive, ``pjit`` (``control/pjit.py``), carrying the
traced ClosedJaxpr as a param: under another transform the primitive's own
rules apply, so ``make_jaxpr(jit(f))`` shows the nested call and jit nests with
everything.  With concrete arguments the call skips ``bind`` and runs the
cached plan (``control._util.get_plan``, the one plan cache).
"""
import contextlib
import functools
import inspect
import logging
import threading
import types
import weakref
from typing import TYPE_CHECKING, Any, Callable, Generic, Sequence, overload

import numpy as np

from .. import config
from ..control._util import get_plan, hoist_tracer_consts  # get_plan: tests and benchmarks read plans here
from ..control.pjit import pjit_p
from ..core import dtypes
from ..core._typevars import P, R
from ..core.array import Array, busy, unwrap
from ..core import tree_util as tu
from ..core.ir import ShapedArray
from ..core.trace import Tracer, active_mains, array_namespace, get_aval, public
from ..core.tracing import trace_to_jaxpr
from ..primitives.elementwise import convert_element_type
from .api import facade_adapter
from .jit_aot import _SCALARS, Traced, _as_input

log = logging.getLogger("functorch_lite.jit")

# ---------------------------------------------------------------- signatures

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
    try:
        a = get_aval(x)                 # other array types: their backend matters
    except TypeError:
        raise TypeError(f"jit: an argument of type {t.__name__} is not an array; pass "
                        f"arrays, Python scalars or pytrees of them, or mark the argument "
                        f"static (static_argnums/static_argnames; for a method whose self "
                        f"is not a pytree, static_argnums=0 with __hash__ and __eq__)"
                        ) from None
    return (t, a.shape, a.dtype)


def _describe(sig):
    if isinstance(sig, type):
        return f"Python {sig.__name__} (weakly typed)"
    if sig[0] == "traced":
        return f"traced {ShapedArray(sig[1], sig[2]).str_short()}{' weak' if sig[3] else ''}"
    if isinstance(sig[0], type):
        return f"{sig[0].__name__} {ShapedArray(sig[1], sig[2]).str_short()}"
    return ShapedArray(sig[0], sig[1]).str_short()


def _narrow(o):
    if isinstance(o, Tracer):
        dt = dtypes.canonicalize_dtype(o.aval.dtype)
        return o if dt == o.aval.dtype else convert_element_type(o, dt)
    return dtypes.canonicalize_value(o)


# fun -> {options: (locks, cache, fast)}
_SHARED: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def _shared_caches(fun, options):
    """The cache dicts for ``fun`` under ``options``; fresh ones when ``fun``
    cannot be weakly referenced (bound methods die at once, so they get fresh
    ones too).  The dicts never refer to ``fun``, so the weak key can die."""
    try:
        with _SHARED_LOCK:
            per = _SHARED.get(fun)
            if per is None:
                per = _SHARED[fun] = {}
            got = per.get(options)
            if got is None:
                got = per[options] = ({}, {}, {})
            return got
    except TypeError:    # not weakly referenceable or not hashable
        return {}, {}, {}


class _Entry:
    __slots__ = ("closed", "plan", "out_tree", "xp", "unflat")


def _unflattener(tree):
    """A fast output builder for the common output structures (the plan's
    outputs leave as immutable Arrays: ``public``)."""
    if tree == tu.tree_structure(0):
        def one(outs):
            o = outs[0]
            if o.__class__ is np.ndarray and not (active_mains[0] or busy[0]):
                return o.view(Array)
            return public(o)
        return one
    kids = tu.treedef_children(tree)
    leaf = tu.tree_structure(0)
    if tree == tu.tree_structure(tuple(range(len(kids)))) and all(k == leaf for k in kids):
        return lambda outs: tuple(public(outs))
    return lambda outs: tu.tree_unflatten(tree, public(outs))


class Jitted(Generic[P, R]):
    """The function jit returns; ``trace_count`` counts traces (cache misses).

    Thread safety: a cache hit reads dicts and one tuple without locking; a miss
    takes the signature's lock around trace + compile (held by no running plan),
    so threads that first call with one signature together trace it once."""

    def __init__(self, fun: Callable[P, R], static_argnums=(), explain=None, name=None,
                 static_argnames=(),
                 donate_argnums=(), donate_argnames=()):
        functools.update_wrapper(self, fun)
        self.fun = fun
        if isinstance(static_argnums, int):
            static_argnums = (static_argnums,)
        self.static_argnums = tuple(sorted(static_argnums))
        self.static_argnames = tuple(static_argnames)
        self._static_names = frozenset(self.static_argnames)
        # donation is a hint this library does not act on (see jit's docstring)
        self.donate_argnums = tuple(donate_argnums)
        self.donate_argnames = tuple(donate_argnames)
        self.explain = explain
        self.name = name or getattr(fun, "__name__", "fun")
        self.trace_count = 0
        self.retrace_log: list[str] = []
        self._parent = None  # the Jitted whose Tensor calls this twin serves (counts its traces)
        self._lock = threading.Lock()   # guards _locks, _twins and trace_count
        # the caches: shared by every jit(fun) with the same fun and options (JAX
        # keys its cache on the function, so inline ``jit(f)(x)`` traces once)
        self._locks, self._cache, self._fast = _shared_caches(
            fun, (self.static_argnums, self.static_argnames, explain))
        self._last_fast = None
        self._last_key = None

    def _split(self, args):
        if not self.static_argnums:
            return args, ()
        n = len(args)
        statics = []
        for i in self.static_argnums:
            if i >= n:     # not passed positionally (a default, or by keyword): as JAX
                continue
            if i < -n:
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
            statics.append((i, type(v), v))   # (position, type, value)
        pos = {i % n for i in self.static_argnums if i < n}
        dyn = tuple(a for j, a in enumerate(args) if j not in pos)
        return dyn, tuple(statics)

    def _split_kwargs(self, kwargs):
        """(dynamic kwargs, static kwargs as sorted (name, type, value) triples)."""
        names = self._static_names
        dyn, statics = {}, []
        for k, v in kwargs.items():
            if k not in names:
                dyn[k] = v
                continue
            try:
                hash(v)
            except TypeError:
                raise TypeError(
                    f"jit({self.name}): static argument {k!r} (static_argnames) is of "
                    f"unhashable type {type(v).__name__}; static arguments are cache keys "
                    f"and must be hashable (use a tuple instead of a list)") from None
            statics.append((k, type(v), v))
        statics.sort(key=lambda t: t[0])
        return dyn, tuple(statics)

    if TYPE_CHECKING:   # the call as its callers see it: fun's parameters and result
        def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def _call(self, *args, **kwargs):   # Jitted.__call__ (below): an untyped hot path
        if (config.disable_jit or _disabled_somewhere) and jit_disabled():
            return self.fun(*args, **kwargs)   # as JAX: op by op, no tracing
        fast = not kwargs and not self.static_argnums and dtypes.X64
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
                    if a.__class__ is Array:   # the plan computes on plain ndarrays
                        return self(*[unwrap(x) for x in args])
                    fast = False
                    break
            else:
                e = self._fast.get(tuple([(a.shape, a.dtype) for a in args]))
                if e is not None:
                    self._last_fast = ([a.shape for a in args], [a.dtype for a in args], e)
                    return e.unflat(e.plan(*args))
        dyn, statics = self._split(args)
        dkw = kwargs
        if kwargs and self._static_names:
            dkw, kstatics = self._split_kwargs(kwargs)
            statics += kstatics
        leaves, tree = tu.tree_flatten((dyn, dkw))
        leaves = [unwrap(x) for x in leaves]
        if any(hasattr(type(x), "__fl_wrap__") for x in leaves):
            return self._call_tensors(args, kwargs)
        if not dtypes.X64:     # JAX's 32-bit mode: 64-bit inputs narrowed, its own traces
            leaves = [dtypes.canonicalize_value(x) if isinstance(x, np.ndarray) else x
                      for x in leaves]
            statics += (("jax_enable_x64", bool, False),)
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
            if not dtypes.X64:   # NumPy's kernels widen (an int32 sum is int64): narrow
                outs = dtypes.canonicalize_value(outs)
            outs = public(outs)
        return tu.tree_unflatten(entry.out_tree, outs)

    if not TYPE_CHECKING:
        __call__ = _call

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
                    twin = Jitted(g, self.static_argnums, self.explain, self.name,
                                  self.static_argnames)
                    twin._parent = self
                    twins[(key, mask)] = twin
        return tu.tree_map(wrap, twin(*a, **k))

    # -------------------------------------------------------------- tracing

    def _trace_fn(self, args, kwargs, leaves, tree):
        box = []
        static_pos = {i % len(args) for i in self.static_argnums
                      if i < len(args)} if args else set()
        static_kw = {k: v for k, v in kwargs.items() if k in self._static_names}

        def flat_fun(*xs):
            dyn, kw = tu.tree_unflatten(tree, xs)
            it = iter(dyn)
            full = [args[i] if i in static_pos else next(it) for i in range(len(args))]
            out = self.fun(*full, **kw, **static_kw)
            out_leaves, out_tree = tu.tree_flatten(out)
            if not dtypes.X64:   # results as JAX's 32-bit mode gives them
                out_leaves = [_narrow(o) for o in out_leaves]
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
            now, before = self._static_labels(statics), self._static_labels(pstatics)
            for lab in list(before) + [k for k in now if k not in before]:
                a, b = before.get(lab, "(not passed)"), now.get(lab, "(not passed)")
                if a != b:
                    reasons.append(f"static argument {lab} changed from {a} to {b}")
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

    def _static_labels(self, statics):
        # positional entries are (index, type, value), keyword ones (name, type, value)
        return {(str(s[0]) if isinstance(s[0], int) else repr(s[0])): repr(s[2])
                for s in statics}

    def _leaf_names(self, args):
        names = []
        for i, a in enumerate(args):
            if i in {k % len(args) for k in self.static_argnums if k < len(args)}:
                continue
            n = len(tu.tree_leaves(a))
            names += [f"argument {i}" if n == 1 else f"argument {i} leaf {k}"
                      for k in range(n)]
        return names + [f"keyword leaf {k}" for k in range(1000)]

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        # a jitted function stored on a class is a method, as a plain function is
        # (``@partial(jit, static_argnums=0)`` on a method makes ``self`` static)
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def trace(self, *args, **kwargs):
        """Ahead-of-time: trace for these arguments (arrays or ShapeDtypeStructs)
        without running; returns a :class:`Traced` (``.jaxpr``, ``.lower()``)."""
        return Traced(self, args, kwargs)

    def lower(self, *args, **kwargs):
        """``self.trace(*args, **kwargs).lower()``: a :class:`Lowered` whose
        ``.compile()`` gives the plan as a callable for that signature."""
        return self.trace(*args, **kwargs).lower()

    def clear_cache(self):
        self._cache.clear()
        self._locks.clear()
        self._fast.clear()
        self._last_fast = None


def _as_tuple(v, kind, argname):
    if v is None:
        return None
    one = (int,) if kind == "int" else (str,)
    if isinstance(v, one) and not isinstance(v, bool):
        return (v,)
    try:
        t = tuple(v)
    except TypeError:
        t = None
    if t is None or not all(isinstance(a, one) and not isinstance(a, bool) for a in t):
        what = "an int or a sequence of ints" if kind == "int" else \
            "a str or a sequence of strs"
        raise TypeError(f"jit: {argname} must be {what}, got {v!r}")
    return t


def _infer_argnums_and_argnames(fun, argnums, argnames, which):
    """JAX's rule: given only one of argnums/argnames, the other follows from
    fun's signature (parameters that can be passed either way); given both,
    each is taken as it is.  Unknown names are a ValueError unless fun takes
    **kwargs."""
    try:
        params = inspect.signature(fun).parameters
    except (TypeError, ValueError):
        return argnums or (), argnames or ()
    if argnames is not None and not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        bad = sorted(set(argnames) - set(params))
        if bad:
            raise ValueError(f"jit: {which}_argnames names {bad}, which "
                             f"{getattr(fun, '__name__', 'the function')} does not take "
                             f"(its parameters: {list(params)})")
    if argnums is not None and argnames is not None:
        return argnums, argnames
    plist = list(params.values())
    either = (inspect.Parameter.POSITIONAL_OR_KEYWORD,)
    if argnames is None and argnums is not None:
        # as JAX: a negative index names no parameter (it counts from the call's end)
        argnames = tuple(p.name for i, p in enumerate(plist) if i in argnums and
                         p.kind in either)
    elif argnums is None and argnames is not None:
        argnums = tuple(i for i, p in enumerate(plist) if p.name in argnames and
                        p.kind in either + (inspect.Parameter.POSITIONAL_ONLY,))
    return argnums or (), argnames or ()


@overload
def jit(fun: Callable[P, R], static_argnums: int | Sequence[int] | None = None,
        explain: bool | None = None, *, static_argnames: str | Sequence[str] | None = None,
        donate_argnums: int | Sequence[int] | None = None,
        donate_argnames: str | Sequence[str] | None = None) -> Jitted[P, R]: ...
@overload
def jit(fun: None = None, static_argnums: int | Sequence[int] | None = None,
        explain: bool | None = None, *, static_argnames: str | Sequence[str] | None = None,
        donate_argnums: int | Sequence[int] | None = None,
        donate_argnames: str | Sequence[str] | None = None
        ) -> Callable[[Callable[P, R]], Jitted[P, R]]: ...
def jit(fun: Callable[P, R] | None = None, static_argnums: int | Sequence[int] | None = None,
        explain: bool | None = None, *, static_argnames: str | Sequence[str] | None = None,
        donate_argnums: int | Sequence[int] | None = None,
        donate_argnames: str | Sequence[str] | None = None
        ) -> Jitted[P, R] | Callable[[Callable[P, R]], Jitted[P, R]]:
    """Compile ``fun``: trace once per input signature, optimise, cache, replay (JAX's ``jax.jit``).

    Args:
        fun: the function to compile; omitted, ``jit(...)`` returns a decorator
            (``@jit(static_argnums=1)``).
        static_argnums: int or tuple of ints: arguments that are compile-time
            constants, part of the cache key (they must be hashable).
        explain: True: say why a call retraced (which argument's shape, dtype or
            static value changed); None follows ``config.explain_retrace``.
        static_argnames: the same by keyword name; given one of the two, the
            other is inferred from ``fun``'s signature, as JAX does.
        donate_argnums: accepted and validated as JAX's, and a hint this
            library does not act on: the donated arrays stay valid and no buffer
            is reused across the call boundary (the plan already reuses its own
            dead intermediates).  Programs correct under JAX's rule (never read a
            donated argument again) behave the same here, with no warning.
        donate_argnames: the same by keyword name.

    Returns:
        A callable with ``fun``'s arguments and results.  The first call for a
        new signature (pytree structure, shapes, dtypes, static values) traces
        and compiles; later calls replay the cached plan.

    Under ``disable_jit()`` (or ``config.disable_jit = True``) the function
    runs eagerly, op by op, as JAX's.  Differs from PyTorch: ``torch.compile``
    guards on more (Python values too); here a Python ``if`` on a traced value
    raises, as in JAX.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> @fl.jit
        ... def f(x):
        ...     return fnp.sum(x * 2)
        >>> print(float(f(fnp.array([1.0, 2.0]))))
        6.0
    """
    sa = _as_tuple(static_argnums, "int", "static_argnums")
    sn = _as_tuple(static_argnames, "str", "static_argnames")
    da = _as_tuple(donate_argnums, "int", "donate_argnums")
    dn = _as_tuple(donate_argnames, "str", "donate_argnames")

    def make(f: Callable[P, R]) -> Jitted[P, R]:
        if not callable(f):
            raise TypeError(f"jit: fun must be callable, got {type(f).__name__}")
        nums, names = _infer_argnums_and_argnames(f, sa, sn, "static")
        dnums, dnames = ((), ()) if da is None and dn is None else \
            _infer_argnums_and_argnames(f, da, dn, "donate")
        return Jitted(f, nums, explain, static_argnames=names, donate_argnums=dnums,
                      donate_argnames=dnames)
    if fun is None:
        return make
    return make(fun)


# ------------------------------------------------------------- disable_jit

class _DisableJitState(threading.local):
    def __init__(self):
        self.stack = []    # this thread's open disable_jit(...) values, innermost last


_dj_state = _DisableJitState()
_disabled_somewhere = 0    # open disable_jit contexts in all threads (jit's cheap pre-check)
_dj_lock = threading.Lock()


def jit_disabled():
    """Whether jit runs eagerly in this thread: the innermost ``disable_jit``
    context here, else ``config.disable_jit``."""
    st = _dj_state.stack
    return st[-1] if st else bool(config.disable_jit)


@contextlib.contextmanager
def disable_jit(disable=True):
    """``with disable_jit():`` jitted functions called in this thread run their
    Python eagerly, op by op, on concrete values (print and breakpoints see
    numbers), as JAX's ``jax.disable_jit``.  ``disable_jit(False)`` re-enables
    jit inside an outer context; ``config.disable_jit = True`` disables it for
    every thread outside a context.  Differs from JAX: lax.cond/while/scan
    still run as primitives (they are not unrolled into Python)."""
    global _disabled_somewhere
    if not isinstance(disable, bool):
        raise TypeError(f"disable_jit: disable must be a bool, got {disable!r}")
    with _dj_lock:
        _disabled_somewhere += 1
    _dj_state.stack.append(disable)
    try:
        yield
    finally:
        _dj_state.stack.pop()
        with _dj_lock:
            _disabled_somewhere -= 1
