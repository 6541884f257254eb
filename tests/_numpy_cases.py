"""The table behind tests/test_numpy_surface.py: one or more cases per public
functorch_lite.numpy function.  Each case is a function of float arrays, its
NumPy reference and the arguments; ``grad=True`` cases also run check_grads
(order 2, fwd and rev, float64), the float32 checks and a vmap-vs-loop check.

Domains avoid the points where a function is not differentiable (abs at 0,
max ties, floor at integers) so finite differences are meaningful there.
"""
import numpy as np

import functorch_lite.numpy as fnp

rng = np.random.default_rng(0)


def U(*shape, lo=-2.0, hi=2.0):
    return rng.uniform(lo, hi, shape)


def AWAY(*shape):  # |x| in [0.3, 2], no zeros
    return rng.uniform(0.3, 2.0, shape) * rng.choice([-1.0, 1.0], shape)


def POS(*shape):
    return rng.uniform(0.3, 2.0, shape)


def FRAC(*shape):  # k + 0.5 +- 0.3: away from integers and half-integers
    return rng.integers(-3, 3, shape) + 0.5 + rng.uniform(-0.2, 0.2, shape) + 0.05


class Case:
    def __init__(self, name, f, np_f, args, grad=True, vmap=True, jaxpr=True, tol=None):
        self.name, self.f, self.np_f, self.args = name, f, np_f, [np.asarray(a) for a in args]
        self.grad, self.vmap, self.jaxpr, self.tol = grad, vmap, jaxpr, tol

    def __repr__(self):
        return self.name


CASES = []


def case(name, f, np_f=None, *arg_sets, **kw):
    np_f = f if np_f is None else np_f
    for k, args in enumerate(arg_sets):
        CASES.append(Case(f"{name}[{k}]", f, np_f, args, **kw))


# ------------------------------------------------------------- elementwise
UNARY = {
    "exp": U, "log": POS, "log1p": POS, "expm1": U, "sin": U, "cos": U,
    "tan": lambda *s: U(*s, lo=-1.2, hi=1.2), "arcsin": lambda *s: U(*s, lo=-0.9, hi=0.9),
    "arccos": lambda *s: U(*s, lo=-0.9, hi=0.9), "arctan": U, "sinh": U, "cosh": U,
    "tanh": U, "sqrt": POS, "abs": AWAY, "absolute": AWAY, "sign": AWAY, "negative": U,
    "positive": U, "square": U, "reciprocal": AWAY, "floor": FRAC, "ceil": FRAC,
    "round": FRAC, "around": FRAC, "log2": POS, "log10": POS, "exp2": U,
}
for _n, _gen in UNARY.items():
    case(_n, getattr(fnp, _n), getattr(np, _n), [_gen()], [_gen(4)], [_gen(2, 3)])
case("round_decimals", lambda x: fnp.round(x, 1), lambda x: np.round(x, 1), [FRAC(3) / 10])

BIN_SHAPES = [((), ()), ((3,), (3,)), ((2, 3), (3,)), ((2, 1), (1, 3)), ((), (2, 3))]
BINARY = {
    "add": (U, U), "subtract": (U, U), "multiply": (U, U), "divide": (U, AWAY),
    "true_divide": (U, AWAY), "power": (POS, U), "arctan2": (AWAY, AWAY),
    "maximum": (U, U), "minimum": (U, U), "floor_divide": (POS, POS), "mod": (POS, POS),
    "remainder": (POS, POS),
}
for _n, (_g1, _g2) in BINARY.items():
    case(_n, getattr(fnp, _n), getattr(np, _n), *[[_g1(*a), _g2(*b)] for a, b in BIN_SHAPES])
case("power_int", lambda x: fnp.power(x, 3), lambda x: np.power(x, 3), [U(2, 3)])
case("power_half", lambda x: x ** 0.5, lambda x: x ** 0.5, [POS(3)])
case("power_neg_int", lambda x: x ** -2, lambda x: x ** -2, [AWAY(3)])
case("rpow", lambda x: 2.0 ** x, lambda x: 2.0 ** x, [U(3)])
case("clip", lambda x: fnp.clip(x, -1.0, 1.0), lambda x: np.clip(x, -1.0, 1.0),
     [np.array([-1.7, -0.4, 0.3, 1.6])])
