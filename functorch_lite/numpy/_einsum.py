"""einsum (through opt_einsum's path search), tensordot, inner, outer, vdot,
trace, diagonal.

einsum's contraction order is chosen once per (subscripts, shapes) by
opt_einsum and cached (``_plan`` is an lru_cache).  Each step then runs as
existing primitives: diagonal-taking for repeated indices (a strided slice of
the flattened matrix), reduce_sum for indices nobody needs any more, one
dot_general per pairwise contraction and a final transpose.  So einsum has
derivatives of every order and batches, with no einsum primitive.
"""
import functools

import numpy as _np
import opt_einsum

from ..core.trace import get_aval
from .. import primitives as P
from ._base import _arr

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


# ------------------------------------------------------------------ diagonal

def _diag_last2(x, offset):
    """Diagonal of the last two axes (..., n, m) -> (..., L), via reshape + strided slice."""
    s = get_aval(x).shape
    lead, (n, m) = s[:-2], s[-2:]
    if offset >= 0:
        length, start = max(0, min(n, m - offset)), offset
    else:
        length, start = max(0, min(n + offset, m)), -offset * m
    nb = len(lead)
    if length == 0:
        return P.reshape(P.slice_(P.reshape(x, lead + (n * m,)), (0,) * (nb + 1),
                                  lead + (0,)), lead + (0,))
    flat = P.reshape(x, lead + (n * m,))
    return P.slice_(flat, (0,) * nb + (start,),
                    lead + (start + (length - 1) * (m + 1) + 1,), (1,) * nb + (m + 1,))


def diagonal(a, offset=0, axis1=0, axis2=1):
    x = _arr(a)
    nd = get_aval(x).ndim
    if nd < 2:
        raise ValueError(f"diagonal: needs an array of at least 2 dimensions, got shape "
                         f"{get_aval(x).shape}")
    for ax in (axis1, axis2):
        if not -nd <= ax < nd:
            raise _np.exceptions.AxisError(f"diagonal: axis {ax} is out of bounds for an "
                                           f"array of dimension {nd}")
    a1, a2 = axis1 % nd, axis2 % nd
    if a1 == a2:
        raise ValueError(f"diagonal: axis1 and axis2 cannot be the same (both {a1})")
    rest = tuple(i for i in range(nd) if i not in (a1, a2))
    return _diag_last2(P.transpose(x, rest + (a1, a2)), int(offset))


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    d = diagonal(a, offset, axis1, axis2)
    dt = get_aval(d).dtype
    if dtype is not None:
        d = P.convert_element_type(d, _np.dtype(dtype))
    elif dt.kind in "bi" and dt != _np.int64:
        d = P.convert_element_type(d, _np.int64)
    elif dt.kind == "u" and dt != _np.uint64:      # as NumPy's sum: the default-size uint
        d = P.convert_element_type(d, _np.uint64)
    return P.reduce_sum(d, (get_aval(d).ndim - 1,))


# ------------------------------------------------------------ products

def tensordot(a, b, axes=2):
    x, y = P.promote(_arr(a), _arr(b))
    sx, sy = get_aval(x).shape, get_aval(y).shape
    if isinstance(axes, (int, _np.integer)):
        n = int(axes)
        if n < 0 or n > min(len(sx), len(sy)):
            raise ValueError(f"tensordot: axes={n} does not fit shapes {sx} and {sy}")
        ax, ay = tuple(range(len(sx) - n, len(sx))), tuple(range(n))
    else:
        ax, ay = axes
        ax = (ax,) if isinstance(ax, (int, _np.integer)) else tuple(ax)
        ay = (ay,) if isinstance(ay, (int, _np.integer)) else tuple(ay)
        if len(ax) != len(ay):
            raise ValueError(f"tensordot: axes {axes} must pair up (got {len(ax)} and "
                             f"{len(ay)} axes)")
        ax = tuple(int(i) % max(len(sx), 1) for i in ax)
        ay = tuple(int(i) % max(len(sy), 1) for i in ay)
    for i, j in zip(ax, ay):
        if sx[i] != sy[j]:
            raise ValueError(f"tensordot: shape mismatch for sum: axis {i} of {sx} vs "
                             f"axis {j} of {sy}")
    return P.dot_general(x, y, ((ax, ay), ((), ())))


