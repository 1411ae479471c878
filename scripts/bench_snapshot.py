#!/usr/bin/env python3
"""Build a large DICOM store for `make bench-snapshot`.

Writes DISTINCT small Part 10 files (explicit VR little endian, one
study and series each) and hard-links them into a tree of FILES paths,
1000 per folder. Hard links keep a million-file tree to a few hundred
megabytes of metadata while every path is a separate file to walk, stat
and parse.
"""
import argparse
import os
import random
import struct


def element(tag, vr, value):
    if isinstance(value, int):
        data = struct.pack("<H", value)
    else:
        data = value.encode("ascii")
        if len(data) % 2:
            data += b"\0" if vr == "UI" else b" "
    group, number = tag >> 16, tag & 0xFFFF
    head = struct.pack("<HH", group, number) + vr.encode()
    if vr in ("OB", "OW", "SQ", "UN", "UT"):
        return head + b"\0\0" + struct.pack("<I", len(data)) + data
    return head + struct.pack("<H", len(data)) + data


def instance(index, rng):
    study = f"1.2.826.0.1.3680043.10.999.{index}"
    meta = b"".join([
        element(0x00020001, "OB", "\0\1"),
        element(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.1.1"),
        element(0x00020003, "UI", study + ".1.1"),
        element(0x00020010, "UI", "1.2.840.10008.1.2.1"),
    ])
    body = b"".join([
        element(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.1.1"),
        element(0x00080018, "UI", study + ".1.1"),
        element(0x00080020, "DA", "20260101"),
        element(0x00080060, "CS", "DX"),
        element(0x00080070, "LO", rng.choice(["SIEMENS", "GE MEDICAL SYSTEMS", "Philips"])),
        element(0x00081090, "LO", rng.choice(["Ysio", "Definium 6000", "DigitalDiagnost"])),
        element(0x00100010, "PN", f"BENCH^PATIENT{index}"),
        element(0x00101010, "AS", f"{rng.randint(1, 95):03d}Y"),
        element(0x00180015, "CS", rng.choice(["CHEST", "CHEST", "CHEST", "FOOT", "HAND"])),
        element(0x0020000D, "UI", study),
        element(0x0020000E, "UI", study + ".1"),
        element(0x00280010, "US", 2048),
        element(0x00280011, "US", 2048),
    ])
    group_length = struct.pack("<HH", 2, 0) + b"UL" + struct.pack("<HI", 4, len(meta))
    return b"\0" * 128 + b"DICM" + group_length + meta + body


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root")
    parser.add_argument("--files", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=5000)
    arguments = parser.parse_args()
    rng = random.Random(1)
    sources = os.path.join(arguments.root, "sources")
    os.makedirs(sources, exist_ok=True)
    for index in range(arguments.distinct):
        with open(os.path.join(sources, f"{index}.dcm"), "wb") as handle:
            handle.write(instance(index, rng))
    store = os.path.join(arguments.root, "store")
    for index in range(arguments.files):
        folder = os.path.join(store, f"{index // 1000:04d}")
        if index % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        os.link(os.path.join(sources, f"{index % arguments.distinct}.dcm"), os.path.join(folder, f"{index}"))
    print(f"wrote {arguments.files} paths over {arguments.distinct} distinct files under {store}")


if __name__ == "__main__":
    main()
