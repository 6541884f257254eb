"""The full docstring of ``debug.render`` (an Example that tests/test_doctests.py
runs; the one line that needs Graphviz's ``dot`` program is skipped there);
``debug/__init__.py`` assigns it at import."""

RENDER = """Write ``to_dot(obj)`` as an image at ``path`` with the optional
``graphviz`` package (``pip install functorch_lite[graphviz]``, plus
Graphviz's ``dot`` program).

Args:
    obj: what :func:`to_dot` draws: a ``ClosedJaxpr`` (``fl.make_jaxpr(f)(x)``),
        a ``Jaxpr``, a facade Tensor with a ``grad_fn``, or a ``grad_fn``.
    path: the file to write (a str or ``os.PathLike``).
    format: ``"svg"`` (default) or ``"png"``.
    **kwargs: ``to_dot``'s keyword arguments (``name=``, ``source_info=``).

Returns:
    The path written, a str.

Raises:
    ValueError: another ``format``.
    TypeError: ``path`` is not a path (e.g. an open file).
    ImportError: the ``graphviz`` package is missing (``to_dot(obj)`` gives
        the DOT text without it).

JAX has no such function; torchviz's ``make_dot(y).render(path)`` is the
PyTorch habit it replaces (for a Tensor it draws the same graph).

Example:
    The DOT text ``render`` draws needs nothing extra; the picture itself
    needs Graphviz (skipped where the docs' examples run):

    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> jaxpr = fl.make_jaxpr(lambda x: fnp.sin(x) * 2)(1.0)
    >>> dot = fl.debug.to_dot(jaxpr)
    >>> print(dot.splitlines()[0])
    digraph "jaxpr" {
    >>> fl.debug.render(jaxpr, "f.svg")       # doctest: +SKIP
    'f.svg'
    >>> fl.debug.render(jaxpr, "f.pdf", format="pdf")
    Traceback (most recent call last):
        ...
    ValueError: render: format must be 'svg' or 'png', got 'pdf'
"""