def inner(a, b):
    x, y = P.promote(_arr(a), _arr(b))
    sx, sy = get_aval(x).shape, get_aval(y).shape
    if not sx or not sy:
        return P.mul(x, y)
    if sx[-1] != sy[-1]:
        raise ValueError(f"inner: last dimensions of {sx} and {sy} differ")
    return P.dot_general(x, y, (((len(sx) - 1,), (len(sy) - 1,)), ((), ())))


def outer(a, b):
    x, y = P.promote(_arr(a), _arr(b))
    nx, ny = get_aval(x).size, get_aval(y).size
    return P.mul(P.reshape(x, (nx, 1)), P.reshape(y, (1, ny)))


def vdot(a, b):
    x, y = P.promote(_arr(a), _arr(b))
    nx, ny = get_aval(x).size, get_aval(y).size
    if nx != ny:
        raise ValueError(f"vdot: arrays of {nx} and {ny} elements cannot be dotted")
    return P.dot_general(P.reshape(x, (nx,)), P.reshape(y, (ny,)), (((0,), (0,)), ((), ())))


# -------------------------------------------------------------------- einsum

def _parse(subscripts, shapes):
    s = subscripts.replace(" ", "")
    if "->" in s:
        ins, out = s.split("->")
        explicit = True
    else:
        ins, out, explicit = s, "", False
    terms = ins.split(",")
    if len(terms) != len(shapes):
        raise ValueError(f"einsum: {subscripts!r} names {len(terms)} operands but "
                         f"{len(shapes)} were given")
    used = set(c for c in s if c.isalpha())
    free = [c for c in _LETTERS if c not in used]
    ell_len = 0
    for t, sh in zip(terms, shapes):
        if "..." in t:
            ell_len = max(ell_len, len(sh) - (len(t) - 3))
    ell = "".join(free[:ell_len])
    new_terms = []
    for t, sh in zip(terms, shapes):
        if "..." in t:
            k = len(sh) - (len(t) - 3)
            t = t.replace("...", ell[ell_len - k:] if k else "")
        if not all(c.isalpha() for c in t):
            raise ValueError(f"einsum: invalid subscript {t!r} in {subscripts!r}")
        if len(t) != len(sh):
            raise ValueError(f"einsum: subscript {t!r} has {len(t)} indices but its operand "
                             f"has shape {tuple(sh)}")
        new_terms.append(t)
    if explicit:
        out = out.replace("...", ell)
        if len(set(out)) != len(out):
            raise ValueError(f"einsum: output subscript {out!r} of {subscripts!r} repeats an "
                             f"index")
        for c in out:
            if not any(c in t for t in new_terms):
                raise ValueError(f"einsum: output index {c!r} of {subscripts!r} appears in "
                                 f"no input")
    else:
        counts = {}
        for t in new_terms:
            for c in t:
                counts[c] = counts.get(c, 0) + 1
        out = ell + "".join(sorted(c for c, n in counts.items() if n == 1 and c not in ell))
    return tuple(new_terms), out


@functools.lru_cache(maxsize=512)
def _plan(subscripts, shapes):
    """(input terms, output term, sizes, path), computed once per (subscripts, shapes)."""
    terms, out = _parse(subscripts, shapes)
    sizes = {}
    for t, sh in zip(terms, shapes):
        for c, d in zip(t, sh):
            prev = sizes.get(c)
            if prev is None or prev == 1:
                sizes[c] = d  # a size-1 axis broadcasts; a size-0 one stays 0
            elif d not in (1, prev):
                raise ValueError(f"einsum: index {c!r} has sizes {prev} and {d} in "
                                 f"{subscripts!r} (shapes {list(shapes)})")
    if len(terms) > 1:
        bshapes = [tuple(sizes[c] for c in t) for t in terms]
        eq = ",".join(terms) + "->" + out
        path, _ = opt_einsum.contract_path(eq, *bshapes, shapes=True, optimize="auto")
    else:
        path = [(0,)]
    return terms, out, tuple(sizes.items()), tuple(tuple(p) for p in path)


