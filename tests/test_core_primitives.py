"""Every first-set primitive: forward vs NumPy, derivatives (order 2, fwd+rev,
float64) vs central differences, batching vs a Python loop, dtype kept."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import primitives as P
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(0)


def R(*shape, lo=None):
    x = rng.standard_normal(shape)
    return np.abs(x) + 0.5 if lo == "pos" else x


UNARY = [
    ("neg", P.neg, np.negative, None), ("exp", P.exp, np.exp, None),
    ("log", P.log, np.log, "pos"), ("sin", P.sin, np.sin, None), ("cos", P.cos, np.cos, None),
    ("tanh", P.tanh, np.tanh, None), ("sqrt", P.sqrt, np.sqrt, "pos"),
    ("abs", P.abs, np.abs, None), ("ipow3", lambda x: P.integer_pow(x, 3), lambda x: x ** 3, None),
    ("ipow-2", lambda x: P.integer_pow(x, -2), lambda x: x ** -2.0, "pos"),
]
BINARY = [
    ("add", P.add, np.add, None), ("sub", P.sub, np.subtract, None),
    ("mul", P.mul, np.multiply, None), ("div", P.div, np.divide, "pos"),
    ("pow", P.pow, np.power, "pos"), ("max", P.max, np.maximum, None),
    ("min", P.min, np.minimum, None),
]
SHAPES = [(), (3,), (2, 3)]
BCAST = [((2, 3), (3,)), ((2, 1), (1, 3)), ((), (2, 3)), ((4, 1, 3), (2, 3))]


@pytest.mark.parametrize("name,f,ref,dom", UNARY, ids=[u[0] for u in UNARY])
@pytest.mark.parametrize("shape", SHAPES)
def test_unary(name, f, ref, dom, shape):
    x = R(*shape, lo=dom)
    np.testing.assert_allclose(f(x), ref(x), rtol=1e-12)
    check_grads(f, (x,), order=2)
    xs = R(4, *shape, lo=dom)
    np.testing.assert_allclose(fl.vmap(f)(xs), np.stack([f(r) for r in xs]), rtol=1e-12)
    x32 = x.astype(np.float32)
    assert np.asarray(f(x32)).dtype == np.float32
    assert fl.grad(lambda v: fnp.sum(f(v)))(x32).dtype == np.float32


@pytest.mark.parametrize("name,f,ref,dom", BINARY, ids=[b[0] for b in BINARY])
@pytest.mark.parametrize("sx,sy", BCAST)
def test_binary(name, f, ref, dom, sx, sy):
    x, y = R(*sx, lo=dom), R(*sy, lo=dom)
    if name == "pow":
        x = np.abs(x) + 0.5
    np.testing.assert_allclose(f(x, y), ref(x, y), rtol=1e-12)
    check_grads(f, (x, y), order=2)
    xs, ys = R(3, *sx, lo=dom), R(3, *sy, lo=dom)
    if name == "pow":
        xs = np.abs(xs) + 0.5
    loop = np.stack([f(a, b) for a, b in zip(xs, ys)])
    np.testing.assert_allclose(fl.vmap(f)(xs, ys), loop, rtol=1e-12)
    np.testing.assert_allclose(fl.vmap(f, in_axes=(0, None))(xs, y),
                               np.stack([f(a, y) for a in xs]), rtol=1e-12)


def test_binary_ties_split_gradient():
    g = fl.grad(lambda x, y: fnp.sum(fnp.maximum(x, y)), argnums=(0, 1))
    gx, gy = g(np.array([1.0, 2.0]), np.array([1.0, 0.0]))
    np.testing.assert_array_equal(gx, [0.5, 1.0])
    np.testing.assert_array_equal(gy, [0.5, 0.0])


@pytest.mark.parametrize("op,ref", [(P.eq, np.equal), (P.ne, np.not_equal), (P.lt, np.less),
                                    (P.le, np.less_equal), (P.gt, np.greater),
                                    (P.ge, np.greater_equal)])
def test_comparisons(op, ref):
    x, y = np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.0, 2.0])
    np.testing.assert_array_equal(op(x, y), ref(x, y))
    assert op(x, y).dtype == np.bool_
    np.testing.assert_array_equal(fl.vmap(op)(x[:, None], y[:, None]), ref(x, y)[:, None])
    assert fl.grad(lambda a: fnp.sum(fnp.where(op(a, y), a, 0.0)))(x).shape == (3,)


def test_sign_and_select():
    x = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(P.sign(x), np.sign(x))
    np.testing.assert_array_equal(fl.grad(lambda v: fnp.sum(fnp.sign(v)))(x), 0.0)
    c = np.array([True, False, True])
    y = R(3)
    f = lambda a, b: P.select(c, a, b)  # noqa: E731
    np.testing.assert_array_equal(f(x, y), np.where(c, x, y))
    check_grads(f, (x, y), order=2)


def test_nan_safe_where():
    g = fl.grad(lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0))(-1.0)
    assert g == 0.0
    g = fl.grad(lambda x: fnp.where(x > 0, fnp.log(x), 0.0))(0.0)
    assert g == 0.0


@pytest.mark.parametrize("axes", [(0,), (1,), (0, 1), (0, 2)])
def test_reductions(axes):
    x = R(2, 3, 4)
    np.testing.assert_allclose(P.reduce_sum(x, axes), np.sum(x, axis=axes))
    np.testing.assert_allclose(P.reduce_max(x, axes), np.max(x, axis=axes))
    check_grads(lambda v: P.reduce_sum(v, axes), (x,))
    check_grads(lambda v: P.reduce_max(v, axes), (x,))
    xs = R(3, 2, 3, 4)
    for f in (lambda v: P.reduce_sum(v, axes), lambda v: P.reduce_max(v, axes)):
        np.testing.assert_allclose(fl.vmap(f)(xs), np.stack([f(r) for r in xs]))
        np.testing.assert_allclose(fl.vmap(f, in_axes=2)(xs), np.stack(
            [f(xs[:, :, i]) for i in range(xs.shape[2])]))


def test_reduce_max_ties_share():
    g = fl.grad(lambda v: fnp.max(v))(np.array([1.0, 3.0, 3.0]))
    np.testing.assert_array_equal(g, [0.0, 0.5, 0.5])


DOTS = [((3, 4), (4, 5), (((1,), (0,)), ((), ()))),
        ((4, 3), (4, 5), (((0,), (0,)), ((), ()))),
        ((3, 4), (5, 4), (((1,), (1,)), ((), ()))),
        ((4,), (4,), (((0,), (0,)), ((), ()))),
        ((3, 4), (4,), (((1,), (0,)), ((), ()))),
        ((2, 3, 4), (2, 4, 5), (((2,), (1,)), ((0,), (0,)))),
        ((3, 2, 4), (4, 5, 2), (((2,), (0,)), ((1,), (2,)))),
        ((2, 3, 4), (3, 4, 5), (((1, 2), (0, 1)), ((), ())))]


@pytest.mark.parametrize("sx,sy,dn", DOTS)
def test_dot_general(sx, sy, dn):
    x, y = R(*sx), R(*sy)
    (lc, rc), (lb, rb) = dn
    out = P.dot_general(x, y, dn)
    # reference via einsum
    letters = iter("abcdefghij")
    xl = [next(letters) for _ in sx]
    yl = [next(letters) for _ in sy]
    for a, b in zip(lc, rc):
        yl[b] = xl[a]
    for a, b in zip(lb, rb):
        yl[b] = xl[a]
    ol = [xl[i] for i in lb] + [xl[i] for i in range(len(sx)) if i not in lc and i not in lb] + \
         [yl[i] for i in range(len(sy)) if i not in rc and i not in rb]
    ref = np.einsum(f"{''.join(xl)},{''.join(yl)}->{''.join(ol)}", x, y)
    np.testing.assert_allclose(out, ref, rtol=1e-12, atol=1e-12)
    check_grads(lambda a, b: P.dot_general(a, b, dn), (x, y))
    xs, ys = R(3, *sx), R(3, *sy)
    f = lambda a, b: P.dot_general(a, b, dn)  # noqa: E731
    np.testing.assert_allclose(fl.vmap(f)(xs, ys), np.stack([f(a, b) for a, b in zip(xs, ys)]),
                               atol=1e-12)
    np.testing.assert_allclose(fl.vmap(f, (0, None))(xs, y), np.stack([f(a, y) for a in xs]),
                               atol=1e-12)
    np.testing.assert_allclose(fl.vmap(f, (None, 0))(x, ys), np.stack([f(x, b) for b in ys]),
                               atol=1e-12)


SHAPE_OPS = [
    ("broadcast_in_dim", lambda x: P.broadcast_in_dim(x, (2, 3, 4), (1, 2)), (3, 1)),
    ("reshape", lambda x: P.reshape(x, (4, 3)), (2, 6)),
    ("transpose", lambda x: P.transpose(x, (2, 0, 1)), (2, 3, 4)),
    ("slice", lambda x: P.slice_(x, (1, 0), (5, 3), (2, 2)), (6, 4)),
    ("pad", lambda x: P.pad(x, 0.0, ((1, 2, 1), (0, 1, 0))), (3, 2)),
    ("concatenate", lambda x: P.concatenate([x, 2 * x, x[:1]], 0), (2, 3)),
    ("convert", lambda x: P.convert_element_type(x, np.float32), (3,)),
]


@pytest.mark.parametrize("name,f,shape", SHAPE_OPS, ids=[s[0] for s in SHAPE_OPS])
def test_shape_ops(name, f, shape):
    x = R(*shape)
    out = f(x)
    refs = {
        "broadcast_in_dim": lambda v: np.broadcast_to(v, (2, 3, 4)),
        "reshape": lambda v: v.reshape(4, 3), "transpose": lambda v: v.transpose(2, 0, 1),
        "slice": lambda v: v[1:5:2, 0:3:2],
        "pad": lambda v: np.pad(np.insert(v, [1, 2], 0.0, axis=0), ((1, 2), (0, 1))),
        "concatenate": lambda v: np.concatenate([v, 2 * v, v[:1]]),
        "convert": lambda v: v.astype(np.float32),
    }
    np.testing.assert_allclose(out, refs[name](x), rtol=1e-6)
    if name != "convert":
        check_grads(f, (x,))
    xs = R(3, *shape)
    np.testing.assert_allclose(fl.vmap(f)(xs), np.stack([f(r) for r in xs]), rtol=1e-6)


def test_pad_value_gradient():
    check_grads(lambda x, v: P.pad(x, v, ((1, 1, 1),)), (R(3), np.array(0.7)))


def test_stop_gradient():
    f = lambda x: fnp.sum(x * fl.stop_gradient(x))  # noqa: E731
    x = R(3)
    np.testing.assert_allclose(fl.grad(f)(x), x)
    _, t = fl.jvp(f, (x,), (np.ones(3),))
    np.testing.assert_allclose(t, np.sum(x))


def test_registry_rules_complete():
    for p in P.REGISTRY:
        for rule in ("impl", "abstract", "jvp", "vjp", "batch"):
            assert getattr(p, rule) is not None, f"{p.name} lacks a {rule} rule"
