#!/usr/bin/env python3
"""Compare `medmon dump --json` with pydicom's DICOM JSON model.

For every file listed in $MEDMON_CORPUS/dicom/INDEX.tsv, reads the file
with pydicom (`dcmread`, then `force=True` when that fails) and takes
`Dataset.to_json_dict()`, runs `medmon dump --json --all FILE`, and compares
tags, VRs, values and sequence structure. Bulk values (InlineBinary,
BulkDataURI) are left out on both sides.

Usage: dicom_conformance.py MEDMON_BINARY OUTPUT_TSV
Prints a summary; exits 1 when medmon crashed on a file or failed to read a
file that pydicom reads.
"""
import csv
import json
import math
import os
import subprocess
import sys
import warnings

import pydicom
from pydicom.errors import InvalidDicomError

BULK_KEYS = ("InlineBinary", "BulkDataURI")


def pydicom_model(path):
    """Return (model, how) or (None, error text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ds = pydicom.dcmread(path)
            how = "strict"
        except InvalidDicomError:
            try:
                ds = pydicom.dcmread(path, force=True)
                how = "force"
            except Exception as error:  # noqa: BLE001 - any failure is a result here
                return None, f"{type(error).__name__}: {error}"
        except Exception as error:  # noqa: BLE001
            return None, f"{type(error).__name__}: {error}"
        try:
            return ds.to_json_dict(bulk_data_threshold=1 << 62), how
        except Exception as error:  # noqa: BLE001
            return None, f"to_json_dict {type(error).__name__}: {error}"


def medmon_model(binary, path):
    run = subprocess.run(
        [binary, "dump", "--json", "--all", "-q", path], capture_output=True, timeout=60
    )
    if run.returncode < 0 or run.returncode not in (0, 3):
        return None, f"crash: exit {run.returncode}: {run.stderr.decode(errors='replace')[:200]}"
    if run.returncode == 3 and not run.stdout.strip():
        return {}, run.stderr.decode(errors="replace").strip().splitlines()[-1]
    try:
        model = json.loads(run.stdout.decode("utf-8"))
    except ValueError as error:
        return None, f"invalid JSON from medmon: {error}"
    message = run.stderr.decode(errors="replace").strip().splitlines()
    return model, (message[-1] if run.returncode == 3 and message else "")


def same_number(a, b):
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return a == b
    if math.isnan(x) and math.isnan(y):
        return True
    return x == y or abs(x - y) <= 1e-9 * max(abs(x), abs(y))


def same_value(a, b):
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        if isinstance(a, bool) or isinstance(b, bool):
            return a == b
        return same_number(a, b)
    return a == b


def compare(mine, theirs, where, out):
    for key in sorted(set(mine) | set(theirs)):
        place = f"{where}{key}"
        if key not in mine:
            # PS3.18 section F.2.2 leaves group lengths out of the model.
            kind = "group length in pydicom only" if key.endswith("0000") else "missing in medmon"
            out.append((place, kind, "", short(theirs[key])))
            continue
        if key not in theirs:
            out.append((place, "missing in pydicom", short(mine[key]), ""))
            continue
        a, b = mine[key], theirs[key]
        if a.get("vr") != b.get("vr"):
            out.append((place, "vr", a.get("vr"), b.get("vr")))
            continue
        if any(k in b for k in BULK_KEYS) or any(k in a for k in BULK_KEYS):
            continue
        va, vb = a.get("Value", []), b.get("Value", [])
        if a.get("vr") == "SQ":
            if len(va) != len(vb):
                out.append((place, "item count", len(va), len(vb)))
            for index, (ia, ib) in enumerate(zip(va, vb)):
                compare(ia or {}, ib or {}, f"{place}[{index}].", out)
            continue
        if len(va) != len(vb) or not all(same_value(x, y) for x, y in zip(va, vb)):
            out.append((place, "value", short(va), short(vb)))


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def main():
    binary, output = sys.argv[1], sys.argv[2]
    corpus = os.environ.get("MEDMON_CORPUS", "")
    index_path = os.path.join(corpus, "dicom", "INDEX.tsv")
    if not os.path.exists(index_path):
        sys.exit(f"conformance: {index_path} not found; set MEDMON_CORPUS to the test corpus")
    with open(index_path, newline="") as handle:
        paths = [row["path"] for row in csv.DictReader(handle, delimiter="\t")]

    rows, failures = [], []
    counts = {"files": 0, "match": 0, "differ": 0, "pydicom_unreadable": 0, "medmon_error": 0}
    for relative in paths:
        path = os.path.join(corpus, "dicom", relative)
        counts["files"] += 1
        theirs, how = pydicom_model(path)
        mine, note = medmon_model(binary, path)
        if mine is None:
            failures.append(f"{relative}: {note}")
            rows.append((relative, "", "medmon failed", note, ""))
            continue
        if theirs is None:
            counts["pydicom_unreadable"] += 1
            rows.append((relative, "", "pydicom cannot read", note or "(no error)", how))
            if not note and not mine:
                failures.append(f"{relative}: pydicom cannot read it and medmon gives no error")
            continue
        if note:
            counts["medmon_error"] += 1
            rows.append((relative, "", "medmon error", note, how))
        differences = []
        compare(mine, theirs, "", differences)
        if differences:
            counts["differ"] += 1
        elif not note:
            counts["match"] += 1
        for place, kind, a, b in differences:
            rows.append((relative, place, kind, str(a), str(b)))

    with open(output, "w", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("path", "tag", "kind", "medmon", "pydicom"))
        writer.writerows(rows)
    print(" ".join(f"{key}={value}" for key, value in counts.items()))
    print(f"differences written to {output}")
    for failure in failures:
        print(f"FAIL {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
