"""The code cells of JAX's "Autodiff Cookbook" (docs/notebooks/autodiff_cookbook),
in order, each as a function, with only the import lines changed
(``functorch_lite`` in place of ``jax``).  Random inputs come from
``functorch_lite.random`` with the cookbook's keys.

Each cell returns the values the cookbook prints; ``main`` prints them as
``cell_name: value``.  ``--jax`` runs the same cells with real jax.
Cells that still fail are reported as ``cell_name: FAILED <reason>``; see
docs/jax_examples.md for the current list (STILL_FAILING below): all the
real-valued cells run and print JAX's values (JAX run with jax_enable_x64,
since functorch_lite's arrays are 64-bit by default), and so do three of the
four cells of the "Complex numbers and differentiation" section; the last one
(the derivative of a Cholesky factor of a complex matrix) runs and prints the
gradient in NumPy's convention (cholesky reads the lower triangle, so the
gradient lives there: JAX's, which differentiates the symmetrised (X + X^H)/2,
folded onto the lower triangle: twice JAX's below the diagonal, zero above).
Cells are functions, so ``key, subkey = random.split(key)`` inside a cell
splits the module's ``key`` without rebinding it (the notebook rebinds its
global key cell after cell), so the random directions differ from the
notebook's printed ones; both runs here use the same keys.
The check_grads cell imports ``functorch_lite.test_util`` in place of
``jax.test_util``.
"""
import sys
from typing import TYPE_CHECKING

import numpy as onp

if "--jax" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import jax
    jax.config.update("jax_enable_x64", True)  # functorch_lite's arrays are 64-bit by default
    import jax.numpy as jnp
    from jax import grad, jit, vmap, jvp, vjp, jacfwd, jacrev, value_and_grad
    from jax import random
else:
    import functorch_lite as jax
    import functorch_lite.numpy as jnp
    from functorch_lite import grad, jit, vmap, jvp, vjp, jacfwd, jacrev, value_and_grad
    from functorch_lite import random

# cells that cannot run unchanged, with the reason (filled in after trying)
STILL_FAILING: dict[str, str] = {}

key = random.PRNGKey(0)


def cell_grad_tanh():
    grad_tanh = grad(jnp.tanh)
    return grad_tanh(2.0)


def cell_higher_order():
    return grad(grad(jnp.tanh))(2.0), grad(grad(grad(jnp.tanh)))(2.0)


def sigmoid(x):
    return 0.5 * (jnp.tanh(x / 2) + 1)


def predict(W, b, inputs):
    return sigmoid(jnp.dot(inputs, W) + b)


inputs = jnp.array([[0.52, 1.12, 0.77],
                    [0.88, -1.08, 0.15],
                    [0.52, 0.06, -1.30],
                    [0.74, -2.49, 1.39]])
targets = jnp.array([True, True, False, True])


def loss(W, b):
    preds = predict(W, b, inputs)
    label_probs = preds * targets + (1 - preds) * (1 - targets)
    return -jnp.sum(jnp.log(label_probs))


key, W_key, b_key = random.split(key, 3)
W = random.normal(W_key, (3,))
b = random.normal(b_key, ())


def cell_logistic_grads():
    W_grad = grad(loss, argnums=0)(W, b)
    W_grad2 = grad(loss, 0)(W, b)
    b_grad = grad(loss, 1)(W, b)
    W_grad3, b_grad3 = grad(loss, (0, 1))(W, b)
    return W_grad, W_grad2, b_grad, W_grad3, b_grad3


def loss2(params_dict):
    preds = predict(params_dict['W'], params_dict['b'], inputs)
    label_probs = preds * targets + (1 - preds) * (1 - targets)
    return -jnp.sum(jnp.log(label_probs))


def cell_dict_grad():
    g = grad(loss2)({'W': W, 'b': b})
    return g['W'], g['b']


