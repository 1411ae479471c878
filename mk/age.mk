# age format checks: the CCTV test vectors, interoperability with Debian's
# age tools, and encryption speed against age.

AGE_VECTORS = $(MEDMON_CORPUS)/age/testdata
AGE_TEST_SUITES = AgeConformanceTests|AgeInteropTests|AgeEncryptorTests|AgeDecryptorTests
AGE_BENCH_MB ?= 100

.PHONY: check-age bench-age

# Runs the conformance and interop tests. MEDMON_CORPUS must name the
# corpus folder that contains age/testdata.
check-age: deps
	@test -d "$(AGE_VECTORS)" || { \
	  echo "check-age: $(AGE_VECTORS) not found: set MEDMON_CORPUS to the corpus folder" >&2; \
	  exit 1; }
	$(SWIFT) build --build-tests $(VERSION_FLAGS)
	$(SWIFT) test --skip-build --filter '$(AGE_TEST_SUITES)'

# Times a $(AGE_BENCH_MB) MiB file through medmon's age code (a release
# build of the throughput test) and through Debian's age, on the same
# machine, and prints MB/s for each (1 MB = 10^6 bytes).
bench-age: deps
	MEDMON_AGE_BENCH_MB=$(AGE_BENCH_MB) $(SWIFT) test -c release -Xswiftc -enable-testing \
	  --filter AgeThroughputTests 2>&1 | grep 'age-throughput:' | sed 's/^/medmon /'
	@dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	  head -c $$(( $(AGE_BENCH_MB) * 1048576 )) /dev/urandom > "$$dir/plain"; \
	  age-keygen -o "$$dir/key" 2>/dev/null; \
	  recipient=$$(age-keygen -y "$$dir/key"); \
	  t0=$$(date +%s.%N); age -r "$$recipient" -o "$$dir/file.age" "$$dir/plain"; \
	  t1=$$(date +%s.%N); age -d -i "$$dir/key" -o "$$dir/out" "$$dir/file.age"; \
	  t2=$$(date +%s.%N); cmp -s "$$dir/plain" "$$dir/out" || { echo "age round trip differs" >&2; exit 1; }; \
	  awk -v mb=$(AGE_BENCH_MB) -v t0=$$t0 -v t1=$$t1 -v t2=$$t2 'BEGIN { \
	    size = mb * 1048576 / 1e6; \
	    printf "age $$(age --version) age-throughput: %d MiB, encrypt %d MB/s, decrypt %d MB/s\n", \
	      mb, size / (t1 - t0), size / (t2 - t1) }'
