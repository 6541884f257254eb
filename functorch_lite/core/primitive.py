"""The primitive: one constructor (``defprim``), one registry, every fact declared.

A primitive states everything the rest of the library needs to know about it
where it is defined: its kernel, shape rule, derivative and batching rules,
what the reverse tape keeps, and *traits* that the compiler passes, the jit
plan, fusion and the facade read.  Nothing outside the defining module keys
anything by the primitive's name string (``tests/test_primitive_facts.py``
checks that).

Rules (all optional at construction; a rule left out must be named in
``missing`` with the reason, or the registry test fails):

    impl(xp, *args, **params)            -> array(s)        the kernel on backend ``xp``
    abstract(*avals, **params)           -> aval(s)         shape/dtype rule
    jvp(primals, tangents, **params)     -> (out, t_out)    forward mode
    vjp(ct, ins, out, needs, **params)   -> input cts       reverse mode
    batch(vals, dims, **params)          -> (out, dim)      vmap
    vjp_fwd(*ins, **params)              -> (out, res)      optional; ``ins`` of vjp is then res

Derivative rules call primitives (never raw ``xp``) so they differentiate again.

``saves`` -- what the reverse tape keeps for the vjp rule (read by ``fl.grad``,
``fl.vjp`` and the facade alike):

    "nothing"  the rule reads neither inputs nor output (neg, transpose, rev)
    "shapes"   it reads only the inputs' shapes/dtypes: the tape keeps avals
               (``ShapedArray``), never the arrays (add, reduce_sum, reshape)
    "ins"      it reads the input values (mul, sin, dot_general)
    "out"      it reads only the output value (exp, tanh, sqrt)
    "ins+out"  both (the default: always correct, never the cheapest)

Traits (declared where the primitive is defined, read by whoever needs them, at
trace or plan-compile time only: never on ``bind``'s fast path or a plan's per-call path):

    ufunc        name of a backend function computing it alone (params empty),
                 accepting a trailing ``out`` buffer: the jit plan calls
                 ``getattr(xp, ufunc)`` directly ("tanh", "multiply"), and so do the
                 eager host paths through ``host_kernel`` (looked up once per primitive)
    c_expr       fusion's C/CUDA expression for one element.  A format string over
                 the operands ``{0}``, ``{1}`` ... and ``{t}``, the result's C type
                 ("exp({0})", "(({t})({0} + {1}))"); or a callable ``(e) -> str | None``
                 given an element context ``e`` with ``e.args`` (operand expressions),
                 ``e.params``, ``e.in_dtypes``, ``e.out_dtype``, ``e.t`` (C type),
                 ``e.let(expr)`` (a helper statement; returns its name) and
                 ``e.literal(value)`` (the value as a typed C literal, or as a kernel
                 argument when it has none); None declines to fuse that equation.
                 The expression must compute exactly what ``impl`` computes.
    fuse_dtypes  dtypes fusion accepts for the operands and result: "float" (float32/64),
                 "int" (float32/64 and int32/64), "any" (every dtype fusion has a C
                 type for); None: not fusible
    commutative  f(x, y) == f(y, x) (CSE canonicalises operand order)
    unit         for a binary primitive, the operand value that makes it return the
                 other operand: a number for both sides (add: 0, mul: 1), or
                 ``(left, right)`` with None where there is none (sub: (None, 0))
    layout_only  every output value is one of the input values of the output's dtype
                 (reshape, transpose, slice, gather, select, max, reduce_max): a bound
                 on those inputs bounds the output
    bound        ``(in_bounds, in_avals, out_avals, **params) -> float | None`` for the
                 finiteness pass: given a bound on each input (max |value|; ``math.inf``
                 for finite but unbounded), a bound on the output, or None if it may be
                 inf/nan (absent: None).  Integer and bool results need none.
    no_fold      never constant-folded at compile time (random, device copies)
    torch_name   the facade's ``grad_fn`` class name ("TanhBackward0"); None: the
                 facade derives it from the name
    facade       names under which the facade exposes a one-input primitive as is:
                 ``torch.<name>`` and ``Tensor.<name>`` (tanh: ("tanh",); abs:
                 ("abs", "absolute")); the facade reads the registry for them
    specialize   ``(xp, in_avals, out_avals, params) -> (kernel, out_kernel)`` or None:
                 kernels chosen from the static shapes at plan time (dot_general's
                 matmul cases, mul_safe's finiteness probe); either may be None (then
                 the default one is used); ``out_kernel`` takes a trailing out buffer
    finite_form  ``params -> (prim, params)``: a cheaper equation computing the same
                 once input 1 is proven finite (mul_safe -> mul: the NaN-safety
                 only matters where it is inf/nan); jit's finiteness pass uses it
    fuse_reduction  "sum": fusion may end an elementwise chain with this reduction
                 in the same generated kernel (the only kind codegen emits today)
    fuse_rowscale  ``(in_avals, out_aval, **params) -> int | None``: k when this
                 equation multiplies its other operand, of the output's shape, by its
                 operand k broadcast along the output's trailing axes
                 (``out[r, ...] = full[r, ...] * row[r]``: dot_general without
                 contraction, as vmap of a gradient makes); host fusion then ends the
                 elementwise chain computing the row values with this product
    higher_order True for primitives carrying jaxprs (cond, while, scan, pjit, ...)
    inner_call   ``(params, ins) -> (closed_jaxpr, args) | None``: for a primitive that
                 just runs a jaxpr on (some of) its inputs, which one and on what
                 (pjit, checkpoint, the custom rules, cond's taken branch); debug_nans
                 re-runs it equation by equation to name a culprit
    host_vjp     ``(ct, ins, out, needs, **params) -> input cts | None``: the vjp rule
                 on host NumPy values, computing bit for bit what ``vjp`` computes
                 through its primitives, without them (no ``bind`` per step); None
                 where it does not cover the values (another dtype, a broadcast, a
                 NumPy scalar), and then ``vjp`` runs.  Only ``reverse.backward_pass``
                 calls it, only with no transform active in the thread and ``ct`` a
                 host array: first-order eager backward passes (``fl.grad``, the
                 facade), never one that is recorded or differentiated again
    effect       True when running it does something besides computing its outputs
                 (``fl.debug.print``'s callback): DCE keeps its equations even with no
                 output used (a higher-order equation whose jaxpr holds one too), CSE
                 never merges two, constant folding never runs it at compile time
"""
from __future__ import annotations

