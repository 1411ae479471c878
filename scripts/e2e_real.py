#!/usr/bin/env python3
"""Run medmon's site side over the real corpus and check the bundle.

Usage: e2e_real.py MEDMON WORKDIR

Reads $MEDMON_CORPUS/dicom (pydicom's and pydicom-data's test files) and
two loghub logs under $MEDMON_CORPUS/logs. Runs init, snapshot, collect
and verify into WORKDIR, which is emptied first. Then decrypts the bundle
with the `age` and `zstd` tools and compares its tables with counts
computed here from the same files, with pydicom and with loghub's own
structured CSV files. Runs `medmon analyze` on the bundle and checks the
report's study count. Also checks that no patient name, patient ID,
birth date or instance UID of the corpus appears in the bundle's plain
content or in the reports. Exits 1 on the
first failed check, 2 when an input is missing.
"""

import base64
import collections
import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import warnings
from pathlib import Path

import pydicom

# pydicom warns about the corpus's deliberately odd files, which the
# counts below account for.
warnings.filterwarnings("ignore", module="pydicom")

# Logs whose lines carry a level that loghub's structured CSV records.
LOGS = ["Zookeeper/Zookeeper_2k.log", "Hadoop/Hadoop_2k.log"]
UID_KEYWORDS = ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID"]
DIRECTORY_SOP_CLASS = "1.2.840.10008.1.3.10"


class CheckFailed(Exception):
    pass


def corpus_paths() -> tuple:
    root = os.environ.get("MEDMON_CORPUS", "")
    if not root:
        raise FileNotFoundError(
            "MEDMON_CORPUS is not set; set it to the test corpus folder, "
            "for example export MEDMON_CORPUS=/work/shared/corpus")
    dicom, logs = Path(root) / "dicom", Path(root) / "logs" / "loghub_2k"
    for path in [dicom, *(logs / name for name in LOGS)]:
        if not path.exists():
            raise FileNotFoundError(
                f"'{path}' is missing; MEDMON_CORPUS='{root}' must hold dicom/ and logs/loghub_2k/")
    return dicom, logs


def run(arguments: list, **options) -> subprocess.CompletedProcess:
    result = subprocess.run(arguments, capture_output=True, **options)
    if result.returncode != 0:
        raise CheckFailed(f"'{' '.join(map(str, arguments))}' exited with {result.returncode}: "
                          f"{result.stderr.decode(errors='replace').strip()}")
    return result


