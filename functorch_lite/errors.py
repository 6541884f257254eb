"""``fl.errors``: the error types of the public API."""
from .core.errors import TracerConversionError, UnexpectedTracerError  # noqa: F401
from .core.errors import ContractionShapeError  # noqa: F401
from .core.errors import (ConcretizationTypeError, NonConcreteBooleanIndexError,  # noqa: F401
                          TracerArrayConversionError, TracerBoolConversionError,
                          TracerIntegerConversionError)
