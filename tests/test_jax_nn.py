"""jax.nn's functions: functorch_lite.nn.<name> (JAX's signatures, arrays or
Tensors) and functorch_lite.nn.functional.<name> (PyTorch's signatures).

Values against stored jax.nn results (JAX 0.10.2, x64) and, where installed,
against jax itself and torch; order-2 gradient checks fwd and rev in float64
away from kinks; vmap against a loop; jit against eager; float32 kept; Tensors
in, Tensors with gradients out; stability and NaN-safe gradients; errors."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.nn as nn
import functorch_lite.nn.functional as F
from functorch_lite.test_util import check_grads

from _device import assert_close, device  # noqa: F401  (fixture)

INF = float("inf")

# ---- stored jax.nn values (jax 0.10.2, jax_enable_x64), so CI checks them without jax
X = [-30.0, -3.5, -1.0, -0.25, 0.5, 2.0, 7.0, 40.0]
UNARY = {
    "relu": [0.0, 0.0, 0.0, 0.0, 0.5, 2.0, 7.0, 40.0],
    "relu6": [0.0, 0.0, 0.0, 0.0, 0.5, 2.0, 6.0, 6.0],
    "silu": [-2.8072868906517896e-12, -0.10259280762974712, -0.2689414213699951, -0.10945587477855048, 0.3112296656009273, 1.7615941559557646, 6.993622641639195, 40.0],
    "elu": [-0.9999999999999064, -0.9698026165776815, -0.6321205588285577, -0.22119921692859512, 0.5, 2.0, 7.0, 40.0],
    "selu": [-1.7580993408472123, -1.705009340957283, -1.1113307378125625, -0.3888901974781189, 0.5253504936777402, 2.101401974710961, 7.354906911488364, 42.028039494219215],
    "celu": [-0.9999999999999064, -0.9698026165776815, -0.6321205588285577, -0.22119921692859512, 0.5, 2.0, 7.0, 40.0],
    "leaky_relu": [-0.3, -0.035, -0.01, -0.0025, 0.5, 2.0, 7.0, 40.0],
    "hard_tanh": [-1.0, -1.0, -1.0, -0.25, 0.5, 1.0, 1.0, 1.0],
    "hard_sigmoid": [0.0, 0.0, 0.3333333333333333, 0.4583333333333333, 0.5833333333333333, 0.8333333333333333, 1.0, 1.0],
    "hard_swish": [-0.0, -0.0, -0.3333333333333333, -0.11458333333333333, 0.29166666666666663, 1.6666666666666665, 7.0, 40.0],
    "softplus": [9.357622968839737e-14, 0.029750418272620566, 0.3132616875182228, 0.5759394198788437, 0.9740769841801067, 2.1269280110429727, 7.000911466453775, 40.0],
    "soft_sign": [-0.967741935483871, -0.7777777777777778, -0.5, -0.2, 0.3333333333333333, 0.6666666666666666, 0.875, 0.975609756097561],
    "sigmoid": [9.357622968839299e-14, 0.02931223075135632, 0.2689414213699951, 0.43782349911420193, 0.6224593312018546, 0.8807970779778823, 0.9990889488055994, 1.0],
    "log_sigmoid": [-30.000000000000092, -3.5297504182726205, -1.3132616875182228, -0.8259394198788437, -0.4740769841801067, -0.1269280110429725, -0.0009114664537742447, -4.248354255291589e-18],
    "mish": [-2.807286890651921e-12, -0.10409575448637122, -0.30340146137410895, -0.12992696367914106, 0.375245211304895, 1.9439589595339946, 6.999988379809741, 40.0],
    "gelu_tanh": [-0.0, -0.0006161976553737403, -0.1588080093917233, -0.100324649298315, 0.3457140098251439, 1.954597694087775, 6.9999999999999964, 40.0],
    "gelu_erf": [-0.0008142017766243376, -0.15865525393145707, -0.10032341857926907, 0.34573123063700656, 1.9544997361036416, 6.999999999991041, 40.0],
}
ROWS = {
    "softmax": [[0.05590554541710209, 0.012474213302103307, 0.2505512718671147, 0.6810689694136799], [0.0, 0.656963913584167, 0.03270830728083438, 0.3103277791349988]],
    "log_softmax": [[-2.8840917012886904, -4.38409170128869, -1.3840917012886902, -0.38409170128869025], [-INF, -0.4201261880575136, -3.420126188057514, -1.1701261880575136]],
    "logsumexp": [3.3840917012886904, 1.4201261880575136],
    "standardize": [[-0.4123921516977265, -1.4021333157722702, 0.5773490123768171, 1.2371764550931794], [1.48529528379032, 0.0873703108111953, -1.3105546621679294, -0.2621109324335859]],
    "glu": [[0.44039853898894116, -0.9525741268224334], [0.4768116880884702, 0.5621765008857981]],
    "logsumexp_b": 3.2065209107052324,
}


ELEMENTWISE = ["relu", "relu6", "silu", "swish", "elu", "selu", "celu", "leaky_relu",
               "hard_tanh", "hard_sigmoid", "hard_swish", "hard_silu", "softplus", "soft_sign",
               "sigmoid", "log_sigmoid", "mish", "gelu"]
# smooth away from the kinks (+-1, 0, +-3, 6): points for the gradient checks
SMOOTH_X = np.array([-4.3, -2.2, -1.7, -0.6, -0.35, 0.4, 0.9, 1.3, 2.5, 4.1, 6.7])


def close(got, want, rtol=1e-13, atol=1e-15):
    np.testing.assert_allclose(np.asarray(got), np.asarray(want), rtol=rtol, atol=atol)


@pytest.mark.parametrize("name", sorted(UNARY))
def test_stored_values_elementwise(name):
    x = np.array(X)
    if name == "gelu_tanh":
        got = nn.gelu(x, approximate=True)
    elif name == "gelu_erf":
        got = nn.gelu(x[1:], approximate=False)
    else:
        got = getattr(nn, name)(x)
    assert isinstance(got, np.ndarray) and got.dtype == np.float64
    close(got, UNARY[name], atol=1e-300 if name != "gelu_erf" else 1e-16)


def test_stored_values_rows():
    m = np.array([[0.5, -1.0, 2.0, 3.0], [-INF, 1.0, -2.0, 0.25]])
    m2 = np.array([[0.5, -1.0, 2.0, 3.0], [4.0, 1.0, -2.0, 0.25]])
    close(nn.softmax(m), ROWS["softmax"])
    close(nn.log_softmax(m), ROWS["log_softmax"])
    close(nn.logsumexp(m, axis=-1), ROWS["logsumexp"])
    close(nn.standardize(m2), ROWS["standardize"], rtol=1e-12)
    close(nn.glu(m2), ROWS["glu"])
    close(nn.logsumexp(m2[0], b=np.array([1., -2., 0.5, 1.])), ROWS["logsumexp_b"])
    close(nn.normalize(m2), ROWS["standardize"], rtol=1e-12)   # JAX's old alias


def test_one_hot():
    got = nn.one_hot(np.array([0, 2, -1, 5]), 3)
    assert got.dtype == np.float64
    close(got, [[1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]])
    close(nn.one_hot(np.array([0.0, 2.7]), 3), [[1, 0, 0], [0, 0, 0]])
    assert nn.one_hot(np.array([[0, 1]]), 3, axis=0).shape == (3, 1, 2)
    assert nn.one_hot(np.array([1]), 2, dtype=np.float32).dtype == np.float32
    assert nn.one_hot(np.array([1], np.int32), 2, dtype=np.int32).tolist() == [[0, 1]]
    # under jit and vmap (num_classes is static)
    f = fl.jit(lambda i: nn.one_hot(i, 4))
    close(f(np.array([3, 1])), np.eye(4)[[3, 1]])
    close(fl.vmap(lambda i: nn.one_hot(i, 4))(np.array([3, 1])), np.eye(4)[[3, 1]])


# ---- against jax itself

def _pairs(fn, x, m, w, b, i):
    """name -> fn's value (fn is jax.nn or functorch_lite.nn): one table, so the
    jax side is one jitted call (one compile instead of one per op)."""
    out = {name: getattr(fn, name)(x) for name in ELEMENTWISE}
    out["gelu_exact"] = fn.gelu(x, approximate=False)
    for a in (1.0, 0.5, 2.0):
        out[f"elu{a}"] = fn.elu(x, a)
        out[f"celu{a}"] = fn.celu(x, a)
    out["leaky0.2"] = fn.leaky_relu(x, 0.2)
    for axis in (-1, 0, None, (0, 1)):
        out[f"softmax{axis}"] = fn.softmax(m, axis)
        out[f"log_softmax{axis}"] = fn.log_softmax(m, axis)
        out[f"lse{axis}"] = fn.logsumexp(m, axis)
        out[f"lse_keep{axis}"] = fn.logsumexp(m, axis, keepdims=True)
    out["softmax_w"] = fn.softmax(m, where=w)
    out["log_softmax_w"] = fn.log_softmax(m, where=w)
    out["lse_w"] = fn.logsumexp(m, 1, where=w)
    out["lse_b"], out["lse_b_sign"] = fn.logsumexp(m, 1, b=b, return_sign=True)
    out["lse_absb"] = fn.logsumexp(m, 1, b=fn.relu(b) + fn.relu(-b))
    for alg in ("fast", "stable"):
        for axis in (-1, 0, None):
            out[f"std_{alg}{axis}"] = fn.standardize(m, axis, algorithm=alg)
        out[f"std_{alg}_w"] = fn.standardize(m, where=w, algorithm=alg)
    out["std_mv"] = fn.standardize(m, mean=0.5, variance=2.0)
    out["glu"] = fn.glu(m, 1)
    out["glu0"] = fn.glu(m[:4], 0)
    out["one_hot"] = fn.one_hot(i, 5, axis=1)
    return out


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_against_jax(dtype):
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.standard_normal(40) * 4, [-50, -20, 0, 20, 50]]).astype(dtype)
    m = x[:40].reshape(5, 8)
    w = rng.random((5, 8)) > 0.3
    b = rng.standard_normal((5, 8)).astype(dtype)
    i = np.array([[0, 3, -1], [7, 2, 2]])
    ours = _pairs(nn, x, m, w, b, i)
    theirs = jax.jit(lambda *a: _pairs(jax.nn, *a))(x, m, w, b, i)
    tol = dict(rtol=1e-12, atol=1e-14) if dtype == np.float64 else dict(rtol=2e-6, atol=2e-6)
    stol = dict(rtol=1e-10, atol=1e-12) if dtype == np.float64 else dict(rtol=1e-4, atol=1e-5)
    assert set(ours) == set(theirs)
    for k in ours:
        assert ours[k].dtype == theirs[k].dtype, k
        close(ours[k], theirs[k], **(stol if k.startswith("std_") else tol)), k


# ---- PyTorch's functional against torch

def test_functional_against_torch():
    torch = pytest.importorskip("torch")
    TF = torch.nn.functional
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 6)) * 3
    tx = torch.tensor(x)
    cases = [("relu", {}), ("relu6", {}), ("hardtanh", {}), ("hardtanh", dict(min_val=-2.0, max_val=0.5)),
             ("leaky_relu", dict(negative_slope=0.1)), ("gelu", {}), ("gelu", dict(approximate="tanh")),
             ("silu", {}), ("mish", {}), ("elu", dict(alpha=0.7)), ("selu", {}), ("celu", dict(alpha=1.5)),
             ("hardsigmoid", {}), ("hardswish", {}), ("softsign", {}), ("logsigmoid", {}),
             ("sigmoid", {}), ("softplus", {}), ("softplus", dict(beta=2.0)),
             ("softmax", dict(dim=1)), ("log_softmax", dict(dim=0)), ("glu", dict(dim=1)),
             ("normalize", {}), ("normalize", dict(p=1.0, dim=0)), ("normalize", dict(p=3.0))]
    for name, kw in cases:
        want = getattr(TF, name)(tx, **kw).numpy()
        close(getattr(F, name)(x, **kw), want, rtol=1e-12, atol=1e-14)          # arrays
        t = fl.tensor(x, requires_grad=True)
        out = getattr(F, name)(t, **kw)
        close(out.detach().numpy(), want, rtol=1e-12, atol=1e-14)              # Tensors
        g = rng.standard_normal(want.shape)
        out.backward(fl.tensor(g))
        tt = tx.clone().requires_grad_(True)
        getattr(TF, name)(tt, **kw).backward(torch.tensor(g))
        # (torch's hardsigmoid backward multiplies by a float32 1/6)
        gtol = 1e-7 if name == "hardsigmoid" else 1e-10
        close(t.grad.numpy(), tt.grad.numpy(), rtol=gtol, atol=gtol)
    ix = np.array([0, 3, 1])
    assert F.one_hot(ix).tolist() == TF.one_hot(torch.tensor(ix)).tolist()
    assert F.one_hot(ix, 5).dtype == np.int64


def test_functional_pytorch_defaults():
    x = np.linspace(-3, 3, 13)
    close(F.gelu(x), nn.gelu(x, approximate=False))        # PyTorch: exact by default
    close(F.gelu(x, approximate="tanh"), nn.gelu(x))       # JAX: tanh form by default
    close(F.normalize(np.array([[3.0, 4.0]])), [[0.6, 0.8]])
    close(F.normalize(np.zeros((1, 2))), [[0.0, 0.0]])
    g = fl.grad(lambda v: F.normalize(v, dim=0).sum())(np.zeros(3))
    assert np.all(np.isfinite(g))
    assert F.standardize is nn.standardize and F.hard_tanh is nn.hard_tanh
    with pytest.raises(ValueError, match="gelu: approximate"):
        F.gelu(x, approximate="fast")
    t = fl.tensor(x.copy())
    F.elu(t, inplace=True)
    close(t.numpy(), nn.elu(x))


# ---- gradients

def _grad_cases():
    x = SMOOTH_X
    m = np.array([[0.3, -1.2, 2.1, 0.7], [1.5, -0.4, 0.2, -2.3], [0.9, 1.1, -0.6, 0.05]])
    b = np.array([[1.0, 0.5, 2.0, 0.3], [0.2, 1.5, 1.0, 0.7], [1.0, 1.0, 0.4, 2.0]])
    w = np.array([[True, True, False, True], [True, False, True, True], [False, True, True, True]])
    cases = [(name, (lambda f: lambda v: f(v))(getattr(nn, name)), (x,))
             for name in ELEMENTWISE]
    cases += [
        ("gelu_exact", lambda v: nn.gelu(v, approximate=False), (x,)),
        ("elu_alpha", lambda v: nn.elu(v, 0.6), (x,)),
        ("celu_alpha", lambda v: nn.celu(v, 1.7), (x,)),
        ("leaky_slope", lambda v: nn.leaky_relu(v, 0.3), (x,)),
        ("softmax", lambda v: nn.softmax(v, axis=1), (m,)),
        ("softmax0", lambda v: nn.softmax(v, axis=0), (m,)),
        ("softmax_where", lambda v: nn.softmax(v, where=w), (m,)),
        ("log_softmax", lambda v: nn.log_softmax(v), (m,)),
        ("log_softmax_where", lambda v: fl.numpy.where(w, nn.log_softmax(v, where=w), 0.0), (m,)),
        ("logsumexp", lambda v: nn.logsumexp(v, axis=1), (m,)),
        ("logsumexp_all", lambda v: nn.logsumexp(v), (m,)),
        ("logsumexp_b", lambda v, bb: nn.logsumexp(v, axis=1, b=bb), (m, b)),
        ("standardize", lambda v: nn.standardize(v), (m,)),
        ("standardize_stable", lambda v: nn.standardize(v, axis=0, algorithm="stable"), (m,)),
        ("standardize_mv", lambda v, mu: nn.standardize(v, mean=mu, variance=mu * mu + 1.0),
         (m, b[:, :1])),
        ("glu", lambda v: nn.glu(v), (m,)),
        ("glu0", lambda v: nn.glu(v[:2], axis=0), (m,)),
        ("F.normalize", lambda v: F.normalize(v), (m,)),
        ("F.normalize_p3", lambda v: F.normalize(v, p=3.0, dim=0), (m,)),
        ("F.hardtanh", lambda v: F.hardtanh(v, -2.0, 2.7), (x,)),
    ]
    return cases


GRAD_CASES = _grad_cases()


@pytest.mark.parametrize("case", GRAD_CASES, ids=[c[0] for c in GRAD_CASES])
def test_check_grads_order2(case):
    _, f, args = case
    check_grads(f, args, order=2, modes=("fwd", "rev"))


@pytest.mark.parametrize("case", GRAD_CASES, ids=[c[0] for c in GRAD_CASES])
def test_vmap_and_jit(case):
    _, f, args = case
    batched = [np.stack([a * s + 0.1 * s for s in (1.0, 0.9, 1.1)]) for a in args]
    got = fl.vmap(f)(*batched)
    want = np.stack([f(*[a[i] for a in batched]) for i in range(3)])
    close(got, want, rtol=1e-12, atol=1e-14)
    close(fl.jit(f)(*args), f(*args), rtol=1e-12, atol=1e-14)
    g = fl.grad(lambda *a: fl.numpy.sum(f(*a)))
    close(fl.jit(g)(*args), g(*args), rtol=1e-12, atol=1e-14)


def test_kink_gradients_match_jax():
    d = lambda f, v: float(fl.grad(f)(np.float64(v)))  # noqa: E731
    assert d(nn.relu, 0.0) == 0.0
    assert d(nn.relu6, 0.0) == 0.0 and d(nn.relu6, 6.0) == 0.0
    assert d(nn.hard_tanh, 1.0) == 1.0 and d(nn.hard_tanh, -1.0) == 1.0
    assert d(nn.leaky_relu, 0.0) == 1.0
    assert d(nn.elu, 0.0) == 1.0
    assert d(nn.hard_sigmoid, 3.0) == 0.0 and d(nn.hard_swish, 3.0) == 1.0
    assert d(nn.soft_sign, 0.0) == 1.0
    assert d(lambda v: F.hardtanh(v), 1.0) == 0.0      # PyTorch's convention


def test_stability_and_nan_safe_gradients():
    big = np.array([-1e4, -800.0, -40.0, 40.0, 800.0, 1e4])
    for name in ("softplus", "log_sigmoid", "sigmoid", "silu", "elu", "selu", "celu", "gelu",
                 "mish", "soft_sign"):
        f = getattr(nn, name)
        v = f(big)
        assert np.all(np.isfinite(v)), name
        g = fl.vmap(fl.grad(f))(big)
        assert np.all(np.isfinite(g)), name
        gg = fl.vmap(fl.grad(fl.grad(f)))(big)
        assert np.all(np.isfinite(gg)), name
    close(nn.softplus(big), [0, 0, 4.248354255291589e-18, 40, 800, 1e4], atol=1e-300)
    close(nn.log_sigmoid(big), [-1e4, -800, -40, -4.248354255291589e-18, 0, 0], atol=1e-300)
    # -inf rows: logsumexp -inf, softmax NaN (as JAX), gradients 0 (JAX: NaN)
    m = np.array([[-INF, -INF], [1.0, -INF]])
    assert nn.logsumexp(m, axis=1)[0] == -INF
    close(nn.softmax(m)[1], [1.0, 0.0])
    g = fl.grad(lambda v: fl.numpy.sum(nn.logsumexp(v, axis=1)))(m)
    close(g, [[0, 0], [1, 0]])
    g = fl.grad(lambda v: fl.numpy.sum(nn.logsumexp(v, axis=1, b=np.ones(2))))(m)
    close(g, [[0, 0], [1, 0]])
    # a where-mask with a fully masked row: 0s, and no NaN gradient
    w = np.array([[False, False], [True, False]])
    close(nn.softmax(np.ones((2, 2)), where=w), [[0, 0], [1, 0]])
    g = fl.grad(lambda v: fl.numpy.sum(nn.softmax(v, where=w) * np.arange(4.0).reshape(2, 2)))(
        np.ones((2, 2)))
    assert np.all(np.isfinite(g))
    # standardize of a constant row: 0 with finite gradient
    g = fl.grad(lambda v: fl.numpy.sum(nn.standardize(v) * np.arange(3.0)))(np.ones(3))
    assert np.all(np.isfinite(g))
    # logsumexp with a negative sum: NaN unless return_sign
    assert np.isnan(nn.logsumexp(np.zeros(2), b=np.array([1.0, -2.0])))
    r, s = nn.logsumexp(np.zeros(2), b=np.array([1.0, -2.0]), return_sign=True)
    close(r, 0.0, atol=1e-15)
    assert s == -1.0


def test_dtypes():
    x32 = SMOOTH_X.astype(np.float32)
    m32 = x32[:8].reshape(2, 4)
    for name in ELEMENTWISE:
        assert getattr(nn, name)(x32).dtype == np.float32, name
        assert fl.grad(lambda v: fl.numpy.sum(getattr(nn, name)(v)))(x32).dtype == np.float32
    for f in (nn.softmax, nn.log_softmax, nn.standardize, nn.glu, lambda v: nn.logsumexp(v, 1),
              lambda v: F.normalize(v), lambda v: nn.logsumexp(v, 1, b=np.float32(2.0))):
        assert f(m32).dtype == np.float32
    # integer inputs: relu/relu6/hard_tanh keep them (as JAX), the rest promote to float64
    i = np.array([-2, 0, 3, 9])
    assert nn.relu(i).dtype == i.dtype and nn.relu(i).tolist() == [0, 0, 3, 9]
    assert nn.relu6(i).tolist() == [0, 0, 3, 6] and nn.hard_tanh(i).tolist() == [-1, 0, 1, 1]
    assert nn.sigmoid(i).dtype == np.float64 and nn.gelu(i).dtype == np.float64


def test_tensors_in_tensors_out():
    x = np.array([[0.3, -1.2, 2.1, 0.7], [1.5, -0.4, 0.2, -2.3]])
    names = {"relu": "ReluBackward0", "gelu": "GeluBackward0", "softmax": "SoftmaxBackward0",
             "log_softmax": "LogSoftmaxBackward0", "silu": "SiluBackward0",
             "log_sigmoid": "LogSigmoidBackward0", "standardize": "StandardizeBackward0",
             "glu": "GluBackward0", "elu": "EluBackward0", "soft_sign": "SoftsignBackward0"}
    for name, node in names.items():
        f = getattr(nn, name)
        t = fl.tensor(x, requires_grad=True)
        out = f(t)
        assert isinstance(out, fl.Tensor) and type(out.grad_fn).__name__ == node, name
        close(out.detach().numpy(), f(x))
        out.sum().backward()
        close(t.grad.numpy(), fl.grad(lambda v: fl.numpy.sum(f(v)))(x), rtol=1e-12)
    # a Tensor b/where/mean are inputs of the node too
    t = fl.tensor(x, requires_grad=True)
    tb = fl.tensor(np.abs(x) + 0.1, requires_grad=True)
    out = nn.logsumexp(t, axis=1, b=tb)
    out.sum().backward()
    gx, gb = fl.grad(lambda v, bb: fl.numpy.sum(nn.logsumexp(v, axis=1, b=bb)), (0, 1))(
        x, np.abs(x) + 0.1)
    close(t.grad.numpy(), gx, rtol=1e-12)
    close(tb.grad.numpy(), gb, rtol=1e-12)
    r, s = nn.logsumexp(fl.tensor(x), axis=1, return_sign=True)
    assert isinstance(r, fl.Tensor) and isinstance(s, fl.Tensor)
    oh = nn.one_hot(fl.tensor([1, 0]), 3)
    assert isinstance(oh, fl.Tensor) and oh.numpy().tolist() == [[0, 1, 0], [1, 0, 0]]
    # no grad needed: still a Tensor, float32 kept
    out = nn.gelu(fl.tensor(x.astype(np.float32)))
    assert isinstance(out, fl.Tensor) and out.dtype == fl.float32
    # F's functions take arrays too and give arrays
    assert isinstance(F.relu(x), np.ndarray) and isinstance(F.softmax(x, dim=1), np.ndarray)
    assert isinstance(F.logsumexp(x, dim=1), np.ndarray)


def test_errors_name_function_and_argument():
    x = np.ones((2, 3))
    cases = [
        (lambda: nn.glu(x), ValueError, "glu: the size of axis -1 must be even"),
        (lambda: nn.glu(np.float64(1.0)), ValueError, "glu: x must have"),
        (lambda: nn.softmax(x, axis=2), ValueError, "softmax: axis 2"),
        (lambda: nn.log_softmax(x, axis="a"), TypeError, "log_softmax: axis"),
        (lambda: nn.logsumexp(x, axis=5), ValueError, "logsumexp: axis 5"),
        (lambda: nn.standardize(x, algorithm="slow"), ValueError, "standardize: algorithm"),
        (lambda: nn.standardize(x, axis=3), ValueError, "standardize: axis 3"),
        (lambda: nn.softmax(x, where=np.ones(3)), TypeError, "softmax: where"),
        (lambda: nn.softmax(x, where=np.ones((3, 3), bool)), ValueError, "softmax: where"),
        (lambda: nn.one_hot(np.array([1]), -2), ValueError, "one_hot: num_classes"),
        (lambda: nn.one_hot(np.array([1]), 2.5), TypeError, "one_hot: num_classes"),
        (lambda: fl.jit(lambda n: nn.one_hot(np.array([1]), n))(3), TypeError,
         "one_hot: num_classes"),
        (lambda: nn.one_hot(np.array([1]), 3, axis=4), ValueError, "one_hot"),
        (lambda: nn.gelu(x, approximate="tanh"), TypeError, "gelu: approximate"),
        (lambda: nn.elu(x, alpha=True), TypeError, "elu: alpha"),
        (lambda: nn.leaky_relu(x, negative_slope="x"), TypeError, "leaky_relu"),
        (lambda: nn.relu("abc"), TypeError, "relu"),
        (lambda: F.normalize(x, p=-1.0), ValueError, "normalize: p"),
        (lambda: F.hardtanh(x, 2.0, 1.0), ValueError, "hardtanh: min_val"),
        (lambda: F.one_hot(np.array([1.5])), TypeError, "one_hot: tensor"),
    ]
    for fn, exc, msg in cases:
        with pytest.raises(exc, match=msg):
            fn()


def test_device_backend(device):
    """On the device backend (the strict CPU stand-in, or CuPy with a GPU): the
    same values as on NumPy, with no host<->device copy in forward or grad."""
    m = np.array([[0.3, -1.2, 2.1, 0.7], [1.5, -0.4, 0.2, -2.3]])
    i = np.array([2, 0, 7])
    fns = [nn.gelu, lambda v: nn.gelu(v, approximate=False), nn.softplus, nn.log_sigmoid,
           nn.elu, nn.hard_swish, nn.relu6, nn.softmax, nn.log_softmax, nn.standardize,
           nn.glu, lambda v: nn.logsumexp(v, axis=1), F.normalize]
    dm, di = device.put(m), device.put(i)
    for f in fns:
        want = f(m)
        gwant = fl.grad(lambda v: fl.numpy.sum(f(v)))(m)
        with device.strict():
            got = f(dm)
            g = fl.grad(lambda v: fl.numpy.sum(f(v)))(dm)
        assert device.is_dev(got)
        assert_close(device, got, want, rtol=1e-12, atol=1e-14)
        assert_close(device, g, gwant, rtol=1e-12, atol=1e-14)
    with device.strict():
        oh = nn.one_hot(di, 4)
    assert_close(device, oh, nn.one_hot(i, 4), rtol=0, atol=0)


# ---- nn.initializers (keyed by fl.random keys)

from functorch_lite.nn import initializers as I  # noqa: E402

# jax.nn.initializers.<name>(*args)(jax.random.PRNGKey(7), shape, float64), jax 0.10.2
INIT_STORED = {
    ("glorot_uniform", (), (2, 3)): [[0.7539005440631843, -0.9959511259363589, -0.6025284966750027], [-0.9543833217690099, -1.0692881968514192, 0.7323078929057206]],  # noqa: E501
    ("glorot_normal", (), (2, 3)): [[0.6816586133975493, -1.0824701029550439, -0.5136388817709809], [-0.9903027008154687, -1.3108021885763348, 0.6555338203520084]],  # noqa: E501
    ("he_normal", (), (1, 1, 2, 3)): [[[[1.077796902504212, -1.7115355121874505, -0.8121343806091204], [-1.5658060537965834, -2.0725602389173816, 1.036489977791994]]]],  # noqa: E501
    ("orthogonal", (), (3, 2)): [[0.39084797737298693, -0.5714857595573569], [-0.29192083040651445, -0.8204039496574309], [-0.8729376193968361, 0.01847663415338615]],  # noqa: E501
    ("truncated_normal", (0.5,), (2, 2)): [[0.4740289064129618, -0.7527552781457311], [-0.35718712069596514, -0.688661592561117]],  # noqa: E501
    ("lecun_uniform", (), (3, 2)): [[0.6882138901647057, -0.9091748297466871], [-0.5500307486142924, -0.8712287897326632], [-0.9761221098159112, 0.6685025866392342]],  # noqa: E501
}


@pytest.mark.parametrize("spec", sorted(INIT_STORED), ids=lambda s: s[0])
def test_initializers_stored(spec):
    name, args, shape = spec
    got = getattr(I, name)(*args)(fl.random.PRNGKey(7), shape)
    assert got.dtype == np.float64 and got.shape == shape
    # uniform draws are JAX's bit for bit; normal ones to the last bits of erf_inv
    close(got, INIT_STORED[spec], rtol=0 if "uniform" in name else 1e-14, atol=0 if
          "uniform" in name else 1e-15)


INIT_CASES = [("glorot_normal", (), (5, 7)), ("glorot_uniform", (), (5, 7)),
              ("he_normal", (), (3, 3, 4, 6)), ("lecun_uniform", (), (2, 4, 6)),
              ("normal", (0.3,), (4, 6)), ("uniform", (0.5,), (4, 6)),
              ("truncated_normal", (0.2,), (4, 6)), ("orthogonal", (), (5, 3)),
              ("orthogonal", (2.0,), (3, 5)), ("orthogonal", (1.0, 0), (4, 2, 3)),
              ("constant", (1.5,), (2, 3)),
              ("variance_scaling", (0.5, "fan_geo_avg", "normal"), (3, 4)),
              ("variance_scaling", (2.0, "fan_out", "uniform", 0, 1, 2), (3, 4, 2))]
# (jax compiles each draw for a while: float32 checks a few)
INIT_CASES_32 = [INIT_CASES[i] for i in (0, 1, 9)]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_initializers_against_jax(dtype):
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    cases = INIT_CASES if dtype == np.float64 else INIT_CASES_32
    # the jax side in one jitted call (one compile)
    wants = jax.jit(lambda k: [getattr(jax.nn.initializers, name)(*args)(k, shape, dtype)
                               for name, args, shape in cases])(jax.random.PRNGKey(3))
    for (name, args, shape), want in zip(cases, wants):
        got = getattr(I, name)(*args)(fl.random.PRNGKey(3), shape, dtype)
        want = np.asarray(want)
        assert got.dtype == want.dtype and got.shape == want.shape, name
        close(got, want, rtol=4 * np.finfo(dtype).eps, atol=4 * np.finfo(dtype).eps)


def test_initializers_properties_and_errors():
    key = fl.random.PRNGKey(0)
    assert I.xavier_normal is I.glorot_normal and I.kaiming_uniform is I.he_uniform
    w = I.orthogonal()(key, (6, 4))
    close(w.T @ w, np.eye(4), atol=1e-14)
    w = I.glorot_uniform()(key, (200, 300), np.float32)
    assert w.dtype == np.float32 and np.abs(w).max() <= np.sqrt(6 / 500)
    assert I.zeros(key, (2, 3)).tolist() == [[0.0] * 3] * 2
    assert I.ones(key, (2,), np.float32).dtype == np.float32
    # jit and vmap over keys: one independent draw per key
    keys = fl.random.split(key, 3)
    ws = fl.vmap(lambda k: I.he_normal()(k, (4, 5)))(keys)
    close(ws[1], I.he_normal()(keys[1], (4, 5)), rtol=1e-14, atol=1e-15)
    close(fl.jit(lambda k: I.lecun_uniform()(k, (4, 5)))(key), I.lecun_uniform()(key, (4, 5)))
    for fn, exc, msg in [
            (lambda: I.glorot_normal()(key, (5,)), ValueError, "variance_scaling: cannot"),
            (lambda: I.variance_scaling(1.0, "fan", "normal"), ValueError, "mode"),
            (lambda: I.variance_scaling(1.0, "fan_in", "cauchy"), ValueError, "distribution"),
            (lambda: I.normal()(key, (2,), np.int32), TypeError, "normal: dtype"),
            (lambda: I.uniform()(key, (-1, 2)), ValueError, "uniform: shape"),
            (lambda: I.orthogonal()(key, (3,)), ValueError, "orthogonal: shape"),
            (lambda: I.orthogonal(column_axis=2)(key, (3, 2)), ValueError, "column_axis"),
            (lambda: I.he_uniform(in_axis=3)(key, (3, 2)), ValueError, "in_axis")]:
        with pytest.raises(exc, match=msg):
            fn()
