"""What a non-editable install ships: every package of mesolog/ is listed in pyproject.toml.

A developer's editable install finds every folder by itself, so a package missing from the
list shows only where Mesolog is installed as a user gets it (a wheel, the bundle, the
Debian package): the window's subpackages were missing until issue 23 built a wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_source_is_shipped():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "mesolog").rglob("__init__.py")}
    assert found - listed == set()
    assert {"mesolog.forms", "mesolog.resources"} <= listed  # from forms/ and resources/
