"""Pictures of programs: Graphviz DOT text for a jaxpr or a facade grad_fn graph."""
import os

from ..core.ir import ClosedJaxpr, Jaxpr, Literal, _Names, _pp_literal


def _q(s):
    """A DOT double-quoted string."""
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _short_param(v):
    if isinstance(v, (ClosedJaxpr, Jaxpr)):
        return "{jaxpr}"
    if isinstance(v, (tuple, list)) and any(isinstance(e, (ClosedJaxpr, Jaxpr)) for e in v):
        return "(" + ", ".join(_short_param(e) for e in v) + ")"
    s = str(v)
    return s if len(s) <= 40 else s[:37] + "..."


def _jaxpr_dot(closed, name, source_info):
    j = closed.jaxpr if isinstance(closed, ClosedJaxpr) else closed
    names = _Names()
    lines = [f"digraph {_q(name)} {{", "  rankdir=TB;",
             '  node [fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
    for k, v in enumerate(j.constvars):
        lines.append(f"  {_q('v_' + names(v))} [shape=note, label="
                     f"{_q(f'const {names(v)}: {v.aval.str_short()}')}];")
    for k, v in enumerate(j.invars):
        lines.append(f"  {_q('v_' + names(v))} [shape=ellipse, style=filled, "
                     f"fillcolor=lightblue, label={_q(f'{names(v)}: {v.aval.str_short()}')}];")
    producer = {v: "v_" + names(v) for v in list(j.constvars) + list(j.invars)}
    for i, eqn in enumerate(j.eqns):
        nid = f"e{i}"
        label = eqn.primitive.name
        if eqn.params:
            label += "\n" + "\n".join(f"{k}={_short_param(eqn.params[k])}"
                                      for k in sorted(eqn.params))
        outs = ", ".join(f"{names(v)}: {v.aval.str_short()}" for v in eqn.outvars)
        if outs:
            label += "\n-> " + outs
        if source_info and eqn.source:
            label += "\n" + os.path.basename(str(eqn.source))
        shape = "box3d" if eqn.primitive.higher_order else "box"
        style = ', style="filled,dashed", fillcolor=lightyellow' if eqn.primitive.effect \
            else ""
        lines.append(f"  {_q(nid)} [shape={shape}{style}, label={_q(label)}];")
        for k, v in enumerate(eqn.invars):
            if isinstance(v, Literal):
                lid = f"e{i}_lit{k}"
                lines.append(f"  {_q(lid)} [shape=plaintext, label={_q(_pp_literal(v))}];")
                lines.append(f"  {_q(lid)} -> {_q(nid)};")
            elif v in producer:
                lines.append(f"  {_q(producer[v])} -> {_q(nid)} [label={_q(names(v))}];")
        for v in eqn.outvars:
            producer[v] = nid
    for k, v in enumerate(j.outvars):
        oid = f"out{k}"
        lab = _pp_literal(v) if isinstance(v, Literal) else f"{names(v)}: {v.aval.str_short()}"
        lines.append(f"  {_q(oid)} [shape=ellipse, style=filled, fillcolor=lightgreen, "
                     f"label={_q('out ' + lab)}];")
        if not isinstance(v, Literal) and v in producer:
            lines.append(f"  {_q(producer[v])} -> {_q(oid)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _is_grad_fn(x):
    return callable(getattr(x, "name", None)) and hasattr(x, "next_functions")


def _grad_fn_dot(root, name):
    """The graph PyTorch's torchviz draws: a node per grad_fn, an edge from each
    input node to the node that consumes it (read through ``name()`` and
    ``next_functions``, so no facade import is needed)."""
    ids, order, stack = {}, [], [root]
    while stack:
        fn = stack.pop()
        if fn is None or id(fn) in ids:
            continue
        ids[id(fn)] = f"n{len(ids)}"
        order.append(fn)
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                stack.append(nxt)
    lines = [f"digraph {_q(name)} {{", "  rankdir=BT;",
             '  node [fontname="Helvetica", fontsize=10, shape=box];']
    for fn in order:
        label = fn.name()
        var = getattr(fn, "variable", None)
        shape = getattr(var, "shape", None)
        extra = ""
        if shape is not None:
            label += "\n" + "(" + ", ".join(str(d) for d in tuple(shape)) + ")"
            extra = ", style=filled, fillcolor=lightblue"
        elif fn is root:
            extra = ", style=filled, fillcolor=lightgreen"
        lines.append(f"  {_q(ids[id(fn)])} [label={_q(label)}{extra}];")
    for fn in order:
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                lines.append(f"  {_q(ids[id(nxt)])} -> {_q(ids[id(fn)])};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_dot(obj, *, name=None, source_info=True):
    """Graphviz DOT text for ``obj``: a ``ClosedJaxpr``/``Jaxpr`` (from
    ``fl.make_jaxpr``: inputs, one box per equation with its params, output
    avals and user line, edges along the values; higher-order equations drawn
    as 3-d boxes, effects dashed), or a facade Tensor / its ``grad_fn`` (one node
    per backward node, leaves with their shapes, as torchviz draws them).
    JAX has no such function (its users reach for ``jaxpr`` text or XLA dumps)."""
    if isinstance(obj, (ClosedJaxpr, Jaxpr)):
        return _jaxpr_dot(obj, name or "jaxpr", source_info)
    fn = obj
    if not _is_grad_fn(fn) and hasattr(obj, "grad_fn"):
        fn = obj.grad_fn
        if fn is None:
            raise ValueError("to_dot: obj is a tensor without a grad_fn (no operation on "
                             "a tensor requiring grad made it); nothing to draw")
    if not _is_grad_fn(fn):
        raise TypeError(f"to_dot: obj must be a ClosedJaxpr (fl.make_jaxpr(f)(x)), a "
                        f"Jaxpr, a Tensor with a grad_fn or a grad_fn, got "
                        f"{type(obj).__name__}")
    return _grad_fn_dot(fn, name or "grad_fn")


def render(obj, path, format="svg", **kwargs):  # noqa: A002 - graphviz's word
    """Write ``to_dot(obj)`` as an image at ``path`` (``format`` "svg" or "png")
    with the optional ``graphviz`` package (``pip install functorch_lite[graphviz]``,
    plus Graphviz's ``dot`` program).  Returns the path written."""
    if format not in ("svg", "png"):
        raise ValueError(f"render: format must be 'svg' or 'png', got {format!r}")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"render: path must be a file path, got {type(path).__name__}")
    try:
        import graphviz
    except ImportError:
        raise ImportError("render: needs the optional graphviz package "
                          "(pip install functorch_lite[graphviz]); to_dot(obj) gives the "
                          "DOT text without it") from None
    data = graphviz.Source(to_dot(obj, **kwargs)).pipe(format=format)
    with open(path, "wb") as f:
        f.write(data)
    return os.fspath(path)
