"""Shape manipulation: reshape ravel transpose swapaxes moveaxis expand_dims
squeeze broadcast_to concatenate stack split tile repeat flip roll pad take
take_along_axis (all compositions of shape primitives, rev and gather)."""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ..primitives import _util as U
from ._base import _arr, _axes, _norm_axis, _prod


def reshape(a, /, shape=None, order="C", *, newshape=None, copy=None):
    """NumPy 2.1's (and the Array API's) reshape; ``newshape=`` is the older
    keyword.  Values are immutable, so ``copy`` changes nothing observable."""
    x = _arr(a, "reshape")
    newshape = shape if newshape is None else newshape
    if newshape is None:
        raise TypeError("reshape: missing the shape argument")
    if order != "C":
        raise NotImplementedError("reshape: only order='C' is supported")
    shp = (newshape,) if isinstance(newshape, (int, _np.integer)) else tuple(newshape)
    size = get_aval(x).size
    if shp.count(-1) > 1:
        raise ValueError("reshape: can only specify one unknown dimension (-1)")
    if -1 in shp:
        known = _prod(d for d in shp if d != -1)
        if known == 0 or size % known:
            raise ValueError(f"reshape: cannot reshape array of size {size} (shape "
                             f"{get_aval(x).shape}) into shape {shp}")
        shp = tuple(size // known if d == -1 else d for d in shp)
    if _prod(shp) != size or builtins_any(d < 0 for d in shp):
        raise ValueError(f"reshape: cannot reshape array of size {size} (shape "
                         f"{get_aval(x).shape}) into shape {shp}")
    return P.reshape(x, shp)


def builtins_any(it):
    for v in it:
        if v:
            return True
    return False


def ravel(a, order="C"):
    x = _arr(a, "ravel")
    return P.reshape(x, (get_aval(x).size,))


def transpose(a, axes=None):
    x = _arr(a, "transpose")
    nd = get_aval(x).ndim
    if axes is None:
        return P.transpose(x, tuple(reversed(range(nd))))
    axes = tuple(_norm_axis(i, nd, "transpose") for i in axes)
    if sorted(axes) != list(range(nd)):
        raise ValueError(f"transpose: axes {axes} don't match array of shape "
                         f"{get_aval(x).shape}")
    return P.transpose(x, axes)


def swapaxes(a, axis1, axis2):
    x = _arr(a, "swapaxes")
    nd = get_aval(x).ndim
    i, j = _norm_axis(axis1, nd, "swapaxes"), _norm_axis(axis2, nd, "swapaxes")
    perm = list(range(nd))
    perm[i], perm[j] = j, i
    return P.transpose(x, tuple(perm))


def moveaxis(a, source, destination):
    x = _arr(a, "moveaxis")
    nd = get_aval(x).ndim
    src = (source,) if isinstance(source, (int, _np.integer)) else tuple(source)
    dst = (destination,) if isinstance(destination, (int, _np.integer)) else tuple(destination)
    if len(src) != len(dst):
        raise ValueError("moveaxis: `source` and `destination` arguments must have the "
                         "same number of elements")
    src = [_norm_axis(s, nd, "moveaxis") for s in src]
    dst = [_norm_axis(d, nd, "moveaxis") for d in dst]
    order = [i for i in range(nd) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return P.transpose(x, tuple(order))


def expand_dims(a, axis):
    x = _arr(a, "expand_dims")
    shape = list(get_aval(x).shape)
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    nd = len(shape) + len(axes)
    norm = sorted(_norm_axis(i, nd, "expand_dims") for i in axes)
    if len(set(norm)) != len(norm):
        raise ValueError(f"expand_dims: repeated axis in {axis}")
    for ax in norm:
        shape.insert(ax, 1)
    return P.reshape(x, tuple(shape))


def squeeze(a, axis=None):
    x = _arr(a, "squeeze")
    shape = get_aval(x).shape
    if axis is None:
        axes = tuple(i for i, d in enumerate(shape) if d == 1)
    else:
        axes = _axes(axis, len(shape), "squeeze")
        for i in axes:
            if shape[i] != 1:
                raise ValueError(f"squeeze: cannot select an axis to squeeze out which has "
                                 f"size not equal to one (axis {i} of shape {shape})")
    return P.reshape(x, tuple(d for i, d in enumerate(shape) if i not in axes))


def broadcast_to(array, shape):
    x = _arr(array, "broadcast_to")
    shape = (int(shape),) if isinstance(shape, (int, _np.integer)) else tuple(shape)
    try:
        if _np.broadcast_shapes(get_aval(x).shape, shape) != shape:
            raise ValueError
    except ValueError:
        raise ValueError(f"broadcast_to: cannot broadcast shape {get_aval(x).shape} to "
                         f"{shape}") from None
    return P.broadcast_to(x, shape)


def broadcast_arrays(*args):
    xs = [_arr(a, "broadcast_arrays") for a in args]
    shape = _np.broadcast_shapes(*[get_aval(x).shape for x in xs])
    return [P.broadcast_to(x, shape) for x in xs]


def concatenate(arrays, axis=0):
    xs = [_arr(a, "concatenate") for a in arrays]
    if not xs:
        raise ValueError("concatenate: need at least one array to concatenate")
    if axis is None:
        xs = [ravel(x) for x in xs]
        axis = 0
    xs = list(U.promote(*xs)) if len(xs) > 1 else xs
    shapes = [get_aval(x).shape for x in xs]
    nd = len(shapes[0])
    if nd == 0:
        raise ValueError("concatenate: zero-dimensional arrays cannot be concatenated")
    ax = _norm_axis(axis, nd, "concatenate")
    for s in shapes:
        if len(s) != nd or builtins_any(a != b for i, (a, b) in enumerate(zip(s, shapes[0]))
                                        if i != ax):
            raise ValueError(f"concatenate: all input array dimensions except for the "
                             f"concatenation axis {ax} must match; got shapes {shapes}")
    return P.concatenate(xs, ax)


def stack(arrays, axis=0):
    xs = [_arr(a, "stack") for a in arrays]
    if not xs:
        raise ValueError("stack: need at least one array to stack")
    shapes = {get_aval(x).shape for x in xs}
    if len(shapes) != 1:
        raise ValueError(f"stack: all input arrays must have the same shape, got "
                         f"{[get_aval(x).shape for x in xs]}")
    nd = get_aval(xs[0]).ndim + 1
    ax = _norm_axis(axis, nd, "stack")
    return concatenate([expand_dims(x, ax) for x in xs], ax)


def vstack(tup):
    xs = [_arr(a, "vstack") for a in tup]
    xs = [reshape(x, (1, -1)) if get_aval(x).ndim < 2 else x for x in xs]
    return concatenate(xs, 0)


def hstack(tup):
    xs = [_arr(a, "hstack") for a in tup]
    xs = [reshape(x, (1,)) if get_aval(x).ndim == 0 else x for x in xs]
    return concatenate(xs, 0 if get_aval(xs[0]).ndim == 1 else 1)


def _slice_axis(x, ax, lo, hi, step=1):
    shape = get_aval(x).shape
    start = [0] * len(shape)
    limit = list(shape)
    strides = [1] * len(shape)
    start[ax], limit[ax], strides[ax] = lo, hi, step
    return P.slice_(x, start, limit, strides)


def split(ary, indices_or_sections, axis=0):
    x = _arr(ary, "split")
    shape = get_aval(x).shape
    ax = _norm_axis(axis, len(shape), "split")
    n = shape[ax]
    if isinstance(indices_or_sections, (int, _np.integer)):
        k = int(indices_or_sections)
        if k <= 0 or n % k:
            raise ValueError(f"split: array split does not result in an equal division "
                             f"({n} elements on axis {ax} into {k} sections)")
        bounds = [i * (n // k) for i in range(k + 1)]
    else:
        bounds = [0] + [min(max(int(i) + (n if i < 0 else 0), 0), n)
                        for i in indices_or_sections] + [n]
    return [_slice_axis(x, ax, lo, max(lo, hi)) for lo, hi in zip(bounds[:-1], bounds[1:])]


def tile(A, reps):
    x = _arr(A, "tile")
    reps = (int(reps),) if isinstance(reps, (int, _np.integer)) else tuple(int(r) for r in reps)
    shape = get_aval(x).shape
    d = max(len(shape), len(reps))
    shape = (1,) * (d - len(shape)) + shape
    reps = (1,) * (d - len(reps)) + reps
    x = P.reshape(x, sum(((1, s) for s in shape), ()))
    x = P.broadcast_to(x, sum(((r, s) for r, s in zip(reps, shape)), ()))
    return P.reshape(x, tuple(r * s for r, s in zip(reps, shape)))


def repeat(a, repeats, axis=None):
    x = _arr(a, "repeat")
    if axis is None:
        x, ax = ravel(x), 0
    else:
        ax = _norm_axis(axis, get_aval(x).ndim, "repeat")
    shape = get_aval(x).shape
    if isinstance(repeats, Tracer):
        repeats = repeats.concrete("repeat counts (they set the output shape)")
    r = _np.asarray(repeats)
    if r.shape == (1,):  # NumPy broadcasts a length-1 repeats array
        r = r.reshape(())
    if r.ndim == 0:
        r = int(r)
        if r < 0:
            raise ValueError(f"repeat: negative repeat count {r}")
        y = P.reshape(x, shape[:ax + 1] + (1,) + shape[ax + 1:])
        y = P.broadcast_to(y, shape[:ax + 1] + (r,) + shape[ax + 1:])
        return P.reshape(y, shape[:ax] + (shape[ax] * r,) + shape[ax + 1:])
    if r.shape != (shape[ax],):
        raise ValueError(f"repeat: repeats of shape {r.shape} do not match axis {ax} of "
                         f"shape {shape}")
    from ._indexing import take
    return take(x, _np.repeat(_np.arange(shape[ax]), r), axis=ax)


def flip(m, axis=None):
    x = _arr(m, "flip")
    return P.rev(x, _axes(axis, get_aval(x).ndim, "flip"))


def fliplr(m): return flip(m, 1)
def flipud(m): return flip(m, 0)


def roll(a, shift, axis=None):
    x = _arr(a, "roll")
    if axis is None:
        return reshape(roll(ravel(x), shift, 0), get_aval(x).shape)
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    shifts = (shift,) if isinstance(shift, (int, _np.integer)) else tuple(shift)
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    if len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError("roll: 'shift' and 'axis' should be scalars or 1D sequences "
                         "of the same length")
    nd = get_aval(x).ndim
    total = {}
    for s, ax in zip(shifts, axes):
        ax = _norm_axis(ax, nd, "roll")
        total[ax] = total.get(ax, 0) + int(s)
    for ax, s in total.items():
        n = get_aval(x).shape[ax]
        s = s % n if n else 0
        if s:
            x = P.concatenate([_slice_axis(x, ax, n - s, n), _slice_axis(x, ax, 0, n - s)], ax)
    return x


def _pad_width(pad_width, nd):
    if isinstance(pad_width, Tracer):
        raise TypeError("pad: pad_width must be concrete integers")
    pw = _np.broadcast_to(_np.asarray(pad_width, _np.int64), (nd, 2)) if nd else _np.zeros((0, 2), int)
    if (pw < 0).any():
        raise ValueError(f"pad: index can't contain negative values (pad_width={pad_width})")
    return [(int(a), int(b)) for a, b in pw]


def pad(array, pad_width, mode="constant", constant_values=0):
    x = _arr(array, "pad")
    shape = get_aval(x).shape
    try:
        pw = _pad_width(pad_width, len(shape))
    except ValueError as e:
        if "negative" in str(e):
            raise
        raise ValueError(f"pad: pad_width {pad_width!r} does not fit an array of shape "
                         f"{shape}") from None
    if mode == "constant":
        cv = constant_values
        if not isinstance(cv, Tracer) and _np.ndim(cv) > 0:
            cvs = _np.broadcast_to(_np.asarray(cv), (len(shape), 2))
            for ax, (lo, hi) in enumerate(pw):  # per-axis values: one axis at a time
                for side, width in ((0, lo), (1, hi)):
                    if width:
                        cfg = [(0, 0, 0)] * len(shape)
                        cfg[ax] = (width, 0, 0) if side == 0 else (0, width, 0)
                        v = cvs[ax, side].astype(get_aval(x).dtype)[()]
                        x = P.pad(x, v, cfg)
            return x
        if isinstance(cv, Tracer):
            v = P.convert_element_type(cv, get_aval(x).dtype)
        else:
            v = _np.asarray(cv).astype(get_aval(x).dtype)[()]
        return P.pad(x, v, [(lo, hi, 0) for lo, hi in pw])
    if mode not in ("edge", "reflect", "symmetric", "wrap"):
        raise NotImplementedError(f"pad: mode {mode!r} is not supported (constant, edge, "
                                  f"reflect, symmetric, wrap are)")
    from ._indexing import take
    for ax, (lo, hi) in enumerate(pw):
        if lo or hi:
            if shape[ax] == 0:
                raise ValueError(f"pad: can't extend empty axis {ax} using mode {mode!r}")
            # NumPy's own index pattern for the mode, then one gather per axis
            idx = _np.pad(_np.arange(shape[ax]), (lo, hi), mode=mode)
            x = take(x, idx, axis=ax)
    return x
