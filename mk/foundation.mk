# Benchmarks of the Core SQLite wrapper; figures go to docs/benchmarks.md.

.PHONY: bench-sqlite

# Times 200,000 upserts in one transaction in a release build.
bench-sqlite: deps
	MEDMON_BENCH_REPORT=1 $(SWIFT) test -c release -Xswiftc -enable-testing --filter DatabaseBulkTests 2>&1 \
	  | grep -E '^bulk upsert:|Test run'
