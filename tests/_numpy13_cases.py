"""Issue 13's names in the functorch_lite.numpy surface table (tests/_numpy_cases.py
appends CASES13 to its CASES, so tests/test_numpy_surface.py runs forward vs NumPy,
check_grads order 2 fwd+rev, float32 kept and vmap vs a loop on each; and
tests/test_numpy13_surface.py adds jit vs eager and the bad-axis errors).

Domains keep away from non-differentiable points (ties for sort/median/max,
integers for remainder's quotient, 0 for hypot)."""
import numpy as np

import functorch_lite.numpy as fnp

r = np.random.default_rng(13)


def U(*s, lo=-2.0, hi=2.0):
    return r.uniform(lo, hi, s)


def POS(*s):
    return r.uniform(0.3, 2.0, s)


def AWAY(*s):
    return r.uniform(0.3, 2.0, s) * r.choice([-1.0, 1.0], s)


def DISTINCT(*s):  # well separated values: no ties (sort, median, max)
    n = int(np.prod(s))
    return (r.permutation(n) * 0.37 - n * 0.15 + r.uniform(-0.05, 0.05, n)).reshape(s)


class _C:
    def __init__(self, name, f, np_f, args, grad=True, vmap=True, jaxpr=True, tol=None):
        self.name, self.f, self.np_f, self.args = name, f, np_f, [np.asarray(a) for a in args]
        self.grad, self.vmap, self.jaxpr, self.tol = grad, vmap, jaxpr, tol

    def __repr__(self):
        return self.name


CASES13 = []


def case(name, f, np_f=None, *arg_sets, **kw):
    np_f = f if np_f is None else np_f
    for k, args in enumerate(arg_sets):
        CASES13.append(_C(f"{name}[{k}]", f, np_f, args, **kw))


_I = np.array([[5, 3, -7], [0, 12, 9]])
_B = np.array([[True, False, True], [False, False, True]])

# ------------------------------------------------------------ elementwise math
for _n, _g in [("arcsinh", U), ("asinh", U), ("arctanh", lambda *s: U(*s, lo=-0.8, hi=0.8)),
               ("atanh", lambda *s: U(*s, lo=-0.8, hi=0.8)),
               ("arccosh", lambda *s: U(*s, lo=1.2, hi=3.0)),
               ("acosh", lambda *s: U(*s, lo=1.2, hi=3.0)), ("cbrt", AWAY),
               ("acos", lambda *s: U(*s, lo=-0.9, hi=0.9)),
               ("asin", lambda *s: U(*s, lo=-0.9, hi=0.9)), ("atan", U),
               ("deg2rad", U), ("rad2deg", U), ("degrees", U), ("radians", U), ("sinc", AWAY)]:
    _ref = {"asinh": np.arcsinh, "atanh": np.arctanh, "acosh": np.arccosh, "acos": np.arccos,
            "asin": np.arcsin, "atan": np.arctan}.get(_n, getattr(np, _n, None))
    case(_n, getattr(fnp, _n), _ref, [_g(4)], [_g(2, 3)])
for _n in ["trunc", "fix", "rint", "signbit"]:
    case(_n, getattr(fnp, _n), getattr(np, _n), [np.array([-2.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.7])],
         [_I], grad=False)
for _n, (_g1, _g2) in [("hypot", (AWAY, AWAY)), ("logaddexp", (U, U)),
                       ("logaddexp2", (U, U)), ("copysign", (AWAY, AWAY)),
                       ("nextafter", (U, U)), ("float_power", (POS, U)),
                       ("atan2", (AWAY, AWAY)), ("pow", (POS, U))]:
    _ref = {"atan2": np.arctan2, "pow": np.power}.get(_n, getattr(np, _n, None))
    case(_n, getattr(fnp, _n), _ref, [_g1(2, 3), _g2(3)], [_g1(), _g2(2, 3)])
# remainder-like: quotients kept away from integers
_Y = np.array([0.7, -0.9, 1.3])
_X = _Y * np.array([3.4, -2.3, 1.6])
case("fmod", fnp.fmod, np.fmod, [_X, _Y])
case("fmod_int", fnp.fmod, np.fmod, [_I, np.array([3, -4, 5])], grad=False)
case("divmod", fnp.divmod, np.divmod, [_X, _Y], [_I, np.array([3, -4, 5])], grad=False)
_H = np.array([-1.5, 0.0, 2.0])  # the step's jump at 0: differentiate in x2 only
case("heaviside", lambda h: fnp.heaviside(_H, h), lambda h: np.heaviside(_H, h), [U(3)])
for _n in ["bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift",
           "bitwise_left_shift", "bitwise_right_shift"]:
    _ref = getattr(np, _n.replace("bitwise_left", "left").replace("bitwise_right", "right"))
    case(_n, getattr(fnp, _n), _ref, [np.abs(_I), np.array([1, 2, 3])], grad=False)
