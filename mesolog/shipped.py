"""What ships inside Mesolog, under which licence, and where its source is: About lists
it, and the installed application reads it from files shipped beside its code.

The list is gathered from the installed Python distributions Mesolog requires (their
metadata and licence files), plus what those wheels carry inside them without metadata
of its own: Qt in PySide6's, SQLCipher, OpenSSL and SQLite in sqlcipher3's, the client
libraries in psycopg's, Python itself and the fonts Mesolog embeds in its reports.
The bundle build writes it to a folder (``write``); the bundle reads it back (``read``).
No Qt here: the build runs this before any window exists.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

FOLDER = "licences"  # beside the bundle's code
INDEX = "components.json"

_OURS = "mesolog"
# licence files found in a distribution's metadata folder (PEP 639 puts them under
# licenses/; older wheels beside METADATA)
_NOTICE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# distributions whose metadata names no licence: what their licence file says
_UNNAMED = {"sqlcipher3": "Zlib"}


@dataclass(frozen=True)
class Component:
    """One part of what ships: a library, Qt, Python, a font."""

    name: str
    version: str
    licence: str
    summary: str
    sources: tuple[str, ...]  # where its source is (or its home, which says)
    notices: tuple[Path, ...]  # the licence texts and notices, as shipped

    def notice_text(self) -> str:
        """Every licence text and notice of the component, one after the other."""
        return "\n\n".join(path.read_text(encoding="utf-8", errors="replace")
                           for path in self.notices)


def _resource(name: str) -> Path:
    return Path(str(files("mesolog.resources") / FOLDER / name))


def _font(name: str) -> Path:
    return Path(str(files("mesolog.resources") / "fonts" / name))


def _distributions(root: str) -> Iterator[metadata.Distribution]:
    """The installed distributions ``root`` needs to run, extras it asks for included
    (psycopg[binary] brings psycopg-binary), each once."""
    yielded: set[str] = set()
    walked: set[tuple[str, frozenset[str]]] = set()
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        key = canonicalize_name(name)
        if (key, extras) in walked:
            continue
        walked.add((key, extras))
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        for requirement in map(Requirement, distribution.requires or ()):
            if any(requirement.marker is None or requirement.marker.evaluate({"extra": e})
                   for e in extras | {""}):
                pending.append((requirement.name, frozenset(requirement.extras)))
        if key not in yielded:
            yielded.add(key)
            yield distribution


def _licence(distribution: metadata.Distribution) -> str:
    fields = distribution.metadata
    if fields.get("License-Expression"):
        return fields["License-Expression"]
    classifiers = [c.split(" :: ")[-1] for c in fields.get_all("Classifier") or []
                   if c.startswith("License :: ")]
    if classifiers:
        return ", ".join(classifiers)
    text = (fields.get("License") or "").strip().splitlines()
    if text and len(text[0]) <= 60:
        return text[0]
    return _UNNAMED.get(fields["Name"].lower(), "see its licence text")


def _source(distribution: metadata.Distribution) -> tuple[str, ...]:
    urls = {label.strip().lower(): url.strip() for label, _, url in (
        entry.partition(",") for entry in distribution.metadata.get_all("Project-URL") or [])}
    for label in ("source", "source code", "code", "repository", "github", "homepage",
                  "home"):
        if label in urls:
            return (urls[label],)
    home = distribution.metadata.get("Home-page")
    return (home,) if home else ()


def _notices(distribution: metadata.Distribution) -> tuple[Path, ...]:
    found = []
    for entry in distribution.files or ():
        parts = entry.parts
        if not parts[0].endswith(".dist-info"):
            continue
        if (len(parts) > 2 and parts[1] == "licenses") or (
                len(parts) == 2 and _NOTICE.match(parts[1])):
            found.append(Path(str(entry.locate())))
    return tuple(sorted(found))


def _qt_sources(version: str) -> tuple[str, ...]:
    """The exact source archives of PySide6 and of the Qt it is built on."""
    major_minor = ".".join(version.split(".")[:2])
    return (f"https://download.qt.io/official_releases/QtForPython/pyside6/"
            f"PySide6-{version}-src/pyside-setup-everywhere-src-{version}.tar.xz",
            f"https://download.qt.io/official_releases/qt/{major_minor}/{version}/single/"
            f"qt-everywhere-src-{version}.tar.xz")


def _from_distribution(distribution: metadata.Distribution) -> Component:
    name = distribution.metadata["Name"]
    notices = _notices(distribution)
    sources = _source(distribution)
    if name.lower().replace("_", "-").startswith(("pyside6", "shiboken6")):
        # Qt's wheels carry no licence text: the LGPL they are used under, with the GPL
        # it builds on, and the exact source of this version
        notices = (_resource("LGPL-3.0.txt"), _resource("GPL-3.0.txt"))
        sources = _qt_sources(distribution.version)
    return Component(name=name, version=distribution.version, licence=_licence(distribution),
                     summary=distribution.metadata.get("Summary") or "", sources=sources,
                     notices=notices)


def _python() -> Component:
    base = Path(sys.base_prefix)
    short = f"{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = [base / "LICENSE.txt",  # Windows
                  base / "lib" / f"python{short}" / "LICENSE.txt",  # python.org, pyenv
                  Path(f"/usr/share/doc/python{short}/copyright")]  # Debian's own Python
    version = ".".join(map(str, sys.version_info[:3]))
    return Component(name="Python", version=version, licence="PSF-2.0",
                     summary="The Python interpreter and its standard library",
                     sources=(f"https://www.python.org/downloads/release/"
                              f"python-{version.replace('.', '')}/",),
                     notices=tuple(p for p in candidates if p.is_file())[:1])


def _sqlcipher_versions() -> tuple[str, str, str]:
    """SQLCipher's, OpenSSL's and SQLite's versions as built into sqlcipher3's wheel."""
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'version'")
        cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
        provider = connection.execute("PRAGMA cipher_provider_version").fetchone()[0]
    finally:
        connection.close()
    return cipher.split()[0], provider, sqlcipher3.sqlite_version


def _inside_wheels() -> list[Component]:
    """What the wheels carry with no metadata of its own."""
    pyside = metadata.version("PySide6")
    cipher, openssl, sqlite = _sqlcipher_versions()
    # "OpenSSL 3.6.0 1 Oct 2025": the version is the second word
    openssl_version = openssl.split()[1] if len(openssl.split()) > 1 else openssl
    return [
        Component("Qt", pyside, "LGPL-3.0-only", "The window toolkit (inside PySide6's "
                  "wheels): separate shared libraries in Mesolog's folder, which can be "
                  "replaced by another build of the same version", _qt_sources(pyside),
                  (_resource("LGPL-3.0.txt"), _resource("GPL-3.0.txt"))),
        Component("SQLCipher", cipher, "BSD-3-Clause",
                  "The encryption of the database file (inside sqlcipher3's wheel)",
                  ("https://github.com/sqlcipher/sqlcipher",), (_resource("SQLCipher.txt"),)),
        Component("OpenSSL", openssl_version, "Apache-2.0",
                  "SQLCipher's cipher (inside sqlcipher3's wheel) and psycopg's TLS",
                  ("https://github.com/openssl/openssl",), (_resource("Apache-2.0.txt"),)),
        Component("SQLite", sqlite, "Public domain",
                  "The database engine (inside sqlcipher3's wheel)",
                  ("https://sqlite.org/download.html",), (_resource("SQLite.txt"),)),
        Component("PostgreSQL client libraries",
                  f"in psycopg-binary {metadata.version('psycopg-binary')}",
                  "PostgreSQL, Apache-2.0, MIT, OLDAP-2.8, BSD, LGPL-2.1-or-later",
                  "libpq and what it needs to reach a PostgreSQL server (inside "
                  "psycopg-binary's wheel)", ("https://www.postgresql.org/ftp/source/",),
                  (_resource("libpq-bundle.txt"), _resource("LGPL-2.1.txt"))),
        Component("DejaVu Sans", "2.37", "Bitstream-Vera AND public domain",
                  "The font of printed reports", ("https://dejavu-fonts.github.io/",),
                  (_font("LICENSE-DejaVu.txt"),)),
        Component("Droid Sans Fallback", "Android", "Apache-2.0",
                  "Chinese and Japanese in printed reports",
                  ("https://android.googlesource.com/platform/frameworks/base/",),
                  (_font("DroidSansFallback-LICENSE.txt"),)),
        Component("Nanum Gothic", "2.0", "OFL-1.1", "Korean in printed reports",
                  ("https://hangeul.naver.com/font",), (_font("NanumGothic-LICENSE.txt"),)),
    ]


def gather(root: str = _OURS) -> list[Component]:
    """Everything that ships with ``root``, from what is installed, sorted by name
    (Mesolog itself left out: About shows its own licence)."""
    components = [_python(), *_inside_wheels()]
    components += [_from_distribution(d) for d in _distributions(root)
                   if d.metadata["Name"].lower() != root]
    return sorted(components, key=lambda c: c.name.lower())


def write(folder: Path, components: list[Component] | None = None) -> None:
    """Copies every component's notices into ``folder`` with an index of them."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for number, component in enumerate(components if components is not None else gather()):
        shipped_notices = []
        for order, notice in enumerate(component.notices):
            relative = f"{number:02d}-{_slug(component.name)}/{order:02d}-{notice.name}"
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(notice.read_bytes())
            shipped_notices.append(relative)
        entries.append({"name": component.name, "version": component.version,
                        "licence": component.licence, "summary": component.summary,
                        "sources": list(component.sources), "notices": shipped_notices})
    (folder / INDEX).write_text(json.dumps(entries, indent=1, ensure_ascii=False),
                                encoding="utf-8")


def read(folder: Path) -> list[Component]:
    """The components a bundle shipped, as ``write`` left them in ``folder``."""
    entries = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    return [Component(name=e["name"], version=e["version"], licence=e["licence"],
                      summary=e["summary"], sources=tuple(e["sources"]),
                      notices=tuple(folder / n for n in e["notices"])) for e in entries]


def shipped_folder() -> Path | None:
    """The licences folder of a frozen bundle; None when run from Python."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / FOLDER if getattr(sys, "frozen", False) and bundle else None


def components() -> list[Component]:
    """What this copy of Mesolog ships: read from the bundle's own files, or gathered
    from the installed distributions when run from a virtual environment."""
    folder = shipped_folder()
    return read(folder) if folder is not None else gather()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
