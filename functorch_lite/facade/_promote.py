"""torch's dtype promotion for Tensor operands, and the cache of 0-d arrays
that Python-number operands become (``x * 1.01`` builds its constant once)."""
from typing import Any

import numpy as np

from . import _types as T

_CAT = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _scalar_np_dtype(dt, s):
    k = dt.kind
    ts = type(s)
    if ts is float:
        return dt if k in "fc" else T.get_default_dtype().np
    if ts is int:
        return dt if k != "b" else np.dtype(np.int64)
    if ts is bool:
        return dt
    if ts is complex:
        return dt if k == "c" else np.dtype(np.complex64)
    return np.asarray(s).dtype


def result_np_dtype(a, b):
    """torch's promotion for two tensors: higher category wins; 0-d tensors only
    decide the dtype when they are of a higher category than the others."""
    da, db = a._v.dtype, b._v.dtype
    if da == db:
        return da
    ca, cb = _CAT[da.kind], _CAT[db.kind]
    za, zb = a.ndim == 0, b.ndim == 0
    if za != zb:
        if za and ca <= cb:
            return db
        if zb and cb <= ca:
            return da
    if ca != cb:
        return da if ca > cb else db
    return np.promote_types(da, db)


_SCALARS: dict[Any, Any] = {}


def _scalar_const(key):
    """0-d array for a Python number operand (cached: ``x * 1.01`` in a loop
    builds it once; these arrays are never written to)."""
    if len(_SCALARS) > 512:
        _SCALARS.clear()
    val = key[1]
    if type(val) is str:
        val = key[0](val)
    v = np.array(val, key[2])
    v.flags.writeable = False
    if val == val:      # nan keys never match: do not fill the cache with them
        _SCALARS[key] = v
    return v
