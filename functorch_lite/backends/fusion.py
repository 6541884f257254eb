"""Elementwise fusion for jit plans: generated CuPy kernels on a GPU, generated C
on the CPU (``cpu_fusion``, with the ``cpu-fusion`` extra installed).

On a GPU every equation of a plan is one kernel launch, and a chain of cheap
elementwise ops is bound by launches and memory traffic, not arithmetic.
``group_eqns`` gathers chains of same-shape elementwise equations into a
``FusedGroup`` that runs as one generated ``cupy.ElementwiseKernel``; a
``reduce_sum`` fed only by such a chain becomes one ``cupy.ReductionKernel``
(the chain is its map expression), so ``sum(f10(...f1(x)))`` is one launch.
Kernels are built once when the plan is compiled and live in the plan.
On the CPU the same groups become C functions (``backends/cpu_fusion.py``),
all of a plan's compiled in one translation unit; a fused sum there must
reduce the whole array or trailing axes (where it reproduces NumPy's
pairwise rounding exactly).  Two forms are host-only: a row-scaling product
(a primitive's ``fuse_rowscale``: dot_general's ``x[b, f] * k[b]``) may end
the chain computing its row values, and the chain's NaN-safe steps run in
their ``finite_form`` under a per-block guard (``_finite_forms``).

Only ``reduce_sum`` fuses as a reduction: a fused max would need ``-inf`` as
its identity, which has no portable literal in CuPy's templates (it needs
CUDA-specific constants such as ``-CUDART_INF_F``), and max is rarer.

Grouping (topological order is kept): equations are walked in order; a
fusible equation joins the *open* group of one of its producers when the
shapes match, otherwise it opens a group.  Any other equation reading an
open group's value first closes (emits) that group at its own position, and
an equation joining group G that also reads another open group H closes H.
So open groups never read each other, and a group emitted at its closing
position only reads values that already exist.  A group of one equation is
emitted as the plain equation.  A group's outputs are the member values read
by a non-member or returned by the jaxpr.
"""
import hashlib
from typing import Any

import numpy as np

from .. import config
from ..core.ir import Literal, Var
from . import _cuda_codegen as cg
from . import cpu_fusion


def enabled(xp):
    """Does a plan for namespace ``xp`` fuse (``config.fusion`` and a code generator)?"""
    if not getattr(config, "fusion", True):
        return False
    if xp is np:
        return cpu_fusion.available()
    return hasattr(xp, "ElementwiseKernel") and hasattr(xp, "ReductionKernel")


class _FusedPrim:
    def __init__(self, name, multiple_results=True):
        self.name = name
        self.multiple_results = multiple_results

    def __repr__(self):
        return self.name


FUSED_ELEMENTWISE = _FusedPrim("fused_elementwise")
FUSED_REDUCTION = _FusedPrim("fused_reduction")
# a host group with one output: the plan treats it like a ufunc (a fresh array,
# or written into a dead buffer through ``FusedGroup.out_kernel``)
FUSED_ELEMENTWISE_1 = _FusedPrim("fused_elementwise", multiple_results=False)


class FusedGroup:
    """Quacks like an Eqn for compile_plan; ``kernel`` runs the whole chain."""
    __slots__ = ("primitive", "invars", "outvars", "params", "kernel", "eqns", "source",
                 "out_kernel")

    def __init__(self, primitive, invars, outvars, kernel, eqns, source):
        self.primitive, self.invars, self.outvars = primitive, invars, outvars
        self.params, self.kernel, self.eqns, self.source = {}, kernel, eqns, source
        self.out_kernel = None      # host single-output groups: (ins..., out buffer) -> out

    def __repr__(self):
        names = ", ".join(e.primitive.name for e in self.eqns)
        return f"FusedGroup({self.primitive.name}: {names})"


# ------------------------------------------------------------ fusibility

def fusible(eqn):
    """Same-shape elementwise op on float32/64, int32/64 or bool whose primitive
    declares a C expression (``c_expr``) for these dtypes (``fuse_dtypes``)."""
    prim = eqn.primitive
    if prim.c_expr is None or prim.fuse_dtypes is None or prim.multiple_results \
            or len(eqn.outvars) != 1:
        return False
    out = eqn.outvars[0].aval
    allowed = cg.DTYPE_CLASSES[prim.fuse_dtypes]      # (dtypes with a C type only)
    if np.dtype(out.dtype) not in allowed:
        return False
    for v in eqn.invars:
        a = v.aval
        if np.dtype(a.dtype) not in allowed or a.shape not in (out.shape, ()):
            return False
        if isinstance(v, Literal) and a.shape != ():
            return False
    # the primitive may decline these params (a huge integer power): try it on names
    args = [f"a{k}" for k in range(len(eqn.invars))]
    return cg.expr(prim, eqn.params, args, [np.dtype(v.aval.dtype) for v in eqn.invars],
                   out.dtype, ["p"], literal=lambda v: "c") is not None


