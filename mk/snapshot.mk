# Snapshot speed and memory on a large generated store (hard links to a
# few thousand distinct files). BENCH_FILES sets the store size.

BENCH_FILES ?= 1000000
BENCH_ROOT ?= /tmp/medmon-bench-snapshot

.PHONY: bench-snapshot

bench-snapshot: release
	@test -d $(BENCH_ROOT)/store || python3 scripts/bench_snapshot.py $(BENCH_ROOT) --files $(BENCH_FILES)
	BIN=$$($(SWIFT) build -c release --show-bin-path)/medmon ROOT=$(BENCH_ROOT) sh scripts/bench_snapshot.sh

# Regenerates the guides that `medmon help TOPIC` prints from docs/*.md.
.PHONY: help-topics
help-topics:
	python3 scripts/generate_help_topics.py
