#!/bin/sh
# Builds a benchmark tree of at least MIN_FILES DICOM files from the corpus
# by hard-linking (or copying, across file systems) every indexed file
# into numbered copies, so the tree costs no disk space.
# Usage: make_dicom_tree.sh CORPUS_DICOM_DIR OUT_DIR MIN_FILES
set -eu
source_dir=$1
out_dir=$2
min_files=$3
index="$source_dir/INDEX.tsv"
if [ ! -f "$index" ]; then
  echo "make_dicom_tree: $index not found; set MEDMON_CORPUS to the test corpus" >&2
  exit 2
fi
rm -rf "$out_dir"
mkdir -p "$out_dir"
count=$(($(wc -l < "$index") - 1))
copies=$(((min_files + count - 1) / count))
copy=1
while [ "$copy" -le "$copies" ]; do
  tail -n +2 "$index" | cut -f1 | while read -r path; do
    target="$out_dir/$copy/$path"
    mkdir -p "$(dirname "$target")"
    ln "$source_dir/$path" "$target" 2>/dev/null || cp "$source_dir/$path" "$target"
  done
  copy=$((copy + 1))
done
echo "make_dicom_tree: $(find "$out_dir" -type f | wc -l) files in $out_dir"
