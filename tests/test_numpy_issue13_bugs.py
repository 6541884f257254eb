"""Regression tests for issue 13's item 7 (the bugs owned by functorch_lite.numpy):
exact remainder/floor_divide, the small-integer sum dtype, repeat with a length-1
array, square(bool)'s dtype, einsum with a zero-size batch, and JAX's weak-type
rule that keeps a fori_loop carry float32."""
import itertools

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp

_VALS = [1e17, 3.0, -3.0, 0.0, -0.0, np.inf, -np.inf, np.nan, 1e300, 1e-300, 5.5, -5.5,
         2.0, -2.0, 7.0, 0.7]


def _same_bits(r, e):
    r, e = np.asarray(r), np.asarray(e)
    return (r == e) & (np.signbit(r) == np.signbit(e)) | (np.isnan(r) & np.isnan(e))


@pytest.mark.parametrize("f,g", [(fnp.remainder, np.remainder), (fnp.mod, np.mod),
                                 (fnp.floor_divide, np.floor_divide)])
def test_float_remainder_and_floor_divide_match_numpy_bit_for_bit(f, g):
    pairs = list(itertools.product(_VALS, _VALS))
    x, y = np.array([a for a, _ in pairs]), np.array([b for _, b in pairs])
    with np.errstate(all="ignore"):
        ok = _same_bits(f(x, y), g(x, y))
        ok_jit = _same_bits(fl.jit(f)(x, y), g(x, y))
    assert ok.all(), list(zip(x[~ok], y[~ok]))
    assert ok_jit.all()


def test_remainder_issue_values():
    # stored: CI has NumPy but the point is the exact values the issue lists
    assert float(fnp.remainder(1e17, 3)) == 1.0
    assert float(fnp.remainder(1e300, 1e-300)) == pytest.approx(4.891554850853602e-301)
    assert float(fnp.remainder(3, np.inf)) == 3.0
    r = fnp.remainder(0.0, -1.0)
    assert r == 0 and np.signbit(r)
    assert float(fnp.remainder(-3.0, np.inf)) == np.inf  # NumPy's answer
    f32 = fnp.remainder(np.float32([5.5, -5.5]), 2.0)
    assert f32.dtype == np.float32 and list(f32) == [1.5, 0.5]


def test_integer_remainder_and_floor_divide():
    x = np.arange(-7, 8)
    y = np.array([3, -3, 2, -2, 5, -5, 1, -1, 7, 3, 3, -4, 4, 6, -6])
    np.testing.assert_array_equal(fnp.remainder(x, y), np.remainder(x, y))
    np.testing.assert_array_equal(fnp.floor_divide(x, y), np.floor_divide(x, y))
    big = np.array([2**62 + 1])
    assert int(fnp.floor_divide(big, 3)[0]) == (2**62 + 1) // 3  # no float rounding
    assert fnp.remainder(np.array([True, False]), np.array([True, True])).dtype == np.int8
    with np.errstate(all="ignore"):
        np.testing.assert_array_equal(fnp.floor_divide(np.array([3, -3]), 0), [0, 0])


def test_remainder_derivatives():
    # d/dx = 1, d/dy = -floor(x / y)
    assert fl.grad(lambda x: fnp.remainder(x, 0.7))(2.0) == 1.0
    assert fl.grad(lambda y: fnp.remainder(2.0, y))(0.7) == -2.0
    assert fl.grad(lambda y: fnp.remainder(-2.0, y))(0.7) == 3.0
    from functorch_lite.test_util import check_grads
    check_grads(lambda x, y: fnp.remainder(x, y), (np.array([2.3, -2.5]), np.array([0.7, 0.9])),
                order=2)


def test_sum_small_int_dtype_eager_equals_traced():
    x = np.array([200, 100], np.uint8)
    out = fnp.sum(x, dtype=np.uint8)
    aval = fl.make_jaxpr(lambda v: fnp.sum(v, dtype=np.uint8))(x).out_avals[0]
    assert out.dtype == aval.dtype == np.uint8
    assert int(out) == 44  # wraps like np.sum(x, dtype=uint8)
    assert fl.jit(lambda v: fnp.sum(v, dtype=np.uint8))(x).dtype == np.uint8
    assert fnp.sum(np.array([1, 2], np.int8), dtype=np.int8).dtype == np.int8