case("clip_arrays", fnp.clip, np.clip, [U(2, 3), np.full(3, -0.5) + U(3) * 0.1,
                                         np.full(3, 0.5) + U(3) * 0.1])
case("clip_kw", lambda x: fnp.clip(x, max=0.5), lambda x: np.clip(x, None, 0.5),
     [np.array([-1.0, 0.2, 1.3])])
_C = np.array([[True, False, True], [False, False, True]])
case("where", lambda a, b: fnp.where(_C, a, b), lambda a, b: np.where(_C, a, b),
     [U(2, 3), U(3)], [U(), U(2, 3)])
case("where_scalar", lambda a: fnp.where(a > 0, a, 0.0), lambda a: np.where(a > 0, a, 0.0),
     [AWAY(2, 3)])

# non-differentiable elementwise: forward (and dtype) only
_I = np.array([[1, 0, -2], [3, 0, 5]])
_F = np.array([[1.0, np.inf, -np.inf], [np.nan, 0.0, -2.5]])
for _n in ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
           "logical_and", "logical_or", "logical_xor"]:
    case(_n, getattr(fnp, _n), getattr(np, _n), [U(2, 3).round(), U(3).round()],
         [_I, 0], [_I > 0, _I < 2], grad=False)
case("logical_not", fnp.logical_not, np.logical_not, [_I], [_I > 0], grad=False)
for _n in ["isfinite", "isnan", "isinf"]:
    case(_n, getattr(fnp, _n), getattr(np, _n), [_F], [_I], grad=False)
case("int_ops", lambda a: fnp.floor_divide(a, 2) + fnp.mod(a, 3) + fnp.power(a, 2),
     lambda a: np.floor_divide(a, 2) + np.mod(a, 3) + np.power(a, 2), [_I], grad=False)
case("int_float_math", fnp.sqrt, np.sqrt, [np.abs(_I)], [np.abs(_I).astype(np.int8)],
     grad=False)

# ---------------------------------------------------------------- reductions
RED_SHAPES = [(), (4,), (2, 3), (2, 3, 2)]
AXES = {0: [None], 1: [None, 0, -1], 2: [None, 0, 1, -1, (0, 1)],
        3: [None, 1, (0, 2), (-1, 0, 1)]}
