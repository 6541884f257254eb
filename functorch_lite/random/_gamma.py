"""Samplers drawn by rejection in vectorised rounds: gamma (and loggamma, beta,
dirichlet built on it) and poisson.  They sample JAX's distributions with
JAX's algorithms (Marsaglia-Tsang, Knuth / PTRS) but a fixed number of rounds
instead of per-element while loops, so their values are not JAX's.  gamma's
gradient in ``a`` is JAX's implicit reparameterisation (a custom_jvp).
"""
import numpy as np

from .. import numpy as fnp
from ..control import custom_jvp
from ..core.trace import get_aval
from ..primitives import elementwise as ew, special
from ._keys import check_key, check_shape
from ._samplers import (_float_dtype, _float_param, _int_dtype, _normal, _place, _split2,
                        _split_n, _uniform, exponential)



# ------------------------------------------------------------------ gamma family

_GAMMA_ROUNDS = 12      # Marsaglia-Tsang accepts >= 95% per round: P(all fail) < 1e-15


def _mt_log_gamma(key, a, shape, dt):
    """log of a Gamma(a, 1) sample (no gradient): Marsaglia & Tsang for a + 1 (a < 1
    boosted by u**(1/a), in log space so that tiny samples do not underflow)."""
    one = dt.type(1.0)
    boost = ew.lt(a, one)
    alpha = fnp.where(boost, ew.add(a, one), a)
    d = ew.sub(alpha, dt.type(1.0 / 3.0))
    c = ew.div(one, fnp.sqrt(ew.mul(dt.type(9.0), d)))
    keys = _split_n(key, 2 * _GAMMA_ROUNDS + 1)
    one_d = _place(one, key)        # fnp.where would make a host array of a scalar
    log_z = fnp.zeros_like(a)
    done = ew.ne(log_z, log_z)
    for i in range(_GAMMA_ROUNDS):
        x = _normal(keys[2 * i], shape, dt)
        v = ew.add(one, ew.mul(c, x))
        v3 = ew.mul(ew.mul(v, v), v)
        u = _uniform(keys[2 * i + 1], shape, dt, dt.type(0), one)
        safe_v3 = fnp.where(ew.gt(v, dt.type(0)), v3, one_d)
        ok = fnp.logical_and(
            ew.gt(v, dt.type(0)),
            ew.lt(fnp.log(u), ew.add(ew.mul(dt.type(0.5), ew.mul(x, x)),
                                     ew.mul(d, ew.add(ew.sub(one, safe_v3),
                                                      fnp.log(safe_v3))))))
        take = fnp.logical_and(ok, fnp.logical_not(done))
        log_z = fnp.where(take, ew.add(fnp.log(d), fnp.log(safe_v3)), log_z)
        done = fnp.logical_or(done, ok)
    u = _uniform(keys[-1], shape, dt, dt.type(np.finfo(dt).tiny), one)
    boost_term = ew.div(fnp.log(u), fnp.where(boost, a, one_d))
    return fnp.where(boost, ew.add(log_z, boost_term), log_z)


_SERIES = 200


def _dz_da(a, z):
    """d(sample)/d(a) by implicit differentiation of the CDF: -(dP(a, z)/da) / pdf(z),
    dP/da summed from the series P = sum_n exp((a+n) log z - z - lgamma(a+n+1)).
    Accurate while z stays below ~a + _SERIES/2 (shape parameters up to ~50)."""
    dt = get_aval(z).dtype
    n = _place(np.arange(_SERIES, dtype=dt), z)
    a_ = fnp.expand_dims(a, -1)
    lz = fnp.expand_dims(fnp.log(z), -1)
    an = ew.add(a_, n)
    lt = ew.sub(ew.sub(ew.mul(an, lz), fnp.expand_dims(z, -1)), special.lgamma(ew.add(an, 1.0)))
    dlt = ew.sub(lz, special.digamma(ew.add(an, 1.0)))
    dP = fnp.sum(ew.mul(fnp.exp(lt), dlt), axis=-1)
    log_pdf = ew.sub(ew.sub(ew.mul(ew.sub(a, 1.0), fnp.log(z)), z), special.lgamma(a))
    return ew.neg(ew.div(dP, fnp.exp(log_pdf)))


