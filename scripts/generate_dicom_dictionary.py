#!/usr/bin/env python3
"""Generate medmon's DICOM data dictionary from the PS3.6 registry.

Source: the registry as shipped in pydicom 3.0.2 (`pydicom/_dicom_dict.py`,
which pydicom generates from the DICOM standard's PS3.6 tables). Only the
data is read; the Swift written here is medmon's own.

Usage: generate_dicom_dictionary.py PYDICOM_DICT_PY OUTPUT_DIR
Writes OUTPUT_DIR/DataDictionary+Registry.swift and OUTPUT_DIR/Tag+Keywords.swift.
"""
import importlib.util
import sys

SWIFT_KEYWORDS = {
    "as", "break", "case", "catch", "class", "continue", "default", "defer", "do",
    "else", "enum", "extension", "fallthrough", "false", "for", "func", "guard", "if",
    "import", "in", "init", "inout", "internal", "is", "let", "nil", "operator",
    "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self",
    "static", "struct", "subscript", "super", "switch", "throw", "throws", "true",
    "try", "typealias", "var", "where", "while",
}

# Defined by hand in Tag.swift because the parser needs them.
HAND_WRITTEN = {"item", "itemDelimitationItem", "sequenceDelimitationItem"}

HEADER = """// swift-format-ignore-file
// GENERATED FILE: do not edit. Made by scripts/generate_dicom_dictionary.py
// from the PS3.6 data element registry as shipped in pydicom {version}
// (pydicom/_dicom_dict.py), which pydicom generates from the DICOM standard.
"""


def load(path):
    spec = importlib.util.spec_from_file_location("dicom_dict", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vr_field(vr):
    # "US or SS" becomes "US/SS"; items and delimiters have no VR.
    vr = vr.replace(" or ", "/").strip()
    return vr if vr and vr != "NONE" else "--"


def swift_name(keyword_text):
    """Turn a PS3.6 keyword into a lowerCamelCase Swift name."""
    upper = 0
    while upper < len(keyword_text) and keyword_text[upper].isupper():
        upper += 1
    if upper == len(keyword_text):
        name = keyword_text.lower()
    elif upper > 1:
        name = keyword_text[: upper - 1].lower() + keyword_text[upper - 1 :]
    else:
        name = keyword_text[:1].lower() + keyword_text[1:]
    if name in SWIFT_KEYWORDS:
        name = "`" + name + "`"
    return name


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    module = load(source)
    version = "3.0.2"
    rows = []
    for tag, (vr, vm, _name, retired, kw) in sorted(module.DicomDictionary.items()):
        if not kw:
            continue
        flag = "R" if retired else "-"
        rows.append(f"{tag:08X} {vr_field(vr)} {vm} {flag} {kw}")
    repeaters = []
    for mask, (vr, vm, _name, retired, kw) in sorted(module.RepeatersDictionary.items()):
        if not kw:
            continue
        flag = "R" if retired else "-"
        repeaters.append(f"{mask.upper()} {vr_field(vr)} {vm} {flag} {kw}")

    with open(f"{out_dir}/DataDictionary+Registry.swift", "w") as f:
        f.write(HEADER.format(version=version))
        f.write("// One line per entry: tag, VR (alternatives split by '/'), VM,\n")
        f.write("// R for retired or - for current, keyword. In repeating groups an x\n")
        f.write("// stands for any hexadecimal digit.\n\n")
        f.write("extension DataDictionary {\n")
        f.write(f"  /// {len(rows)} entries of the PS3.6 registry, sorted by tag.\n")
        f.write('  static let registryText = """\n')
        f.write("\n".join("    " + row for row in rows))
        f.write('\n    """\n\n')
        f.write(f"  /// {len(repeaters)} repeating-group entries of the PS3.6 registry.\n")
        f.write('  static let repeaterText = """\n')
        f.write("\n".join("    " + row for row in repeaters))
        f.write('\n    """\n}\n')

    seen = set()
    with open(f"{out_dir}/Tag+Keywords.swift", "w") as f:
        f.write(HEADER.format(version=version))
        f.write("// One constant per current (not retired) PS3.6 keyword.\n\n")
        f.write("extension Tag {\n")
        for tag, (vr, vm, _name, retired, kw) in sorted(module.DicomDictionary.items()):
            if not kw or retired:
                continue
            name = swift_name(kw)
            if name in seen or name in HAND_WRITTEN:
                continue
            seen.add(name)
            f.write(f"  @inlinable public static var {name}: Tag {{ Tag(0x{tag >> 16:04X}_{tag & 0xFFFF:04X}) }}\n")
        f.write("}\n")


if __name__ == "__main__":
    main()
