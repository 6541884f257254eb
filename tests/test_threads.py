"""Transforms run from several threads at once give the serial results.

The trace stack is per thread (``core.trace.state``), so one thread's
tracers never meet another's; jit's caches take a lock per signature around
trace + compile, so a function first called from several threads at once is
traced once; ``transfer_guard`` is a per-thread context over a process-wide
default.  Every test runs 4 threads x 50 rounds and compares bit for bit.
"""
import sys
import threading

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import backends

N_THREADS, ROUNDS = 4, 50
WAIT = 30   # seconds: a hang fails the test instead of stalling the suite


@pytest.fixture(autouse=True)
def often_switch():
    """Switch threads every few microseconds (CPython's default is 5 ms, longer than
    a small trace), so the threads really interleave inside tracing and compiling."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(old)


def run_threads(work, n=N_THREADS):
    """Run ``work(i, barrier)`` in n threads; re-raise the first error; results by thread."""
    barrier = threading.Barrier(n, timeout=WAIT)
    results, errors = [None] * n, []

    def body(i):
        try:
            results[i] = work(i, barrier)
        except BaseException as e:  # noqa: BLE001 - handed to the main thread
            errors.append(e)
            barrier.abort()          # the other threads stop waiting for this one

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
        assert not t.is_alive(), "a thread hung"
    if errors:
        raise errors[0]
    return results


def loss(w, x):
    h = fnp.tanh(x @ w)
    return fnp.sum(h * h) + 0.5 * fnp.sum(w ** 2)


def inputs(r):
    rng = np.random.default_rng(r)
    return rng.standard_normal((3, 2)), rng.standard_normal((4, 3))


def assert_same(got, want):
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want)


def test_eager_grad_in_threads():
    serial = [fl.grad(loss)(*inputs(r)) for r in range(ROUNDS)]

    def work(i, barrier):
        barrier.wait()
        return [fl.grad(loss)(*inputs(r)) for r in range(ROUNDS)]

    for outs in run_threads(work):
        for got, want in zip(outs, serial):
            assert_same(got, want)


def make_fn(r):
    """A fresh function each round: an outer jit calling an inner jit, and the
    gradient through it (the inner call's vjp split is cached too)."""
    @fl.jit
    def inner(x):
        return fnp.sin(x) * (r + 1.0)

    def outer(x, w):
        y = fnp.sum(inner(x @ w) ** 2, axis=0) - float(r)
        return y, fl.grad(lambda w: fnp.sum(inner(x @ w)))(w)
    return outer


def test_first_jit_calls_from_threads_trace_once():
    w, x = inputs(0)
    serial = [fl.jit(make_fn(r))(x, w) for r in range(ROUNDS)]
    for got, want in zip(serial[3], make_fn(3)(x, w)):    # jit vs eager: not bitwise
        np.testing.assert_allclose(got, want, rtol=1e-12)
    jitted = [fl.jit(make_fn(r)) for r in range(ROUNDS)]

    def work(i, barrier):
        outs = []
        for r in range(ROUNDS):
            barrier.wait()          # all threads make the first call together
            outs.append(jitted[r](x, w))
        return outs

    for outs in run_threads(work):
        for got, want in zip(outs, serial):
            assert_same(got[0], want[0])
            assert_same(got[1], want[1])
    assert [f.trace_count for f in jitted] == [1] * ROUNDS


def test_first_jit_calls_of_tensor_code_from_threads_trace_once():
    """A jitted function written with Tensor methods runs through a twin per
    argument layout: threads racing on the first call share one twin and one trace."""
    x = fl.tensor(inputs(0)[1])
    jitted = [fl.jit(lambda v, r=r: (v.sin() * (r + 1.0)).sum(0)) for r in range(ROUNDS)]

    def work(i, barrier):
        outs = []
        for r in range(ROUNDS):
            barrier.wait()
            outs.append(jitted[r](x).numpy())
        return outs

    serial = [fl.jit(lambda v, r=r: (v.sin() * (r + 1.0)).sum(0))(x).numpy()
              for r in range(ROUNDS)]
    for outs in run_threads(work):
        for got, want in zip(outs, serial):
            assert_same(got, want)
    assert [f.trace_count for f in jitted] == [1] * ROUNDS   # two twins would trace twice


def test_vmap_of_grad_in_threads():
    xs = np.random.default_rng(1).standard_normal((ROUNDS, 5, 4, 3))
    w = inputs(0)[0]
    per_example = fl.vmap(fl.grad(loss), in_axes=(None, 0))
    serial = [per_example(w, xs[r]) for r in range(ROUNDS)]

    def work(i, barrier):
        barrier.wait()
        return [fl.vmap(fl.grad(loss), in_axes=(None, 0))(w, xs[r]) for r in range(ROUNDS)]

    for outs in run_threads(work):
        for got, want in zip(outs, serial):
            assert_same(got, want)


def test_make_jaxpr_in_threads():
    def f(w, x):
        return fl.grad(loss)(w, x) * fl.jit(fnp.cos)(w)

    w, x = inputs(0)
    serial = str(fl.make_jaxpr(f)(w, x))

    def work(i, barrier):
        barrier.wait()
        return [str(fl.make_jaxpr(f)(w, x)) for _ in range(ROUNDS)]

    for outs in run_threads(work):
        assert outs == [serial] * ROUNDS


def test_transfer_guard_is_per_thread():
    """A guard entered in one thread leaves another thread's transfers alone;
    the process default applies to every thread without a guard of its own."""
    inside, checked = threading.Event(), threading.Event()

    def guarded(i, barrier):
        if i == 0:
            with fl.transfer_guard("disallow"):
                inside.set()
                assert checked.wait(WAIT)
                with pytest.raises(RuntimeError, match="transfer_guard"):
                    backends.check_transfer("a read in the guarded thread")
        else:
            assert inside.wait(WAIT)
            backends.check_transfer("a read in another thread")   # allowed: not its guard
            checked.set()

    run_threads(guarded, n=2)
    backends.check_transfer("a read after the guard")

    backends.set_default_transfer_guard("disallow")
    try:
        def default(i, barrier):
            with pytest.raises(RuntimeError, match="transfer_guard"):
                backends.check_transfer("a read under the process default")
            with fl.transfer_guard("allow"):    # a thread's own guard overrides it
                backends.check_transfer("a read inside an allowing guard")
        run_threads(default, n=2)
    finally:
        backends.set_default_transfer_guard("allow")
    with pytest.raises(ValueError):
        backends.set_default_transfer_guard("sometimes")
