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


def test_every_resource_file_is_shipped_as_package_data():
    """A resource left out of pyproject's package-data patterns is in the checkout and
    missing from the installed application (the icons' PNG sizes and the licence texts
    were added with issue 23)."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]
    for package, folder in (("mesolog.resources", "resources"), ("mesolog.forms", "forms")):
        base = ROOT / folder
        # setuptools reads each pattern as a glob from the package's folder
        shipped = {path for pattern in setuptools["package-data"][package]
                   for path in base.glob(pattern)}
        unshipped = [str(path.relative_to(base)) for path in base.rglob("*")
                     if path.is_file() and path.suffix not in (".py", ".pyc")
                     and "screenshots" not in path.parts and path not in shipped]
        assert unshipped == [], package


def test_the_readmes_xcb_list_is_what_the_debian_package_depends_on():
    """One list in two places: the libraries README.md tells a developer to install for
    Qt's window system plugin are the package's xcb dependencies, no more, no fewer."""
    import re

    from tests.ci_scripts import load

    debian = load("debian")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("sudo apt-get install libxcb", 1)[1].split("```", 1)[0]
    listed = set(re.findall(r"lib[\w.+-]+", "libxcb" + command))
    wanted = {p for p in debian.DEPENDS if p.startswith(("libxcb-", "libxkbcommon-x11"))}
    assert listed == wanted | {"libegl1"}
