#!/usr/bin/env python3
"""Screenshot each chart of a medmon HTML report in headless Chromium and
check that it drew coloured marks.

Each <figure class="chart"> is cut out into its own page, rendered at the
chart's size, and the PNG is decoded with the standard library. A chart
passes when at least MIN_PIXELS pixels are saturated colours: the marks
use the palette, while the axes, grid and text are grey.
"""
import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

MIN_PIXELS = 200
CHART_IDS = ["vendor_months", "errors_per_day", "latency", "age_histogram", "prediction_rates"]


def decode_png(path):
    """Return (width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    width, height, depth, colour = header[0], header[1], header[2], header[3]
    if depth != 8 or colour not in (2, 6):
        raise ValueError(f"{path}: unsupported PNG depth {depth} colour type {colour}")

    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                if pa <= pb and pa <= pc:
                    predictor = left
                elif pb <= pc:
                    predictor = up
                else:
                    predictor = corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def coloured_pixels(rows):
    return sum(1 for row in rows for (r, g, b) in row if max(r, g, b) - min(r, g, b) > 60)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--chromium", default="chromium")
    arguments = parser.parse_args()
    with open(arguments.report, encoding="utf-8") as handle:
        html = handle.read()

    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    folder = tempfile.mkdtemp(prefix="medmon-check-html-")
    failures = 0
    for chart in CHART_IDS:
        figures = re.findall(r'<figure class="chart" id="%s">(.*?)</figure>' % chart, html, re.S)
        if not figures:
            print(f"check-html: chart {chart}: missing from the report")
            failures += 1
            continue
        page = os.path.join(folder, chart + ".html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(f"<!DOCTYPE html><html><head><style>{style} body {{ margin: 0; }}</style>"
                         f"</head><body>{figures[0]}</body></html>")
        shot = os.path.join(folder, chart + ".png")
        subprocess.run([arguments.chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--window-size=760,360", f"--screenshot={shot}",
                        "file://" + page], check=True, capture_output=True, timeout=120)
        _, _, rows = decode_png(shot)
        count = coloured_pixels(rows)
        verdict = "ok" if count >= MIN_PIXELS else "FAILED"
        print(f"check-html: chart {chart}: {count} coloured pixels: {verdict}")
        failures += count < MIN_PIXELS

    full = os.path.splitext(arguments.report)[0] + ".png"
    subprocess.run([arguments.chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=1000,2600", f"--screenshot={full}",
                    "file://" + os.path.abspath(arguments.report)], check=True, capture_output=True,
                   timeout=120)
    print(f"check-html: page screenshot {full}")
    print(f"{len(CHART_IDS) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