# --------------------------------------------------------------- grouping

class _Open:
    __slots__ = ("members", "shape", "vals")

    def __init__(self, eqn):
        self.members, self.shape, self.vals = [eqn], eqn.outvars[0].aval.shape, set()
        self.vals.add(eqn.outvars[0])


def group_eqns(jaxpr, xp):
    """Items for compile_plan: plain Eqns and FusedGroups, in a valid order."""
    users = {}
    for e in jaxpr.eqns:
        for v in e.invars:
            if isinstance(v, Var):
                users.setdefault(v, []).append(e)
    outset = {v for v in jaxpr.outvars if isinstance(v, Var)}
    items, open_groups = [], []     # open groups in creation order
    owner = {}                      # value -> its open group

    def close(g, tail=None):
        open_groups.remove(g)
        for v in g.vals:
            owner.pop(v, None)
        items.extend(_finish(g, tail, users, outset, xp))

    def read_groups(eqn):
        seen = []
        for v in eqn.invars:
            g = owner.get(v) if isinstance(v, Var) else None
            if g is not None and g not in seen:
                seen.append(g)
        return seen

    for eqn in jaxpr.eqns:
        reads = read_groups(eqn)
        if fusible(eqn):
            shape = eqn.outvars[0].aval.shape
            join = next((g for g in reads if g.shape == shape), None)
            for g in reads:
                if g is not join:
                    close(g)
            if join is None:
                join = _Open(eqn)
                open_groups.append(join)
            else:
                join.members.append(eqn)
                join.vals.add(eqn.outvars[0])
            owner[eqn.outvars[0]] = join
            continue
        if eqn.primitive.fuse_reduction == "sum" and len(reads) == 1 and \
                _reduction_fusible(eqn, reads[0], users, outset, xp):
            close(reads[0], tail=eqn)
            continue
        if xp is np and len(reads) == 1 and _rowscale_fusible(eqn, reads[0]):
            close(reads[0], tail=eqn)
            continue
        for g in reads:
            close(g)
        items.append(eqn)
    for g in list(open_groups):
        close(g)
    if xp is np:
        _build_host(items)
    return items


def _reduction_fusible(red, g, users, outset, xp):
    src = red.invars[0]
    a = src.aval
    if not red.params["axes"] or a.shape == () or np.dtype(a.dtype) not in cg.FLOATS:
        return False
    if xp is np and not cpu_fusion.reduction_ok(tuple(red.params["axes"]), len(a.shape)):
        return False
    members = set(map(id, g.members))
    for v in g.vals:
        us = users.get(v, [])
        if v is src:
            if v in outset or len(us) != 1:
                return False
        elif v in outset or any(id(u) not in members for u in us):
            return False
    return True


def _rowscale(eqn):
    """The row operand's position when ``eqn`` is full * row broadcast along the
    trailing axes (the primitive's ``fuse_rowscale``), else None."""
    trait = eqn.primitive.fuse_rowscale
    if trait is None or len(eqn.outvars) != 1:
        return None
    return trait([v.aval for v in eqn.invars], eqn.outvars[0].aval, **eqn.params)


def _rowscale_fusible(eqn, g):
    """Host only: a row-scaling product whose row operand the open group ``g``
    computes (and whose full operand it does not) ends ``g``: one kernel computes
    each row's value and scales that row, without writing the row values or
    a broadcast anywhere."""
    k = _rowscale(eqn)
    if k is None:
        return False
    row, full = eqn.invars[k], eqn.invars[1 - k]
    dt = np.dtype(eqn.outvars[0].aval.dtype)
    return (isinstance(row, Var) and row in g.vals and isinstance(full, Var)
            and full not in g.vals and row.aval.shape == g.shape and dt in cg.FLOATS)


# ---------------------------------------------------------------- codegen

