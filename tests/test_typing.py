"""The package's static types: what a user's type checker sees.

- a typed user script gets real types (not ``Any``) from the transforms, the
  Tensor methods and nn modules, and mypy flags a wrong call (mypy's API);
- the declarations of the facade's installed methods and functions
  (tools/gen_type_decls.py) match what the facade installs, both ways;
- the call forms the annotations promise work at run time.

CI also runs ``mypy functorch_lite examples`` on the whole tree (.ci/run).
"""
import importlib.util
import pathlib
import re
import textwrap

import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp

ROOT = pathlib.Path(__file__).resolve().parents[1]

USER_SCRIPT = '''
import functorch_lite as fl
import functorch_lite as torch
import functorch_lite.numpy as fnp
from functorch_lite import lax


def f(x: fl.Array, y: float) -> fl.Array:
    return fnp.sum(x * y)


x = torch.tensor([1.0])
reveal_type(fl.grad(f))
reveal_type(fl.jit(f)(fnp.ones(3), 2.0))
reveal_type(fl.vmap(f))
reveal_type(torch.tensor([1.0]).sum())
reveal_type(torch.nn.Linear(2, 3)(x))
reveal_type(torch.nn.Linear(2, 3).parameters())
reveal_type(x.max(0).indices)
reveal_type(lax.fori_loop(0, 3, lambda i, c: c + 1.0, 0.0))
fl.vmap("not a function")
fl.jit(f)(fnp.ones(3))
x.sum(keepdims=True)
'''


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory):
    """mypy's report on USER_SCRIPT (run once for the tests below)."""
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (the `test` extra)")
    script = tmp_path_factory.mktemp("typing") / "user_script.py"
    script.write_text(textwrap.dedent(USER_SCRIPT))
    out, err, _ = api.run([str(script), "--no-incremental", "--config-file",
                           str(ROOT / "pyproject.toml"), "--show-error-codes"])
    assert not err, err
    return out


def test_user_script_gets_real_types(mypy_output):
    out = mypy_output
    revealed = dict(re.findall(r":(\d+): note: Revealed type is \"(.*)\"", out))
    lines = USER_SCRIPT.split("\n")
    got = {lines[int(n) - 1].strip(): t for n, t in revealed.items()}
    assert len(got) == 8, out
    for expr, t in got.items():
        assert t != "Any", f"{expr} is Any to mypy:\n{out}"
    ndarray = "functorch_lite.core.array.Array"   # fl.Array, an ndarray subclass
    assert got["reveal_type(fl.grad(f))"] == f"def (x: {ndarray}, y: float) -> Any"
    assert got["reveal_type(fl.jit(f)(fnp.ones(3), 2.0))"] == ndarray
    assert got["reveal_type(fl.vmap(f))"] == f"def (x: {ndarray}, y: float) -> {ndarray}"
    tensor = "functorch_lite.facade._tensor.Tensor"
    assert got["reveal_type(torch.tensor([1.0]).sum())"] == tensor
    assert got["reveal_type(torch.nn.Linear(2, 3)(x))"] == tensor
    assert got["reveal_type(torch.nn.Linear(2, 3).parameters())"] == \
        "typing.Iterator[functorch_lite.nn.modules.Parameter]"
    assert got["reveal_type(x.max(0).indices)"] == tensor
    assert got["reveal_type(lax.fori_loop(0, 3, lambda i, c: c + 1.0, 0.0))"] == "float"


