# Statistics cross-check and benchmark.
#
# check-stats regenerates the SciPy cross-check cases with the SciPy in
# .venv, then runs the Swift comparison on them and the large sketch
# property tests (10^6 values per distribution, 10^7 for the size bound)
# in a release build. It fails on any mismatch.
#
# bench-stats prints the sketch sizes and update throughput recorded in
# docs/benchmarks.md.

STATS_DIR := $(abspath .build/check-stats)
STATS_TEST := $(SWIFT) test -c release -Xswiftc -enable-testing

.PHONY: check-stats bench-stats

check-stats: venv
	@mkdir -p $(STATS_DIR)
	$(PYTHON) scripts/check_stats.py $(STATS_DIR)/scipy-cases.json
	@echo "check-stats: $(STATS_TEST) (log in $(STATS_DIR)/test.log)"
	@MEDMON_STATS_CASES=$(STATS_DIR)/scipy-cases.json MEDMON_STATS_LARGE=1 \
	  $(STATS_TEST) --filter 'StatisticsCrossCheckTests|DDSketchTests|HyperLogLogTests' \
	  > $(STATS_DIR)/test.log 2>&1; status=$$?; \
	  grep -E '^  |check-stats|✘|↳|error:' $(STATS_DIR)/test.log | grep -v ' started\.$$'; \
	  tail -n 1 $(STATS_DIR)/test.log; exit $$status

bench-stats:
	@mkdir -p $(STATS_DIR)
	@MEDMON_STATS_LARGE=1 $(STATS_TEST) --filter StatisticsBenchmarkTests \
	  > $(STATS_DIR)/bench.log 2>&1; status=$$?; \
	  grep -E 'bench-stats|✘|error:' $(STATS_DIR)/bench.log; \
	  tail -n 1 $(STATS_DIR)/bench.log; exit $$status