case("bitwise_and_bool", fnp.bitwise_and, np.bitwise_and, [_B, _B[::-1]], grad=False)
for _n in ["invert", "bitwise_not", "bitwise_invert"]:
    case(_n, getattr(fnp, _n), np.invert, [_I], [_B], grad=False)
case("isposinf", fnp.isposinf, np.isposinf, [np.array([1.0, np.inf, -np.inf, np.nan])],
     grad=False)
case("isneginf", fnp.isneginf, np.isneginf, [np.array([1.0, np.inf, -np.inf, np.nan])],
     grad=False)

# ------------------------------------------------------------ sorting & sets
_D = DISTINCT(3, 4)
for _ax in [-1, 0, None]:
    case(f"sort-ax{_ax}", lambda x, _a=_ax: fnp.sort(x, axis=_a),
         lambda x, _a=_ax: np.sort(x, axis=_a), [_D])
    case(f"argsort-ax{_ax}", lambda x, _a=_ax: fnp.argsort(x, axis=_a),
         lambda x, _a=_ax: np.argsort(x, axis=_a, kind="stable"), [_D],
         [np.array([3, 1, 3, 0, 1])], grad=False)
case("sort_descending", lambda x: fnp.sort(x, descending=True), lambda x: -np.sort(-x), [_D])
case("argsort_descending", lambda x: fnp.argsort(x, descending=True),
     lambda x: np.argsort(-x, kind="stable"), [np.array([3, 1, 3, 0, 1])], grad=False)
case("msort", fnp.msort, lambda x: np.sort(x, axis=0), [_D])
case("lexsort", fnp.lexsort, np.lexsort, [np.array([[1, 2, 1, 2], [0, 0, 1, 1]])], grad=False)
case("partition", lambda x: fnp.partition(x, 2), lambda x: np.sort(x), [_D])
case("argpartition", lambda x: fnp.argpartition(x, 1), lambda x: np.argsort(x), [_D],
     grad=False)
case("searchsorted", lambda v: fnp.searchsorted(np.array([-1.0, 0.0, 0.5, 2.0]), v),
     lambda v: np.searchsorted(np.array([-1.0, 0.0, 0.5, 2.0]), v), [U(2, 3)], grad=False)
case("searchsorted_right", lambda a, v: fnp.searchsorted(a, v, side="right"),
     lambda a, v: np.searchsorted(a, v, side="right"), [np.array([1, 2, 2, 5]),
                                                         np.array([2, 0, 6])], grad=False)
_R = np.array([3.0, 1.0, 2.0, 3.0, 1.0, 7.0])
_RD = DISTINCT(6)  # derivatives: distinct values (a perturbed tie changes the size)
case("unique", fnp.unique, np.unique, [_RD], vmap=False, jaxpr=False)
case("unique_ties", fnp.unique, np.unique, [_R], grad=False, vmap=False, jaxpr=False)
case("unique_flags", lambda x: fnp.unique(x, True, True, True),
     lambda x: np.unique(x, True, True, True), [_R], grad=False, vmap=False, jaxpr=False)
case("unique_size", lambda x: fnp.unique(x, size=6), lambda x: np.concatenate(
    [np.unique(x), np.full(2, np.unique(x)[0])]), [_R], grad=False)
case("unique_size_grad", lambda x: fnp.unique(x, size=8), lambda x: np.concatenate(
    [np.unique(x), np.full(2, np.unique(x)[0])]), [_RD])
case("unique_values", fnp.unique_values, np.unique_values, [_RD], vmap=False, jaxpr=False)
case("unique_counts", lambda x: tuple(fnp.unique_counts(x)),
     lambda x: tuple(np.unique_counts(x)), [_R], grad=False, vmap=False, jaxpr=False)
case("unique_inverse", lambda x: tuple(fnp.unique_inverse(x)),
     lambda x: tuple(np.unique_inverse(x)), [_R], grad=False, vmap=False, jaxpr=False)
case("unique_all", lambda x: tuple(fnp.unique_all(x)), lambda x: tuple(np.unique_all(x)),
     [_R], grad=False, vmap=False, jaxpr=False)
case("isin", lambda x: fnp.isin(x, [1.0, 7.0, 4.0]), lambda x: np.isin(x, [1.0, 7.0, 4.0]),
     [_R], grad=False)
