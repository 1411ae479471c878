#!/bin/sh
# Times a first snapshot, an unchanged re-snapshot and a parse of the
# same files with `medmon dump`, and reports peak memory of each.
set -eu
: "${BIN:?set BIN to the medmon executable}" "${ROOT:?set ROOT to the bench folder}"
rm -rf "$ROOT/site"
mkdir -p "$ROOT/site"
recipient=$(age-keygen 2>&1 >/dev/null | sed -n 's/^Public key: //p')
"$BIN" init -q --site bench --recipient "$recipient" --state "$ROOT/site/state.db" \
  --dicom "$ROOT/store" --config "$ROOT/site/medmon.toml"
sync
files=$(find "$ROOT/store" -type f | wc -l)
echo "store: $files files"
for run in first unchanged; do
  /usr/bin/time -f "$run snapshot: %e s, peak RSS %M KB" \
    "$BIN" snapshot -q --config "$ROOT/site/medmon.toml"
done
# The same number of files through `medmon dump` on two processes, as the
# header-parse rate the first snapshot is compared with.
sample=${PARSE_SAMPLE:-100000}
start=$(date +%s.%N)
find "$ROOT/store" -type f | head -n "$sample" | xargs -n 2000 -P 2 "$BIN" dump > /dev/null
end=$(date +%s.%N)
echo "parse only: $sample files through 'medmon dump' in $(echo "$end - $start" | bc) s"
