"""The type variables the public signatures share (annotations only): ``P``
the parameters of a user's function, ``R`` its result, ``T`` a loop carry."""
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