def cell_value_and_grad():
    loss_value, Wb_grad = value_and_grad(loss, (0, 1))(W, b)
    return loss_value, loss(W, b), Wb_grad[0], Wb_grad[1]


def cell_numerical_check():
    eps = 1e-4
    b_grad_numerical = (loss(W, b + eps / 2.) - loss(W, b - eps / 2.)) / eps
    b_grad_autodiff = grad(loss, 1)(W, b)
    return b_grad_numerical, b_grad_autodiff


def cell_numerical_check_W():
    key2, subkey = random.split(key)
    vec = random.normal(subkey, W.shape)
    unitvec = vec / jnp.sqrt(jnp.vdot(vec, vec))
    eps = 1e-4
    W_grad_numerical = (loss(W + eps / 2. * unitvec, b) - loss(W - eps / 2. * unitvec, b)) / eps
    return W_grad_numerical, jnp.vdot(grad(loss)(W, b), unitvec)


def cell_check_grads():
    if "--jax" in sys.argv:
        from jax.test_util import check_grads
    else:
        from functorch_lite.test_util import check_grads
    check_grads(loss, (W, b), order=2)
    return True


def cell_hvp():
    def hvp(f, x, v):
        return grad(lambda x: jnp.vdot(grad(f)(x), v))(x)

    def f(X):
        return jnp.sum(jnp.tanh(X) ** 2)

    X = random.normal(key, (4,))
    V = random.normal(random.split(key)[1], (4,))
    return hvp(f, X, V)


def f(x):
    return sigmoid(jnp.dot(inputs, x) + b)


def cell_jacfwd_jacrev():
    J = jacfwd(f)(W)
    J2 = jacrev(f)(W)
    return J, J2


def cell_jac_dict():
    def predict_dict(params, inputs):
        return predict(params['W'], params['b'], inputs)

    J_dict = jacrev(predict_dict)({'W': W, 'b': b}, inputs)
    return J_dict['W'], J_dict['b']


def cell_hessian():
    def hessian(f):
        return jacfwd(jacrev(f))

    H = hessian(f)(W)
    return H.shape, H


def cell_jvp():
    key2, subkey = random.split(key)
    v = random.normal(subkey, W.shape)
    y, u = jvp(f, (W,), (v,))
    return y, u


def cell_vjp():
    y, vjp_fun = vjp(f, W)
    key2, subkey = random.split(key)
    u = random.normal(subkey, y.shape)
    v = vjp_fun(u)
    return v[0]


def cell_vjp_grad():
    def vgrad(f, x):
        y, vjp_fn = vjp(f, x)
        return vjp_fn(jnp.ones(y.shape))[0]

    return vgrad(lambda x: 3 * x ** 2, jnp.ones((2, 2)))


def hvp(f, primals, tangents):
    return jvp(grad(f), primals, tangents)[1]


def cell_hvp_fwd_over_rev():
    def f2(X):
        return jnp.sum(jnp.tanh(X) ** 2)

    key2, subkey1, subkey2 = random.split(key, 3)
    X = random.normal(subkey1, (30, 40))
    V = random.normal(subkey2, (30, 40))
    ans1 = hvp(f2, (X,), (V,))
    ans2 = jnp.tensordot(jax.hessian(f2)(X), V, 2)
    return bool(jnp.allclose(ans1, ans2, 1e-4, 1e-4))


def cell_hvp_variants():
    def hvp_revrev(f, primals, tangents):
        x, = primals
        v, = tangents
        return grad(lambda x: jnp.vdot(grad(f)(x), v))(x)

    def hvp_revfwd(f, primals, tangents):
        g = lambda primals: jvp(f, primals, tangents)[1]
        return grad(g)(primals)

    def f2(X):
        return jnp.sum(jnp.tanh(X) ** 2)

    key2, subkey1, subkey2 = random.split(key, 3)
    X = random.normal(subkey1, (30, 40))
    V = random.normal(subkey2, (30, 40))
    a = hvp(f2, (X,), (V,))
    b_ = hvp_revrev(f2, (X,), (V,))
    c = hvp_revfwd(f2, (X,), (V,))
    if isinstance(c, tuple):
        c = c[0]
    return bool(jnp.allclose(a, b_, 1e-4, 1e-4)), bool(jnp.allclose(a, c, 1e-4, 1e-4))


