"""The public API is ``multipolar.__all__``: every name there resolves and is documented,
and nothing else of ours is public at the top level."""

import inspect
import types

import pytest

import multipolar

API = [
    "CodeReport",
    "Coded",
    "Coder",
    "CoderConfig",
    "Event",
    "Mention",
    "Quantity",
    "__version__",
    "code",
    "connect",
    "events_frame",
    "extract",
    "ingest",
]


def test_all_is_the_documented_api() -> None:
    # Changing the public API is a decision: this list changes with it.
    assert sorted(multipolar.__all__) == sorted(API)


@pytest.mark.parametrize("name", API)
def test_every_exported_name_resolves(name: str) -> None:
    member = getattr(multipolar, name)
    if name != "__version__":
        assert inspect.getdoc(member), f"{name} has no docstring"


def test_nothing_else_of_ours_public_at_the_top_level() -> None:
    # Subpackages and what the module itself imports (typing helpers) aside, every public
    # class or function of multipolar at the top level is in __all__.
    extra = {
        n
        for n in dir(multipolar)
        if not n.startswith("_")
        and n not in multipolar.__all__
        and not isinstance(getattr(multipolar, n), types.ModuleType)
        and getattr(getattr(multipolar, n), "__module__", "").startswith("multipolar")
    }
    assert extra == set()


@pytest.mark.parametrize("name", ["code", "events_frame", "extract", "ingest"])
def test_api_functions_document_their_parameters(name: str) -> None:
    func = getattr(multipolar, name)
    doc = inspect.getdoc(func) or ""
    assert "Parameters:" in doc
    for param in inspect.signature(func).parameters:
        assert param in doc, f"{name}: parameter {param!r} is not documented"
