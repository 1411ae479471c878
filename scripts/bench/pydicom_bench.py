#!/usr/bin/env python3
"""Time pydicom on the benchmark tree: dcmread(stop_before_pixels=True) and
reading every top-level value, in one process.

Usage: pydicom_bench.py DIR
"""
import os
import sys
import time
import warnings

import pydicom


def main():
    root = sys.argv[1]
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names)
    warnings.simplefilter("ignore")
    start = time.monotonic()
    failures = 0
    for path in files:
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
            for element in ds:
                _ = element.value
        except Exception:  # noqa: BLE001 - damaged corpus files are counted, not fatal
            failures += 1
    elapsed = time.monotonic() - start
    print(f"pydicom {pydicom.__version__}: {len(files)} files in {elapsed:.2f} s, "
          f"{len(files) / elapsed:.0f} files/s, 1 process, {failures} failures")


if __name__ == "__main__":
    main()