@custom_jvp
def _implicit_gamma(a, z):
    return z


@_implicit_gamma.defjvp
def _implicit_gamma_jvp(primals, tangents):
    a, z = primals
    ta = tangents[0]
    out = _implicit_gamma(a, z)
    if ta is None:
        return out, fnp.zeros_like(z)
    return out, ew.mul(ta, _dz_da(a, out))


def _gamma(key, a, shape, dt, log_space):
    a = fnp.broadcast_to(fnp.asarray(a, dtype=dt), shape)
    log_z = _mt_log_gamma(key, fnp.stop_gradient(a), shape, dt)
    z = _implicit_gamma(a, fnp.exp(log_z))
    if log_space:
        # the value log_z exactly, the derivative (dz/da) / z where z did not underflow
        lz = fnp.log(ew.max(z, dt.type(np.finfo(dt).tiny)))
        return fnp.where(ew.gt(z, dt.type(0)), ew.add(log_z, ew.sub(lz, fnp.stop_gradient(lz))),
                         log_z)
    return z


def gamma(key, a, shape=None, dtype=None):
    """Gamma(a, 1) floats (Marsaglia-Tsang, vectorised rounds; JAX's distribution, not
    its values), with JAX's implicit reparameterisation gradient in ``a``."""
    key = check_key("gamma", key)
    a = _float_param("gamma", "a", a, dtype)
    a = _place(a, key)
    dt = _float_dtype("gamma", dtype or get_aval(a).dtype)
    shape = fnp.shape(a) if shape is None else check_shape("gamma", shape, fnp.shape(a))
    return _gamma(key, a, shape, dt, False)


def loggamma(key, a, shape=None, dtype=None):
    """log of Gamma(a, 1) samples, accurate for small ``a`` where the sample underflows."""
    key = check_key("loggamma", key)
    a = _float_param("loggamma", "a", a, dtype)
    a = _place(a, key)
    dt = _float_dtype("loggamma", dtype or get_aval(a).dtype)
    shape = fnp.shape(a) if shape is None else check_shape("loggamma", shape, fnp.shape(a))
    return _gamma(key, a, shape, dt, True)


def beta(key, a, b, shape=None, dtype=None):
    """Beta(a, b) floats as ``Ga / (Ga + Gb)`` of two gamma samples (JAX's method, in
    log space); differentiable in ``a`` and ``b`` through gamma's implicit gradient."""
    key = check_key("beta", key)
    a = _float_param("beta", "a", a, dtype)
    a = _place(a, key)
    b = _float_param("beta", "b", b, dtype)
    b = _place(b, key)
    dt = _float_dtype("beta", dtype or get_aval(a).dtype)
    pshapes = (fnp.shape(a), fnp.shape(b))
    shape = (np.broadcast_shapes(*pshapes) if shape is None
             else check_shape("beta", shape, *pshapes))
    ka, kb = _split2(key)
    la = _gamma(ka, a, shape, dt, True)
    lb = _gamma(kb, b, shape, dt, True)
    m = ew.max(la, lb)
    ga, gb = fnp.exp(ew.sub(la, m)), fnp.exp(ew.sub(lb, m))
    return ew.div(ga, ew.add(ga, gb))


def dirichlet(key, alpha, shape=None, dtype=None):
    """Dirichlet(alpha) vectors (last axis), normalised gammas (softmax of log-gammas,
    JAX's method); differentiable in ``alpha``."""
    key = check_key("dirichlet", key)
    alpha = _float_param("dirichlet", "alpha", alpha, dtype)
    alpha = _place(alpha, key)
    s = fnp.shape(alpha)
    if len(s) < 1:
        raise ValueError("dirichlet: argument `alpha` must have at least one axis")
    dt = _float_dtype("dirichlet", dtype or get_aval(alpha).dtype)
    shape = s[:-1] if shape is None else check_shape("dirichlet", shape, s[:-1])
    lg = _gamma(key, alpha, tuple(shape) + s[-1:], dt, True)
    return fnp.softmax(lg, axis=-1)


