#!/usr/bin/env python3
"""Generate medmon's character set tables for DICOM text decoding.

Source: the codecs of the running CPython (3.11 when these tables were made),
the same mappings pydicom uses for each DICOM defined term:
  ISO 8859 parts   latin_1, iso8859_2 ... iso8859_15, iso8859_11 (TIS 620)
  JIS X 0208       iso2022_jp   (ESC $ B)
  JIS X 0212       iso2022_jp_2 (ESC $ ( D)
  KS X 1001        euc_kr
  GB 2312, GBK, GB18030 (two and four byte forms)  gb18030, gbk

Usage: generate_charset_tables.py OUTPUT.swift
Each 94 x 94 or 126 x 191 table is one string literal, one row per line,
U+FFFD where a byte pair has no character. Swift reads them as UTF-16.
"""
import sys
import unicodedata

HEADER = """// swift-format-ignore-file
// GENERATED FILE: do not edit. Made by scripts/generate_charset_tables.py
// from the codecs of CPython {version} (the mappings pydicom uses for each
// DICOM defined term). Each table row is one line; U+FFFD marks a byte
// pair without a character.
"""

LATIN = [
    ("100", "latin_1"), ("101", "iso8859_2"), ("109", "iso8859_3"), ("110", "iso8859_4"),
    ("144", "iso8859_5"), ("127", "iso8859_6"), ("126", "iso8859_7"), ("138", "iso8859_8"),
    ("148", "iso8859_9"), ("203", "iso8859_15"), ("166", "iso8859_11"),
]


def decode(data, codec):
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return "\ufffd"
    if len(text) != 1 or ord(text) > 0xFFFF:
        return "\ufffd"
    return text


def literal_char(ch):
    code = ord(ch)
    category = unicodedata.category(ch)
    if ch in '\\"' or code < 0xA1 or category[0] in "CMZ" or category == "Cn":
        return "\\u{%X}" % code
    return ch


def emit(out, name, comment, rows):
    out.write(f"  /// {comment}\n")
    out.write(f'  static let {name} = """\n')
    lines = ["    " + "".join(literal_char(ch) for ch in row) for row in rows]
    out.write("\\\n".join(lines) + "\n")
    out.write('    """\n\n')


def table94(codec, prefix=b"", high=False, suffix=b""):
    rows = []
    for first in range(0x21, 0x7F):
        row = []
        for second in range(0x21, 0x7F):
            pair = bytes([first | 0x80, second | 0x80]) if high else bytes([first, second])
            row.append(decode(prefix + pair + suffix, codec))
        rows.append(row)
    return rows


def gb_table(codec):
    rows = []
    for lead in range(0x81, 0xFF):
        row = []
        for trail in range(0x40, 0xFF):
            row.append("\ufffd" if trail == 0x7F else decode(bytes([lead, trail]), codec))
        rows.append(row)
    return rows


def gb18030_ranges():
    """Return (linear index, first code point) runs of the four-byte BMP form."""
    runs = []
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        encoded = chr(code).encode("gb18030")
        if len(encoded) != 4:
            continue
        b1, b2, b3, b4 = encoded
        linear = (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30)
        if runs and runs[-1][0] + runs[-1][2] == linear and runs[-1][1] + runs[-1][2] == code:
            runs[-1][2] += 1
        else:
            runs.append([linear, code, 1])
    return runs


def main():
    out_path = sys.argv[1]
    version = ".".join(map(str, sys.version_info[:3]))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(HEADER.format(version=version))
        out.write("\nextension CharacterTables {\n")
        latin_rows = [[decode(bytes([b]), codec) for b in range(0xA0, 0x100)] for _, codec in LATIN]
        emit(out, "latinText", "ISO 8859 G1 halves (0xA0-0xFF), in the order of `latinIRs`.", latin_rows)
        out.write("  static let latinIRs = [%s]\n\n" % ", ".join(ir for ir, _ in LATIN))
        emit(out, "jisX0208Text", "JIS X 0208 (ISO 2022 IR 87), rows 0x21-0x7E.",
             table94("iso2022_jp", prefix=b"\x1b$B"))
        emit(out, "jisX0212Text", "JIS X 0212 (ISO 2022 IR 159), rows 0x21-0x7E.",
             table94("iso2022_jp_2", prefix=b"\x1b$(D"))
        emit(out, "ksX1001Text", "KS X 1001 (ISO 2022 IR 149), rows 0xA1-0xFE.",
             table94("euc_kr", high=True))
        emit(out, "gb18030Text", "GB18030 two-byte form, leads 0x81-0xFE, trails 0x40-0xFE.",
             gb_table("gb18030"))
        gb18030 = gb_table("gb18030")
        gbk = gb_table("gbk")
        diffs = []
        for lead, (row18030, rowgbk) in enumerate(zip(gb18030, gbk)):
            for trail, (a, b) in enumerate(zip(row18030, rowgbk)):
                if a != b:
                    diffs.append((lead * 191 + trail, ord(b)))
        undefined = []
        others = []
        for index, code in diffs:
            if code != 0xFFFD:
                others.append((index, code))
            elif undefined and undefined[-1][0] + undefined[-1][1] == index:
                undefined[-1][1] += 1
            else:
                undefined.append([index, 1])
        out.write("  /// Runs of cells (first index, count) that GBK leaves undefined but\n")
        out.write("  /// GB18030 maps, mostly to private use characters.\n")
        out.write("  static let gbkUndefinedRuns: [(Int, Int)] = [\n")
        for index, count in undefined:
            out.write(f"    ({index}, {count}),\n")
        out.write("  ]\n\n")
        out.write("  /// Cells that GBK maps to another character than GB18030.\n")
        out.write("  static let gbkOtherCells: [(Int, UInt16)] = [\n")
        for index, code in others:
            out.write(f"    ({index}, 0x{code:04X}),\n")
        out.write("  ]\n\n")
        out.write("  /// GB18030 four-byte BMP runs: linear index, first code point, count.\n")
        out.write("  static let gb18030FourByteRuns: [(UInt32, UInt32, UInt32)] = [\n")
        for linear, code, count in gb18030_ranges():
            out.write(f"    ({linear}, 0x{code:04X}, {count}),\n")
        out.write("  ]\n}\n")


if __name__ == "__main__":
    main()
