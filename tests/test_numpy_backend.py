"""Host constants (index arrays, masks, iotas, zeros) follow the input's
backend: with a stand-in second backend nothing mixes with NumPy arrays (the
core reports mixing as an error), in the value, its vjp, jvp and vmap."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp


from _device import device  # noqa: F401  (fixture)


FUNS = [
    lambda x: x[[0, 2, 2]], lambda x: x[::-1, 1], lambda x: x[:, [3, 0]] * 2.0,
    lambda x: x[x > 0], lambda x: fnp.take(x, [5, 1]), lambda x: fnp.take(x, 1, axis=1),
    lambda x: fnp.take_along_axis(x, np.array([[0], [3], [1]]), 1),
    lambda x: fnp.at(x)[[0, 0], 1].set(5.0), lambda x: fnp.at(x)[1].add(x[0]),
    lambda x: fnp.at(x)[:, [1, 1]].multiply(3.0), lambda x: fnp.at(x)[0].max(x[1]),
    fnp.tril, lambda x: fnp.triu(x, 1), lambda x: fnp.diag(x[0]), lambda x: fnp.diag(x, 1),
    lambda x: fnp.pad(x, 1, mode="reflect"), lambda x: fnp.pad(x, ((0, 1), (2, 0))),
    lambda x: fnp.repeat(x, [1, 0, 2], axis=0), lambda x: fnp.repeat(x, 2),
    lambda x: fnp.cumprod(x, 1), lambda x: fnp.cumsum(x), lambda x: fnp.prod(x, 0),
    lambda x: fnp.flip(x), lambda x: fnp.roll(x, 1, 1), lambda x: fnp.tile(x, 2),
    lambda x: fnp.var(x, 0), lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0),
    lambda x: fnp.linspace(x[0], x[1], 4), lambda x: x * fnp.ones_like(x),
    lambda x: x + fnp.zeros_like(x), lambda x: fnp.full_like(x, 2.0) * x,
    lambda x: fnp.concatenate([x, x]), lambda x: fnp.split(x, 2, axis=1)[1],
    lambda x: x.argmax(axis=0) + 0 * x[0], lambda x: fnp.arctan2(x, 1.0 + x * x),
    lambda x: fnp.asarray(x) @ x.T,
]


@pytest.mark.parametrize("k", range(len(FUNS)))
def test_constants_follow_the_input_backend(device, k):
    f = FUNS[k]
    xh = np.random.default_rng(k).uniform(0.2, 2.0, (3, 4))
    x = device.put(xh)
    out = f(x)
    assert device.is_dev(out)
    np.testing.assert_allclose(device.host(out), f(xh))
    if out.dtype.kind != "f":
        return
    ct = out * 0 + 1
    results = [fl.vjp(f, x)[1](ct), fl.jvp(f, (x,), (x * 0 + 1,))[1]]
    if k != 3:  # a boolean mask needs concrete values (vmap batches them)
        results.append(fl.vmap(f)(device.put(np.stack([xh, 2 * xh]))))
    for v in fl.tree_util.tree_leaves(results):
        assert device.is_dev(v), type(v)


def test_creation_follows_the_default_or_input_backend(device):
    x = device.put(np.ones((2, 2)))
    assert device.is_dev(fnp.zeros_like(x)) and device.is_dev(fnp.full_like(x, 3))
    assert device.is_dev(fnp.asarray(x))
    assert type(fnp.zeros(3)) is fl.Array            # default backend: numpy's, as an Array
    vals = fnp.nonzero(x > 0)
    assert all(not isinstance(v, np.ndarray) or v.size == 4 for v in vals)
