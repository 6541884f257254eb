"""The core: avals, the jaxpr IR, primitives and bind, tracers, pytrees.

Nothing here imports from a layer above (primitives, transforms, numpy, ...).
"""
from .dtypes import dtype_short_name, result_type
from .ir import ShapedArray, Var, Literal, Eqn, Jaxpr, ClosedJaxpr, typecheck_jaxpr
from .trace import (Primitive, Tracer, Trace, MainTrace, new_main, bind,
                    source_info, get_aval)
from .errors import TracerConversionError, UnexpectedTracerError
