"""A line search satisfying the strong Wolfe conditions (Nocedal & Wright,
Algorithms 3.5 and 3.6, with cubic/quadratic interpolation in the zoom), as
SciPy's BFGS uses one.  Values along the line come from ``phi(alpha) ->
(value, slope, g)``; the search is driven from Python (scalars read back)."""
import math


def _cubicmin(a, fa, fpa, b, fb, c, fc):
    try:
        C = fpa
        db, dc = b - a, c - a
        denom = (db * dc) ** 2 * (db - dc)
        if denom == 0:
            return None
        d1 = [[dc ** 2, -db ** 2], [-dc ** 3, db ** 3]]
        r = [fb - fa - C * db, fc - fa - C * dc]
        A = (d1[0][0] * r[0] + d1[0][1] * r[1]) / denom
        B = (d1[1][0] * r[0] + d1[1][1] * r[1]) / denom
        rad = B * B - 3 * A * C
        if A == 0 or rad < 0:
            return None
        x = a + (-B + math.sqrt(rad)) / (3 * A)
        return x if math.isfinite(x) else None
    except (OverflowError, ZeroDivisionError, ValueError):
        return None


def _quadmin(a, fa, fpa, b, fb):
    db = b - a
    if db == 0:
        return None
    B = (fb - fa - fpa * db) / (db * db)
    if B <= 0:
        return None
    x = a - fpa / (2 * B)
    return x if math.isfinite(x) else None


def _zoom(phi, a_lo, a_hi, f_lo, f_hi, d_lo, f0, d0, c1, c2, maxiter=10):
    a_rec, f_rec = 0.0, f0
    for i in range(maxiter):
        lo, hi = min(a_lo, a_hi), max(a_lo, a_hi)
        dalpha = hi - lo
        a_j = None
        if i > 0:
            a_j = _cubicmin(a_lo, f_lo, d_lo, a_hi, f_hi, a_rec, f_rec)
            if a_j is not None and not (lo + 0.2 * dalpha < a_j < hi - 0.2 * dalpha):
                a_j = None
        if a_j is None:
            a_j = _quadmin(a_lo, f_lo, d_lo, a_hi, f_hi)
            if a_j is None or not (lo + 0.1 * dalpha < a_j < hi - 0.1 * dalpha):
                a_j = a_lo + 0.5 * (a_hi - a_lo)
        f_j, d_j, g_j = phi(a_j)
        if f_j > f0 + c1 * a_j * d0 or f_j >= f_lo:
            a_rec, f_rec = a_hi, f_hi
            a_hi, f_hi = a_j, f_j
        else:
            if abs(d_j) <= -c2 * d0:
                return a_j, f_j, g_j
            if d_j * (a_hi - a_lo) >= 0:
                a_rec, f_rec = a_hi, f_hi
                a_hi, f_hi = a_lo, f_lo
            else:
                a_rec, f_rec = a_lo, f_lo
            a_lo, f_lo, d_lo = a_j, f_j, d_j
    return None


def line_search_wolfe(phi, f0, d0, alpha1=1.0, c1=1e-4, c2=0.9, amax=1e100, maxiter=10):
    """Returns ``(alpha, f(alpha), g(alpha))`` or None when no step satisfying
    the strong Wolfe conditions was found."""
    if d0 >= 0:
        return None
    a0, f_prev, d_prev = 0.0, f0, d0
    a1 = min(alpha1, amax)
    for i in range(maxiter):
        if a1 == 0 or not math.isfinite(a1):
            return None
        f1, d1, g1 = phi(a1)
        if not math.isfinite(f1):       # stepped out of the domain: shrink
            a1 = 0.5 * (a0 + a1)
            continue
        if f1 > f0 + c1 * a1 * d0 or (i > 0 and f1 >= f_prev):
            return _zoom(phi, a0, a1, f_prev, f1, d_prev, f0, d0, c1, c2)
        if abs(d1) <= -c2 * d0:
            return a1, f1, g1
        if d1 >= 0:
            return _zoom(phi, a1, a0, f1, f_prev, d1, f0, d0, c1, c2)
        a0, f_prev, d_prev = a1, f1, d1
        a1 = min(2 * a1, amax)
    return None
