"""Cold and warm start of the installed package (/usr/bin/mesolog, the PyInstaller bundle
in /opt/mesolog) against the same Mesolog run from the project's virtual environment.

    cd bench && ../.venv/bin/python bench_installed_start.py [--rounds 5]

Needs the package installed (`apt install ./dist/mesolog_<version>_amd64.deb`, built by
`.ci/package`), and Debian's xvfb, xdotool and vmtouch. Each start is timed from outside,
as a person sees it: from the command's start to the login window mapped on a virtual X
server (Xvfb, through Qt's xcb plugin), and, apart, `mesolog --version` to its exit.
Cold: every file of that copy of Mesolog (the bundle's folder; the venv, the Python it
was made from and the source tree) is evicted from the page cache first (`vmtouch -e`),
as after a reboot; the system's own libraries (libc, libxcb, fonts) stay cached for
both, as they would on a desktop in use. The two alternate, round by round.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_clinic import demo_clinic

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
COPIES = {
    "installed bundle": (["/usr/bin/mesolog"], [Path("/opt/mesolog")]),
    "virtual environment": ([str(VENV / "bin" / "mesolog")],
                            [VENV, Path(sys.base_prefix), ROOT / "mesolog",
                             ROOT / "resources", ROOT / "forms"]),
}


def evict(folders: list[Path]) -> None:
    subprocess.run(["vmtouch", "-q", "-e", *map(str, folders)], check=True,
                   stderr=subprocess.DEVNULL)


def version_seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([*command, "--version"], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def login_seconds(command: list[str], env: dict[str, str], database: Path) -> float:
    start = time.perf_counter()
    window = subprocess.Popen([*command, "--db", str(database)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        while True:
            found = subprocess.run(["xdotool", "search", "--name", "^Log in to "],
                                   env=env, capture_output=True)
            if found.returncode == 0:
                return time.perf_counter() - start
            if window.poll() is not None or time.perf_counter() - start > 60:
                window.kill()
                raise RuntimeError(f"{command[0]}: no login window: {window.communicate()[1]}")
            time.sleep(0.005)
    finally:
        window.send_signal(signal.SIGTERM)
        window.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--patients", type=int, default=1000)
    args = parser.parse_args()
    database = demo_clinic(args.patients)
    display = f":{200 + os.getpid() % 300}"
    # -noreset: by default the server resets when its last client leaves, and a window
    # starting meanwhile cannot connect
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp", "-noreset"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    for _ in range(100):  # the server is up once its socket is there
        if socket.exists():
            break
        time.sleep(0.05)
    marks: dict[str, list[float]] = {}
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "DISPLAY": display}
            for _ in range(args.rounds):
                for name, (command, files) in COPIES.items():
                    for temperature in ("cold", "warm"):
                        if temperature == "cold":
                            evict(files)
                        marks.setdefault(f"{name}, --version, {temperature}", []).append(
                            version_seconds(command, env))
                        if temperature == "cold":
                            evict(files)
                        marks.setdefault(f"{name}, login shown, {temperature}", []).append(
                            login_seconds(command, env, database))
    finally:
        server.terminate()
    medians = {name: round(statistics.median(times) * 1000) for name, times in marks.items()}
    print(json.dumps({"rounds": args.rounds, "median_ms": medians}, indent=1))


if __name__ == "__main__":
    main()
