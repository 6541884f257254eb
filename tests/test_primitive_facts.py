"""Facts every primitive declares (``core.primitive.defprim``), checked generically:
what the reverse tape keeps (``saves``), that a primitive's name is used only
where it is defined, that every rule exists or is declared missing, and that
the kernels and bounds its traits declare agree with its ``impl``."""
import ast
import pathlib

import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite.primitives import ipow as IP
from functorch_lite.core import primitive as core_primitive
from functorch_lite.core.ir import ShapedArray
from functorch_lite.primitives import add, mul, reduce_sum, reshape, tanh
from functorch_lite.transforms import reverse

PRIMS = sorted(core_primitive.REGISTRY.values(), key=lambda p: p.name)
PKG = pathlib.Path(fl.__file__).parent


def _recorded_nodes(f, *args):
    """The tape nodes ``fl.vjp`` records for f(*args) (kept for inspection)."""
    nodes = []
    orig = reverse.Node.__init__

    def spy(self, *a):
        orig(self, *a)
        nodes.append(self)
    reverse.Node.__init__ = spy
    try:
        out, pullback = fl.vjp(f, *args)
    finally:
        reverse.Node.__init__ = orig
    return nodes, out, pullback


def test_shape_only_rules_keep_avals_not_arrays():
    x = np.random.default_rng(0).normal(size=(4, 3))
    b = np.random.default_rng(1).normal(size=(3,))

    def f(x, b):
        return reduce_sum(reshape(tanh(add(x, b)), (12,)), (0,))

    nodes, out, pullback = _recorded_nodes(f, x, b)
    by_prim = {n.prim.name: n for n in nodes if n.prim is not None}
    for name in ("add", "reshape", "reduce_sum"):
        node = by_prim[name]
        assert node.prim.saves == "shapes"
        assert all(isinstance(v, ShapedArray) for v in node.ins), (name, node.ins)
        assert node.out is None
    # tanh's rule reads its output only
    assert by_prim["tanh"].ins == (None,) and by_prim["tanh"].out is not None
    gx, gb = pullback(np.float64(1.0))
    d = 1 - np.tanh(x + b) ** 2
    np.testing.assert_allclose(gx, d)
    np.testing.assert_allclose(gb, d.sum(0))


def test_grad_of_grad_through_shape_only_rules():
    # the avals kept by the inner tape serve an outer trace as well
    f = lambda x: reduce_sum(mul(add(x, 1.0), add(x, 1.0)), (0,))  # noqa: E731
    x = np.arange(3.0)
    np.testing.assert_allclose(fl.grad(lambda x: reduce_sum(fl.grad(f)(x), (0,)))(x),
                               np.full(3, 2.0))


# ------------------------------------------------------------ one registry

def _string_constants(path):
    """Every string constant in a module's code (docstrings, comments, ``__all__`` and
    the ``mirror(...)`` lists of core/mirror_docs.py aside: both list public functions,
    which may share a primitive's name)."""
    tree = ast.parse(path.read_text(), str(path))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                docs.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("mirror", "_mirror"):
            docs.update(id(n) for n in ast.walk(node))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def _defined_names(path):
    """Names of the primitives a module defines: any ``defprim("name", ...)`` call,
    and module-level ``x_p = helper("name", ...)`` (a family helper such as
    ``_def_unary`` that calls defprim for it)."""
    tree = ast.parse(path.read_text(), str(path))
    out = set()

    def first_str(call):
        if call.args and isinstance(call.args[0], ast.Constant) \
                and isinstance(call.args[0].value, str):
            return call.args[0].value
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            fname = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            if fname == "defprim" and first_str(node) is not None:
                out.add(first_str(node))
    for node in tree.body:
        # ``x_p = helper(...)`` or, annotated, ``x_p: Primitive = helper(...)``
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        if (isinstance(getattr(node, "value", None), ast.Call)
                and any(isinstance(t, ast.Name) and t.id.endswith("_p") for t in targets)
                and first_str(node.value) is not None):
            out.add(first_str(node.value))
    return out


# Strings equal to a primitive's name that are not references to the primitive:
# public NumPy / torch spellings (function names, error messages, __all__), and
# the facade's name tables, which the facade branch replaces with the primitives'
# ``torch_name`` / ``saves`` / ``facade`` traits (remove those entries when it lands).
# Exact per file: any other occurrence of a primitive's name fails the test.
_NUMPY_NAMES = {"abs", "add", "argmax", "ceil", "cholesky", "concatenate", "cos", "cosh",
                "cumsum", "eigh", "exp", "expm1", "floor", "log", "log1p", "max", "min",
                "pad", "qr", "reshape", "round", "sign", "sin", "sinh", "slogdet", "solve",
                "sqrt", "stop_gradient", "svd", "tan", "tanh", "transpose", "conj", "cond"}
