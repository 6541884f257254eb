"""Every registered primitive: all its rules (or a declared reason), a row in
the primitive table (tests/_prim_table.py), and the table's checks: forward
against NumPy/SciPy, derivatives against central differences (order 2, forward
and reverse, float64), vmap against a Python loop, jit against eager, and the
facade where the primitive declares ``facade`` names."""
import pathlib

import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite.core.primitive import REGISTRY, missing_rules
from functorch_lite.test_util import check_grads

from _prim_table import COVERED, ROWS, rows_of

IDS = [r.name for r in ROWS]


def _leaves(x):
    return [np.asarray(v) for v in (x if isinstance(x, (tuple, list)) else (x,))]


def _close(got, want, rtol, what):
    got, want = _leaves(got), _leaves(want)
    assert len(got) == len(want), what
    for g, w in zip(got, want):
        assert g.shape == w.shape and g.dtype == w.dtype, (what, g.shape, g.dtype, w.shape,
                                                             w.dtype)
        np.testing.assert_allclose(g, w, rtol=rtol, atol=rtol, err_msg=what)


# ------------------------------------------------------------ the registry

@pytest.mark.parametrize("prim", list(REGISTRY.values()), ids=list(REGISTRY))
def test_every_primitive_has_every_rule(prim):
    assert not missing_rules(prim), (
        f"{prim.name} has neither the rules {missing_rules(prim)} nor a declared reason "
        f"(defprim(..., missing={{rule: why}}))")


def test_every_primitive_has_a_row():
    lacking = [n for n, p in REGISTRY.items() if not rows_of(p) and n not in COVERED]
    assert not lacking, (f"registered primitives without a row in tests/_prim_table.py "
                         f"(add a Row, or a Covered entry with the reason): {lacking}")


def test_rows_name_registered_primitives():
    assert len(set(IDS)) == len(IDS), "two rows with one name: give one a label"
    for r in ROWS:
        assert REGISTRY.get(r.prim.name) is r.prim, f"row {r.name}: primitive not registered"
    root = pathlib.Path(__file__).resolve().parent.parent
    for name, c in COVERED.items():
        assert name not in REGISTRY or not rows_of(REGISTRY[name]), (
            f"{name} has table rows and a Covered entry ({c.where}); keep one")
        assert (root / c.where).is_file() and c.why, f"Covered {name}: {c.where} missing"


# ------------------------------------------------------------------ forward

@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_forward_matches_reference(row):
    args = row.args()
    _close(row.f(*args), row.expected(*args), row.tol, f"{row.name} float64")
    if row.f32:          # float32 in, float32 out: no silent upcast
        a32 = [a.astype(np.float32) if a.dtype == np.float64 else a for a in args]
        for o in _leaves(row.f(*a32)):
            assert o.dtype == np.float32 or o.dtype.kind in "biu", (row.name, o.dtype)
    if row.ints:
        ai = [np.round(a * 3).astype(np.int64) if a.dtype.kind == "f" else a for a in args]
        _close(row.f(*ai), row.expected(*ai), 0, f"{row.name} int64")
    if row.complex:
        ac = [a + 0.5j * np.cos(a) if a.dtype.kind == "f" else a for a in args]
        _close(row.f(*ac), row.expected(*ac), row.tol, f"{row.name} complex128")


# -------------------------------------------------------------- derivatives

def _over(row, args, wrt):
    """row.f as a function of the args in ``wrt`` (the others fixed)."""
    def g(*xs):
        full = list(args)
        for i, x in zip(wrt, xs):
            full[i] = x
        return row.f(*full)
    return g


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_derivatives(row):
    args = row.args()
    wrt = row.grad_args(args)
    g, xs = _over(row, args, wrt), [args[i] for i in wrt]
    if row.order:
        check_grads(g, xs, order=row.order, modes=("fwd", "rev"), atol=row.grad_tol,
                    rtol=row.grad_tol)
        if row.f32:      # float32 cotangents stay float32 (no float64 constants leak in)
            a32 = [a.astype(np.float32) if a.dtype == np.float64 else a for a in args]
            out, back = fl.vjp(_over(row, a32, wrt), *[a32[i] for i in wrt])
            for v in _leaves(back(fl.tree_util.tree_map(np.ones_like, out))):
                assert v.dtype == np.float32, (row.name, v.dtype)
        return
    # order 0: piecewise constant (or not a function of its input): exact zeros
    _, t = fl.jvp(g, tuple(xs), tuple(np.ones_like(x) for x in xs))
    for v in _leaves(t):
        assert not np.any(v), f"{row.name}: nonzero jvp {v}"
    out, back = fl.vjp(g, *xs)
    for v in _leaves(back(fl.tree_util.tree_map(np.ones_like, out))):
        assert not np.any(v), f"{row.name}: nonzero vjp {v}"


