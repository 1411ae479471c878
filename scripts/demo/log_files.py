"""Log files that grow month by month and rotate as logrotate leaves them:
`NAME` is the live file, `NAME.1` the month before, and `NAME.2.gz` and
older are compressed."""

import gzip
import json
import os
from pathlib import Path


class RotatingLog:
    """One log file of the demo's AI system, written a month at a time."""

    def __init__(self, folder: Path, name: str, render):
        self.folder = folder
        self.name = name
        self.render = render
        self.rotations = 0

    def write_month(self, records: list):
        """Rotate the live file, then write `records` (time, record) as the
        new live file."""
        live = self.folder / self.name
        if live.exists():
            self._rotate(live)
        records = sorted(records, key=lambda item: item[0])
        live.write_text("".join(self.render(record) + "\n" for _, record in records))
        if records:
            stamp = records[-1][0].timestamp()
            os.utime(live, (stamp, stamp))

    def _rotate(self, live: Path):
        # Older copies move up by one, oldest first, keeping their mtime.
        for number in range(self.rotations, 1, -1):
            older = self.folder / f"{self.name}.{number}.gz"
            older.rename(self.folder / f"{self.name}.{number + 1}.gz")
        first = self.folder / f"{self.name}.1"
        if first.exists():
            compress(first, self.folder / f"{self.name}.2.gz")
        live.rename(first)
        self.rotations += 1


def compress(source: Path, target: Path):
    """Gzip `source` into `target` and remove it, as logrotate's compress."""
    stamp = source.stat().st_mtime
    # mtime=0 keeps the gzip bytes the same for the same seed.
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(source.read_bytes())
    os.utime(target, (stamp, stamp))
    source.unlink()


def render_json(record: dict) -> str:
    return json.dumps(record, separators=(", ", ": "))


def render_text(text: str) -> str:
    return text
