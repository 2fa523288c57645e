"""mesolog translations: what each language leaves untranslated, and, for whoever
changes texts in the code, the catalogues made again from it.

Two catalogues a language, filled by one choice of language (README, Languages):
- the window's, ``resources/locale/mesolog_<code>.ts`` (Qt Linguist), found by
  ``pyside6-lupdate`` in ``mesolog/ui`` and ``forms``, compiled to ``.qm`` by
  ``pyside6-lrelease`` (the ``.qm`` is what the window loads; it ships compiled);
- the texts made below the window, ``resources/locale/<code>/LC_MESSAGES/mesolog.po``
  (gettext), extracted by Babel into ``mesolog.pot``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from mesolog.domain.translation import ENGLISH, LANGUAGES, compiled_catalogue, untranslated


class CatalogueError(Exception):
    """A catalogue tool failed (its own message says why)."""


def add_translations_parser(commands: argparse._SubParsersAction) -> None:
    translations = commands.add_parser(
        "translations", help="what each language's catalogues (the window's and the texts "
        "made below it) leave untranslated; exit 1 if the language asked for has any")
    translations.add_argument("language", nargs="?", help="one of " + ", ".join(LANGUAGES))
    translations.add_argument(
        "--update", action="store_true",
        help="(in a source checkout) extract every marked text into the catalogues of "
             "every language, keeping what is translated, and compile the window's")


def run_translations(args: argparse.Namespace, error: type[Exception]) -> int:
    if args.language is not None and args.language not in LANGUAGES:
        raise error(f"no language {args.language!r}; Mesolog has " + ", ".join(LANGUAGES))
    if args.update:
        try:
            update_catalogues(source_root())
        except CatalogueError as e:
            raise error(str(e)) from None
    asked = [args.language] if args.language else [c for c in LANGUAGES if c != ENGLISH]
    missing = 0
    for code in asked:
        left = untranslated(code)
        if code == ENGLISH:
            print(f"en: the texts are written in English; {len(left)} plural forms left")
        else:
            print(f"{code}: {len(left)} untranslated")
        for text in left:
            print(f"  {text}")
        missing += len(left)
    return 1 if args.language and missing else 0


def source_root() -> Path:
    root = Path(__file__).resolve().parent.parent
    if not (root / "resources" / "locale").is_dir() or not (root / "pyproject.toml").is_file():
        raise CatalogueError("--update works in a source checkout (pip install -e .): the "
                             "catalogues are written beside the code")
    return root


def qt_tool(name: str) -> Path:
    """Qt's own lupdate or lrelease, as the PySide6 wheel ships them."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    raise CatalogueError(f"Qt's {name} is not in {folder}")


# below-the-window texts are marked in these folders of mesolog/
GETTEXT_FOLDERS = ("domain", "services", "reports", "store")


def update_catalogues(root: Path) -> None:
    locale = root / "resources" / "locale"
    _babel(["extract", "-F", str(locale / "babel.cfg"), "-k", "N_", "-k", "_",
            "--no-location", "--sort-output", "--no-wrap", "--project=Mesolog",
            "--copyright-holder=Mesolog", "-o", str(locale / "mesolog.pot"),
            *(str(root / "mesolog" / folder) for folder in GETTEXT_FOLDERS)])
    for code in LANGUAGES:
        ts = locale / f"mesolog_{code}.ts"
        if code == ENGLISH:  # only the plural forms: "1 point", "2 points" for "%Ln point(s)"
            _window_catalogue(root, ts, code, "-pluralonly")
            continue
        _babel(["update", "-i", str(locale / "mesolog.pot"), "-d", str(locale),
                "-D", "mesolog", "-l", code, "--no-fuzzy-matching", "--ignore-obsolete",
                "--no-wrap"])
        messages = locale / code / "LC_MESSAGES"
        (messages / "mesolog.mo").write_bytes(compiled_catalogue(messages / "mesolog.po", code))
        _window_catalogue(root, ts, code)


def _window_catalogue(root: Path, ts: Path, code: str, *options: str) -> None:
    """The window's texts into ``ts`` (what is translated kept), then compiled."""
    _run([qt_tool("lupdate"), "-extensions", "py,ui", "-no-obsolete", *options,
          "-locations", "relative", "-source-language", "en", "-target-language", code,
          root / "mesolog" / "ui", root / "forms", "-ts", ts])
    _run([qt_tool("lrelease"), "-silent", ts, "-qm", ts.with_suffix(".qm")])


def _babel(arguments: list[str]) -> None:
    _run([sys.executable, "-c", "import sys; from babel.messages.frontend import main; "
          "sys.exit(main())", *arguments])


def _run(command: list[object]) -> None:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise CatalogueError(f"{Path(str(command[0])).name} failed: "
                             + (done.stderr.strip() or done.stdout.strip())[:500])