case("in1d", lambda x: fnp.in1d(x, [1.0, 7.0]), lambda x: np.isin(x.ravel(), [1.0, 7.0]),
     [_R], grad=False)
_S1, _S2 = np.array([1, 4, 2, 9, 4]), np.array([4, 7, 1, 3])
for _n in ["intersect1d", "union1d", "setdiff1d", "setxor1d"]:
    case(_n, getattr(fnp, _n), getattr(np, _n), [_S1, _S2], grad=False, vmap=False,
         jaxpr=False)

# ------------------------------------------------------------ creation
case("logspace", lambda a: fnp.logspace(a, 2.0, 5), lambda a: np.logspace(a, 2.0, 5),
     [np.array(0.3)])
case("geomspace", lambda a: fnp.geomspace(a, 8.0, 4), lambda a: np.geomspace(a, 8.0, 4),
     [np.array(1.5)])
case("meshgrid", lambda x, y: fnp.meshgrid(x, y), lambda x, y: np.meshgrid(x, y),
     [U(3), U(4)])
case("meshgrid_ij", lambda x, y: fnp.meshgrid(x, y, indexing="ij"),
     lambda x, y: np.meshgrid(x, y, indexing="ij"), [U(3), U(4)])
case("indices", lambda: fnp.indices((2, 3)), lambda: np.indices((2, 3)), [], grad=False)
case("tri", lambda: fnp.tri(3, 4, 1), lambda: np.tri(3, 4, 1), [], grad=False)
for _n in ["tril_indices", "triu_indices"]:
    case(_n, lambda _f=getattr(fnp, _n): _f(3, 1), lambda _f=getattr(np, _n): _f(3, 1), [],
         grad=False)
    case(_n + "_from", lambda x, _f=getattr(fnp, _n + "_from"): _f(x),
         lambda x, _f=getattr(np, _n + "_from"): _f(x), [U(3, 4)], grad=False)
case("diag_indices", lambda: fnp.diag_indices(3), lambda: np.diag_indices(3), [], grad=False)
case("diag_indices_from", fnp.diag_indices_from, np.diag_indices_from, [U(3, 3)], grad=False)
for _n in ["atleast_1d", "atleast_2d", "atleast_3d"]:
    case(_n, getattr(fnp, _n), getattr(np, _n), [U()], [U(3)], [U(2, 3)])
case("r_", lambda x: fnp.r_[x, 0.5, x], lambda x: np.r_[x, 0.5, x], [U(3)])
case("c_", lambda x: fnp.c_[x, x], lambda x: np.c_[x, x], [U(3)])

# ------------------------------------------------------------ shape
_M = U(3, 4)
case("append", lambda x: fnp.append(x, x[:1], axis=0), lambda x: np.append(x, x[:1], axis=0),
     [_M])
case("append_flat", lambda x: fnp.append(x, 1.5), lambda x: np.append(x, 1.5), [_M])
case("insert", lambda x, v: fnp.insert(x, [1, 3], v, axis=1),
     lambda x, v: np.insert(x, [1, 3], v, axis=1), [_M, U(3, 2)])
case("delete", lambda x: fnp.delete(x, [0, 2], axis=1), lambda x: np.delete(x, [0, 2], axis=1),
     [_M])
case("array_split", lambda x: fnp.array_split(x, 3, axis=1),
     lambda x: np.array_split(x, 3, axis=1), [_M])
case("hsplit", lambda x: fnp.hsplit(x, 2), lambda x: np.hsplit(x, 2), [_M])
case("vsplit", lambda x: fnp.vsplit(x, 3), lambda x: np.vsplit(x, 3), [_M])
case("dsplit", lambda x: fnp.dsplit(x, 2), lambda x: np.dsplit(x, 2), [U(2, 2, 4)])
case("dstack", lambda x, y: fnp.dstack([x, y]), lambda x, y: np.dstack([x, y]), [_M, _M])
case("column_stack", lambda x, y: fnp.column_stack([x, y]),
     lambda x, y: np.column_stack([x, y]), [U(3), U(3)])
case("row_stack", lambda x, y: fnp.row_stack([x, y]), lambda x, y: np.vstack([x, y]),
     [U(3), U(3)])
for _k in (1, 2, 3):
    case(f"rot90-k{_k}", lambda x, _k=_k: fnp.rot90(x, _k), lambda x, _k=_k: np.rot90(x, _k), [_M])