# ------------------------------------------------------------------ poisson

_KNUTH_TERMS = 48        # lam < 10: P(N >= 48) < 1e-17
_PTRS_ROUNDS = 16


def poisson(key, lam, shape=None, dtype=None):
    """Poisson(lam) integers (default int64): Knuth's method for lam < 10 and
    Hörmann's transformed rejection (PTRS) above, as JAX, in vectorised rounds (JAX's
    distribution, not its values).  ``lam`` is not differentiated (as JAX)."""
    key = check_key("poisson", key)
    dt = _int_dtype("poisson", dtype)
    lam = fnp.stop_gradient(_float_param("poisson", "lam", lam))
    lam = _place(lam, key)
    fdt = get_aval(lam).dtype
    shape = fnp.shape(lam) if shape is None else check_shape("poisson", shape, fnp.shape(lam))
    lam = fnp.broadcast_to(lam, shape)
    k_small, k_large = _split2(key)
    # Knuth: count arrivals of a unit-rate process before time lam
    small_lam = ew.min(lam, fdt.type(10.0))
    e = exponential(k_small, tuple(shape) + (_KNUTH_TERMS,), fdt)
    arrivals = fnp.cumsum(e, axis=-1)
    n_small = fnp.sum(ew.lt(arrivals, fnp.expand_dims(small_lam, -1)), axis=-1)
    # PTRS for lam >= 10
    big = ew.max(lam, fdt.type(10.0))
    slam = fnp.sqrt(big)
    loglam = fnp.log(big)
    b = ew.add(0.931, ew.mul(2.53, slam))
    a = ew.add(-0.059, ew.mul(0.02483, b))
    inv_alpha = ew.add(1.1239, ew.div(1.1328, ew.sub(b, 3.4)))
    vr = ew.sub(0.9277, ew.div(3.6224, ew.sub(b, 2.0)))
    keys = _split_n(k_large, 2 * _PTRS_ROUNDS)
    result = fnp.zeros_like(lam)
    done = ew.ne(result, result)
    for i in range(_PTRS_ROUNDS):
        u = ew.sub(_uniform(keys[2 * i], shape, fdt, fdt.type(0), fdt.type(1)), 0.5)
        v = _uniform(keys[2 * i + 1], shape, fdt, fdt.type(0), fdt.type(1))
        us = ew.sub(0.5, fnp.abs(u))
        us = ew.max(us, fdt.type(np.finfo(fdt).tiny))
        k = fnp.floor(ew.add(ew.mul(ew.add(ew.div(ew.mul(2.0, a), us), b), u),
                             ew.add(big, 0.43)))
        quick = fnp.logical_and(ew.ge(us, 0.07), ew.le(v, vr))
        reject = fnp.logical_or(ew.lt(k, 0.0), fnp.logical_and(ew.lt(us, 0.013), ew.gt(v, us)))
        kk = ew.max(k, fdt.type(0.0))
        lhs = ew.add(fnp.log(ew.max(v, fdt.type(np.finfo(fdt).tiny))),
                     ew.sub(fnp.log(inv_alpha), fnp.log(ew.add(ew.div(a, ew.mul(us, us)), b))))
        rhs = ew.sub(ew.add(ew.neg(big), ew.mul(kk, loglam)), special.lgamma(ew.add(kk, 1.0)))
        ok = fnp.logical_or(quick, fnp.logical_and(fnp.logical_not(reject), ew.le(lhs, rhs)))
        take = fnp.logical_and(ok, fnp.logical_not(done))
        result = fnp.where(take, kk, result)
        done = fnp.logical_or(done, ok)
    out = fnp.where(ew.lt(lam, fdt.type(10.0)), fnp.asarray(n_small, dtype=fdt), result)
    out = fnp.where(ew.le(lam, fdt.type(0.0)), _place(fdt.type(0.0), key), out)
    return fnp.asarray(out, dtype=dt)
