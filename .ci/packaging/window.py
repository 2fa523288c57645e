"""The windowed executable's start on Windows and macOS (the Start menu's, the Dock's):
with no console behind it there are no standard streams, and a message Mesolog writes to
one would stop the application, so they go nowhere instead."""

import os
import sys

for stream in ("stdout", "stderr"):
    if getattr(sys, stream) is None:
        setattr(sys, stream, open(os.devnull, "w"))  # noqa: SIM115 (open for the run)

from mesolog.cli import main  # noqa: E402

raise SystemExit(main(sys.argv[1:]))
