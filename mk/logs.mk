# Log grouping accuracy and speed against Drain3; see docs/benchmarks.md.

BENCH_LOG ?= /tmp/medmon-bench-logs/mixed.log

.PHONY: check-logs bench-logs

check-logs: venv
	$(SWIFT) build -c release
	$(PYTHON) scripts/check_logs.py $$($(SWIFT) build -c release --show-bin-path)/medmon

bench-logs: venv
	$(SWIFT) build -c release
	$(PYTHON) scripts/bench_logs.py $$($(SWIFT) build -c release --show-bin-path)/medmon $(BENCH_LOG)
