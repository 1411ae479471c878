#!/usr/bin/env python3
"""Check a medmon JSON report against the demo site's events.json.

Usage: check_report.py EVENTS_JSON REPORT_JSON

Prints, for each injected event, the report findings that show it, and
then every finding above info that no event explains. Exits 1 when an
event has no finding at warning or incident severity.
"""

import json
import sys

# For each event kind, whether a finding shows it, and whether the
# finding must start on or after the event's first day.
MATCHERS = {
    "newVendor": (lambda f, e: f["subject"] == f"manufacturer={e['details']['manufacturer']}", False),
    "pediatric": (lambda f, e: f["kind"] == "pediatric_share"
                  or f["subject"] == "pediatric_patient", False),
    "newError": (lambda f, e: f["kind"] == "new_error_template"
                 and e["details"]["exception"] in f["sentence"], True),
    "latencyRegression": (lambda f, e: f["kind"] == "latency_regression", True),
    "outage": (lambda f, e: f["kind"] == "results_stopped"
               and (f["first_day"], f["last_day"]) == (e["start"], e["end"]), True),
    "bodyPartSwap": (lambda f, e: f["subject"] in ("body_part=FOOT", "missing_body_part")
                     or f["kind"] == "station_body_part_shift", True),
    "positiveRateDoubles": (lambda f, e: f["kind"] == "positive_rate_shift"
                            and f["subject"].endswith(f"{e['details']['version']} "
                                                      f"{e['details']['finding']}"), True),
}

# Findings that follow from an event without being its main sign. The
# new machine's station and institution gain share and the rival vendor
# loses it. The outage logs CUDA errors. The swapped station lowers the
# CHEST share, children lower the median age, and the finding whose
# positive rate doubled also shifts its score distribution.
SIDE_EFFECTS = {
    "newVendor": lambda f, e: f["kind"] == "share_shift" and f["subject"].split("=")[0]
    in ("manufacturer", "model", "software", "station", "institution"),
    "outage": lambda f, e: f["first_day"] >= e["start"] and f["last_day"] <= e["end"]
    and f["kind"] in ("new_error_template", "error_rate_spike", "gpu_problem"),
    "bodyPartSwap": lambda f, e: f["subject"] in ("body_part=CHEST", "body_part_raw=CHEST",
                                                  "body_part_raw=FOOT", "body_part="),
    "positiveRateDoubles": lambda f, e: f["kind"] == "score_shift"
    and e["details"]["finding"] in f["subject"],
    "pediatric": lambda f, e: f["subject"].startswith("age_band=")
    or (f["kind"] == "numeric_shift" and f["subject"] == "age_years"),
}


def main(argv) -> int:
    if len(argv) != 3:
        print("usage: check_report.py EVENTS_JSON REPORT_JSON", file=sys.stderr)
        return 2
    events = json.load(open(argv[1]))["events"]
    findings = [f for site in json.load(open(argv[2]))["sites"] for f in site["findings"]]
    serious = [f for f in findings if f["severity"] != "info"]
    missing = 0
    explained = set()
    for event in events:
        matches, after_start = MATCHERS[event["kind"]]
        matching = [f for f in serious if matches(f, event)
                 and (not after_start or f["first_day"] >= event["start"])]
        side = SIDE_EFFECTS.get(event["kind"], lambda f, e: False)
        explained |= {id(f) for f in serious if f in matching or side(f, event)}
        if matching:
            names = ", ".join(f"{f['severity']} {f['kind']} {f['subject']}" for f in matching)
            print(f"found    {event['kind']} from {event['start']}: {names}")
        else:
            missing += 1
            print(f"MISSING  {event['kind']} from {event['start']}: no finding above info")
    for finding in serious:
        if id(finding) not in explained:
            print(f"extra    {finding['severity']} {finding['kind']} {finding['subject']}: "
                  f"{finding['sentence']}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
