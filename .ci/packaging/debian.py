"""Builds mesolog_<version>_amd64.deb from the PyInstaller bundle with dpkg-deb (nothing
downloaded): the bundle under /opt/mesolog, /usr/bin/mesolog, a menu entry and the icon
in every size of the hicolor theme.

    python .ci/packaging/debian.py dist/mesolog dist

Before it builds, it reads every ELF file of the bundle: each library one of them needs
and the bundle does not hold must come from a package named in DEPENDS (or from libc6,
which every Debian has), or the build stops and names it. Run in the environment where
Mesolog is installed (it reads the version and the icons from there).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import mesolog

HERE = Path(__file__).resolve().parent
ICONS = Path(mesolog.__file__).parent / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What Qt and the libraries inside the bundle take from the system. PyInstaller leaves
# out the libraries every desktop has and that must match its graphics driver and
# display server (GL, EGL, X11, xcb, fontconfig, freetype, D-Bus, glib). The libxcb ones
# are those README.md lists: Qt's xcb window system plugin stops without them.
DEPENDS = {
    "libc6": ("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
              "ld-linux-x86-64.so.2", "libresolv.so.2", "libutil.so.1"),
    "libgcc-s1": ("libgcc_s.so.1",),
    "libstdc++6": ("libstdc++.so.6",),
    "zlib1g": ("libz.so.1",),
    # what Python's own modules load: hashing and TLS (OpenSSL, with the distribution's
    # security updates), ctypes, compression, sqlite3 and uuid
    "libssl3": ("libssl.so.3", "libcrypto.so.3"),
    "libffi8": ("libffi.so.8",),
    "libbz2-1.0": ("libbz2.so.1.0",),
    "liblzma5": ("liblzma.so.5",),
    "libzstd1": ("libzstd.so.1",),
    "libsqlite3-0": ("libsqlite3.so.0",),
    "libuuid1": ("libuuid.so.1",),
    "libglib2.0-0": ("libglib-2.0.so.0", "libgthread-2.0.so.0", "libgobject-2.0.so.0",
                     "libgio-2.0.so.0", "libgmodule-2.0.so.0"),
    "libdbus-1-3": ("libdbus-1.so.3",),
    "libfontconfig1": ("libfontconfig.so.1",),
    "libfreetype6": ("libfreetype.so.6",),
    "libgl1": ("libGL.so.1",),
    "libegl1": ("libEGL.so.1",),
    "libx11-6": ("libX11.so.6",),
    "libx11-xcb1": ("libX11-xcb.so.1",),
    "libxcb1": ("libxcb.so.1",),
    "libxcb-glx0": ("libxcb-glx.so.0",),
    "libxkbcommon0": ("libxkbcommon.so.0",),
    "libxkbcommon-x11-0": ("libxkbcommon-x11.so.0",),
    "libxcb-cursor0": ("libxcb-cursor.so.0",),
    "libxcb-icccm4": ("libxcb-icccm.so.4",),
    "libxcb-image0": ("libxcb-image.so.0",),
    "libxcb-keysyms1": ("libxcb-keysyms.so.1",),
    "libxcb-randr0": ("libxcb-randr.so.0",),
    "libxcb-render-util0": ("libxcb-render-util.so.0",),
    "libxcb-render0": ("libxcb-render.so.0",),
    "libxcb-shape0": ("libxcb-shape.so.0",),
    "libxcb-shm0": ("libxcb-shm.so.0",),
    "libxcb-sync1": ("libxcb-sync.so.1",),
    "libxcb-xfixes0": ("libxcb-xfixes.so.0",),
    "libxcb-xkb1": ("libxcb-xkb.so.1",),
    "libxcb-util1": ("libxcb-util.so.1",),
    "libwayland-client0": ("libwayland-client.so.0",),
    "libwayland-cursor0": ("libwayland-cursor.so.0",),
    "libwayland-egl1": ("libwayland-egl.so.1",),
    "libcups2": ("libcups.so.2",),
}
# Qt plugins Qt does without when their libraries are missing (it skips a plugin it
# cannot load): GTK's look, recommended rather than required.
OPTIONAL_PLUGINS = ("platformthemes/libqgtk3.so",)

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.4
Name=Mesolog
GenericName=Mesotherapy logbook
GenericName[fr]=Carnet de mésothérapie
Comment=Patients, injection sessions and outcomes of scalp mesotherapy
Comment[fr]=Patients, séances d'injection et résultats de la mésothérapie du cuir chevelu
Keywords=mesotherapy;hair loss;alopecia;patients;clinic;
Keywords[fr]=mésothérapie;chute des cheveux;alopécie;patients;cabinet;
Exec=mesolog
Icon=mesolog
Terminal=false
Categories=Science;MedicalSoftware;
StartupWMClass=Mesolog
"""


