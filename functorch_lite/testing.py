"""torch.testing: ``assert_close`` (and ``make_tensor``) for facade tensors,
with PyTorch's default tolerances per dtype and its failure messages."""
import collections.abc
import math

import numpy as np

from .facade import _types
from .facade._creation import empty, randint
from .facade._graph import no_grad
from .facade._tensor import Tensor, _on_dev, _to_host

# (rtol, atol) by dtype, PyTorch's defaults
_TOL = {np.dtype(np.float16): (1e-3, 1e-5), np.dtype(np.float32): (1.3e-6, 1e-5),
        np.dtype(np.float64): (1e-7, 1e-7), np.dtype(np.complex64): (1.3e-6, 1e-5),
        np.dtype(np.complex128): (1e-7, 1e-7)}


def _host(t):
    return _to_host(t._v, "torch.testing.assert_close of a cuda tensor") if _on_dev(t._v) \
        else np.asarray(t._v)


def _fail(msg, user):
    if user is None:
        raise AssertionError(msg)
    raise AssertionError(user(msg) if callable(user) else user)


def assert_close(actual, expected, *, allow_subclasses=True, rtol=None, atol=None,
                 equal_nan=False, check_device=True, check_dtype=True, check_layout=True,
                 check_stride=False, msg=None):
    """Raise AssertionError unless ``actual`` and ``expected`` (tensors,
    arrays, numbers, or sequences/mappings of them) are close:
    ``|a - e| <= atol + rtol * |e|`` elementwise, with dtype, shape and device
    checked first.  Give both rtol and atol or neither."""
    if (rtol is None) != (atol is None):
        raise ValueError(f"Both 'rtol' and 'atol' must be either specified or omitted, but "
                         f"got no {'rtol' if rtol is None else 'atol'}.")
    _compare(actual, expected, rtol, atol, equal_nan, check_device, check_dtype, msg, ())


def _compare(a, e, rtol, atol, equal_nan, check_device, check_dtype, msg, path):
    if isinstance(e, collections.abc.Mapping) and isinstance(a, collections.abc.Mapping):
        if set(a) != set(e):
            _fail(f"The keys of the mappings do not match:\nMissing keys in the actual "
                  f"mapping: {sorted(map(str, set(e) - set(a)))}\nAdditional keys in the "
                  f"actual mapping: {sorted(map(str, set(a) - set(e)))}", msg)
        for k in e:
            _compare(a[k], e[k], rtol, atol, equal_nan, check_device, check_dtype, msg,
                     path + (k,))
        return
    seq = (list, tuple)
    if isinstance(e, seq) and isinstance(a, seq):
        if len(a) != len(e):
            _fail(f"The length of the sequences mismatch: {len(a)} != {len(e)}", msg)
        for i, (x, y) in enumerate(zip(a, e)):
            _compare(x, y, rtol, atol, equal_nan, check_device, check_dtype, msg, path + (i,))
        return
    scalars = isinstance(a, (int, float, complex)) and isinstance(e, (int, float, complex))
    if scalars:
        if type(a) is not type(e) and check_dtype:
            _fail(f"The values for attribute 'type' do not match: {type(a)} != {type(e)}.",
                  msg)
        av, ev = np.asarray(a), np.asarray(e)
    else:
        if not (isinstance(a, (Tensor, np.ndarray)) and isinstance(e, (Tensor, np.ndarray))):
            raise TypeError(f"No comparison pair was able to handle inputs of type "
                            f"{type(a)} and {type(e)}.")
        if isinstance(a, Tensor) != isinstance(e, Tensor):
            _fail(f"Both inputs must be tensors or arrays alike, got {type(a).__name__} and "
                  f"{type(e).__name__}", msg)
        if isinstance(a, Tensor):
            if check_device and a.device != e.device:
                _fail(f"The values for attribute 'device' do not match: {a.device} != "
                      f"{e.device}.", msg)
            if a.shape != e.shape:
                _fail(f"The values for attribute 'shape' do not match: {a.shape} != "
                      f"{e.shape}.", msg)
            if check_dtype and a.dtype != e.dtype:
                _fail(f"The values for attribute 'dtype' do not match: {a.dtype} != "
                      f"{e.dtype}.", msg)
            av, ev = _host(a), _host(e)
        else:
            av, ev = a, e
            if av.shape != ev.shape:
                _fail(f"The values for attribute 'shape' do not match: {av.shape} != "
                      f"{ev.shape}.", msg)
            if check_dtype and av.dtype != ev.dtype:
                _fail(f"The values for attribute 'dtype' do not match: {av.dtype} != "
                      f"{ev.dtype}.", msg)
    if rtol is None:
        dt = np.promote_types(av.dtype, ev.dtype)
        rtol, atol = _TOL.get(np.dtype(dt), (0.0, 0.0))
    _values(av, ev, rtol, atol, equal_nan, msg, "Scalars" if scalars else "Tensor-likes",
            path)


