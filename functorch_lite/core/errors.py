"""Error types users can catch. Messages name the user's line and a fix."""


class TracerConversionError(TypeError):
    """A traced (abstract or batched) value was turned into a Python bool/int/float."""


# JAX's finer kinds (jax.errors), each a TracerConversionError (so a TypeError)
class ConcretizationTypeError(TracerConversionError):
    """A concrete value was needed (a shape, a bound, a Python float) but the value is traced."""


class TracerBoolConversionError(ConcretizationTypeError):
    """``bool()`` of a traced value: Python ``if``/``while`` on it (JAX's kind)."""


class TracerIntegerConversionError(TracerConversionError):
    """``int()`` or ``__index__`` of a traced value (JAX's kind)."""


class TracerArrayConversionError(TracerConversionError):
    """``numpy.asarray`` of a traced value (JAX's kind)."""


class NonConcreteBooleanIndexError(TracerConversionError, IndexError):
    """Boolean-mask indexing with a traced mask: an IndexError, as JAX's."""


class UnexpectedTracerError(RuntimeError):
    """A tracer escaped the transform that created it and was used later."""


class ContractionShapeError(TypeError, ValueError):
    """dot/matmul operands whose contracted dimensions differ: a TypeError as
    JAX raises (pages catch it so), and a ValueError as NumPy raises."""