for _n, _gen in [("sum", U), ("mean", U), ("prod", U), ("max", U), ("min", U),
                 ("amax", U), ("amin", U), ("var", U), ("std", U)]:
    for _s in RED_SHAPES:
        for _ax in AXES[len(_s)]:
            for _kd in (False, True):
                if _n == "std" and len(_s) == 0:
                    continue  # std of one value is 0, and sqrt's derivative at 0 is inf
                case(f"{_n}{_s}-ax{_ax}-kd{int(_kd)}",
                     lambda x, _f=getattr(fnp, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
                     lambda x, _f=getattr(np, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
                     [_gen(*_s)])
case("var_ddof", lambda x: fnp.var(x, axis=1, ddof=1), lambda x: np.var(x, axis=1, ddof=1),
     [U(2, 3)])
case("std_ddof", lambda x: fnp.std(x, ddof=1), lambda x: np.std(x, ddof=1), [U(2, 3)])
case("prod_zero", lambda x: fnp.prod(x * np.array([1.0, 0.0, 1.0, 1.0, 1.0])),
     lambda x: np.prod(x * np.array([1.0, 0.0, 1.0, 1.0, 1.0])), [U(5)])
case("sum_int", lambda x: fnp.sum(x, axis=0), lambda x: np.sum(x, axis=0), [_I], [_I > 0],
     grad=False)
case("mean_int", fnp.mean, np.mean, [_I], grad=False)
for _n in ["cumsum", "cumprod"]:
    for _ax in [None, 0, -1]:
        case(f"{_n}-ax{_ax}", lambda x, _f=getattr(fnp, _n), _a=_ax: _f(x, axis=_a),
             lambda x, _f=getattr(np, _n), _a=_ax: _f(x, axis=_a), [U(2, 5)], [U(3, 2, 2)])
    case(f"{_n}_int", getattr(fnp, _n), getattr(np, _n), [_I], grad=False)
for _n in ["argmax", "argmin"]:
    for _ax, _kd in [(None, False), (0, False), (-1, True), (None, True)]:
        case(f"{_n}-ax{_ax}-kd{int(_kd)}",
             lambda x, _f=getattr(fnp, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
             lambda x, _f=getattr(np, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
             [U(2, 3)], [_I], [_I > 0], grad=False)
for _n in ["all", "any"]:
    for _ax, _kd in [(None, False), (0, False), (1, True), ((0, 1), False)]:
        case(f"{_n}-ax{_ax}-kd{int(_kd)}",
             lambda x, _f=getattr(fnp, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
             lambda x, _f=getattr(np, _n), _a=_ax, _k=_kd: _f(x, axis=_a, keepdims=_k),
             [_I], [_I > 0], [_F], grad=False)

# --------------------------------------------------------------------- shape
X23, X234 = U(2, 3), U(2, 3, 4)
case("reshape", lambda x: fnp.reshape(x, (3, 2)), lambda x: np.reshape(x, (3, 2)), [X23])
case("reshape_m1", lambda x: fnp.reshape(x, (-1, 2)), lambda x: np.reshape(x, (-1, 2)), [X234])
case("ravel", fnp.ravel, np.ravel, [X23], [U()])
case("transpose", fnp.transpose, np.transpose, [X23], [X234], [U(3)])
case("transpose_axes", lambda x: fnp.transpose(x, (1, -1, 0)),
     lambda x: np.transpose(x, (1, -1, 0)), [X234])
case("swapaxes", lambda x: fnp.swapaxes(x, 0, -1), lambda x: np.swapaxes(x, 0, -1), [X234])
case("moveaxis", lambda x: fnp.moveaxis(x, 0, -1), lambda x: np.moveaxis(x, 0, -1), [X234])
case("moveaxis_multi", lambda x: fnp.moveaxis(x, (0, 1), (-1, 0)),
     lambda x: np.moveaxis(x, (0, 1), (-1, 0)), [X234])
for _ax in [0, -1, (0, 2)]:
    case(f"expand_dims{_ax}", lambda x, _a=_ax: fnp.expand_dims(x, _a),
         lambda x, _a=_ax: np.expand_dims(x, _a), [X23])
case("squeeze", fnp.squeeze, np.squeeze, [U(1, 3, 1)], [U(1)])
case("squeeze_axis", lambda x: fnp.squeeze(x, -1), lambda x: np.squeeze(x, -1), [U(1, 3, 1)])
case("broadcast_to", lambda x: fnp.broadcast_to(x, (2, 2, 3)),
     lambda x: np.broadcast_to(x, (2, 2, 3)), [U(3)], [U(2, 1)], [U()])
case("broadcast_arrays", fnp.broadcast_arrays, np.broadcast_arrays, [U(3), U(2, 1)])
for _ax in [0, 1, -1, None]:
    case(f"concatenate{_ax}", lambda a, b, _a=_ax: fnp.concatenate([a, b], axis=_a),
         lambda a, b, _a=_ax: np.concatenate([a, b], axis=_a), [U(2, 3), U(2, 3)])
case("concatenate_uneven", lambda a, b: fnp.concatenate((a, b)),
     lambda a, b: np.concatenate((a, b)), [U(2, 3), U(1, 3)])
for _ax in [0, 1, -1]:
    case(f"stack{_ax}", lambda a, b, _a=_ax: fnp.stack([a, b], axis=_a),
         lambda a, b, _a=_ax: np.stack([a, b], axis=_a), [U(2, 3), U(2, 3)])
case("vstack", lambda a, b: fnp.vstack([a, b]), lambda a, b: np.vstack([a, b]), [U(3), U(2, 3)])
case("hstack", lambda a, b: fnp.hstack([a, b]), lambda a, b: np.hstack([a, b]),
     [U(3), U(2)], [U(2, 1), U(2, 3)])
case("split", lambda x: fnp.split(x, 2, axis=1), lambda x: np.split(x, 2, axis=1), [U(2, 4)])
case("split_idx", lambda x: fnp.split(x, [1, 3]), lambda x: np.split(x, [1, 3]), [U(5)])
case("tile", lambda x: fnp.tile(x, (2, 1, 2)), lambda x: np.tile(x, (2, 1, 2)), [X23], [U(3)])
case("tile_int", lambda x: fnp.tile(x, 3), lambda x: np.tile(x, 3), [X23])
case("repeat", lambda x: fnp.repeat(x, 2), lambda x: np.repeat(x, 2), [X23])
case("repeat_axis", lambda x: fnp.repeat(x, [1, 0, 3], axis=-1),
     lambda x: np.repeat(x, [1, 0, 3], axis=-1), [X23])
for _ax in [None, 0, (0, 2)]:
    case(f"flip{_ax}", lambda x, _a=_ax: fnp.flip(x, _a), lambda x, _a=_ax: np.flip(x, _a),
         [X234])
case("fliplr", fnp.fliplr, np.fliplr, [X23])
case("flipud", fnp.flipud, np.flipud, [X23])
case("roll", lambda x: fnp.roll(x, 2), lambda x: np.roll(x, 2), [X23])
case("roll_axes", lambda x: fnp.roll(x, (1, -1), (0, 2)), lambda x: np.roll(x, (1, -1), (0, 2)),
     [X234])
case("pad", lambda x: fnp.pad(x, 1), lambda x: np.pad(x, 1), [X23])
case("pad_value", lambda x: fnp.pad(x, ((0, 1), (2, 0)), constant_values=3.0),
     lambda x: np.pad(x, ((0, 1), (2, 0)), constant_values=3.0), [X23])
case("pad_values_per_axis", lambda x: fnp.pad(x, 1, constant_values=((1.0, 2.0), (3.0, 4.0))),
     lambda x: np.pad(x, 1, constant_values=((1.0, 2.0), (3.0, 4.0))), [X23])
case("pad_traced_value", lambda x, v: fnp.pad(x, (1, 2), constant_values=v),
     lambda x, v: np.pad(x, (1, 2), constant_values=v), [U(3), U()])
for _m in ["edge", "reflect", "symmetric", "wrap"]:
    case(f"pad_{_m}", lambda x, _m=_m: fnp.pad(x, ((1, 2), (3, 1)), mode=_m),
         lambda x, _m=_m: np.pad(x, ((1, 2), (3, 1)), mode=_m), [U(3, 4)])
_IDX = np.array([[0, 2, 2], [1, 0, -1]])
case("take", lambda x: fnp.take(x, _IDX), lambda x: np.take(x, _IDX), [X23])
case("take_axis", lambda x: fnp.take(x, _IDX, axis=-1), lambda x: np.take(x, _IDX, axis=-1),
     [X234[:, :, :3]])
case("take_scalar", lambda x: fnp.take(x, 1, axis=1), lambda x: np.take(x, 1, axis=1), [X23])
case("take_modes", lambda x: fnp.take(x, [5, -7], mode="wrap") + fnp.take(x, [9, -1], mode="clip"),
     lambda x: np.take(x, [5, -7], mode="wrap") + np.take(x, [9, -1], mode="clip"), [U(4)])
_TA = np.array([[2, 0, 0], [1, 1, 0]])
case("take_along_axis", lambda x: fnp.take_along_axis(x, _TA, axis=1),
     lambda x: np.take_along_axis(x, _TA, axis=1), [X23])
case("take_along_axis0", lambda x: fnp.take_along_axis(x, np.array([[1, 0, 1]]), axis=0),
     lambda x: np.take_along_axis(x, np.array([[1, 0, 1]]), axis=0), [X23])
case("take_along_none", lambda x: fnp.take_along_axis(x, np.array([4, 0, 4]), axis=None),
     lambda x: np.take_along_axis(x, np.array([4, 0, 4]), axis=None), [X23])

# -------------------------------------------------------------------- matrix
case("dot", fnp.dot, np.dot, [U(3), U(3)], [U(2, 3), U(3)], [U(3), U(3, 2)],
     [U(2, 3), U(3, 4)], [U(2, 2, 3), U(4, 3, 2)], [U(), U(2, 3)])
case("matmul", fnp.matmul, np.matmul, [U(3), U(3)], [U(2, 3), U(3)], [U(3), U(3, 2)],
     [U(2, 3), U(3, 4)], [U(2, 2, 3), U(3, 2)], [U(2, 1, 2, 3), U(3, 3, 2)], [U(3), U(2, 3, 2)])
case("matmul_op", lambda a, b: a @ b, lambda a, b: a @ b, [U(2, 3), U(3, 2)])
for _k in [0, 1, -2]:
    case(f"diag{_k}", lambda x, _k=_k: fnp.diag(x, _k), lambda x, _k=_k: np.diag(x, _k),
         [U(3)], [U(3, 4)])
for _n in ["tril", "triu"]:
    for _k in [0, 1, -1]:
        case(f"{_n}{_k}", lambda x, _f=getattr(fnp, _n), _k=_k: _f(x, _k),
             lambda x, _f=getattr(np, _n), _k=_k: _f(x, _k), [U(3, 3)], [U(2, 3, 4)])

# ------------------------------------------------------------------ creation
case("asarray", fnp.asarray, np.asarray, [U(2, 3)])
case("array", fnp.array, np.array, [U(2, 3)])
case("asarray_list", lambda a, b: fnp.asarray([a, b, 1.0]), lambda a, b: np.asarray([a, b, 1.0]),
     [U(), U()])
case("full", lambda v: fnp.full((2, 3), v), lambda v: np.full((2, 3), v), [U()], [U(3)])
case("full_like", lambda x, v: fnp.full_like(x, v), lambda x, v: np.full_like(x, v),
     [U(2, 3), U()])
case("linspace", lambda a, b: fnp.linspace(a, b, 5), lambda a, b: np.linspace(a, b, 5),
     [U(), U()], [U(2), U(2)])
case("astype", lambda x: fnp.astype(x, np.float64) * 2, lambda x: x.astype(np.float64) * 2,
     [U(3)])
case("astype_int", lambda x: fnp.astype(x, np.int32), lambda x: x.astype(np.int32), [U(2, 3)],
     grad=False)
for _n, _f, _g in [("zeros", lambda: fnp.zeros((2, 3)), lambda: np.zeros((2, 3))),
                   ("ones", lambda: fnp.ones(3), lambda: np.ones(3)),
                   ("empty", lambda: fnp.empty((2, 2)) * 0, lambda: np.zeros((2, 2))),
                   ("eye", lambda: fnp.eye(3), lambda: np.eye(3)),
                   ("identity", lambda: fnp.identity(2), lambda: np.identity(2))]:
    case(_n, _f, _g, [], grad=False, vmap=False)
case("eye_k", lambda: fnp.eye(3, 4, k=1, dtype=np.float32),
     lambda: np.eye(3, 4, k=1, dtype=np.float32), [], grad=False, vmap=False)
case("full_const", lambda: fnp.full(3, 2, np.int32), lambda: np.full(3, 2, np.int32), [],
     grad=False, vmap=False)
case("arange", lambda: fnp.arange(2, 9, 3), lambda: np.arange(2, 9, 3), [], grad=False,
     vmap=False)
case("linspace_const", lambda: fnp.linspace(0, 1, 4, endpoint=False),
     lambda: np.linspace(0, 1, 4, endpoint=False), [], grad=False, vmap=False)
for _n in ["zeros_like", "ones_like", "empty_like"]:
    case(_n, lambda x, _f=getattr(fnp, _n): _f(x) * 0 + 1,
         lambda x, _f=getattr(np, _n): _f(x) * 0 + 1, [_I], [U(2)], grad=False)

# ---------------------------------------------------------------- indexing
_getitem = fnp._indexing.getitem  # x[...] on tracers; forward needs it on arrays too
IDX_EXPRS = [
    (1,), (-1,), (slice(None, None, -1),), (slice(1, None, 2),), (slice(None, None, -2),),
    (Ellipsis, 1), (None, 0), (slice(None), None, slice(0, 2)), (1, Ellipsis, None),
    (np.array([0, 2, 2]),), (np.array([[0], [1]]), np.array([1, 2, 0])),
    (slice(None), np.array([3, -1, 0])), (np.array([1, 0]), slice(None), np.array([0, 3])),
    (0, slice(None), np.array([1, 2])), (slice(None), 0, np.array([1, 2])),
    (np.array([1, 0]), None, np.array([0, 1])), (slice(None), None, np.array([0, 1])),
    (np.array([True, False, True]),), (slice(None), np.array([True, False, True, True])),
    (np.arange(12).reshape(3, 4) % 3 == 0,), ([2, 0],), (slice(-1, 0, -1), [1, 1]),
]
for _k, _ix in enumerate(IDX_EXPRS):
    _mask = any(getattr(i, "dtype", None) == bool for i in _ix)
    case(f"getitem{_k}", lambda x, _ix=_ix: _getitem(x, _ix),
         lambda x, _ix=_ix: x[_ix], [U(3, 4, 5)], jaxpr=not _mask)
case("nonzero", fnp.nonzero, np.nonzero, [_I], grad=False, vmap=False, jaxpr=False)
case("where_1arg", fnp.where, np.where, [_I > 0], grad=False, vmap=False, jaxpr=False)


def _np_at(x, idx, op, v):
    y = np.array(x, copy=True)
    {"set": lambda: y.__setitem__(idx, v), "add": lambda: np.add.at(y, idx, v),
     "multiply": lambda: np.multiply.at(y, idx, v), "min": lambda: np.minimum.at(y, idx, v),
     "max": lambda: np.maximum.at(y, idx, v)}[op]()
    return y


AT_IDX = [(1,), (slice(None), 0), (np.array([0, 2, 0]),), (np.array([1, 1]), np.array([2, 2])),
          (np.array([True, False, True]),)]
for _op in ["set", "add", "multiply", "min", "max"]:
    for _k, _ix in enumerate(AT_IDX):
        _v_shape = np.zeros((3, 4))[_ix].shape
        case(f"at_{_op}{_k}", lambda x, v, _ix=_ix, _op=_op: getattr(fnp.at(x)[_ix], _op)(v),
             lambda x, v, _ix=_ix, _op=_op: _np_at(x, _ix, _op, v),
             [U(3, 4), U(*_v_shape) * 3], jaxpr=_k != 4)
case("at_scalar", lambda x: fnp.at(x)[0, 1].set(2.0), lambda x: _np_at(x, (0, 1), "set", 2.0),
     [U(3, 4)])
case("at_broadcast", lambda x, v: fnp.at(x)[:, 1].add(v), lambda x, v: _np_at(x, (slice(None), 1), "add", v),
     [U(3, 4), U()])
case("stop_gradient", fnp.stop_gradient, lambda x: x, [U(3)], grad=False)
case("shape_fns", lambda x: fnp.full((fnp.ndim(x), fnp.size(x)), float(len(fnp.shape(x)))),
     lambda x: np.full((np.ndim(x), np.size(x)), float(len(np.shape(x)))), [X23], grad=False,
     vmap=False)

# ---------------------- linalg, einsum family, stable helpers (other modules)
L = fnp.linalg
SQ = U(3, 3) + 3 * np.eye(3)          # well conditioned
SQB = U(2, 3, 3) + 3 * np.eye(3)
SYM = lambda a: a @ np.swapaxes(a, -1, -2) + 3 * np.eye(a.shape[-1])  # noqa: E731
for _ord, _ax in [(None, None), (1, None), (2, None), (np.inf, None), (None, 1), (3, -1)]:
    case(f"linalg.norm-vec{_ord}-{_ax}", lambda x, _o=_ord, _a=_ax: L.norm(x, _o, _a),
         lambda x, _o=_ord, _a=_ax: np.linalg.norm(x, _o, _a),
         [AWAY(4)] if _ax is None else [AWAY(2, 4)])
for _ord in [None, "fro", 1, np.inf, 2]:
    case(f"linalg.norm-mat{_ord}", lambda x, _o=_ord: L.norm(x, _o),
         lambda x, _o=_ord: np.linalg.norm(x, _o), [SQ])
case("linalg.norm-keep", lambda x: L.norm(x, axis=(0, 1), keepdims=True),
     lambda x: np.linalg.norm(x, axis=(0, 1), keepdims=True), [U(2, 3)])
case("linalg.inv", L.inv, np.linalg.inv, [SQ], [SQB])
case("linalg.solve", L.solve, np.linalg.solve, [SQ, U(3)], [SQ, U(3, 2)], [SQB, U(2, 3, 1)])
case("linalg.det", L.det, np.linalg.det, [SQ], [SQB])
case("linalg.slogdet", lambda a: L.slogdet(a)[1], lambda a: np.linalg.slogdet(a)[1], [SQ])
case("linalg.cholesky", lambda a: L.cholesky(SYM(a)), lambda a: np.linalg.cholesky(SYM(a)),
     [U(3, 3)], [U(2, 3, 3)])
case("linalg.eigh", lambda a: L.eigh(SYM(a))[0], lambda a: np.linalg.eigh(SYM(a))[0],
     [U(3, 3)])
case("linalg.eigvalsh", lambda a: L.eigvalsh(SYM(a)), lambda a: np.linalg.eigvalsh(SYM(a)),
     [U(3, 3)])
case("linalg.qr", lambda a: L.qr(a)[1] ** 2, lambda a: np.linalg.qr(a)[1] ** 2, [SQ], [U(4, 3)])
case("linalg.svd", lambda a: L.svd(a, compute_uv=False),
     lambda a: np.linalg.svd(a, compute_uv=False), [U(3, 2)], [SQ])
case("einsum", lambda a, b: fnp.einsum("ij,jk->ik", a, b),
     lambda a, b: np.einsum("ij,jk->ik", a, b), [U(2, 3), U(3, 4)])
case("einsum_batch", lambda a, b, c: fnp.einsum("bij,bjk,k->bi", a, b, c),
     lambda a, b, c: np.einsum("bij,bjk,k->bi", a, b, c), [U(2, 2, 3), U(2, 3, 4), U(4)])
case("einsum_trace", lambda a: fnp.einsum("ii", a), lambda a: np.einsum("ii", a), [SQ])
case("tensordot", lambda a, b: fnp.tensordot(a, b, axes=([1, 2], [0, 1])),
     lambda a, b: np.tensordot(a, b, axes=([1, 2], [0, 1])), [U(2, 3, 4), U(3, 4, 2)])
case("tensordot_int", fnp.tensordot, np.tensordot, [U(2, 3, 4), U(3, 4, 2)])
case("inner", fnp.inner, np.inner, [U(3), U(3)], [U(2, 3), U(4, 3)])
case("outer", fnp.outer, np.outer, [U(3), U(2)], [U(2, 2), U(3)])
case("vdot", fnp.vdot, np.vdot, [U(3), U(3)], [U(2, 3), U(3, 2)])
case("trace", fnp.trace, np.trace, [SQ], [U(2, 3, 4)])
case("trace_offset", lambda a: fnp.trace(a, 1), lambda a: np.trace(a, 1), [U(3, 4)])
case("diagonal", fnp.diagonal, np.diagonal, [U(3, 4)], [U(2, 3, 4)])
case("diagonal_axes", lambda a: fnp.diagonal(a, -1, 1, 2), lambda a: np.diagonal(a, -1, 1, 2),
     [U(2, 3, 4)])


def _np_lse(x, axis=None, keepdims=False):
    m = np.max(x, axis=axis, keepdims=True)
    out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    return out if keepdims else np.squeeze(out, axis=axis) if axis is not None else out.reshape(())


for _ax, _kd in [(None, False), (0, True), (-1, False), ((0, 1), False)]:
    case(f"logsumexp-{_ax}-{int(_kd)}", lambda x, _a=_ax, _k=_kd: fnp.logsumexp(x, _a, _k),
         lambda x, _a=_ax, _k=_kd: _np_lse(x, _a, _k), [U(2, 3) * 3])
for _ax in [-1, 0]:
    case(f"softmax{_ax}", lambda x, _a=_ax: fnp.softmax(x, _a),
         lambda x, _a=_ax: np.exp(x - _np_lse(x, _a, True)), [U(2, 3) * 3])
    case(f"log_softmax{_ax}", lambda x, _a=_ax: fnp.log_softmax(x, _a),
         lambda x, _a=_ax: x - _np_lse(x, _a, True), [U(2, 3) * 3])
case("sigmoid", fnp.sigmoid, lambda x: 1 / (1 + np.exp(-x)), [U(3) * 5], [U()])
case("softplus", fnp.softplus, lambda x: np.logaddexp(0.0, x), [U(3) * 5], [U()])

# isclose/allclose (added for JAX's Autodiff Cookbook, which uses jnp.allclose)
_A = np.array([1.0, 2.0, -3.0, 0.0])
_B = np.array([1.0 + 1e-9, 2.1, -3.0, 1e-9])
case("isclose", fnp.isclose, np.isclose, [_A, _B], [_A, _A], grad=False)
case("allclose", fnp.allclose, np.allclose, [_A, _B], [_A, _A + 1e-9], grad=False)

# issue 13's names: their table is tests/_numpy13_cases.py
from _numpy13_cases import CASES13  # noqa: E402
CASES += CASES13