def _finish(g, tail, users, outset, xp):
    """The items a closed group becomes: nothing (dead), its eqn, or a FusedGroup."""
    members = g.members
    scale = None if tail is None else _rowscale(tail)    # a row-scaling tail: its row operand
    member_ids = set(map(id, members + ([tail] if scale is not None else [])))
    outs = [e.outvars[0] for e in members
            if e.outvars[0] in outset or any(id(u) not in member_ids for u in
                                             users.get(e.outvars[0], []))]
    if tail is None and not outs:
        return []                    # nothing reads it: elementwise ops have no effects
    if tail is None and (len(members) == 1 or g.shape == ()):
        # one equation gains nothing; a 0-d chain may get only host scalars
        # (Python-number arguments), from which CuPy cannot size a kernel
        return list(members)
    index = {e.outvars[0]: i for i, e in enumerate(members)}
    c_literal = cpu_fusion.c_literal if xp is np else cg.c_literal
    ext, ext_pos = [], {}            # external inputs (Vars, non-finite Literals)
    in_dts = []                      # their dtypes (grows while the code is generated)

    def external(v):
        key = v if isinstance(v, Var) else id(v)
        if key not in ext_pos:
            ext_pos[key] = len(ext)
            if isinstance(v, Literal):   # passed as a typed NumPy scalar (never a 0-d array)
                v = Literal(np.asarray(v.val, dtype=v.aval.dtype)[()], v.aval)
            ext.append(v)
            in_dts.append(np.dtype(v.aval.dtype))
        return ("in", ext_pos[key])

    steps = []
    for e in members:
        refs = []
        for v in e.invars:
            if isinstance(v, Var):
                refs.append(("t", index[v]) if v in index else external(v))
            else:
                lit = c_literal(v.val, v.aval.dtype)
                refs.append(("lit", lit) if lit is not None else external(v))
        out_aval = e.outvars[0].aval
        steps.append((e.primitive, e.params, refs, [np.dtype(v.aval.dtype) for v in e.invars],
                      np.dtype(out_aval.dtype),
                      cpu_fusion.literal_for(out_aval.dtype) if xp is np
                      else _literal_for(out_aval, external)))
    if not any(isinstance(v, Var) and v.aval.shape == g.shape for v in ext):
        # the output shape comes from broadcasting the inputs: keep it unfused
        return list(members) + ([tail] if tail is not None else [])
    if scale is not None:
        return [_rowscale_group(steps, in_dts, ext, outs, index, members, tail, scale)]
    if xp is np:
        fast, guards = _finite_forms(steps)
        return [_host_group(steps, in_dts, ext, outs, index, members, tail, g.shape,
                            fast, guards)]
    if tail is None:
        return [_elementwise_group(steps, in_dts, ext, outs, index, members, xp)]
    return [_reduction_group(steps, in_dts, ext, members, tail, xp)]


def _finite_forms(steps):
    """The chain with each NaN-safe step swapped for its primitive's ``finite_form``
    (mul_safe(ct, d) -> ct * d), and the refs of those steps' input 1 (with its
    dtype): the two chains give the same values wherever every guarded input is
    finite (by induction over the steps: ``finite_form``'s contract), so a host
    kernel runs the cheap one and redoes a block exactly where one is not.
    (None, []) when no step has a fusible finite form."""
    fast, guards = [], []
    for prim, params, refs, dts, odt, literal in steps:
        form = prim.finite_form
        if form is not None and len(refs) == 2 and refs[1][0] != "lit":
            fprim, fparams = form(params)
            names = [f"a{k}" for k in range(len(refs))]
            if (fprim is not prim or fparams != params) and fprim.c_expr is not None and \
                    cg.expr(fprim, fparams, names, dts, odt, ["p"], literal) is not None:
                fast.append((fprim, fparams, refs, dts, odt, literal))
                guards.append((refs[1], dts[1]))
                continue
        fast.append((prim, params, refs, dts, odt, literal))
    return (fast, guards) if guards else (None, [])


def _literal_for(out_aval, external):
    """A constant of the result's dtype as C text: a typed literal, or (not finite)
    a kernel argument (CUDA has no portable inf/nan literal)."""
    dt = np.dtype(out_aval.dtype)

    def literal(value):
        lit = cg.c_literal(value, dt)
        if lit is not None:
            return lit
        kind, k = external(Literal(np.asarray(value, dtype=dt)[()], out_aval.update(shape=())))
        return f"in{k}"
    return literal


_kernels: dict[Any, Any] = {}   # (namespace id, kind, source) -> kernel object: shared between plans


def _digest(*parts):
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


def _elementwise_group(steps, in_dts, ext, outs, index, members, xp):
    in_p, out_p, op = cg.elementwise_source(steps, in_dts, [index[v] for v in outs])
    name = f"fl_fused_{_digest(in_p, out_p, op)}"
    key = (id(xp), "ew", in_p, out_p, op)
    k = _kernels.get(key)
    if k is None:
        # setdefault: threads racing here all share the first kernel object
        k = _kernels.setdefault(key, xp.ElementwiseKernel(in_p, out_p, op, name))
    if len(outs) == 1:
        def kernel(*args):
            return [k(*args)]
    else:
        def kernel(*args):
            return list(k(*args))
    source = f"// {name}\n// in: {in_p}\n// out: {out_p}\n{op}\n"
    return FusedGroup(FUSED_ELEMENTWISE, list(ext), list(outs), kernel, list(members), source)