@dataclass(frozen=True)
class Linking:
    """What the files of a bundle need from the dynamic linker, read once per build."""

    inside: frozenset[str]  # the libraries the bundle holds itself
    needed: dict[str, list[str]]  # file (relative to the bundle) -> its NEEDED libraries
    glibc: tuple[int, int]  # the newest C library version any file asks for

    @classmethod
    def of(cls, bundle: Path) -> Linking:
        needed: dict[str, list[str]] = {}
        newest = (2, 17)
        for path in bundle.rglob("*"):
            if not path.is_file() or path.is_symlink():
                continue
            with path.open("rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
            # the dynamic section and the version needs, in one reading of the file
            dynamic = subprocess.run(["readelf", "-d", "-V", str(path)], capture_output=True,
                                     text=True, check=False).stdout
            needed[str(path.relative_to(bundle))] = re.findall(
                r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
            for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", dynamic):
                newest = max(newest, (int(major), int(minor)))
        inside = frozenset(p.name for p in bundle.rglob("*") if ".so" in p.name)
        return cls(inside=inside, needed=needed, glibc=newest)


def unmet_libraries(linking: Linking) -> dict[str, list[str]]:
    """Each library a file of the bundle needs that neither the bundle nor a package of
    DEPENDS provides, with the files needing it (optional plugins left out)."""
    declared = {soname for sonames in DEPENDS.values() for soname in sonames}
    unmet: dict[str, list[str]] = {}
    for relative, sonames in linking.needed.items():
        if any(part in relative for part in OPTIONAL_PLUGINS):
            continue
        for soname in sonames:
            if soname not in linking.inside and soname not in declared:
                unmet.setdefault(soname, []).append(relative)
    return unmet


def unused_depends(linking: Linking) -> list[str]:
    """Packages of DEPENDS no file of the bundle needs from the system."""
    from_system = {soname for sonames in linking.needed.values()
                   for soname in sonames} - linking.inside
    return [package for package, sonames in DEPENDS.items()
            if package != "libc6" and not from_system.intersection(sonames)]


def _installed_kib(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*")
               if p.is_file() and not p.is_symlink()) // 1024 + 1


def _control(version: str, installed_kib: int, glibc: str) -> str:
    depends = ", ".join(package for package in DEPENDS if package != "libc6")
    return (f"Package: mesolog\nVersion: {version}\nArchitecture: amd64\n"
            # dpkg wants an address; .invalid (RFC 2606) says there is none to write to yet
            "Maintainer: Mesolog developers <developers@mesolog.invalid>\n"
            f"Installed-Size: {installed_kib}\nSection: science\nPriority: optional\n"
            f"Depends: libc6 (>= {glibc}), {depends}\n"
            "Recommends: libgtk-3-0, cups-client\n"
            "Description: desktop logbook for scalp mesotherapy\n"
            " Mesolog records, per patient, history and consent, treatment courses,\n"
            " injection sessions with their injection maps, side effects and outcomes,\n"
            " and prints progress reports. Self-contained: Python, Qt and SQLCipher\n"
            " are inside /opt/mesolog.\n")


def _copyright() -> str:
    return ("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            "Upstream-Name: Mesolog\n\n"
            "Files: *\nCopyright: Mesolog developers\nLicense: Proprietary\n\n"
            "Files: opt/mesolog/_internal/*\nComment: Mesolog ships Python, Qt (LGPL-3.0),\n"
            " SQLCipher and other libraries; each one's licence and where its source is\n"
            " are in /opt/mesolog/_internal/licences/ and in Mesolog's Help > About.\n"
            "License: various\n")


def _stage(bundle: Path, root: Path, version: str, glibc: str) -> None:
    shutil.copytree(bundle, root / "opt" / "mesolog", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    # PyInstaller's start finds its files from the executable's real path (/proc/self/exe)
    os.symlink("/opt/mesolog/mesolog", root / "usr" / "bin" / "mesolog")
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / "mesolog.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = icons / f"{size}x{size}" / "apps" / "mesolog.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(ICONS / f"mesolog-{size}.png", target)
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICONS / "mesolog.svg", icons / "scalable" / "apps" / "mesolog.svg")
    doc = root / "usr" / "share" / "doc" / "mesolog"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(_copyright(), encoding="utf-8")
    for path in root.rglob("*"):  # what dpkg installs: root's, readable by every user
        if path.is_symlink():
            continue
        executable = path.is_dir() or os.access(path, os.X_OK)
        path.chmod(0o755 if executable else 0o644)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        _control(version, _installed_kib(root), glibc), encoding="utf-8")


def build(bundle: Path, out: Path) -> Path:
    linking = Linking.of(bundle)
    unmet = unmet_libraries(linking)
    if unmet:
        for soname, needers in sorted(unmet.items()):
            print(f"debian.py: {soname} (needed by {needers[0]}) is in no package of "
                  "DEPENDS", file=sys.stderr)
        raise SystemExit(1)
    unused = unused_depends(linking)
    if unused:
        print(f"debian.py: no file of the bundle needs {', '.join(unused)}: take them out "
              "of DEPENDS", file=sys.stderr)
        raise SystemExit(1)
    version = mesolog.__version__
    package = out / f"mesolog_{version}_amd64.deb"
    with tempfile.TemporaryDirectory() as staging:
        root = Path(staging) / "root"
        # Python built on the build machine asks for that machine's C library, whatever
        # the wheels' manylinux tag says
        _stage(bundle, root, version, "{}.{}".format(*linking.glibc))
        # xz, which every dpkg reads (zstd only since Debian 12); its fastest level: 147 MB
        # in 17 s on two cores, where the default level 6 gives 127 MB in 103 s
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build",
                        str(root), str(package)], check=True, stdout=subprocess.DEVNULL)
    print(package)
    return package


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