# --------------------------------------------------------------------- vmap

def _lane(x, k):
    """Lane k of a batch built from the sample x (and still inside its domain)."""
    if x.dtype == np.bool_:
        return x ^ bool(k % 2)
    if x.dtype.kind in "iu":            # indices: a different valid index per lane
        return (x + k) % max(int(x.max()) + 1, 1)
    return x * (1.0 + 0.05 * k)         # keeps the sign: log/sqrt inputs stay positive


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_vmap_matches_python_loop(row):
    args, B = row.args(), 3
    lanes = [[_lane(a, k) for a in args] for k in range(B)]
    n = len(args)
    # every operand batched at 0; then each alone batched at its last axis
    variants = [(0,) * n] + [tuple(-1 if j == i else None for j in range(n)) for i in range(n)]
    for axes in variants:
        ins = [args[i] if ax is None else np.stack([lane[i] for lane in lanes], axis=ax)
               for i, ax in enumerate(axes)]
        got = fl.vmap(row.f, in_axes=axes)(*ins)
        for k in range(B):
            want = row.f(*[args[i] if ax is None else lanes[k][i] for i, ax in enumerate(axes)])
            _close([o[k] for o in _leaves(got)], want, 1e-10,
                   f"{row.name} in_axes={axes} lane {k}")


# ---------------------------------------------------------------------- jit

@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_jit_matches_eager(row):
    args = row.args()
    _close(fl.jit(row.f)(*args), row.f(*args), 1e-12, f"{row.name} jit")
    if row.f32:
        a32 = [a.astype(np.float32) if a.dtype == np.float64 else a for a in args]
        _close(fl.jit(row.f)(*a32), row.f(*a32), 1e-6, f"{row.name} jit float32")


# ------------------------------------------------------------------- facade

FACADE_ROWS = [r for r in ROWS if r.prim.facade and rows_of(r.prim)[0] is r]


@pytest.mark.parametrize("row", FACADE_ROWS, ids=[r.name for r in FACADE_ROWS])
def test_facade_exposes_it(row):
    exposed = [n for n in row.prim.facade if hasattr(fl, n)]
    for name in row.prim.facade:
        assert name in exposed, (f"{row.prim.name} declares facade name {name!r}, "
                                 f"but torch.{name} is missing")
        (x,) = row.args()
        t = fl.tensor(x, requires_grad=True)
        out = getattr(fl, name)(t)
        np.testing.assert_allclose(out.detach().numpy(), row.f(x), rtol=1e-12)
        np.testing.assert_allclose(getattr(t, name)().detach().numpy(), row.f(x), rtol=1e-12)
        if row.prim.torch_name:      # else the facade derives one from the name
            assert type(out.grad_fn).__name__ == row.prim.torch_name
        out.sum().backward()
        if row.order == 0 and t.grad is None:
            continue                 # PyTorch gives zeros here; None is no wrong number
        want = fl.grad(lambda v: fl.numpy.sum(row.f(v)))(x)
        np.testing.assert_allclose(t.grad.numpy(), want, rtol=1e-12)


def test_gather_and_scatter_with_batched_indices():
    from functorch_lite.primitives import gather, scatter_add
    fnp = fl.numpy
    rng = np.random.default_rng(7)
    x = rng.standard_normal((5, 2))
    idx = np.array([[0, 4, 4], [1, 1, 3]])
    got = fl.vmap(gather, in_axes=(None, 0))(x, idx)
    np.testing.assert_array_equal(got, np.stack([x[i] for i in idx]))
    xs = np.stack([x, 2 * x])
    got = fl.vmap(gather)(xs, idx)
    np.testing.assert_array_equal(got, np.stack([xs[k][idx[k]] for k in range(2)]))
    up = rng.standard_normal((2, 3, 2))
    got = fl.vmap(scatter_add, in_axes=(None, 0, 0))(x, idx, up)
    for k in range(2):
        ref = x.copy()
        np.add.at(ref, idx[k], up[k])
        np.testing.assert_allclose(got[k], ref)
    # second derivatives through gather/scatter under vmap
    f = lambda x, i: fnp.sum(gather(x, i) ** 3)  # noqa: E731
    h = fl.vmap(fl.grad(lambda x, i: fnp.sum(fl.grad(f)(x, i) ** 2)), in_axes=(None, 0))(x, idx)
    want = np.stack([fl.grad(lambda x: fnp.sum(fl.grad(f)(x, i) ** 2))(x) for i in idx])
    np.testing.assert_allclose(h, want, rtol=1e-12)