def cell_vmap_mjp():
    key2, subkey = random.split(key)
    U = random.normal(subkey, (5, 4))   # a batch of cotangents for f: R^3 -> R^4
    y, vjp_fun = vjp(f, W)
    loop_vs = jnp.stack([vjp_fun(u)[0] for u in U])

    def vmap_mjp(f, x, M):
        y, vjp_fun = vjp(f, x)
        outs, = vmap(vjp_fun)(M)
        return outs

    vmap_vs = vmap_mjp(f, W, M=U)
    return bool(jnp.allclose(loop_vs, vmap_vs)), vmap_vs


def cell_vmap_jmp():
    key2, subkey = random.split(key)
    S = random.normal(subkey, (5,) + W.shape)
    loop_vs = jnp.stack([jvp(f, (W,), (s,))[1] for s in S])

    def vmap_jmp(f, W, M):
        _jvp = lambda s: jvp(f, (W,), (s,))[1]
        return vmap(_jvp)(M)

    vmap_vs = vmap_jmp(f, W, M=S)
    return bool(jnp.allclose(loop_vs, vmap_vs)), vmap_vs


def cell_jacobian_shapes():
    def our_jacfwd(f):
        def jacfun(x):
            _jvp = lambda s: jvp(f, (x,), (s,))[1]
            Jt = vmap(_jvp, in_axes=1)(jnp.eye(len(x)))
            return jnp.transpose(Jt)
        return jacfun

    def our_jacrev(f):
        def jacfun(x):
            y, vjp_fun = vjp(f, x)
            J, = vmap(vjp_fun, in_axes=0)(jnp.eye(len(y)))
            return J
        return jacfun

    return (bool(jnp.allclose(our_jacfwd(f)(W), jacfwd(f)(W))),
            bool(jnp.allclose(our_jacrev(f)(W), jacrev(f)(W))))


def cell_complex_grad():
    def f3(z):
        x, y = jnp.real(z), jnp.imag(z)
        return x ** 2 + y ** 2

    z = 3. + 4j
    return grad(f3)(z)


def cell_holomorphic():
    def f4(z):
        return jnp.sin(z)

    z = 3. + 4j
    return grad(f4, holomorphic=True)(z), jnp.cos(z)


def cell_nonholomorphic_abs():
    def f5(z):
        return jnp.abs(z)
    return grad(f5)(3. + 4j)


def cell_complex_norm_grad():
    A = jnp.array([[5., 2. + 3j, 5j],
                   [2. - 3j, 7., 1. + 7j],
                   [-5j, 1. - 7j, 12.]])

    def f6(X):
        L = jnp.linalg.cholesky(X)
        return jnp.sum((L - jnp.sin(L)) ** 2)

    return grad(f6, holomorphic=True)(A)


CELLS = [v for k, v in list(globals().items()) if k.startswith("cell_")]


def fmt(v):
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    if isinstance(v, (bool, int)):
        return repr(v)
    a = onp.asarray(v)
    return onp.array2string(a, precision=5, suppress_small=True, separator=",").replace("\n", "")


def run_cells():
    """{cell_name: printed value or 'FAILED <ExcType>: msg'} for every cell, in order."""
    out = {}
    for cell in CELLS:
        try:
            out[cell.__name__] = fmt(cell())
        except Exception as e:  # a cell that cannot run unchanged
            out[cell.__name__] = "FAILED %s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")
    return out


def main():
    for name, value in run_cells().items():
        print("%s: %s" % (name, value))


if __name__ == "__main__":
    main()
