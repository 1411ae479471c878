#!/bin/sh
# Runs the whole medmon pipeline on a generated demo site, as a site admin
# and then a vendor engineer would. The steps are a vendor key, init, a
# year of the site with a snapshot after each month, one collect per
# month, and analyze (or verify, on a build without analyze).
#
# Usage: run_demo.sh MEDMON PYTHON OUT
#   MEDMON  the medmon executable
#   PYTHON  a Python with pydicom 3 (the project's .venv)
#   OUT     the folder to run in; it is emptied first
set -eu

medmon=$1
python=$2
out=$3
here=$(dirname "$0")

rm -rf "$out"
mkdir -p "$out/usb"
started=$(date +%s)

echo "== creating the vendor key $out/vendor.key" >&2
if "$medmon" help keygen >/dev/null 2>&1; then
  "$medmon" keygen -o "$out/vendor.key"
  recipient=$("$medmon" keygen -y "$out/vendor.key")
else
  age-keygen -o "$out/vendor.key" 2>/dev/null
  recipient=$(age-keygen -y "$out/vendor.key")
fi

echo "== medmon init" >&2
site=$out/site
"$medmon" init --config "$out/medmon.toml" --site "North Clinic" --recipient "$recipient" \
  --dicom "$site/dicom" --logs "$site/logs/ai-inference.log" \
  --logs "$site/logs/dicom-router.jsonl" --results "$site/results/results.jsonl" \
  --state "$out/state/state.db" --body-part CHEST --modality DX --modality CR
# The demo's images are 16 x 16 pixel test images, so the matrix-size
# outlier rule would fire on every one of them.
sed -i 's/^min_matrix = .*/min_matrix = 16/' "$out/medmon.toml"
# The inference service logs the time of each image as "inferred in N ms".
sed -i 's/^# latency_pattern = .*/latency_pattern = "inferred in {ms} ms"/' "$out/medmon.toml"

echo "== generating the demo site in $site, with a medmon snapshot after each month" >&2
"$python" "$here/../demo_site.py" "$site" ${DEMO_END_MONTH:+--end-month "$DEMO_END_MONTH"} \
  --snapshot "$medmon snapshot -q --config $out/medmon.toml"
"$medmon" status --config "$out/medmon.toml" >&2

echo "== medmon collect, one bundle per month" >&2
"$python" - "$site/events.json" >"$out/months.txt" <<'PY'
import calendar, json, sys
period = json.load(open(sys.argv[1]))["period"]
year, month = int(period["start"][:4]), int(period["start"][5:7])
while f"{year:04d}-{month:02d}" <= period["end"][:7]:
    last = calendar.monthrange(year, month)[1]
    print(f"{year:04d}-{month:02d}-01 {year:04d}-{month:02d}-{last:02d}")
    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
PY
while read -r since until; do
  "$medmon" collect --config "$out/medmon.toml" --out "$out/usb" --since "$since" --until "$until" >/dev/null
done <"$out/months.txt"

if "$medmon" help analyze >/dev/null 2>&1; then
  echo "== medmon analyze" >&2
  "$medmon" analyze "$out"/usb/*.tar --identity "$out/vendor.key" \
    --history "$out/vendor-history.db" --format html --out "$out/report.html"
  # The bundles are in the history now; -q keeps the reruns from saying so
  # once per bundle.
  "$medmon" analyze -q "$out"/usb/*.tar --identity "$out/vendor.key" \
    --history "$out/vendor-history.db" --format json --out "$out/report.json"
  "$medmon" analyze -q "$out"/usb/*.tar --identity "$out/vendor.key" \
    --history "$out/vendor-history.db" --format text
  echo "== injected events against the report's findings" >&2
  checked=0
  "$python" "$here/check_report.py" "$site/events.json" "$out/report.json" >&2 || checked=$?
  report="the HTML report is $(cd "$out" && pwd)/report.html"
else
  echo "== medmon verify (this build has no analyze command yet)" >&2
  for bundle in "$out"/usb/*.tar; do
    "$medmon" verify "$bundle"
  done
  report="this build has no 'medmon analyze'; the bundles are in $out/usb"
fi

echo "== done in $(( $(date +%s) - started )) s; injected events: $site/events.json" >&2
echo "== $report" >&2
exit "${checked:-0}"