_FACADE_TABLES = {"abs", "add", "argmax", "broadcast_in_dim", "ceil", "concatenate",
                  "convert_element_type", "cos", "cumsum", "div", "dot_general", "eq", "exp",
                  "expm1", "floor", "gather", "ge", "gt", "integer_pow", "le", "log", "log1p",
                  "lt", "max", "min", "mul", "mul_safe", "ne", "neg", "pad", "pow",
                  "reduce_max", "reduce_sum", "reshape", "round", "scatter_add", "select",
                  "sign", "sin", "slice", "sqrt", "stop_gradient", "sub", "tanh", "transpose"}
NOT_PRIMITIVE_REFERENCES = {
    "numpy/_elementwise.py": _NUMPY_NAMES, "numpy/_methods.py": _NUMPY_NAMES,
    "numpy/_reductions.py": _NUMPY_NAMES, "numpy/_shape.py": _NUMPY_NAMES,
    "numpy/_linalg_core.py": _NUMPY_NAMES, "numpy/_linalg_ext.py": _NUMPY_NAMES | {"eig"},
    "numpy/__init__.py": {"stop_gradient"},
    "numpy/_indexing.py": {"add", "min", "max"},         # .at[] update kinds
    "transforms/api.py": {"stop_gradient"},             # __all__
    "transforms/_api_docs.py": {"stop_gradient"},       # its docstring's key
    "nn/init.py": {"tanh"},                              # calculate_gain's nonlinearity
    "nn/functional.py": {"tanh"},                        # gelu's approximate="tanh"
    "bench/report.py": {"floor", "log"},                 # the report's "floor" rows, log axes
    "test_util.py": {"rev"},                             # check_grads' mode names
    "bench/workloads/deepchain.py": {"checkpoint"},      # the public fl.checkpoint feature
    "backends/cupy.py": {"mul_safe"},                    # its one-kernel version's cache key
    "primitives/_safe_kernels.py": {"mul_safe"},         # that kernel, as a namespace method
    "facade/_reduce.py": {"max", "argmax"}, "facade/_shape.py": {"reshape"},
    "facade/_math.py": {"floor", "min", "max"},
    "facade/__init__.py": _FACADE_TABLES, "facade/_dispatch.py": _FACADE_TABLES,
    "facade/_graph.py": _FACADE_TABLES,
    "random/_samplers.py": {"cholesky", "eigh", "svd"},  # multivariate_normal's method=
    "random/_gamma.py": {"gamma"},                       # the sampler's name in its errors
    "random/_keys.py": {"threefry2x32"},                 # key(impl=)'s accepted name
    "numpy/_complex.py": {"real", "imag", "conj"},       # NumPy's names, in their errors
    "numpy/fft.py": {"fft"},                             # numpy.fft.fft; fft_type="fft"
    # torch op names in the facade's op tables and error texts, .at[] update kinds
    "facade/_ext_index.py": {"add", "gather", "scatter_add", "max", "min"},
    "facade/_ext_math.py": {"acos", "asin", "atan", "cosh", "sinh", "tan", "floor", "max",
                            "min", "atan2", "erfc", "acosh", "asinh", "atanh"},
    "optim/lr_scheduler.py": {"abs", "cos", "max", "min"},  # threshold/anneal/mode names
    "nn/_recurrent.py": {"tanh"},                        # RNN's nonlinearity="tanh"
}
# issue 13's numpy modules: NumPy's function names in their errors, and keywords
# (searchsorted's method="scan"); none keys anything by a primitive's name
_NUMPY13_NAMES = _NUMPY_NAMES | {"argsort", "scan", "searchsorted", "asinh", "acosh", "atanh",
                                 "cbrt", "fmod", "copysign", "nextafter", "and", "or", "not",
                                 "gather", "rev", "pow", "atan2", "acos", "asin", "atan",
                                 "sub", "mul", "div", "eq", "ne", "lt", "le", "gt", "ge", "neg",
                                 "select", "reduce_sum", "reduce_max", "slice", "rem", "erf",
                                 "xor", "shift_left", "shift_right", "idiv", "dot_general"}
for _f in ("_sorting", "_sets", "_math", "_arrayapi", "_grids", "_shape2", "_stats", "_numerics",
           "_interop", "_logic"):
    NOT_PRIMITIVE_REFERENCES[f"numpy/{_f}.py"] = _NUMPY13_NAMES
NOT_PRIMITIVE_REFERENCES["numpy/_methods.py"] = _NUMPY_NAMES | {"argsort"}  # x.argsort()
NOT_PRIMITIVE_REFERENCES["facade/__init__.py"] = _FACADE_TABLES | {
    "argsort", "atan2", "erfc", "tan", "sinh", "cosh", "asin", "acos", "atan", "cumsum", "fmod"}