def _prep(x, t, keep):
    """Take diagonals of repeated indices and sum out indices not in ``keep``."""
    while True:
        dup = next((c for c in t if t.count(c) > 1), None)
        if dup is None:
            break
        i = t.index(dup)
        j = t.index(dup, i + 1)
        x = diagonal(x, 0, i, j)
        t = "".join(c for k, c in enumerate(t) if k not in (i, j)) + dup
    drop = tuple(k for k, c in enumerate(t) if c not in keep)
    if drop:
        x = P.reduce_sum(x, drop)
        t = "".join(c for c in t if c in keep)
    return x, t


def _contract2(x, tx, y, ty, keep):
    x, tx = _prep(x, tx, keep | set(ty))
    y, ty = _prep(y, ty, keep | set(tx))
    shared = [c for c in tx if c in ty]
    batch = [c for c in shared if c in keep]
    contract = [c for c in shared if c not in keep]
    dn = ((tuple(tx.index(c) for c in contract), tuple(ty.index(c) for c in contract)),
          (tuple(tx.index(c) for c in batch), tuple(ty.index(c) for c in batch)))
    out = P.dot_general(x, y, dn)
    t = "".join(batch) + "".join(c for c in tx if c not in shared) + \
        "".join(c for c in ty if c not in shared)
    return out, t


def _sublist_term(sub):
    out = []
    for a in sub:
        if a is Ellipsis:
            out.append("...")
        elif isinstance(a, (int, _np.integer)) and 0 <= int(a) < len(_LETTERS):
            out.append(_LETTERS[int(a)])
        else:
            raise ValueError(f"einsum: sublist entries must be integers in [0, 52) or "
                             f"Ellipsis, got {a!r}")
    return "".join(out)


def _from_sublists(args):
    """NumPy's interleaved form ``einsum(op0, sub0, op1, sub1, ..., [out])`` as a
    subscripts string and the operands."""
    ops, terms = list(args[0::2]), [_sublist_term(s) for s in args[1::2]]
    if len(args) % 2:  # a trailing output sublist
        ops = ops[:-1]
        return ",".join(terms) + "->" + _sublist_term(args[-1]), ops
    return ",".join(terms), ops


def einsum(subscripts, *operands, optimize=True):
    """NumPy's einsum, traced (string or interleaved list-of-axes form); the
    contraction order comes from opt_einsum whatever ``optimize`` says."""
    if not isinstance(subscripts, str):
        subscripts, operands = _from_sublists((subscripts,) + operands)
    ops = [_arr(o, "einsum") for o in operands]
    ops = list(P.promote(*ops)) if len(ops) > 1 else ops
    shapes = tuple(get_aval(o).shape for o in ops)
    terms, out, sizes, path = _plan(subscripts, shapes)
    sizes = dict(sizes)
    # size-1 axes broadcast against the other operands' sizes (as numpy does)
    for k, (o, t) in enumerate(zip(ops, terms)):
        full = tuple(sizes[c] for c in t)
        if get_aval(o).shape != full:
            ops[k] = P.broadcast_to(o, full)
    terms = list(terms)
    for step in path:
        picked = [(ops[i], terms[i]) for i in step]
        for i in sorted(step, reverse=True):
            del ops[i], terms[i]
        keep = set(out).union(*terms) if terms else set(out)
        x, tx = picked[0]
        if len(picked) == 1:
            x, tx = _prep(x, tx, keep)
        for k in range(1, len(picked)):
            y, ty = picked[k]
            rest = keep.union(*(tt for _, tt in picked[k + 1:]))
            x, tx = _contract2(x, tx, y, ty, rest)
        ops.append(x)
        terms.append(tx)
    x, tx = _prep(ops[0], terms[0], set(out))
    return P.transpose(x, tuple(tx.index(c) for c in out))


def einsum_path_cache_info():
    """lru_cache statistics of einsum's contraction-path cache."""
    return _plan.cache_info()
