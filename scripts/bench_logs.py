"""Template mining speed of medmon and Drain3 on the same mixed log.

The log is made from the loghub 2k samples of every system, lines drawn
at random (seed 1) with each digit run replaced by random digits of the
same length, until it reaches the target size. It is written under /tmp,
never into the repository. Both tools read the whole file line by line in
this one run. The script prints lines per second and their ratio, and
medmon's peak resident memory on the full file and on its first quarter.
"""

import glob
import os
import random
import re
import resource
import subprocess
import sys
import time

TARGET_BYTES = 200 * 1000 * 1000


def corpus_lines(corpus):
    pattern = os.path.join(corpus, "logs", "loghub_2k", "*", "*_2k.log")
    lines = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines += [line.rstrip("\r\n") for line in handle]
    return lines


def generate(corpus, path, target):
    lines = corpus_lines(corpus)
    if not lines:
        raise SystemExit(f"bench-logs: no loghub logs under '{corpus}'; set MEDMON_CORPUS")
    rng = random.Random(1)
    digits = re.compile(r"\d+")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written = 0
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        while written < target:
            block = []
            for _ in range(10000):
                line = digits.sub(lambda m: str(rng.randrange(10 ** len(m.group()))).zfill(
                    len(m.group())), rng.choice(lines))
                block.append(line + "\n")
            text = "".join(block)
            handle.write(text)
            written += len(text.encode("utf-8"))
    os.replace(path + ".tmp", path)


def run_medmon(binary, path):
    start = time.perf_counter()
    result = subprocess.run([binary, "logs", "--format", "plain", path], check=True,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    templates = len(result.stdout.splitlines())
    return elapsed, templates


def peak_rss_mb(binary, path):
    """Peak RSS of one medmon run, through /usr/bin/time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "logs", "--format", "plain",
                             path], check=True, capture_output=True, text=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def run_drain3(path):
    from drain3 import TemplateMiner
    from drain3.template_miner_config import TemplateMinerConfig
    config = TemplateMinerConfig()
    config.profiling_enabled = False
    miner = TemplateMiner(config=config)
    start = time.perf_counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            miner.add_log_message(line.rstrip("\n"))
    return time.perf_counter() - start, len(miner.drain.clusters)


def main():
    binary, path = sys.argv[1], sys.argv[2]
    corpus = os.environ.get("MEDMON_CORPUS", "")
    if not os.path.exists(path):
        print(f"bench-logs: generating {path}", file=sys.stderr)
        generate(corpus, path, TARGET_BYTES)
    quarter = path + ".quarter"
    if not os.path.exists(quarter):
        with open(path, "rb") as source, open(quarter, "wb") as target:
            target.write(source.read(os.path.getsize(path) // 4).rsplit(b"\n", 1)[0] + b"\n")
    with open(path, "rb") as handle:
        line_count = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))
    size_mb = os.path.getsize(path) / 1e6

    medmon_seconds, medmon_templates = run_medmon(binary, path)
    drain_seconds, drain_templates = run_drain3(path)
    medmon_rate = line_count / medmon_seconds
    drain_rate = line_count / drain_seconds
    print(f"log: {path}, {size_mb:.1f} MB, {line_count} lines")
    print(f"medmon: {medmon_seconds:8.2f} s {medmon_rate:12.0f} lines/s {medmon_templates} templates")
    print(f"Drain3: {drain_seconds:8.2f} s {drain_rate:12.0f} lines/s {drain_templates} templates")
    print(f"ratio: {medmon_rate / drain_rate:.1f}x")
    print(f"medmon peak RSS: {peak_rss_mb(binary, path):.1f} MB on the full log, "
          f"{peak_rss_mb(binary, quarter):.1f} MB on its first quarter")
    return 0 if medmon_rate >= 50 * drain_rate else 1


if __name__ == "__main__":
    sys.exit(main())
