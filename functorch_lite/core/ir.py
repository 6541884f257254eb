"""The jaxpr IR: abstract values, variables, equations, and JAX-format printing.

A ``Jaxpr`` is a flat list of equations in SSA form.  ``ClosedJaxpr`` pairs a
jaxpr with the concrete values of its constvars.
"""
import itertools

import numpy as np

from .dtypes import dtype_short_name


class ShapedArray:
    """Abstract value: what tracing knows about an array (shape, dtype, weak)."""
    __slots__ = ("shape", "dtype", "weak_type")

    def __init__(self, shape, dtype, weak_type=False):
        self.shape = tuple(map(int, shape))     # (map: no generator frame, ~2x faster)
        self.dtype = np.dtype(dtype)
        self.weak_type = bool(weak_type)

    ndim = property(lambda self: len(self.shape))

    @property
    def size(self):
        n = 1
        for d in self.shape:
            n *= d
        return n

    def str_short(self):
        return f"{dtype_short_name(self.dtype)}[{','.join(map(str, self.shape))}]"

    def strip_weak(self):
        return ShapedArray(self.shape, self.dtype, False)

    def update(self, shape=None, dtype=None, weak_type=None):
        return ShapedArray(self.shape if shape is None else shape,
                           self.dtype if dtype is None else dtype,
                           self.weak_type if weak_type is None else weak_type)

    def __eq__(self, other):
        return (isinstance(other, ShapedArray) and self.shape == other.shape
                and self.dtype == other.dtype and self.weak_type == other.weak_type)

    def __hash__(self):
        return hash((self.shape, self.dtype, self.weak_type))

    def __repr__(self):
        return f"ShapedArray({self.str_short()}{', weak' if self.weak_type else ''})"


_var_ids = itertools.count()


class Var:
    __slots__ = ("aval", "id")

    def __init__(self, aval):
        self.aval = aval
        self.id = next(_var_ids)

    def __repr__(self):
        return f"Var({self.id}:{self.aval.str_short()})"


class Literal:
    """A scalar constant inlined into an equation (prints as ``2.0:f32[]``)."""
    __slots__ = ("val", "aval")

    def __init__(self, val, aval):
        self.val = val
        self.aval = aval

    def __repr__(self):
        return f"Literal({self.val})"


class Eqn:
    __slots__ = ("primitive", "invars", "outvars", "params", "source")

    def __init__(self, primitive, invars, outvars, params, source=None):
        self.primitive = primitive
        self.invars = list(invars)
        self.outvars = list(outvars)
        self.params = dict(params)
        self.source = source  # "file:line" of the user's code that bound it

    def __repr__(self):
        return f"Eqn({self.primitive.name}, {self.invars} -> {self.outvars})"


class Jaxpr:
    """The intermediate representation of a traced function, as JAX's ``jax.core.Jaxpr``.

    ``constvars`` (the captured constants' variables), ``invars``, ``outvars``
    and ``eqns`` (a list of ``Eqn``: primitive, input vars or literals, output
    vars, params) in order; printing gives JAX's text format.  Built by tracing
    (``make_jaxpr``, jit), not by hand.
    """
    __slots__ = ("constvars", "invars", "outvars", "eqns", "_last_use")

    def __init__(self, constvars, invars, outvars, eqns):
        self.constvars = list(constvars)
        self.invars = list(invars)
        self.outvars = list(outvars)
        self.eqns = list(eqns)
        self._last_use = None

    def __str__(self):
        return pp_jaxpr(self)

    __repr__ = __str__

    def pretty_print(self, source_info=False):
        """The JAX-format text; ``source_info=True`` adds each equation's user line."""
        return pp_jaxpr(self, source_info)

    @property
    def in_avals(self):
        return [v.aval for v in self.invars]

    @property
    def out_avals(self):
        return [v.aval for v in self.outvars]


class ClosedJaxpr:
    """A ``Jaxpr`` with the values of its constants (``consts``, one per
    ``jaxpr.constvars``), as JAX's ``ClosedJaxpr``: what ``make_jaxpr`` returns.
    """
    __slots__ = ("jaxpr", "consts")

    def __init__(self, jaxpr, consts):
        self.jaxpr = jaxpr
        self.consts = list(consts)

    in_avals = property(lambda self: self.jaxpr.in_avals)
    out_avals = property(lambda self: self.jaxpr.out_avals)
    eqns = property(lambda self: self.jaxpr.eqns)

    def __str__(self):
        return pp_jaxpr(self.jaxpr)

    __repr__ = __str__

    def pretty_print(self, source_info=False):
        """The JAX-format text; ``source_info=True`` adds each equation's user line."""
        return pp_jaxpr(self.jaxpr, source_info)


class SourcedClosedJaxpr(ClosedJaxpr):
    """A ClosedJaxpr that prints each equation's user ``file:line``
    (``make_jaxpr(f, source_info=True)`` returns one); otherwise the same."""
    __slots__ = ()

    def __str__(self):
        return pp_jaxpr(self.jaxpr, True)

    __repr__ = __str__


# ----------------------------------------------------------------- printing

def _encode_name(n):
    # 0 -> a, 25 -> z, 26 -> ba, 27 -> bb ... (JAX's scheme)
    s = ""
    while not s or n:
        n, i = divmod(n, 26)
        s = chr(97 + i) + s
    return s


class _Names:
    def __init__(self):
        self.names = {}

    def __call__(self, v):
        if isinstance(v, Literal):
            return _pp_literal(v)
        name = self.names.get(v)
        if name is None:
            name = self.names[v] = _encode_name(len(self.names))
        return name