case("resize", lambda x: fnp.resize(x, (5, 3)), lambda x: np.resize(x, (5, 3)), [_M])
case("concat", lambda x: fnp.concat([x, x], axis=1), lambda x: np.concatenate([x, x], 1), [_M])
case("permute_dims", lambda x: fnp.permute_dims(x, (2, 0, 1)),
     lambda x: np.transpose(x, (2, 0, 1)), [U(2, 3, 4)])
case("matrix_transpose", fnp.matrix_transpose, np.matrix_transpose, [U(2, 3, 4)])
case("unstack", lambda x: fnp.unstack(x, axis=1), lambda x: tuple(np.moveaxis(x, 1, 0)), [_M])
case("vecdot", lambda x, y: fnp.vecdot(x, y), lambda x, y: np.sum(x * y, -1), [_M, U(4)])

# ------------------------------------------------------------ logic
case("array_equal", fnp.array_equal, np.array_equal, [_I, _I], [_I, _I[:, ::-1]], grad=False)
case("array_equiv", fnp.array_equiv, np.array_equiv, [_I, _I[:1]], [_I[0], _I], grad=False)
case("count_nonzero", lambda x: fnp.count_nonzero(x, axis=1),
     lambda x: np.count_nonzero(x, axis=1), [_I], grad=False)

# ------------------------------------------------------------ statistics
_X3 = DISTINCT(2, 3, 5)
case("ptp", lambda x: fnp.ptp(x, axis=2), lambda x: np.ptp(x, axis=2), [_X3])
case("average", lambda x, w: fnp.average(x, axis=2, weights=w),
     lambda x, w: np.average(x, axis=2, weights=w), [_X3, POS(5)])
for _ax in [None, 1, (0, 2)]:
    case(f"median-ax{_ax}", lambda x, _a=_ax: fnp.median(x, axis=_a),
         lambda x, _a=_ax: np.median(x, axis=_a), [_X3])
for _m in ["linear", "lower", "higher", "nearest", "midpoint"]:
    case(f"quantile-{_m}", lambda x, _m=_m: fnp.quantile(x, [0.1, 0.77], axis=2, method=_m),
         lambda x, _m=_m: np.quantile(x, [0.1, 0.77], axis=2, method=_m), [_X3])
case("quantile_q", lambda x, q: fnp.quantile(x, q), lambda x, q: np.quantile(x, q),
     [_X3, np.array(0.37)])
case("percentile", lambda x: fnp.percentile(x, [20.0, 65.0], axis=1, keepdims=True),
     lambda x: np.percentile(x, [20.0, 65.0], axis=1, keepdims=True), [_X3])
_XN = _X3.copy()
_XN[0, 1, 2] = np.nan
for _n in ["nansum", "nanprod", "nanmean", "nanvar", "nanstd", "nanmax", "nanmin",
           "nanmedian"]:
    case(_n, lambda x, _f=getattr(fnp, _n): _f(x, axis=2),
         lambda x, _f=getattr(np, _n): _f(x, axis=2), [_XN], vmap=False)
    case(_n + "_plain", lambda x, _f=getattr(fnp, _n): _f(x, axis=1),
         lambda x, _f=getattr(np, _n): _f(x, axis=1), [_X3])
for _n in ["nanquantile", "nanpercentile"]:
    _q = 0.3 if _n == "nanquantile" else 30.0
    case(_n, lambda x, _f=getattr(fnp, _n), _q=_q: _f(x, _q, axis=2),
         lambda x, _f=getattr(np, _n), _q=_q: _f(x, _q, axis=2), [_XN], vmap=False)
for _n in ["nanargmax", "nanargmin"]:
    case(_n, lambda x, _f=getattr(fnp, _n): _f(x, axis=2),
         lambda x, _f=getattr(np, _n): _f(x, axis=2), [_XN], grad=False)
for _n in ["nancumsum", "nancumprod"]:
    case(_n, lambda x, _f=getattr(fnp, _n): _f(x, axis=1),
         lambda x, _f=getattr(np, _n): _f(x, axis=1), [_XN], vmap=False)
    case(_n + "_plain", lambda x, _f=getattr(fnp, _n): _f(x, axis=1),
         lambda x, _f=getattr(np, _n): _f(x, axis=1), [_X3])
case("cov", fnp.cov, np.cov, [U(3, 6)])
case("cov_weights", lambda m, a: fnp.cov(m, aweights=a, fweights=np.array([1, 2, 1, 1, 3, 1])),
     lambda m, a: np.cov(m, aweights=a, fweights=np.array([1, 2, 1, 1, 3, 1])),
     [U(3, 6), POS(6)])
case("corrcoef", fnp.corrcoef, np.corrcoef, [U(3, 6)])

