"""Small example inputs for every primitive in the registry (shared by the jit
and vmap tests).  EXAMPLES[name] -> list of (args, params)."""
import numpy as np

_r = np.random.default_rng(0)


def _f(*shape):
    return _r.standard_normal(shape)


def _pos(*shape):
    return _r.uniform(0.5, 2.0, shape)


_UNARY = ["neg", "exp", "sin", "cos", "tanh", "abs", "sign"]
_BINARY = ["add", "sub", "mul", "max", "min", "eq", "ne", "lt", "le", "gt", "ge", "mul_safe"]

EXAMPLES = {}
for n in _UNARY:
    EXAMPLES[n] = [((_f(3, 2),), {})]
for n in ("log", "sqrt"):
    EXAMPLES[n] = [((_pos(3, 2),), {})]
for n in _BINARY:
    EXAMPLES[n] = [((_f(3, 2), _f(3, 2)), {}), ((_f(3, 2), _f(2)), {})]
EXAMPLES["div"] = [((_f(3, 2), _pos(3, 2)), {})]
EXAMPLES["pow"] = [((_pos(3, 2), _f(3, 2)), {})]
EXAMPLES["integer_pow"] = [((_f(3, 2),), {"y": 3}), ((_f(3, 2),), {"y": 2})]
EXAMPLES["select"] = [((_f(3, 2) > 0, _f(3, 2), _f(3, 2)), {})]
EXAMPLES["convert_element_type"] = [((_f(3, 2),), {"new_dtype": np.dtype(np.float32)})]
EXAMPLES["stop_gradient"] = [((_f(3, 2),), {})]
EXAMPLES["reduce_sum"] = [((_f(3, 2, 4),), {"axes": (1,)}), ((_f(3, 2),), {"axes": (0, 1)})]
EXAMPLES["reduce_max"] = [((_f(3, 2, 4),), {"axes": (0, 2)})]
EXAMPLES["broadcast_in_dim"] = [((_f(3),), {"shape": (2, 3), "broadcast_dimensions": (1,)})]
EXAMPLES["reshape"] = [((_f(3, 4),), {"new_sizes": (2, 6)})]
EXAMPLES["transpose"] = [((_f(3, 4, 2),), {"permutation": (2, 0, 1)})]
EXAMPLES["slice"] = [((_f(5, 4),), {"start_indices": (1, 0), "limit_indices": (4, 4),
                                    "strides": (2, 1)})]
EXAMPLES["pad"] = [((_f(3, 2), np.array(0.5)), {"padding_config": ((1, 0, 1), (0, 2, 0))})]
EXAMPLES["concatenate"] = [((_f(3, 2), _f(1, 2)), {"dimension": 0})]
EXAMPLES["dot_general"] = [
    ((_f(3, 4), _f(4, 2)), {"dimension_numbers": (((1,), (0,)), ((), ()))}),
    ((_f(4, 3), _f(2, 4)), {"dimension_numbers": (((0,), (1,)), ((), ()))}),
    ((_f(2, 3, 4), _f(2, 4, 5)), {"dimension_numbers": (((2,), (1,)), ((0,), (0,)))}),
]
EXAMPLES["full_like"] = [((_f(3, 2),), {"fill_value": 0.5})]
_a = _f(3, 3) + 3 * np.eye(3)
_spd = _a @ _a.T
EXAMPLES["solve"] = [((_a, _f(3, 2)), {})]
EXAMPLES["slogdet"] = [((_a,), {})]
EXAMPLES["cholesky"] = [((_spd,), {})]
EXAMPLES["eigh"] = [((_spd,), {"lower": True})]
EXAMPLES["qr"] = [((_f(4, 3),), {})]
EXAMPLES["svd"] = [((_f(4, 3),), {})]


def _small(*shape):
    return _r.uniform(-0.5, 0.5, shape)


for _n in ("asin", "acos", "atan", "tan", "sinh", "cosh", "expm1", "floor", "ceil"):
    EXAMPLES[_n] = [((_small(3, 2),), {})]
EXAMPLES["log1p"] = [((_pos(3, 2),), {})]
EXAMPLES["round"] = [((_f(3, 2) * 10,), {"decimals": 0}), ((_f(3, 2),), {"decimals": 2})]
EXAMPLES["atan2"] = [((_f(3, 2), _f(3, 2)), {})]
EXAMPLES["cumsum"] = [((_f(3, 4),), {"axis": 1, "reverse": False}),
                      ((_f(3, 4),), {"axis": 0, "reverse": True})]
EXAMPLES["argmax"] = [((_f(3, 4),), {"axis": 1, "index_dtype": np.dtype(np.int64)})]
EXAMPLES["rev"] = [((_f(3, 4),), {"dimensions": (0,)})]
EXAMPLES["gather"] = [((_f(5, 3), np.array([0, 4, 2, 2])), {})]
EXAMPLES["scatter_add"] = [((_f(5, 3), np.array([0, 4, 2, 2]), _f(4, 3)), {})]
