"""Sorting and searching: sort argsort lexsort partition argpartition searchsorted
msort, and the Array API's ``sort``/``argsort`` keywords
(``stable``, ``descending``).

Sorted values are a gather of the input at the stable argsort's indices
(``primitives.numeric.take_along``), so ``sort`` (and ``lax.top_k``) have
derivatives of every order and batch through gather's rules: the derivative of
``sort(x)`` routes each cotangent back to the element that landed there.
Indices are int64 and carry no derivative.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import numeric as N
from ._base import _arr, _norm_axis


def _axis_input(a, axis, name):
    x = _arr(a, name)
    if axis is None:
        return P.reshape(x, (get_aval(x).size,)), 0
    nd = get_aval(x).ndim
    if nd == 0:
        raise ValueError(f"{name}: a 0-d array has no axis {axis} to sort along; use "
                         f"axis=None or a 1-d array")
    return x, _norm_axis(axis, nd, name)


def _check_kind(name, kind, order):
    if order is not None:
        raise TypeError(f"{name}: order= (structured-array fields) is not supported: "
                        f"functorch_lite arrays have no fields")
    if kind not in (None, "quicksort", "mergesort", "heapsort", "stable"):
        raise ValueError(f"{name}: unknown kind {kind!r}")


def argsort(a, axis=-1, kind=None, order=None, *, stable=True, descending=False):
    """Indices that sort ``a`` along ``axis`` (None: the flattened array), int64.

    Always stable (ties keep their order, for every ``kind``, as ``stable=True``);
    ``descending=True`` (Array API, JAX) keeps ties in their original order too.
    NaNs sort last ascending, first descending."""
    _check_kind("argsort", kind, order)
    x, ax = _axis_input(a, axis, "argsort")
    return N.argsort_along(x, ax, bool(descending))


def sort(a, axis=-1, kind=None, order=None, *, stable=True, descending=False):
    """``a`` sorted along ``axis`` (None: flattened), differentiable: the values are
    ``take_along_axis(a, argsort(a))``.  Keywords as ``argsort``."""
    _check_kind("sort", kind, order)
    x, ax = _axis_input(a, axis, "sort")
    return N.take_along(x, N.argsort_along(x, ax, bool(descending)), ax)


def msort(a):
    """``sort(a, axis=0)`` (NumPy's old msort)."""
    return sort(a, axis=0)


def lexsort(keys, axis=-1):
    """Indices sorting by several keys, the LAST key primary (NumPy's lexsort):
    successive stable argsorts, from the first key to the last."""
    if isinstance(keys, (list, tuple)):
        ks = [_arr(k, "lexsort") for k in keys]
    else:
        k = _arr(keys, "lexsort")
        if get_aval(k).ndim == 0:
            raise ValueError("lexsort: keys must be a sequence of arrays or an array of "
                             "at least 1 dimension")
        ks = [P.reshape(P.slice_(k, (i,) + (0,) * (get_aval(k).ndim - 1),
                                 (i + 1,) + get_aval(k).shape[1:]), get_aval(k).shape[1:])
              for i in range(get_aval(k).shape[0])]
    if not ks:
        raise TypeError("lexsort: need at least one key")
    shape = get_aval(ks[0]).shape
    if any(get_aval(k).shape != shape for k in ks):
        raise ValueError(f"lexsort: all keys need one shape, got "
                         f"{[get_aval(k).shape for k in ks]}")
    if not shape:
        return _np.int64(0)
    ax = _norm_axis(axis, len(shape), "lexsort")
    idx = N.argsort_along(ks[0], ax)
    for k in ks[1:]:
        idx = N.take_along(idx, N.argsort_along(N.take_along(k, idx, ax), ax), ax)
    return idx


def _check_kth(name, kth, n):
    ks = _np.atleast_1d(_np.asarray(kth))
    if ks.dtype.kind not in "iu":
        raise TypeError(f"{name}: kth must be an integer or integers, got {kth!r}")
    for k in ks:
        if not -n <= k < n:
            raise ValueError(f"{name}: kth {int(k)} is out of bounds for an axis of "
                             f"size {n}")


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """An arrangement with the kth element in its sorted place, smaller ones before
    and larger after (NumPy's contract).  Returned fully sorted, which satisfies
    it for every kth (NumPy's order inside the two parts is unspecified)."""
    x, ax = _axis_input(a, axis, "partition")
    _check_kth("partition", kth, get_aval(x).shape[ax])
    return sort(x, ax, order=order)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices of a ``partition`` (here: a stable full argsort, see partition)."""
    x, ax = _axis_input(a, axis, "argpartition")
    _check_kth("argpartition", kth, get_aval(x).shape[ax])
    return argsort(x, ax, order=order)


def searchsorted(a, v, side="left", sorter=None, *, method=None):
    """Insertion indices of ``v`` into the sorted 1-d ``a`` keeping it sorted
    (int64, ``v``'s shape).  ``sorter`` (argsort of an unsorted ``a``) is
    applied first; ``method`` (JAX's kernel choice) is accepted only as None or
    one of JAX's names: the kernel here is always NumPy's binary search."""
    if method not in (None, "scan", "scan_unrolled", "sort", "compare_all"):
        raise ValueError(f"searchsorted: unknown method {method!r}")
    x = _arr(a, "searchsorted")
    if get_aval(x).ndim != 1:
        raise ValueError(f"searchsorted: a must be 1-d, got shape {get_aval(x).shape}")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    if sorter is not None:
        s = sorter if isinstance(sorter, Tracer) else _np.asarray(sorter)
        x = N.take_along(x, s, 0) if isinstance(s, Tracer) else P.gather(x, s)
    vv = _arr(v, "searchsorted")
    x, vv = P.promote(x, vv)
    return N.searchsorted(P.stop_gradient(x), P.stop_gradient(vv), side)