def test_mypy_flags_wrong_calls(mypy_output):
    out = mypy_output
    errors = re.findall(r":(\d+): error: (.*)", out)
    lines = USER_SCRIPT.split("\n")
    flagged = {lines[int(n) - 1].strip(): msg for n, msg in errors}
    assert set(flagged) == {'fl.vmap("not a function")', "fl.jit(f)(fnp.ones(3))",
                            "x.sum(keepdims=True)"}, out
    assert '"str"' in flagged['fl.vmap("not a function")'] and "[arg-type]" in \
        flagged['fl.vmap("not a function")']
    assert 'Missing positional argument "y"' in flagged["fl.jit(f)(fnp.ones(3))"]
    assert '"keepdims"' in flagged["x.sum(keepdims=True)"]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_type_decls",
                                                  ROOT / "tools" / "gen_type_decls.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _declared(path, indent):
    """The names a generated declarations file declares (defs at ``indent``)."""
    return set(re.findall(rf"^{indent}def (\w+)\(", path.read_text(), re.M))


def test_every_installed_tensor_method_is_declared_and_nothing_else():
    gen = _generator()
    installed = set(gen.installed_tensor_names())
    declared = _declared(gen.TENSOR_OUT, " " * 8)
    assert len(installed) > 250
    assert installed - declared == set(), "installed on Tensor without a declaration: " \
        "rerun python3 tools/gen_type_decls.py"
    assert declared - installed == set(), "declared but not installed on Tensor"


def test_every_generated_function_is_declared_and_nothing_else():
    gen = _generator()
    installed = set(gen.installed_function_names())
    declared = _declared(gen.FUNC_OUT, " " * 4)
    assert len(installed) > 150
    assert installed == declared
    for n in installed:    # and they are the torch.* functions
        assert getattr(fl, n).__module__ == "functorch_lite.facade"


def test_generated_declarations_are_current():
    for path, text in _generator().render().items():
        assert path.read_text() == text, (f"{path.name} is stale: rerun "
                                          f"python3 tools/gen_type_decls.py")


def test_primitive_traits_are_declared():
    from functorch_lite.core.primitive import TRAITS, Primitive
    assert set(TRAITS) <= set(Primitive.__annotations__)


def test_the_runtime_keeps_its_shapes():
    # Array is made by the library, not by users; the Tensor's static base is nothing at run time
    assert isinstance(fnp.ones(2), fl.Array) and not isinstance([1.0], fl.Array)
    with pytest.raises(TypeError, match="not constructed directly"):
        fl.Array()
    assert fl.Tensor.__mro__[1:] == (object,)
    assert isinstance(1.0, fl.typing.ArrayLike) and isinstance(fnp.ones(2), fl.typing.ArrayLike)


def test_keyword_arguments_are_placed_by_the_signature():
    # checkpoint, custom_jvp and custom_vjp promise fun's parameters (P): keywords work
    def f(x, y=2.0):
        return fnp.sin(x) * y

    g = fl.checkpoint(f)
    assert float(g(1.0, y=3.0)) == pytest.approx(float(f(1.0, 3.0)))
    assert float(fl.grad(g)(1.0, y=3.0)) == pytest.approx(3.0 * float(fnp.cos(1.0)))

    c = fl.custom_jvp(f)
    c.defjvp(lambda p, t: (f(*p), 10.0 * t[0]))
    assert float(c(1.0, y=3.0)) == pytest.approx(float(f(1.0, 3.0)))
    assert float(fl.grad(c)(1.0, y=3.0)) == pytest.approx(10.0)

    v = fl.custom_vjp(f)
    v.defvjp(lambda x, y: (f(x, y), None), lambda res, ct: (7.0 * ct, 0.0))
    assert float(fl.grad(v)(1.0, y=3.0)) == pytest.approx(7.0)

    with pytest.raises(TypeError, match=r"checkpoint\(f\): .*unexpected keyword"):
        g(1.0, z=1.0)

    def kwonly(x, *, s):
        return x * s
    with pytest.raises(TypeError, match="keyword-only parameters \\(s\\)"):
        fl.checkpoint(kwonly)(1.0, s=2.0)


def test_vmap_names_a_keyword_argument():
    from functorch_lite.transforms.api import vmap
    with pytest.raises(TypeError, match=r"vmap: keyword arguments \(x\) are not batched"):
        vmap(lambda x: x * 2)(x=fnp.ones(3))