import threading
from typing import Any, Callable, ClassVar

RULES = ("impl", "abstract", "jvp", "vjp", "batch")
SAVES = ("nothing", "shapes", "ins", "out", "ins+out")
TRAITS = {
    "ufunc": None, "c_expr": None, "fuse_dtypes": None, "commutative": False, "unit": None,
    "layout_only": False, "bound": None, "no_fold": False, "torch_name": None, "facade": (),
    "specialize": None, "higher_order": False, "fuse_reduction": None,
    "finite_form": None, "effect": False, "inner_call": None, "fuse_rowscale": None,
    "host_vjp": None,
}

REGISTRY: dict[str, Primitive] = {}            # name -> Primitive: every primitive there is
_lock = threading.Lock()


class Primitive:
    """A named operation with all its rules and traits in one place (see module doc)."""

    # installed by core/trace.py (``Primitive.bind = bind``, no extra frame per call);
    # declared here so that ``prim.bind(x)`` has a type
    bind: ClassVar[Callable[..., Any]]
    # the TRAITS, set per instance by __init__ (tests/test_typing.py keeps the two in step)
    ufunc: Any
    c_expr: Any
    fuse_dtypes: Any
    commutative: bool
    unit: Any
    layout_only: bool
    bound: Any
    no_fold: bool
    torch_name: str | None
    facade: tuple[str, ...]
    specialize: Any
    higher_order: bool
    fuse_reduction: str | None
    finite_form: Any
    effect: bool
    inner_call: Any
    fuse_rowscale: Any
    host_vjp: Any

    def __init__(self, name, multiple_results=False, *, saves="ins+out", missing=None,
                 **traits):
        unknown = set(traits) - set(TRAITS) - set(RULES) - {"vjp_fwd"}
        if unknown:
            raise TypeError(f"Primitive {name!r}: unknown traits {sorted(unknown)}; "
                            f"known: {sorted(TRAITS)}")
        self.name = name
        self.multiple_results = multiple_results
        self.impl = self.abstract = self.jvp = self.vjp = self.batch = None
        self.vjp_fwd = None
        for k, v in TRAITS.items():
            setattr(self, k, v)
        for k, v in traits.items():
            setattr(self, k, v)
        self.missing = dict(missing or {})   # rule -> why it is deliberately absent
        self.saves = saves

    @property
    def saves(self):
        return self._saves

    @saves.setter
    def saves(self, value):
        if value not in SAVES:
            raise ValueError(f"Primitive {self.name!r}: saves={value!r}, expected one of {SAVES}")
        self._saves = value
        # flags read on the hot paths (tape recording), derived once
        self.keeps_ins = value in ("ins", "ins+out")
        self.keeps_out = value in ("out", "ins+out")
        self.keeps_shapes = value == "shapes"

    def __repr__(self):
        return self.name


def defprim(name, *, impl=None, abstract=None, jvp=None, vjp=None, batch=None,
            vjp_fwd=None, saves="ins+out", multiple_results=False, missing=None,
            **traits) -> Primitive:
    """Create and register a primitive.  Names are unique: a second ``defprim``
    with the same name is an error (two primitives would print the same in a jaxpr)."""
    p = Primitive(name, multiple_results, saves=saves, missing=missing, **traits)
    p.impl, p.abstract, p.jvp, p.vjp, p.batch, p.vjp_fwd = impl, abstract, jvp, vjp, batch, vjp_fwd
    with _lock:
        if name in REGISTRY:
            raise ValueError(f"defprim: a primitive named {name!r} already exists "
                             f"({REGISTRY[name]!r}); primitive names are unique")
        REGISTRY[name] = p
    return p


HOST_KERNELS: dict[Primitive, Any] = {}       # prim -> its NumPy kernel taking no params (host_kernel)


def host_kernel(p):
    """``p``'s kernel on NumPy arrays with no params, looked up once: the declared
    ``ufunc`` (the function the jit plan calls; ``tests/test_primitive_facts.py``
    checks it computes ``impl``), else ``impl`` with NumPy as ``xp``.  For eager
    op paths that know their values are host arrays (the facade's ``apply``,
    ``VJPTrace``); read the cache ``HOST_KERNELS`` first."""
    k = HOST_KERNELS.get(p)
    if k is None:
        import numpy as np
        impl = p.impl
        k = HOST_KERNELS[p] = getattr(np, p.ufunc) if p.ufunc else (
            lambda *vals: impl(np, *vals))
    return k


def missing_rules(p):
    """Rules ``p`` has neither defined nor declared absent (empty when complete)."""
    return [r for r in RULES if getattr(p, r) is None and r not in p.missing]
