#!/usr/bin/env python3
"""Generate a demo site for medmon: a year of DICOM studies made from
pydicom's test images, the AI system's logs and results, and injected
incidents and drift.

Usage: demo_site.py OUT [--end-month YYYY-MM] [--seed N] [--snapshot CMD]

OUT receives `dicom/` (a PACS-export tree and an Orthanc-like storage
tree), `logs/` (rotated, partly gzipped), `results/results.jsonl` and
`events.json`, which lists each injected event with its kind, first and
last day and details. The same seed and end month give the same site.

The DICOM files are written first. The logs and results then grow a
month at a time, with the logs rotated at each month's end, and CMD (such
as `medmon snapshot --config FILE`) runs after each month. So each
snapshot reads that month's log as the live file, as it would on a real
site.
"""

import argparse
import datetime as dt
import json
import random
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

# Keeps the source tree free of __pycache__ folders.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from demo import timeline as tl  # noqa: E402
from demo.ai_system import AISystem  # noqa: E402
from demo.dicom_files import DICOMWriter  # noqa: E402
from demo.log_files import RotatingLog, render_json, render_text  # noqa: E402
from demo.studies import studies_for_day  # noqa: E402


def parse_month(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid month '{text}'; expected YYYY-MM")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to create the site in (emptied first)")
    parser.add_argument("--end-month", type=parse_month,
                        help="last month, YYYY-MM (default: the last full month before today)")
    parser.add_argument("--seed", type=int, default=20261, help="random seed (default 20261)")
    parser.add_argument("--studies-per-day", default="10-20",
                        help="range of studies per weekday, LOW-HIGH (default 10-20)")
    parser.add_argument("--snapshot", metavar="CMD",
                        help="command to run after each month's logs and results are written")
    return parser.parse_args(argv)


def generate(out: Path, end_month: dt.date, seed: int, low: int, high: int,
             snapshot=None) -> dict:
    rng = random.Random(seed)
    line = tl.Timeline(end_month)
    if out.exists():
        shutil.rmtree(out)
    (out / "logs").mkdir(parents=True)
    (out / "results").mkdir()
    writer = DICOMWriter(out / "dicom", rng)
    ai = AISystem(line, rng)
    studies = 0
    for day in line.days():
        todays = studies_for_day(rng, line, day, low, high)
        for study in todays:
            writer.write(study)
        ai.run_day(day, todays)
        studies += len(todays)

    summary = {
        "format_version": 1,
        "seed": seed,
        "period": {"start": line.first.isoformat(), "end": line.last.isoformat()},
        "studies": studies,
        "instances": writer.files,
        "results": len(ai.results),
        "events": [event.as_json() for event in line.events],
    }
    (out / "events.json").write_text(json.dumps(summary, indent=2) + "\n")
    replay(out, line, ai, snapshot)
    return summary


def replay(out: Path, line: tl.Timeline, ai: AISystem, snapshot):
    """Write the logs and results month by month, running `snapshot` after each."""
    logs = [
        (RotatingLog(out / "logs", "ai-inference.log", render_text), ai.inference_log),
        (RotatingLog(out / "logs", "dicom-router.jsonl", render_json), ai.router_log),
    ]
    results = out / "results" / "results.jsonl"
    results.touch()
    for month in line.months:
        def in_month(moment):
            return (moment.year, moment.month) == (month.year, month.month)

        for log, records in logs:
            log.write_month([item for item in records if in_month(item[0])])
        with open(results, "a") as handle:
            for record in ai.results:
                if record["time"].startswith(f"{month:%Y-%m}"):
                    handle.write(json.dumps(record, separators=(", ", ": ")) + "\n")
        if snapshot:
            print(f"demo site: {month:%Y-%m} written; running: {snapshot}", file=sys.stderr)
            subprocess.run(shlex.split(snapshot), check=True)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    today = dt.date.today()
    end_month = arguments.end_month or tl.default_end_month(today)
    if end_month >= today.replace(day=1):
        # A snapshot counts a file with a future mtime on the day it runs.
        print(f"demo_site.py: error: invalid --end-month '{end_month:%Y-%m}'; "
              f"it must be before the current month, {today:%Y-%m}", file=sys.stderr)
        return 2
    try:
        low, high = (int(part) for part in arguments.studies_per_day.split("-"))
    except ValueError:
        print(f"demo_site.py: error: invalid --studies-per-day '{arguments.studies_per_day}'; "
              "expected LOW-HIGH such as 10-20", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        summary = generate(arguments.out, end_month, arguments.seed, low, high,
                           arguments.snapshot)
    except subprocess.CalledProcessError as error:
        print(f"demo_site.py: error: '{arguments.snapshot}' exited with {error.returncode}",
              file=sys.stderr)
        return 3
    print(f"demo site: {summary['studies']} studies, {summary['instances']} DICOM files, "
          f"{summary['results']} AI results, {summary['period']['start']} to "
          f"{summary['period']['end']}, in {time.monotonic() - started:.1f} s", file=sys.stderr)
    print(f"demo site: injected events in {arguments.out / 'events.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