def test_a_primitive_name_appears_only_where_it_is_defined():
    files = {str(path.relative_to(PKG)): path for path in PKG.rglob("*.py")}
    strings = {f: set(_string_constants(path)) for f, path in files.items()}
    homes = {}
    for f, path in files.items():
        for name in _defined_names(path):
            homes.setdefault(name, []).append(f)
    stray = {}
    for p in PRIMS:
        assert len(homes.get(p.name, [])) == 1, (p.name, homes.get(p.name))
        where = [f for f, s in strings.items()
                 if p.name in s and f not in homes[p.name]
                 and p.name not in NOT_PRIMITIVE_REFERENCES.get(f, ())]
        if where:
            stray[p.name] = where
    assert not stray, f"primitive names compared or keyed outside their module: {stray}"


def test_name_check_sees_keys_and_comparisons(tmp_path):
    # the check above reads string constants: a table key or a comparison counts,
    # a comment or a docstring does not
    f = tmp_path / "m.py"
    f.write_text('"""tanh docs"""\n# "tanh"\nT = {"tanh": 1}\nok = name == \'exp\'\n')
    assert set(_string_constants(f)) == {"tanh", "exp"}


@pytest.mark.parametrize("prim", PRIMS, ids=lambda p: p.name)
def test_every_rule_is_defined_or_declared_missing(prim):
    assert core_primitive.missing_rules(prim) == []
    assert prim.saves in core_primitive.SAVES
    for rule, why in prim.missing.items():
        assert rule in core_primitive.RULES and why, (rule, why)


# ---------------------------------------------------- traits against impl

EDGE = np.array([0.0, -0.0, 1.5, -2.0, 0.3, 1e300, -1e-300, np.inf, -np.inf, np.nan])
INTS = np.array([0, 1, -1, 7, -12, 2 ** 40], np.int64)


def _arity(prim):
    """How many array operands the primitive takes (params-free call), or None."""
    for n in (1, 2, 3):
        try:
            prim.abstract(*[ShapedArray((4,), np.float64)] * n)
            return n
        except TypeError as e:
            if "argument" in str(e):
                continue
            return n        # the right count, a dtype it refuses
        except ValueError:
            return n
    return None


def _samples(n, vals):
    grids = np.meshgrid(*[vals] * n, indexing="ij")
    return [g.ravel() for g in grids]


def _accepts(prim, args):
    try:
        prim.abstract(*[ShapedArray(a.shape, a.dtype) for a in args])
        return True
    except (TypeError, ValueError):
        return False


UFUNC_PRIMS = [p for p in PRIMS if p.ufunc is not None]


@pytest.mark.parametrize("prim", UFUNC_PRIMS, ids=lambda p: p.name)
def test_declared_ufunc_computes_the_impl(prim):
    # the jit plan calls getattr(xp, prim.ufunc) (also with a trailing out buffer)
    # instead of prim.impl: on floats (edge values) and ints they must agree
    n = _arity(prim)
    assert n is not None
    uf = getattr(np, prim.ufunc)
    checked = 0
    for vals in (EDGE, INTS):
        args = _samples(n, vals)
        if n == 3:          # a select-like primitive: a bool first operand
            args[0] = args[0] > 0
        if not _accepts(prim, args):
            continue
        with np.errstate(all="ignore"):
            want = prim.impl(np, *args)
            np.testing.assert_array_equal(uf(*args), want)
            out = np.empty_like(want)
            uf(*args, out=out)
            np.testing.assert_array_equal(out, want)
        checked += 1
    assert checked