def _reduction_group(steps, in_dts, ext, members, red, xp):
    in_p, out_p, pre, call, rtype = cg.reduction_source(steps, in_dts)
    name = f"fl_fused_sum_{_digest(in_p, out_p, pre)}"
    key = (id(xp), "red", in_p, out_p, pre)
    k = _kernels.get(key)
    if k is None:
        k = _kernels.setdefault(key, xp.ReductionKernel(
            in_p, out_p, call, "a + b", "out0 = a", "0", name, reduce_type=rtype,
            preamble=pre))
    axes = tuple(red.params["axes"])

    def kernel(*args):
        return [k(*args, axis=axes)]
    source = (f"// {name}\n// in: {in_p}\n// out: {out_p}\n{pre}\n"
              f"// map: {call}; reduce: a + b; identity 0; axis={axes}\n")
    return FusedGroup(FUSED_REDUCTION, list(ext), list(red.outvars), kernel,
                      list(members) + [red], source)


# ------------------------------------------------------------- host (C)

def _host_group(steps, in_dts, ext, outs, index, members, tail, shape, fast=None, guards=()):
    """A FusedGroup whose C source is generated now and compiled with the plan's
    other groups by ``_build_host`` (its ``kernel`` is set there).  ``fast``,
    ``guards``: the finite-form chain and the inputs it needs finite
    (``_finite_forms``)."""
    scalar = [v.aval.shape == () for v in ext]
    if tail is None:
        src = cpu_fusion.elementwise_source("NAME", steps, in_dts, scalar,
                                            [index[v] for v in outs], fast, guards)
        name = f"fl_ew_{cpu_fusion.digest(src)}"
        out_dts = [steps[index[v]][4] for v in outs]
        make = (lambda fn: cpu_fusion.elementwise_kernel(fn, shape, in_dts, out_dts))
        prim = FUSED_ELEMENTWISE_1 if len(outs) == 1 else FUSED_ELEMENTWISE
        outvars, eqns = list(outs), list(members)
    else:
        src = cpu_fusion.reduction_source("NAME", steps, in_dts, scalar, fast, guards)
        name = f"fl_sum_{cpu_fusion.digest(src)}"
        axes = tuple(tail.params["axes"])
        odt = np.dtype(tail.outvars[0].aval.dtype)
        make = (lambda fn: cpu_fusion.reduction_kernel(fn, shape, axes, in_dts, odt))
        prim, outvars, eqns = FUSED_REDUCTION, list(tail.outvars), list(members) + [tail]
    return _declared(FusedGroup(prim, list(ext), outvars, None, eqns,
                                src.replace("NAME", name)), name, make)


def _rowscale_group(steps, in_dts, ext, outs, index, members, tail, k):
    """A host FusedGroup: the row chain, then ``tail`` (full * row value) per row."""
    row, full = tail.invars[k], tail.invars[1 - k]
    scalar = [v.aval.shape == () for v in ext]
    fdt = np.dtype(full.aval.dtype)
    src = cpu_fusion.rowscale_source("NAME", steps, in_dts, scalar,
                                     [index[v] for v in outs], index[row], fdt, k)
    name = f"fl_rs_{cpu_fusion.digest(src)}"
    ins, out_dts = list(ext) + [full], [steps[index[v]][4] for v in outs] + [fdt]
    in_all = list(in_dts) + [fdt]
    rshape, fshape = row.aval.shape, tail.outvars[0].aval.shape
    make = (lambda fn: cpu_fusion.rowscale_kernel(fn, rshape, fshape, in_all, out_dts))
    prim = FUSED_ELEMENTWISE_1 if not outs else FUSED_ELEMENTWISE
    return _declared(FusedGroup(prim, ins, list(outs) + list(tail.outvars), None,
                                list(members) + [tail], src.replace("NAME", name)),
                     name, make)


def _declared(fg, name, make):
    """``fg`` with the cffi declaration of its (last) C function and its maker."""
    src = fg.source
    decl = src[src.rindex("\nvoid ") + 1 if "\nvoid " in src else 0:].split("{", 1)[0]
    decl = decl.replace(" restrict", "")       # C99 only: not part of cffi's declaration
    fg.params = {"c_decl": decl.strip() + ";", "c_name": name, "make": make}
    return fg


def _build_host(items):
    """Compile every host group of one plan in one library and bind their kernels."""
    groups = [it for it in items if isinstance(it, FusedGroup) and it.kernel is None]
    if not groups:
        return
    funcs = list({g.params["c_name"]: (g.params["c_name"], g.params["c_decl"], g.source)
                  for g in groups}.values())
    fns = cpu_fusion.build(funcs)
    for g in groups:
        k = g.params["make"](fns[g.params["c_name"]])
        if isinstance(k, tuple):
            g.kernel, g.out_kernel = k
        else:
            g.kernel = k
        g.params = {}
