"""A separate process that attaches a fresh 8 MB picture again and again (each a little
different), printing the file name of each once it is recorded."""

import sys
from datetime import date
from pathlib import Path

from PIL import Image

from mesolog.domain.permissions import Actor
from mesolog.domain.photo import PhotoView
from mesolog.services.outcomes import OutcomeService
from mesolog.store.database import open_database

db = open_database(sys.argv[1]).acting_as(Actor.program("the photo attacher"))
outcomes = OutcomeService(db)
source = Path(sys.argv[2])
image = Image.new("RGB", (2000, 1400), (int(sys.argv[3]), 80, 120))  # one per run
for n in range(10_000):
    image.putpixel((n % 2000, n // 2000), (n % 256, 0, 0))
    image.save(source)  # an uncompressed BMP: the copy takes a while
    # a day in the past on any clock the suite is run under (faketime)
    photo = outcomes.attach_photo(1, source, PhotoView.VERTEX, date(2024, 1, 15))
    print(photo.path.name, flush=True)