def _spec_samples():
    """Per primitive declaring ``specialize``: (args, params) cases covering its
    kernels' branches (the shapes jit plans meet)."""
    from functorch_lite.primitives.contractions import dot_general_p
    from functorch_lite.primitives.elementwise import mul_safe_p, tanh_grad_p
    from functorch_lite.primitives.ipow import integer_pow_p
    r = np.random.default_rng(0)
    f = lambda *s: r.standard_normal(s)  # noqa: E731
    dn = lambda lc, rc, lb=(), rb=(): ((lc, rc), (lb, rb))  # noqa: E731
    bad = f(3, 4)
    bad[1, 2], bad[0, 0] = np.inf, np.nan
    return {
        dot_general_p: [
            ((f(3, 4), f(4, 2)), {"dimension_numbers": dn((1,), (0,))}),
            ((f(4, 3), f(4, 2)), {"dimension_numbers": dn((0,), (0,))}),
            ((f(3, 4), f(2, 4)), {"dimension_numbers": dn((1,), (1,))}),
            ((f(4, 3), f(2, 4)), {"dimension_numbers": dn((0,), (1,))}),
            ((f(3, 4), f(4)), {"dimension_numbers": dn((1,), (0,))}),
            ((f(4, 3), f(4)), {"dimension_numbers": dn((0,), (0,))}),
            ((f(4), f(4, 2)), {"dimension_numbers": dn((0,), (0,))}),
            ((f(4), f(2, 4)), {"dimension_numbers": dn((0,), (1,))}),
            ((f(3), f(2)), {"dimension_numbers": dn((), ())}),
            ((f(5, 3), f(5)), {"dimension_numbers": dn((), (), (0,), (0,))}),
            ((f(3, 5), f(2, 5)), {"dimension_numbers": dn((), (), (1,), (1,))}),
            ((f(1, 3, 4), f(4, 1, 2)), {"dimension_numbers": dn((2,), (0,))}),
            ((f(4, 1, 3), f(2, 4)), {"dimension_numbers": dn((0,), (1,))}),
            ((f(2, 3, 4), f(2, 4, 5)), {"dimension_numbers": dn((2,), (1,), (0,), (0,))}),
        ],
        integer_pow_p: [((f(3, 4),), {"y": y}) for y in (0, 1, 2, 3, 7, -1, -2)],
        mul_safe_p: [((f(3, 4), f(3, 4)), {}), ((f(3, 4), bad), {}),
                     ((np.zeros((3, 4)), bad), {}), ((f(3, 4), f(4)), {})],
        tanh_grad_p: [((f(3, 4), f(3, 4)), {"safe": s}) for s in (True, False)]
        + [((np.zeros((3, 4)), bad), {"safe": True}), ((f(4), f(4)), {"safe": True}),
           ((f(3, 4), f(4)), {"safe": True})],
    }


SPEC_PRIMS = [p for p in PRIMS if p.specialize is not None]


@pytest.mark.parametrize("prim", SPEC_PRIMS, ids=lambda p: p.name)
def test_declared_specialize_computes_the_impl(prim):
    cases = _spec_samples().get(prim)
    assert cases, f"{prim.name} declares specialize: add cases for it to _spec_samples"
    used = 0
    for args, params in cases:
        in_avals = [ShapedArray(a.shape, a.dtype) for a in args]
        out_aval = prim.abstract(*in_avals, **params)
        out_avals = out_aval if prim.multiple_results else [out_aval]
        got = prim.specialize(np, in_avals, out_avals, **params)
        if got is None:
            continue
        with np.errstate(all="ignore"):
            want = prim.impl(np, *args, **params)
            kern, out_kern = got
            if kern is not None:
                np.testing.assert_array_equal(kern(*args), want)
                used += 1
            if out_kern is not None:
                out = np.empty(out_avals[0].shape, out_avals[0].dtype)
                r = out_kern(*args, out)
                np.testing.assert_array_equal(r, want)
                used += 1
    assert used, f"no case reached {prim.name}'s specialized kernels"


BOUND_PRIMS = [p for p in PRIMS if p.bound is not None]


def _bound_params():
    """Params for the bound-declaring primitives that need some."""
    from functorch_lite.primitives import contractions as C, elementwise as E
    from functorch_lite.primitives import math_more as M, reductions as R
    return {IP.integer_pow_p: {"y": 3}, E.convert_element_type_p: {"new_dtype": np.float32},
            E.full_like_p: {"fill_value": -2.5}, M.round_p: {"decimals": 1},
            R.reduce_sum_p: {"axes": (1,)},
            C.dot_general_p: {"dimension_numbers": (((1,), (0,)), ((), ()))}}


@pytest.mark.parametrize("prim", BOUND_PRIMS, ids=lambda p: p.name)
def test_declared_bound_holds_on_samples(prim):
    # bound(in_bounds, ...) must bound |impl(...)| whenever each input is within
    # its bound: checked on random inputs filling their bounds
    params = _bound_params().get(prim, {})
    n = _arity(prim) if not params else None
    r = np.random.default_rng(1)
    checked = 0
    for scale in (0.5, 3.0, 100.0):
        if params.get("dimension_numbers"):
            args = [r.uniform(-scale, scale, (5, 4)), r.uniform(-scale, scale, (4, 3))]
        else:
            args = [r.uniform(-scale, scale, (5, 4)) for _ in range(n or 1)]
        args[0].flat[0] = scale          # reach the bound itself
        in_avals = [ShapedArray(a.shape, a.dtype) for a in args]
        out_avals = [prim.abstract(*in_avals, **params)]
        b = prim.bound([scale] * len(args), in_avals, out_avals, **params)
        if b is None:
            continue
        with np.errstate(all="ignore"):
            out = np.asarray(prim.impl(np, *args, **params))
        assert np.all(np.isfinite(out)) and float(np.max(np.abs(out))) <= b * (1 + 1e-12), \
            (scale, b)
        checked += 1
    assert checked, f"{prim.name}: its bound never applied (params needed? see _bound_params)"
