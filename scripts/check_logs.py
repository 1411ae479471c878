"""Grouping and template accuracy of medmon and Drain3 on the loghub 2k samples.

Both tools get the same input: the Content column of each system's
corrected structured CSV, one message per line, so neither has to split the
system-specific header (date, level, component) from the message. Scores
are computed against the corrected ground truth (Khan et al., ICSE 2022).

Grouping accuracy (GA) counts an event as correct when the set of lines in
its predicted group equals the set of lines in its true group. Template
accuracy (TA) counts an event as correct when its predicted template equals
the true template after both are normalised (runs of variables and tokens
holding a variable become one `<*>`).

The check also reads each real Python traceback file of the corpus and
requires the exception types medmon groups it under to be among those the
corpus index lists for that file.
"""

import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

SYSTEMS = ["Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "Linux", "OpenSSH",
           "Proxifier", "Spark", "Windows", "Zookeeper"]


def load(corpus, system):
    path = os.path.join(corpus, "logs", "loghub_2k_corrected", system,
                        f"{system}_2k.log_structured_corrected.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return ([row["Content"] for row in rows], [row["EventId"] for row in rows],
            [row["EventTemplate"] for row in rows])


def grouping_accuracy(predicted, truth):
    predicted_groups = collections.defaultdict(set)
    true_groups = collections.defaultdict(set)
    for index, (guess, actual) in enumerate(zip(predicted, truth)):
        predicted_groups[guess].add(index)
        true_groups[actual].add(index)
    correct = sum(1 for index in range(len(truth))
                  if predicted_groups[predicted[index]] == true_groups[truth[index]])
    return correct / len(truth)


def normalise(template):
    tokens = ["<*>" if "<*>" in token else token for token in template.split()]
    merged = []
    for token in tokens:
        if token == "<*>" and merged and merged[-1] == "<*>":
            continue
        merged.append(token)
    return " ".join(merged)


def template_accuracy(predicted, truth):
    correct = sum(1 for guess, actual in zip(predicted, truth)
                  if normalise(guess) == normalise(actual))
    return correct / len(truth)


def run_medmon(binary, lines, workdir):
    path = os.path.join(workdir, "content.log")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(line + "\n" for line in lines))
    result = subprocess.run([binary, "logs", "--assign", "--format", "plain", path],
                            check=True, capture_output=True, text=True)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    if [event["line"] for event in events] != list(range(1, len(lines) + 1)):
        raise SystemExit("medmon logs --assign did not return one event per line")
    return [event["fingerprint"] for event in events], [event["template"] for event in events]


def run_drain3(lines):
    from drain3 import TemplateMiner
    from drain3.template_miner_config import TemplateMinerConfig
    config = TemplateMinerConfig()
    config.profiling_enabled = False
    miner = TemplateMiner(config=config)
    ids = [miner.add_log_message(line)["cluster_id"] for line in lines]
    templates = {cluster.cluster_id: cluster.get_template() for cluster in miner.drain.clusters}
    return ids, [templates[cluster_id] for cluster_id in ids]


def check_tracebacks(binary, corpus):
    """Checks that each real traceback file yields a traceback template
    whose exception type the corpus index lists for that file."""
    base = os.path.join(corpus, "logs", "python_tracebacks")
    with open(os.path.join(base, "TRACEBACK_INDEX.tsv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    failures = []
    checked = 0
    for row in rows:
        if int(row["tracebacks"]) == 0:
            continue
        types = {re.sub(r"x\d+$", "", item) for item in row["exception_types(heuristic)"].split(",")}
        result = subprocess.run([binary, "logs", "--format", "python",
                                 os.path.join(base, "loguru", row["file"])],
                                check=True, capture_output=True, text=True)
        found = set()
        for line in result.stdout.splitlines():
            template = line.split("\t", 2)[2]
            if template.startswith("Traceback "):
                found.add(template.split(" ")[1].split(".")[-1])
        checked += 1
        if not found or not found <= types:
            failures.append(f"{row['file']}: found {sorted(found)}, index lists {sorted(types)}")
    print(f"tracebacks: {checked - len(failures)} of {checked} files grouped under a listed type")
    for failure in failures:
        print("  " + failure)
    return not failures


def main():
    corpus = os.environ.get("MEDMON_CORPUS", "")
    base = os.path.join(corpus, "logs", "loghub_2k_corrected")
    if not corpus or not os.path.isdir(base):
        print(f"check-logs: loghub samples not found at '{base}'; set MEDMON_CORPUS to the "
              "corpus directory that contains logs/loghub_2k_corrected", file=sys.stderr)
        return 3
    binary = sys.argv[1]
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for system in SYSTEMS:
            lines, event_ids, templates = load(corpus, system)
            medmon_groups, medmon_templates = run_medmon(binary, lines, workdir)
            drain_groups, drain_templates = run_drain3(lines)
            rows.append((system,
                         grouping_accuracy(medmon_groups, event_ids),
                         grouping_accuracy(drain_groups, event_ids),
                         template_accuracy(medmon_templates, templates),
                         template_accuracy(drain_templates, templates)))
    print(f"{'system':<10} {'GA medmon':>9} {'GA Drain3':>9} {'TA medmon':>9} {'TA Drain3':>9}")
    for system, ga_medmon, ga_drain, ta_medmon, ta_drain in rows:
        print(f"{system:<10} {ga_medmon:9.3f} {ga_drain:9.3f} {ta_medmon:9.3f} {ta_drain:9.3f}")
    means = [sum(row[column] for row in rows) / len(rows) for column in range(1, 5)]
    print(f"{'mean':<10} " + " ".join(f"{value:9.3f}" for value in means))

    failures = [system for system, ga_medmon, ga_drain, _, _ in rows
                if ga_medmon < ga_drain or (ga_medmon == ga_drain and ga_medmon < 1.0)]
    if failures:
        print("check-logs: medmon does not beat Drain3 on " + ", ".join(failures),
              file=sys.stderr)
    if means[0] < 0.95:
        print(f"check-logs: mean grouping accuracy {means[0]:.3f} is below 0.95",
              file=sys.stderr)
    tracebacks_ok = check_tracebacks(binary, corpus)
    return 1 if failures or means[0] < 0.95 or not tracebacks_ok else 0


if __name__ == "__main__":
    sys.exit(main())