def _pp_literal(lit):
    v = lit.val
    if isinstance(v, np.ndarray):
        v = v.item() if v.ndim == 0 else v
    if isinstance(v, (bool, np.bool_)):
        s = str(bool(v))
    elif np.dtype(lit.aval.dtype).kind == "f":
        s = repr(float(v))
    elif np.dtype(lit.aval.dtype).kind in "iu":
        s = str(int(v))
    else:
        s = str(v)
    return f"{s}:{lit.aval.str_short()}"


def _pp_param(v, names, indent, src=False):
    if isinstance(v, ClosedJaxpr):
        return _pp(v.jaxpr, names, indent + 4, src)
    if isinstance(v, Jaxpr):
        return _pp(v, names, indent + 4, src)
    if isinstance(v, np.dtype):
        return v.name
    if isinstance(v, type) and issubclass(v, np.generic):
        return np.dtype(v).name
    if isinstance(v, (tuple, list)) and any(isinstance(e, (Jaxpr, ClosedJaxpr)) for e in v):
        return "(" + ", ".join(_pp_param(e, names, indent, src) for e in v) + ")"
    return str(v)


def pp_eqn(eqn, names, indent=0, source_info=False):
    lhs = " ".join(f"{names(v)}:{v.aval.str_short()}" for v in eqn.outvars)
    params = ""
    if eqn.params:
        params = "[" + " ".join(
            f"{k}={_pp_param(eqn.params[k], _Names(), indent, source_info)}"
            for k in sorted(eqn.params)) + "]"
    rhs = " ".join(names(v) for v in eqn.invars)
    text = f"{lhs} = {eqn.primitive.name}{params} {rhs}".rstrip() if lhs else \
        f"{eqn.primitive.name}{params} {rhs}".rstrip()   # no outputs (an effect)
    if source_info:
        text += f"  # {eqn.source or '<unknown>'}"
    return text


def _pp(jaxpr, names, indent=0, source_info=False):
    cv = " ".join(f"{names(v)}:{v.aval.str_short()}" for v in jaxpr.constvars)
    iv = " ".join(f"{names(v)}:{v.aval.str_short()}" for v in jaxpr.invars)
    eqns = [pp_eqn(e, names, indent, source_info) for e in jaxpr.eqns]
    outnames = [names(v) for v in jaxpr.outvars]
    outs = "(" + ", ".join(outnames) + ("," if len(outnames) == 1 else "") + ")"
    head = f"{{ lambda {cv}; {iv}. let"
    one_line = f"{head} {'; '.join(eqns)} in {outs} }}" if eqns else f"{head} in {outs} }}"
    if len(one_line) + indent <= 80 and "\n" not in one_line and not (source_info and eqns):
        return one_line
    pad = " " * (indent + 4)
    body = "".join(f"\n{pad}{e}" for e in eqns)
    return f"{head}{body}\n{' ' * (indent + 2)}in {outs} }}"


def pp_jaxpr(jaxpr, source_info=False):
    """JAX's text format; with ``source_info`` each equation ends with
    ``# file:line``, the user's line that bound it (``Eqn.source``)."""
    return _pp(jaxpr, _Names(), 0, source_info)


# ------------------------------------------------------------------- effects

def jaxpr_has_effect(jaxpr, _seen=None):
    """True when an equation of ``jaxpr`` (a Jaxpr or ClosedJaxpr), or of a jaxpr
    inside one of its higher-order equations, is a primitive with the ``effect``
    trait (``fl.debug.print``): such a jaxpr must run even when no output is used."""
    j = jaxpr.jaxpr if isinstance(jaxpr, ClosedJaxpr) else jaxpr
    seen = set() if _seen is None else _seen
    if id(j) in seen:
        return False
    seen.add(id(j))
    return any(eqn_has_effect(e, seen) for e in j.eqns)


def eqn_has_effect(eqn, _seen=None):
    """The equation's primitive has the ``effect`` trait, or it is higher-order and
    a jaxpr among its params has such an equation."""
    prim = eqn.primitive
    if prim.effect:
        return True
    if not prim.higher_order:
        return False
    for v in eqn.params.values():
        for x in (v if isinstance(v, (tuple, list)) else (v,)):
            if isinstance(x, (Jaxpr, ClosedJaxpr)) and jaxpr_has_effect(x, _seen):
                return True
    return False


# ------------------------------------------------------------- type checking

def _abstract_eval(eqn):
    out = eqn.primitive.abstract(*[v.aval for v in eqn.invars], **eqn.params)
    return list(out) if eqn.primitive.multiple_results else [out]


def typecheck_jaxpr(jaxpr):
    """Check SSA well-formedness and that each eqn's outvars match its shape rule.

    Raises TypeError describing the first problem found; returns None.
    """
    defined = set()
    for v in list(jaxpr.constvars) + list(jaxpr.invars):
        if v in defined:
            raise TypeError(f"variable {v} bound twice")
        defined.add(v)
    for eqn in jaxpr.eqns:
        for v in eqn.invars:
            if isinstance(v, Var) and v not in defined:
                raise TypeError(f"{eqn.primitive.name}: input {v} used before definition")
        out_avals = _abstract_eval(eqn)
        if len(out_avals) != len(eqn.outvars):
            raise TypeError(f"{eqn.primitive.name}: expected {len(out_avals)} outputs, "
                            f"jaxpr has {len(eqn.outvars)}")
        for v, a in zip(eqn.outvars, out_avals):
            if v.aval.shape != a.shape or v.aval.dtype != a.dtype:
                raise TypeError(f"{eqn.primitive.name}: outvar {v.aval.str_short()} "
                                f"but the shape rule gives {a.str_short()}")
            if v in defined:
                raise TypeError(f"variable {v} bound twice")
            defined.add(v)
    for v in jaxpr.outvars:
        if isinstance(v, Var) and v not in defined:
            raise TypeError(f"output {v} is never defined")