def run_site_side(medmon: str, work: Path, dicom: Path, logs: Path) -> Path:
    """Run init, snapshot, collect and verify; return the bundle path."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "usb").mkdir(parents=True)
    key = work / "vendor.key"
    run(["age-keygen", "-o", str(key)])
    recipient = run(["age-keygen", "-y", str(key)]).stdout.decode().strip()
    config = str(work / "medmon.toml")
    log_options = [item for name in LOGS for item in ("--logs", str(logs / name))]
    run([medmon, "init", "--config", config, "--site", "Corpus Check", "--recipient", recipient,
         "--dicom", str(dicom), *log_options, "--state", str(work / "state" / "state.db")])
    run([medmon, "snapshot", "--config", config])
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    # The loghub samples are from 2015; the DICOM files arrive today.
    run([medmon, "collect", "--config", config, "--out", str(work / "usb"),
         "--since", "2015-01-01", "--until", today])
    bundles = sorted((work / "usb").glob("*.tar"))
    if len(bundles) != 1:
        raise CheckFailed(f"expected one bundle in '{work / 'usb'}', found {len(bundles)}")
    run([medmon, "verify", str(bundles[0])])
    return bundles[0]


def decrypt(bundle: Path, key: Path) -> dict:
    """Return the bundle's files, and the payload's files, by name."""
    with tarfile.open(bundle) as outer:
        files = {member.name: outer.extractfile(member).read() for member in outer.getmembers()}
    plain = run(["age", "-d", "-i", str(key)], input=files["payload.age"]).stdout
    inner_tar = run(["zstd", "-d", "-c"], input=plain).stdout
    with tarfile.open(fileobj=io.BytesIO(inner_tar)) as inner:
        for member in inner.getmembers():
            files["payload/" + member.name] = inner.extractfile(member).read()
    return files


def table(files: dict, name: str) -> list:
    text = files[f"payload/{name}.jsonl"].decode()
    return [json.loads(line) for line in text.splitlines() if line]


def analyze(medmon: str, work: Path, bundle: Path) -> dict:
    """Write the JSON and HTML reports of `bundle`; return their text by name."""
    reports = {}
    for kind in ("json", "html"):
        path = work / f"report.{kind}"
        run([medmon, "analyze", str(bundle), "--identity", str(work / "vendor.key"),
             "--history", str(work / "history.db"), "--format", kind, "--out", str(path)])
        reports[path.name] = path.read_text()
    return reports


def check_report(report: dict, studies: int):
    site = report["sites"][0]
    expect("studies in the report", site["studies"], studies)
    # A first bundle has no history to compare with.
    expect("findings in a first report", len(site["findings"]), 0)


def read_corpus_dicom(dicom: Path):
    """Return instances per modality, studies and the identifying values.

    A file counts when pydicom reads it strictly, or with force=True when
    it is a bare data set that still has a Modality; directory files
    (DICOMDIR) and files without a Modality are counted separately."""
    modalities = collections.Counter()
    studies = collections.defaultdict(set)
    identifiers = set()
    for path in sorted(p for p in dicom.rglob("*") if p.is_file()):
        dataset = read_dataset(path)
        if dataset is None:
            continue
        identifiers |= identifying_values(dataset)
        sop_class = str(getattr(dataset.get("file_meta", {}), "MediaStorageSOPClassUID", ""))
        modality = str(dataset.get("Modality", "")).strip()
        if sop_class == DIRECTORY_SOP_CLASS or not modality:
            modalities[""] += 1
        else:
            modalities[modality] += 1
        study = str(dataset.get("StudyInstanceUID", "")).strip()
        if study:
            studies[modality].add(study)
    # A report counts studies per modality, as the bundle's counts do.
    return modalities, sum(len(uids) for uids in studies.values()), identifiers


def read_dataset(path: Path):
    try:
        return pydicom.dcmread(path, stop_before_pixels=True)
    except Exception:
        pass
    try:
        dataset = pydicom.dcmread(path, stop_before_pixels=True, force=True)
    except Exception:
        return None
    return dataset if str(dataset.get("Modality", "")).strip() else None


def identifying_values(dataset) -> set:
    values = set()
    try:
        name = str(dataset.get("PatientName", ""))
        values |= {name, *name.split("=")}
        values.add(str(dataset.get("PatientID", "")))
        values.add(str(dataset.get("PatientBirthDate", "")))
        values |= {str(dataset.get(keyword, "")) for keyword in UID_KEYWORDS}
    except Exception:
        # A value that pydicom cannot decode is not compared.
        pass
    # Short values ("ID1", "204") would match unrelated text by chance.
    return {value.strip() for value in values if len(value.strip()) >= 5}


# Level names of Java and Python loggers mapped to the five levels of a
# bundle's log_levels table.
LEVEL_NAMES = {"TRACE": "debug", "DEBUG": "debug", "INFO": "info", "WARN": "warning",
               "WARNING": "warning", "ERROR": "error", "FATAL": "critical",
               "CRITICAL": "critical"}


def read_log_levels(logs: Path) -> collections.Counter:
    """Count events per level from loghub's structured CSV of each log.

    A snapshot leaves a last line without a newline for the next run,
    because the writer may still be writing it, so that line is not
    counted."""
    levels = collections.Counter()
    for name in LOGS:
        structured = logs / (name[:-4] + ".log_structured.csv")
        with open(structured, newline="") as handle:
            rows = list(csv.DictReader(handle))
        if not (logs / name).read_bytes().endswith(b"\n"):
            rows = rows[:-1]
        for row in rows:
            levels[LEVEL_NAMES[row["Level"].strip().upper()]] += 1
    return levels


def check_tables(files: dict, modalities: collections.Counter, levels: collections.Counter):
    content = json.loads(files["payload/content.json"])
    for entry in content["tables"]:
        rows = len(table(files, entry["name"]))
        expect(f"rows of {entry['file']}", rows, entry["rows"])

    counted = collections.Counter()
    for row in table(files, "dicom_counts"):
        if row["dimension"] == "modality":
            counted[row["value"]] += row["instances"]
    for modality in sorted(set(modalities) | set(counted)):
        if modality:
            expect(f"instances with modality '{modality}'", counted[modality], modalities[modality])
    # NOTE: whether a DICOMDIR or a file without Modality counts as an
    # instance is medmon's policy, so only an upper bound is checked.
    if counted[""] > modalities[""]:
        raise CheckFailed(f"{counted['']} instances without a modality, "
                          f"more than the {modalities['']} files pydicom reads")

    collectors = {c["name"] for c in json.loads(files["payload/collection.json"])["collectors"]}
    if "logs" not in collectors:
        print("e2e-real: note: this build collects no logs; log levels not compared",
              file=sys.stderr)
        return
    bundle_levels = collections.Counter()
    for row in table(files, "log_levels"):
        bundle_levels[row["level"]] += row["count"]
    for level in sorted(set(levels) | set(bundle_levels)):
        expect(f"log events at level '{level}'", bundle_levels[level], levels[level])


def check_privacy(files: dict, identifiers: set):
    """Fail when an identifying value appears in any clear-text content."""
    texts = {}
    for name, data in files.items():
        if name == "payload.age" or name == "manifest.sig":
            continue
        if isinstance(data, str):
            texts[name] = data
            continue
        if name.endswith(".jsonl"):
            rows = [json.loads(line) for line in data.decode().splitlines() if line]
            for row in rows:
                if "sketch" in row:
                    # A sketch is binary; it must decode as Base64.
                    base64.b64decode(row.pop("sketch"), validate=True)
            texts[name] = json.dumps(rows, ensure_ascii=False)
        else:
            texts[name] = data.decode()
    for value in sorted(identifiers):
        for name, text in texts.items():
            if value in text:
                raise CheckFailed(f"an identifying value of the corpus appears in '{name}'")
    return len(identifiers)


def expect(description: str, actual, expected):
    if actual != expected:
        raise CheckFailed(f"{description}: medmon gives {actual}, the corpus gives {expected}")
    print(f"e2e-real: ok: {description}: {actual}", file=sys.stderr)


def main(argv) -> int:
    if len(argv) != 3:
        print("usage: e2e_real.py MEDMON WORKDIR", file=sys.stderr)
        return 2
    medmon, work = argv[1], Path(argv[2])
    try:
        dicom, logs = corpus_paths()
    except FileNotFoundError as error:
        print(f"e2e-real: error: {error}", file=sys.stderr)
        return 2
    try:
        bundle = run_site_side(medmon, work, dicom, logs)
        files = decrypt(bundle, work / "vendor.key")
        modalities, studies, identifiers = read_corpus_dicom(dicom)
        check_tables(files, modalities, read_log_levels(logs))
        reports = analyze(medmon, work, bundle)
        check_report(json.loads(reports["report.json"]), studies)
        checked = check_privacy({**files, **reports}, identifiers)
    except CheckFailed as failure:
        print(f"e2e-real: FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"e2e-real: ok: none of {checked} patient names, IDs, birth dates and UIDs "
          f"appears in '{bundle.name}' or its reports", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
