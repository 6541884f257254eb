"""Docstrings for names that mirror another library's name faithfully.

A public function here either has its own docstring (what it does, its
arguments, how it differs from the name it mirrors) or it is a faithful mirror
of NumPy's, PyTorch's, JAX's or SciPy's function of the same name, and then
one line saying so, with a link, is its docstring (as the docs-site issue
allows): ``mirror(globals(), "numpy", names)`` at the end of a module gives
that line to each listed name that has no docstring of its own.  A name whose
behaviour differs must get its own docstring instead; docs/*.md list the
differences per module.  tests/test_docstrings.py fails on any public name
with neither.
"""

_LINKS = {
    "numpy": ("numpy.{name}", "https://numpy.org/doc/stable/reference/generated/numpy.{name}.html"),
    "numpy.linalg": ("numpy.linalg.{name}",
                     "https://numpy.org/doc/stable/reference/generated/numpy.linalg.{name}.html"),
    "numpy.fft": ("numpy.fft.{name}",
                  "https://numpy.org/doc/stable/reference/generated/numpy.fft.{name}.html"),
    "torch": ("torch.{name}", "https://pytorch.org/docs/stable/generated/torch.{name}.html"),
    "torch.Tensor": ("torch.Tensor.{name}",
                     "https://pytorch.org/docs/stable/generated/torch.Tensor.{name}.html"),
    "torch.nn": ("torch.nn.{name}", "https://pytorch.org/docs/stable/generated/torch.nn.{name}.html"),
    "torch.nn.functional": ("torch.nn.functional.{name}",
                            "https://pytorch.org/docs/stable/generated/torch.nn.functional.{name}.html"),
    "torch.nn.init": ("torch.nn.init.{name}", "https://pytorch.org/docs/stable/nn.init.html#torch.nn.init.{name}"),
    "torch.autograd": ("torch.autograd.{name}",
                       "https://pytorch.org/docs/stable/generated/torch.autograd.{name}.html"),
    "torch.optim": ("torch.optim.{name}",
                    "https://pytorch.org/docs/stable/generated/torch.optim.{name}.html"),
    "jax.lax": ("jax.lax.{name}", "https://docs.jax.dev/en/latest/_autosummary/jax.lax.{name}.html"),
    "jax.tree_util": ("jax.tree_util.{name}",
                      "https://docs.jax.dev/en/latest/_autosummary/jax.tree_util.{name}.html"),
}


def mirror_line(library, name, mirrored=None, lacks=()):
    """The one-line docstring of a faithful mirror of ``library.name``; with
    ``lacks`` (argument names), of a mirror that takes all of its arguments
    but those, with the same results."""
    target, url = _LINKS[library]
    t = target.format(name=mirrored or name)
    link = f"`{t} <{url.format(name=mirrored or name)}>`_"
    if lacks:
        args = ", ".join(f"``{a}``" for a in lacks)
        return f"As ``{t}`` (same results), without its argument(s) {args}: see {link}."
    return f"As ``{t}`` (same arguments and results): see {link}."


def mirror(namespace, library, names, aliases=None, lacks=None):
    """Give each of ``names`` in ``namespace`` (a module's globals() or a class's
    attribute owner) without a docstring of its own the mirror line of
    ``library``; ``aliases`` maps a name to the mirrored library's spelling,
    ``lacks`` maps a name to the mirrored function's arguments it does not take
    (NumPy's ``out=``, ``where=``...), which the line then lists."""
    aliases = aliases or {}
    lacks = lacks or {}
    get = namespace.get if isinstance(namespace, dict) else (lambda n: getattr(namespace, n, None))
    for name in names:
        obj = get(name)
        if obj is None:
            raise NameError(f"mirror({library!r}): {name!r} is not defined here")
        fn = getattr(obj, "fget", obj)            # properties carry the doc on fget
        own = getattr(fn, "__doc__", None)
        if not own or own == getattr(type(fn), "__doc__", None):
            try:
                fn.__doc__ = mirror_line(library, name, aliases.get(name), lacks.get(name, ()))
            except (AttributeError, TypeError):  # a builtin or a NumPy ufunc: its own doc stands
                pass
        if type(obj) is property and not obj.__doc__ and not isinstance(namespace, dict):
            # a property copies its fget's doc when made, so help() needs a new one
            setattr(namespace, name, property(obj.fget, obj.fset, obj.fdel, fn.__doc__))


def document(owner, docs):
    """Give each name in ``docs`` (name, or a qualified name, -> docstring) that docstring, replacing
    the short one in the code: the full docstrings (arguments, returns,
    differences, an Example that tests/test_doctests.py runs) of names users
    meet first live in a package's ``_docs.py`` so the modules stay under the
    line limit.  ``owner`` is a module's globals() or a class (its methods and
    properties); a name missing from it is an error, so a rename cannot leave a
    docstring behind."""
    get = owner.get if isinstance(owner, dict) else (lambda n: owner.__dict__.get(n))
    for key, doc in docs.items():
        # a key may be qualified ("Tensor.gather", "numpy.linalg.solve"): the last part
        # names the attribute (qualified keys keep primitive names out of the tables)
        name = key.rpartition(".")[2]
        obj = get(name)
        if obj is None:
            raise NameError(f"document(): {key!r} is not defined in {owner!r:.60}")
        if isinstance(obj, property):
            try:
                obj.fget.__doc__ = doc             # the getter too: tests and tools read it
            except (AttributeError, TypeError):
                pass
            setattr(owner, name, property(obj.fget, obj.fset, obj.fdel, doc))
            continue
        getattr(obj, "__func__", obj).__doc__ = doc


def complete(owner, extras):
    """Append Args/Returns/differences/Example sections to the docstrings the
    names already have (their summaries stay): ``extras`` maps a (qualified)
    name to ``(args, returns, differs, example)``, each text indented as in
    the final docstring."""
    import inspect
    get = owner.get if isinstance(owner, dict) else (lambda n: owner.__dict__.get(n))
    for key, (args, returns, differs, example) in extras.items():
        name = key.rpartition(".")[2]
        obj = get(name)
        if obj is None:
            raise NameError(f"complete(): {key!r} is not defined in {owner!r:.60}")
        fn = getattr(obj, "__func__", obj)
        fn.__doc__ = (f"{inspect.cleandoc(fn.__doc__ or '')}\n\nArgs:\n{args}\n\nReturns:\n"
                      f"    {returns}\n\n{differs}\n\nExample:\n{example}\n")
