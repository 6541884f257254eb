"""The primitive: one constructor (``defprim``), one registry, every fact declared.

A primitive states everything the rest of the library needs to know about it
where it is defined: its kernel, shape rule, derivative and batching rules,
what the reverse tape keeps, and *traits* that the compiler passes, the jit
plan, fusion and the facade read.  Nothing outside the defining module keys
anything by the primitive's name string (``tests/test_primitive_registry.py``
checks that).

Rules (all optional at construction; a rule left out must be named in
``missing`` with the reason, or the registry test fails):

    impl(xp, *args, **params)            -> array(s)        the kernel on backend ``xp``
    abstract(*avals, **params)           -> aval(s)         shape/dtype rule
    jvp(primals, tangents, **params)     -> (out, t_out)    forward mode
    vjp(ct, ins, out, needs, **params)   -> input cts       reverse mode
    batch(vals, dims, **params)          -> (out, dim)      vmap
    vjp_fwd(*ins, **params)              -> (out, res)      optional; ``ins`` of vjp is then res

Derivative rules call primitives (never raw ``xp``) so they differentiate again.

``saves`` -- what the reverse tape keeps for the vjp rule (read by ``fl.grad``,
``fl.vjp`` and the facade alike):

    "nothing"  the rule reads neither inputs nor output (neg, transpose, rev)
    "shapes"   it reads only the inputs' shapes/dtypes: the tape keeps avals
               (``ShapedArray``), never the arrays (add, reduce_sum, reshape)
    "ins"      it reads the input values (mul, sin, dot_general)
    "out"      it reads only the output value (exp, tanh, sqrt)
    "ins+out"  both (the default: always correct, never the cheapest)

Traits (declared where the primitive is defined, read by whoever needs them):

    ufunc        name of a backend function computing it alone (params empty),
                 accepting a trailing ``out`` buffer: the jit plan calls it
                 directly ("tanh", "multiply")
    c_expr       fusion's C/CUDA expression for one element: a format string over
                 the operands ``{0}``, ``{1}`` ... or a callable
                 ``(args, params, dtypes) -> str``
    fuse_dtypes  operand dtypes fusion accepts: "float", "int", "any" (None: not fusible)
    commutative  f(x, y) == f(y, x) (CSE canonicalises operand order)
    layout_only  output values are a rearrangement/subset of input 0's values
    bound        ``(*in_bounds, **params) -> bound`` for the finiteness pass
                 (a bound is a float: max |value|, inf when unknown)
    no_fold      never constant-folded at compile time (random, device copies)
    torch_name   the facade's ``grad_fn`` class name ("TanhBackward0")
    facade       names under which the facade exposes a one-input primitive as is:
                 ``torch.<name>`` and ``Tensor.<name>`` (tanh: ("tanh",); abs:
                 ("abs", "absolute")); the facade reads the registry for them
    specialize   ``(xp, in_avals, out_avals, params) -> (kernel, out_kernel)`` or
                 None: a kernel chosen from the shapes at plan time
                 (dot_general's matmul cases, mul_safe's finiteness probe)
    higher_order True for primitives carrying jaxprs (cond, while, scan, pjit, ...)
"""
import threading

RULES = ("impl", "abstract", "jvp", "vjp", "batch")
SAVES = ("nothing", "shapes", "ins", "out", "ins+out")
TRAITS = {
    "ufunc": None, "c_expr": None, "fuse_dtypes": None, "commutative": False,
    "layout_only": False, "bound": None, "no_fold": False, "torch_name": None, "facade": (),
    "specialize": None, "higher_order": False,
}

REGISTRY = {}            # name -> Primitive: every primitive there is
_lock = threading.Lock()


class Primitive:
    """A named operation with all its rules and traits in one place (see module doc)."""

    def __init__(self, name, multiple_results=False, *, saves="ins+out", missing=None,
                 **traits):
        unknown = set(traits) - set(TRAITS) - set(RULES) - {"vjp_fwd"}
        if unknown:
            raise TypeError(f"Primitive {name!r}: unknown traits {sorted(unknown)}; "
                            f"known: {sorted(TRAITS)}")
        self.name = name
        self.multiple_results = multiple_results
        self.impl = self.abstract = self.jvp = self.vjp = self.batch = None
        self.vjp_fwd = None
        for k, v in TRAITS.items():
            setattr(self, k, v)
        for k, v in traits.items():
            setattr(self, k, v)
        self.missing = dict(missing or {})   # rule -> why it is deliberately absent
        self.saves = saves

    @property
    def saves(self):
        return self._saves

    @saves.setter
    def saves(self, value):
        if value not in SAVES:
            raise ValueError(f"Primitive {self.name!r}: saves={value!r}, expected one of {SAVES}")
        self._saves = value
        # flags read on the hot paths (tape recording), derived once
        self.keeps_ins = value in ("ins", "ins+out")
        self.keeps_out = value in ("out", "ins+out")
        self.keeps_shapes = value == "shapes"

    # transition shim (old spelling), removed once every reader asks ``saves``: an
    # old reader keeps whole inputs for a "shapes" rule (correct, just not the cheapest)
    @property
    def vjp_uses_ins(self):
        return self.keeps_ins or self.keeps_shapes

    @vjp_uses_ins.setter
    def vjp_uses_ins(self, v):
        self.saves = _SAVES_OF[(bool(v), self.keeps_out)]

    @property
    def vjp_uses_out(self):
        return self.keeps_out

    @vjp_uses_out.setter
    def vjp_uses_out(self, v):
        self.saves = _SAVES_OF[(self.keeps_ins, bool(v))]

    def __repr__(self):
        return self.name


_SAVES_OF = {(True, True): "ins+out", (True, False): "ins", (False, True): "out",
             (False, False): "nothing"}


def defprim(name, *, impl=None, abstract=None, jvp=None, vjp=None, batch=None,
            vjp_fwd=None, saves="ins+out", multiple_results=False, missing=None, **traits):
    """Create and register a primitive.  Names are unique: a second ``defprim``
    with the same name is an error (two primitives would print the same in a jaxpr)."""
    p = Primitive(name, multiple_results, saves=saves, missing=missing, **traits)
    p.impl, p.abstract, p.jvp, p.vjp, p.batch, p.vjp_fwd = impl, abstract, jvp, vjp, batch, vjp_fwd
    with _lock:
        if name in REGISTRY:
            raise ValueError(f"defprim: a primitive named {name!r} already exists "
                             f"({REGISTRY[name]!r}); primitive names are unique")
        REGISTRY[name] = p
    return p


def missing_rules(p):
    """Rules ``p`` has neither defined nor declared absent (empty when complete)."""
    return [r for r in RULES if getattr(p, r) is None and r not in p.missing]
