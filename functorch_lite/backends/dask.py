"""The Dask array backend: lazy, chunked arrays behind the ``Backend`` protocol.

``fl.device_put(x, "dask", chunks=...)`` makes a ``dask.array.Array``; every
primitive kernel then receives ``DaskNamespace`` as ``xp`` and adds tasks to a
graph instead of computing, so ``fl.jit`` of a whole step builds *one* graph and
nothing runs until the result is read (``fl.device_put(y, "cpu")``, ``float()``)
or ``dask.compute`` is called.  Dask mirrors NumPy closely; where it does not,
this namespace bridges it, so primitives never import dask:

* creation functions (``zeros/ones/empty/full``) take the dtype by keyword only
  in Dask (a positional one is read as ``chunks``); the wrappers accept both,
  and the library passes dtypes by keyword anyway.
* ``scatter_add`` (NumPy's ``add.at``, which Dask lacks) is lazy and keeps the
  operand's chunks: every operand block receives the whole (one-chunk) index
  and the updates of its columns, and adds those that land inside it.
* batched ``eigh`` / ``slogdet`` / ``svd`` / ``solve`` / ``cholesky`` / ``qr``
  run NumPy's per block through ``apply_gufunc``: the matrix axes (the core
  dimensions) are rechunked to one chunk, batch axes stay chunked.  A single
  2-D matrix is therefore one task (the documented single-chunk fallback),
  and a batch of matrices is as parallel as its batch chunks.
* results whose *shape* depends on the data (``nonzero``, boolean masks,
  ``unique``, ``argwhere``) are computed: Dask would give unknown (NaN) chunk
  sizes that no later primitive can use.  Each such compute is a read back to
  the host, which ``transfer_guard("disallow")`` refuses and ``STATS`` counts,
  as are ``cond``'s and ``while_loop``'s predicates (one per call/iteration).

``is_host`` is False: a Dask array is a *recipe*; reading it computes, and the
library treats that as a transfer (checked, counted) exactly like a device copy.
"""
import functools
import threading
from typing import Any

import numpy as np

from ..core.backend import Backend


class _Stats:
    """How many times the library computed a Dask value to read it (to_host,
    a data-dependent shape, a predicate): what "eager" costs on this backend."""

    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        self.computes = 0
        self.reasons = []

    def count(self, what):
        with self._lock:
            self.computes += 1
            if len(self.reasons) < 1000:
                self.reasons.append(what)


STATS = _Stats()
_DATA_SHAPED = ("nonzero", "flatnonzero", "argwhere", "unique", "compress", "extract")
def _dtype_kw(fn):
    """Dask's creation functions read a positional second argument as chunks;
    NumPy's as the dtype.  Accept NumPy's spelling."""
    @functools.wraps(fn)
    def wrapped(shape, dtype=None, *args, **kw):
        if dtype is not None:
            kw["dtype"] = dtype
        return fn(shape, *args, **kw)
    return wrapped