def test_repeat_with_length_one_array():
    x = np.arange(3.0)
    np.testing.assert_array_equal(fnp.repeat(x, np.array([2])), np.repeat(x, np.array([2])))
    np.testing.assert_array_equal(fnp.repeat(x.reshape(3, 1), np.array([3]), axis=1),
                                  np.repeat(x.reshape(3, 1), np.array([3]), axis=1))


def test_square_bool_dtype_is_one_everywhere():
    b = np.array([True, False])
    assert fnp.square(b).dtype == np.square(b).dtype == np.int8
    assert fl.jit(fnp.square)(b).dtype == np.int8
    assert fl.make_jaxpr(fnp.square)(b).out_avals[0].dtype == np.int8
    assert fnp.power(b, 2).dtype == np.power(b, 2).dtype


def test_einsum_zero_size_batch():
    a, b = np.ones((0, 2, 3)), np.ones((0, 3, 4))
    out = fnp.einsum("...ij,...jk->...ik", a, b)
    assert out.shape == (0, 2, 4)
    assert fl.jit(lambda u, v: fnp.einsum("...ij,...jk->...ik", u, v))(a, b).shape == (0, 2, 4)
    g = fl.grad(lambda u: fnp.sum(fnp.einsum("...ij,...jk->...ik", u, b)))(a)
    assert g.shape == a.shape


def test_einsum_sublist_form():
    r = np.random.default_rng(0)
    a, b = r.standard_normal((2, 3)), r.standard_normal((3, 4))
    np.testing.assert_allclose(fnp.einsum(a, [0, 1], b, [1, 2], [0, 2]), a @ b)
    np.testing.assert_allclose(fnp.einsum(a, [0, 1], b, [1, 2]), np.einsum(a, [0, 1], b, [1, 2]))
    np.testing.assert_allclose(fnp.einsum(a, [Ellipsis, 1], [1]), a.sum(0))
    with pytest.raises(ValueError, match="einsum: sublist"):
        fnp.einsum(a, [0, "x"])


def test_fori_loop_weak_python_scalar_keeps_carry_dtype():
    x = np.ones(2, np.float32)
    out = fl.lax.fori_loop(0, 3, lambda i, u: u * 0.5 + 0.1 * i, x)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [0.375, 0.375], rtol=1e-6)
    out = fl.lax.fori_loop(0, 4, lambda i, u: u + i * 0.25, x)
    assert out.dtype == np.float32 and out[0] == 2.5
    # the rule: Python float x integer tracer -> weak float; weak + f32 -> f32
    aval = fl.make_jaxpr(lambda i: 0.1 * i)(np.int64(2)).out_avals[0]
    assert aval.dtype == np.float64 and aval.weak_type
    assert fl.jit(lambda i, u: u + 0.1 * i)(np.int64(2), x).dtype == np.float32
    # a Python int keeps the integer array's strong dtype; two strong arrays promote as NumPy
    assert not fl.make_jaxpr(lambda i: 2 * i)(np.int32(2)).out_avals[0].weak_type
    assert fl.jit(lambda i, u: u + i)(np.int64(2), x).dtype == np.float64


# found by array-api-tests after the merge
def test_pinv_with_one_rtol_per_matrix_of_a_stack():
    x = np.random.default_rng(0).random((2, 3, 5, 6))
    r = np.full((2, 3), 1e-3)
    np.testing.assert_allclose(fnp.linalg.pinv(x, rtol=r), np.linalg.pinv(x, rtol=r),
                               rtol=1e-10, atol=1e-12)


def test_trace_of_small_unsigned_ints_is_uint64_as_numpy():
    a = np.ones((2, 2), np.uint8)
    assert fnp.trace(a).dtype == np.trace(a).dtype == np.uint64
    assert fnp.linalg.trace(a).dtype == np.uint64


def test_fftfreq_takes_the_array_api_device():
    np.testing.assert_array_equal(fnp.fft.fftfreq(4, device="cpu"), np.fft.fftfreq(4))
    np.testing.assert_array_equal(fnp.fft.rfftfreq(5, 0.5, device="cpu"), np.fft.rfftfreq(5, 0.5))
