"""Writes log records into monthly rotated files, as logrotate leaves
them: `NAME` for the current month, `NAME.1` for the month before, and
`NAME.2.gz` and older compressed."""

import gzip
import json
import os
from pathlib import Path


def write_rotated(folder: Path, name: str, records: list, render) -> list:
    """Write `records` (time, record) sorted by time, one file per month.

    Returns the paths written, newest first."""
    records = sorted(records, key=lambda item: item[0])
    months = sorted({(moment.year, moment.month) for moment, _ in records}, reverse=True)
    paths = []
    for age, month in enumerate(months):
        chunk = [render(record) for moment, record in records
                 if (moment.year, moment.month) == month]
        text = "".join(line + "\n" for line in chunk).encode()
        path = folder / (name if age == 0 else f"{name}.{age}")
        if age >= 2:
            path = path.with_name(path.name + ".gz")
            # mtime=0 keeps the gzip bytes the same for the same seed.
            with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
                out.write(text)
        else:
            path.write_bytes(text)
        last = max(moment for moment, _ in records if (moment.year, moment.month) == month)
        os.utime(path, (last.timestamp(), last.timestamp()))
        paths.append(path)
    return paths


def render_json(record: dict) -> str:
    return json.dumps(record, separators=(", ", ": "))


def render_text(text: str) -> str:
    return text