class _Linalg:
    """``xp.linalg`` over dask: batched decompositions per block (see module doc)."""

    def __init__(self, ns):
        self._ns = ns
        self._da = ns._da

    def __getattr__(self, name):
        v = getattr(self._da.linalg, name)
        setattr(self, name, v)
        return v

    def _core_single(self, a, ncore):
        """``a`` with its last ``ncore`` axes in one chunk each."""
        a = self._da.asarray(a)
        want = {a.ndim - 1 - k: -1 for k in range(ncore)}
        return a.rechunk(want) if any(len(a.chunks[k]) > 1 for k in want) else a

    def _per_matrix(self, fn, sig, a, dtypes, **kw):
        a = self._core_single(a, 2)
        if kw:
            fn = functools.partial(fn, **kw)
        out = self._da.apply_gufunc(fn, sig, a, output_dtypes=dtypes)
        return tuple(out) if isinstance(dtypes, tuple) else out

    # NumPy's functions, per matrix: signature and output dtypes of each
    def eigh(self, a, **kw):
        return self._per_matrix(np.linalg.eigh, "(n,n)->(n),(n,n)", a,
                                (_real(a.dtype), a.dtype), **kw)

    def eigvalsh(self, a, **kw):
        return self._per_matrix(np.linalg.eigvalsh, "(n,n)->(n)", a, _real(a.dtype), **kw)

    def slogdet(self, a):
        return self._per_matrix(np.linalg.slogdet, "(n,n)->(),()", a, (a.dtype, _real(a.dtype)))

    def cholesky(self, a, **kw):
        return self._per_matrix(np.linalg.cholesky, "(n,n)->(n,n)", a, a.dtype, **kw)

    def inv(self, a):
        return self._per_matrix(np.linalg.inv, "(n,n)->(n,n)", a, a.dtype)

    def det(self, a):
        return self._per_matrix(np.linalg.det, "(n,n)->()", a, a.dtype)

    def svd(self, a, full_matrices=True, compute_uv=True, **kw):
        a = self._core_single(a, 2)
        m, n = a.shape[-2:]
        k = min(m, n)
        fn = functools.partial(np.linalg.svd, full_matrices=full_matrices,
                               compute_uv=compute_uv, **kw)
        if not compute_uv:
            return self._da.apply_gufunc(fn, "(m,n)->(k)", a, output_dtypes=_real(a.dtype),
                                         output_sizes={"k": k})
        u, v = (m, n) if full_matrices else (k, k)
        outs = self._da.apply_gufunc(fn, "(m,n)->(m,u),(k),(v,n)", a,
                                     output_dtypes=(a.dtype, _real(a.dtype), a.dtype),
                                     output_sizes={"u": u, "k": k, "v": v})
        return tuple(outs)

    def qr(self, a, mode="reduced"):
        a = self._core_single(a, 2)
        m, n = a.shape[-2:]
        k = min(m, n) if mode == "reduced" else m
        fn = functools.partial(np.linalg.qr, mode=mode)
        q, r = self._da.apply_gufunc(fn, "(m,n)->(m,k),(k,n)", a,
                                     output_dtypes=(a.dtype, a.dtype), output_sizes={"k": k})
        return q, r

    def solve(self, a, b):
        a = self._core_single(a, 2)
        b = self._da.asarray(b)
        dt = np.result_type(a.dtype, b.dtype)
        if b.ndim == 1 or (b.ndim == a.ndim - 1 and b.shape == a.shape[:-1]):
            b = self._core_single(b, 1)
            return self._da.apply_gufunc(np.linalg.solve, "(n,n),(n)->(n)", a, b,
                                         output_dtypes=dt)
        b = self._core_single(b, 2)
        return self._da.apply_gufunc(np.linalg.solve, "(n,n),(n,k)->(n,k)", a, b,
                                     output_dtypes=dt)


def _real(dt):
    return np.empty(0, dt).real.dtype


class _FFT:
    """``xp.fft`` over dask: dask transforms an axis only when it is one chunk, so
    the transformed axes are rechunked whole first (the other axes stay chunked)."""

    def __init__(self, ns):
        self._da = ns._da

    def __getattr__(self, name):
        fn = getattr(self._da.fft, name)

        def transform(a, *args, axes=None, axis=None, **kw):
            a = self._da.asarray(a)
            ax = axes if axes is not None else ([axis] if axis is not None else
                                                 list(range(a.ndim)) if name.endswith("n")
                                                 else [-1])
            a = a.rechunk({int(i) % a.ndim: -1 for i in ax})
            if axes is not None:
                kw["axes"] = axes
            if axis is not None:
                kw["axis"] = axis
            return fn(a, *args, **kw)
        return transform