# ------------------------------------------------------------ numerics
for _n in (1, 2):
    case(f"diff-n{_n}", lambda x, _n=_n: fnp.diff(x, n=_n, axis=1),
         lambda x, _n=_n: np.diff(x, n=_n, axis=1), [_M])
case("diff_prepend", lambda x: fnp.diff(x, prepend=0.0), lambda x: np.diff(x, prepend=0.0),
     [_M])
case("ediff1d", lambda x: fnp.ediff1d(x, to_begin=[0.5]),
     lambda x: np.ediff1d(x, to_begin=[0.5]), [_M])
case("gradient", lambda x: fnp.gradient(x, 0.5, axis=1), lambda x: np.gradient(x, 0.5, axis=1),
     [_M])
case("gradient_coords", lambda x: fnp.gradient(x, np.array([0.0, 0.4, 1.1, 1.5])),
     lambda x: np.gradient(x, np.array([0.0, 0.4, 1.1, 1.5])), [U(4)])
case("gradient_edge2", lambda x: fnp.gradient(x, edge_order=2),
     lambda x: np.gradient(x, edge_order=2), [_M])
case("trapezoid", lambda y, x: fnp.trapezoid(y, x), lambda y, x: np.trapezoid(y, x),
     [_M, np.array([0.0, 0.4, 1.1, 1.5])])
case("trapz", lambda y: fnp.trapz(y, dx=0.3), lambda y: np.trapezoid(y, dx=0.3), [_M])
case("cumulative_sum", lambda x: fnp.cumulative_sum(x, axis=1, include_initial=True),
     lambda x: np.cumulative_sum(x, axis=1, include_initial=True), [_M])
_XP = np.array([0.0, 1.0, 2.5, 4.0])
case("interp", lambda x, f: fnp.interp(x, _XP, f), lambda x, f: np.interp(x, _XP, f),
     [np.array([-0.5, 0.3, 1.7, 3.2, 4.5]), U(4)])
case("polyval", fnp.polyval, np.polyval, [U(3), U(2, 3)])
case("polyfit", lambda x, y: fnp.polyfit(x, y, 2), lambda x, y: np.polyfit(x, y, 2),
     [np.linspace(0.0, 1.0, 6), U(6)], tol=1e-9)
for _mode in ["full", "same", "valid"]:
    case(f"convolve-{_mode}", lambda a, v, _m=_mode: fnp.convolve(a, v, _m),
         lambda a, v, _m=_mode: np.convolve(a, v, _m), [U(5), U(3)])
    case(f"correlate-{_mode}", lambda a, v, _m=_mode: fnp.correlate(a, v, _m),
         lambda a, v, _m=_mode: np.correlate(a, v, _m), [U(5), U(3)])
case("bincount", lambda w: fnp.bincount(np.array([0, 1, 1, 3]), w, minlength=5),
     lambda w: np.bincount(np.array([0, 1, 1, 3]), w, minlength=5), [POS(4)])
case("histogram", lambda x: fnp.histogram(x, 4, range=(-2.0, 2.0))[0],
     lambda x: np.histogram(x, 4, range=(-2.0, 2.0))[0], [np.array([-1.5, 0.2, 0.3, 1.9, 2.0])],
     grad=False)
case("histogram_weights", lambda w: fnp.histogram(np.array([0.1, 0.5, 0.9]), 2, weights=w)[0],
     lambda w: np.histogram(np.array([0.1, 0.5, 0.9]), 2, weights=w)[0], [POS(3)])

# ------------------------------------------------------------ Array API utilities
case("finfo", lambda: np.asarray([fnp.finfo(np.float32).eps, fnp.finfo(np.float64).max]),
     lambda: np.asarray([float(np.finfo(np.float32).eps), float(np.finfo(np.float64).max)]),
     [], grad=False)
case("iinfo", lambda: np.asarray(fnp.iinfo(np.int16).max), lambda: np.asarray(np.iinfo(np.int16).max),
     [], grad=False)
case("can_cast", lambda: np.asarray([fnp.can_cast(np.int8, np.int16),
                                     fnp.can_cast(np.float64, np.float32)]),
     lambda: np.asarray([True, False]), [], grad=False)
case("isdtype", lambda: np.asarray([fnp.isdtype(np.float32, "real floating"),
                                    fnp.isdtype(np.int8, "unsigned integer")]),
     lambda: np.asarray([True, False]), [], grad=False)
case("from_dlpack", fnp.from_dlpack, lambda x: x, [U(3)], grad=False, vmap=False, jaxpr=False)
