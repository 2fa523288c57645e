"""The scripts under .ci/packaging loaded as modules, for the tests that hold the
repository's files to them (they are not part of the mesolog package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[1] / ".ci" / "packaging"


def load(name: str) -> ModuleType:
    """``.ci/packaging/<name>.py``, registered under ``name`` as an import would (a
    dataclass looks its module up there)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