class DaskNamespace:
    """``xp`` for Dask arrays: NumPy's names over ``dask.array``.

    Attribute access falls through to ``dask.array``; the differences the
    library meets are bridged by the methods below (see the module doc)."""

    __name__ = "dask"

    def __init__(self, da, chunks="auto"):
        self._da = da
        self.ndarray = da.Array
        self.chunks = chunks          # what from_host uses when device_put names none
        self.zeros = _dtype_kw(da.zeros)
        self.ones = _dtype_kw(da.ones)
        self.empty = _dtype_kw(da.empty)
        self.linalg = _Linalg(self)
        self.fft = _FFT(self)
        for name in _DATA_SHAPED:
            setattr(self, name, self._computing(name))

    def __getattr__(self, name):
        v = getattr(self._da, name)
        if isinstance(v, self._da.ufunc.ufunc):
            v = _Ufunc(v)
        setattr(self, name, v)
        return v

    def __repr__(self):
        return "<functorch_lite backend namespace over dask.array>"

    # -- where Dask's spelling differs from NumPy's -----------------------

    def full(self, shape, fill_value, dtype=None, **kw):
        if dtype is None:
            dtype = np.asarray(fill_value).dtype
        return self._da.full(shape, fill_value, dtype=dtype, **kw)

    def array(self, a, dtype=None, copy=True, **kw):
        """NumPy's ``array``: Dask arrays are immutable recipes, so a copy is the
        same recipe (in-place updates rebuild the graph, see ``scatter_add``)."""
        if isinstance(a, self._da.Array):
            out = a if dtype is None else a.astype(dtype)
            return out.copy() if copy else out
        return self._da.asarray(np.asarray(a, dtype=dtype))

    def asarray(self, a, dtype=None, **kw):
        if isinstance(a, self._da.Array):
            return a if dtype is None else a.astype(dtype)
        return self._da.asarray(np.asarray(a, dtype=dtype))

    def reshape(self, x, shape, **kw):
        """NumPy's reshape.  Dask reshapes only by merging or evenly splitting
        chunked axes; for any other reshape the array is first rechunked to one
        chunk (the documented single-chunk fallback: correct, not parallel)."""
        x = self._da.asarray(x)
        try:
            return self._da.reshape(x, shape, **kw)
        except (NotImplementedError, ValueError):
            return self._da.reshape(x.rechunk(-1), shape, **kw)

    def copyto(self, dst, src, casting="same_kind"):
        """NumPy's ``copyto`` into a Dask array: ``dst`` is made to stand for
        ``src`` (broadcast, cast), so in-place code written for NumPy (the
        facade's ``w -= lr * g``, ``add_``, optimizers) updates the caller's
        object instead of silently rebinding a name."""
        da = self._da
        src = da.asarray(src) if not np.isscalar(src) else np.asarray(src)
        if not np.can_cast(src.dtype, dst.dtype, casting=casting):
            raise TypeError(f"copyto: cannot cast {src.dtype} to {dst.dtype} with "
                            f"casting={casting!r}")
        new = da.broadcast_to(da.asarray(src).astype(dst.dtype), dst.shape)
        _rebind(dst, new.rechunk(dst.chunks))

    def mul_safe(self, ct, d):
        """``ct * d``, exactly 0 where ct == 0 even if d is inf/nan, lazily: the
        host's finiteness probe would compute ``d`` to decide."""
        da = self._da
        out = da.multiply(ct, d)
        return da.where(da.logical_and(~da.isfinite(d), ct == 0),
                        np.zeros((), out.dtype), out)

    def per_matrix(self, fn, signature, a, output_dtypes):
        """``fn`` (a NumPy kernel over a stack of matrices) per block of ``a``,
        the matrix axes in one chunk: how kernels that update arrays in place
        (lu's row swaps) run on immutable Dask arrays."""
        a = self.linalg._core_single(a, 2)
        return self._da.apply_gufunc(fn, signature, a, output_dtypes=output_dtypes)

    def _computing(self, name):
        """A data-dependent-shape function: compute the input, run NumPy's."""
        fn = getattr(np, name)

        def f(*args, **kw):
            host = [self._compute(a, f"{name}: its result's shape depends on the data")
                    for a in args]
            r = fn(*host, **kw)
            return tuple(self._da.from_array(v) for v in r) if isinstance(r, tuple) \
                else self._da.from_array(r)
        f.__name__ = name
        return f

    def _compute(self, a, what):
        if not isinstance(a, self._da.Array):
            return a
        _check(what)
        STATS.count(what)
        return np.asarray(a.compute())

    def scatter_add(self, out, idx, updates):
        """In place ``out[idx] += updates`` with repeated indices summed, lazily.

        Dask arrays are recipes: the new recipe replaces ``out``'s (as Dask's own
        ``__setitem__`` does), so the caller's object sees the update."""
        new = self.scatter_added(out, idx, updates)
        _rebind(out, new)

    def scatter_added(self, operand, idx, updates):
        """``operand`` with ``updates`` added at rows ``idx`` (a new array)."""
        da = self._da
        operand = da.asarray(operand)
        idx = da.asarray(idx)
        updates = da.asarray(updates)
        n0 = operand.shape[0]
        k = int(np.prod(idx.shape, dtype=np.int64))
        idx = idx.reshape((k,)).rechunk(-1)
        rest = operand.shape[1:]
        updates = updates.reshape((k,) + rest).rechunk(((k,),) + operand.chunks[1:])
        starts = np.cumsum((0,) + operand.chunks[0][:-1])
        offs = da.from_array(np.asarray(starts, np.int64), chunks=1)
        sub = "".join(chr(ord("a") + i) for i in range(operand.ndim))
        rest_sub = sub[1:]

        def add_block(block, off, ix, up):
            lo = int(off[0])
            ix = np.where(ix < 0, ix + n0, ix)
            m = (ix >= lo) & (ix < lo + block.shape[0])
            res = block.copy()
            if m.any():
                np.add.at(res, ix[m] - lo, up[m])
            return res
        return da.blockwise(add_block, sub, operand, sub, offs, sub[0], idx, "z",
                            updates, "z" + rest_sub, dtype=operand.dtype,
                            concatenate=True, align_arrays=False, meta=np.empty((0,) * operand.ndim, operand.dtype))

    def default_rng(self, seed=None):
        return self._da.random.default_rng(seed)

    # -- explicit reads (computes) -----------------------------------------

    def to_host(self, a):
        STATS.count("to_host")
        return np.asarray(a.compute())

    def from_host(self, a, chunks=None):
        a = np.asarray(a)
        return self._da.from_array(a, chunks=self.chunks if chunks is None else chunks)