def _values(a, e, rtol, atol, equal_nan, msg, what, path):
    if a.dtype == np.bool_ or e.dtype == np.bool_:
        a, e = a.astype(np.int64), e.astype(np.int64)
    ct = np.promote_types(a.dtype, e.dtype)
    if ct.kind not in "fc":
        ct = np.dtype(np.float64)
    ad, ed = a.astype(ct), e.astype(ct)
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(ad - ed)
        ok = (ad == ed) | (diff <= atol + rtol * np.abs(ed))
        if equal_nan:
            ok |= np.isnan(ad) & np.isnan(ed)
    if ok.all():
        return
    where = "" if not path else f"\nThe failure occurred for item {''.join(f'[{p!r}]' for p in path)}"
    if what == "Scalars" or a.ndim == 0:
        d = float(diff.real if np.iscomplexobj(diff) else diff)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = d / abs(float(np.abs(ed)))
        _fail(f"Scalars are not close!\n\nExpected {ed.item()} but got {ad.item()}.\n"
              f"Absolute difference: {d} (up to {atol} allowed)\n"
              f"Relative difference: {r} (up to {rtol} allowed){where}", msg)
    bad = ~ok
    n, total = int(bad.sum()), bad.size
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = diff / np.abs(ed)
    d = np.where(bad, np.nan_to_num(diff, nan=np.inf), -1).ravel()
    r = np.where(bad, np.nan_to_num(rel, nan=np.inf), -1).ravel()
    ia, ir = int(np.argmax(d)), int(np.argmax(r))
    fmt = (lambda i: str(tuple(int(k) for k in np.unravel_index(i, a.shape)))) if a.ndim \
        else (lambda i: "")
    at_a = f" at index {fmt(ia)}" if a.ndim else ""
    at_r = f" at index {fmt(ir)}" if a.ndim else ""
    _fail(f"{what} are not close!\n\nMismatched elements: {n} / {total} "
          f"({100.0 * n / total:.1f}%)\n"
          f"Greatest absolute difference: {float(diff.ravel()[ia])}{at_a} (up to {atol} "
          f"allowed)\nGreatest relative difference: {float(rel.ravel()[ir])}{at_r} (up to "
          f"{rtol} allowed){where}", msg)


def make_tensor(*shape, dtype, device=None, low=None, high=None, requires_grad=False,
                noncontiguous=False, exclude_zero=False, memory_format=None):
    """A random tensor (from the facade's generator) with values in [low, high)
    (defaults -9..9; integers in [low, high)); ``exclude_zero`` replaces zeros."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    dt = _types.as_dtype(dtype)
    lo = -9 if low is None else low
    hi = 9 if high is None else high
    if dt.np.kind == "b":
        t = randint(0, 2, shape).to(dt)
    elif dt.np.kind in "iu":
        t = randint(int(math.ceil(lo)), int(math.ceil(hi)), shape, dtype=dt)
    else:
        t = empty(shape, dtype=dt).uniform_(lo, hi)
    if exclude_zero:
        with no_grad():
            t[t == 0] = 1 if dt.np.kind != "f" else float(np.finfo(dt.np).tiny)
    if device is not None:
        t = t.to(device)
    return t.requires_grad_(requires_grad) if requires_grad else t