def _rebind(target, new):
    """Make the Dask array object ``target`` stand for ``new``'s recipe (what
    Dask's ``handle_out`` does, plus forgetting the cached keys it misses)."""
    target._meta = new._meta
    target.dask = new.dask
    target._name = new.name
    target._chunks = new.chunks
    target._cached_keys = None


class _Ufunc:
    """A Dask ufunc taking NumPy's ``out`` (positional or keyword): the result is
    a new recipe that then replaces ``out``'s (kernels written for NumPy reuse
    buffers this way; Dask's own out= keeps stale cached keys)."""

    def __init__(self, uf):
        self._uf = uf
        self.nin, self.nout = uf.nin, uf.nout
        self.__name__ = uf.__name__

    def __getattr__(self, name):
        return getattr(self._uf, name)

    def __call__(self, *args, out=None, **kw):
        if len(args) > self.nin:
            args, out = args[:self.nin], args[self.nin]
        r = self._uf(*args, **kw)
        if isinstance(out, tuple):
            out = out[0] if len(out) == 1 else out
        if out is None:
            return r
        _rebind(out, r)
        return out


_check_hook: list[Any] = []   # set by backends/__init__: transfer_guard's check, named


def _check(what):
    for h in _check_hook:
        h(what)


class DaskBackend(Backend):
    """Lazy chunked arrays: reading one is a compute (checked and counted as a
    transfer); kernels never write into buffers; plan constants are placed on
    Dask once at compile time."""
    name = "dask"
    device = "dask"
    aliases = ()
    is_host = False
    out_reuse = False
    fusion = False
    finiteness_probe = False
    host_constants = False
    special_module = None

    def __init__(self, ns):
        self.namespace = ns
        self.array_types = (ns.ndarray,)

    def to_host(self, x):
        return self.namespace.to_host(x)

    def from_host(self, a, chunks=None):
        return self.namespace.from_host(a, chunks)

    def scatter_add(self, out, idx, updates):
        self.namespace.scatter_add(out, idx, updates)

    @property
    def special(self):
        mod = self.__dict__.get("_special")
        if mod is None:
            mod = self.__dict__["_special"] = _Special(self.namespace)
        return mod


class _Special:
    """scipy.special's functions elementwise over Dask blocks (map_blocks)."""

    def __init__(self, ns):
        self._ns = ns

    def __getattr__(self, name):
        import scipy.special
        fn = getattr(scipy.special, name)
        da = self._ns._da

        def f(*args, **kw):
            arrs = [a for a in args if isinstance(a, da.Array)]
            if not arrs:
                return fn(*args, **kw)
            dt = fn(*[np.ones((), getattr(a, "dtype", None) or np.asarray(a).dtype)
                      for a in args], **kw)
            return da.map_blocks(lambda *b: fn(*b, **kw), *args, dtype=np.asarray(dt).dtype)
        f.__name__ = name
        setattr(self, name, f)
        return f


def persist(*values):
    """Compute the Dask arrays in ``values`` (pytrees; Tensors through their
    ``__fl_value__``) in one ``dask.persist`` and make each *object* stand for
    its in-memory result, in place.  A training loop that updates parameters
    lazily (``w -= lr * g``) grows each parameter's graph by one step's tasks
    per step; persisting once a step keeps it one layer deep.  Counted in
    ``STATS`` and refused by ``transfer_guard("disallow")`` like any compute.
    Returns None."""
    import dask
    from ..core import tree_util as tu
    arrs = []
    for leaf in tu.tree_leaves(values):
        conv = getattr(type(leaf), "__fl_value__", None)
        v = conv(leaf) if conv is not None else leaf
        if type(v).__module__.startswith("dask.") and hasattr(v, "dask"):
            arrs.append(v)
    if not arrs:
        return None
    _check(f"persist of {len(arrs)} Dask array(s)")
    STATS.count("persist")
    for a, p in zip(arrs, dask.persist(*arrs)):
        _rebind(a, p)
    return None


def load():
    """The DaskBackend, or None when dask.array cannot be imported here."""
    try:
        import dask.array as da
    except ImportError:
        return None
    return DaskBackend(DaskNamespace(da))
