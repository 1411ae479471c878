# age format checks: the CCTV test vectors, interoperability with Debian's
# age tools, and encryption speed against age.

AGE_VECTORS = $(MEDMON_CORPUS)/age/testdata
AGE_TEST_SUITES = AgeConformanceTests|AgeInteropTests|AgeEncryptorTests|AgeDecryptorTests
AGE_BENCH_MB ?= 100
AGE_BENCH_RUNS ?= 3

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
# machine, and prints the best MB/s of $(AGE_BENCH_RUNS) runs for each
# (1 MB = 10^6 bytes).
bench-age: deps
	MEDMON_AGE_BENCH_MB=$(AGE_BENCH_MB) MEDMON_AGE_BENCH_RUNS=$(AGE_BENCH_RUNS) $(SWIFT) test -c release -Xswiftc -enable-testing \
	  --filter AgeThroughputTests 2>&1 | grep 'age-throughput:' | sed 's/^/medmon /'
	@dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	  head -c $$(( $(AGE_BENCH_MB) * 1048576 )) /dev/urandom > "$$dir/plain"; \
	  age-keygen -o "$$dir/key" 2>/dev/null; \
	  recipient=$$(age-keygen -y "$$dir/key"); \
	  best_encrypt=0; best_decrypt=0; \
	  for run in $$(seq $(AGE_BENCH_RUNS)); do \
	    t0=$$(date +%s.%N); age -r "$$recipient" -o "$$dir/file.age" "$$dir/plain"; \
	    t1=$$(date +%s.%N); age -d -i "$$dir/key" -o "$$dir/out" "$$dir/file.age"; \
	    t2=$$(date +%s.%N); \
	    cmp -s "$$dir/plain" "$$dir/out" || { echo "age round trip differs" >&2; exit 1; }; \
	    rm -f "$$dir/file.age" "$$dir/out"; \
	    size=$$(( $(AGE_BENCH_MB) * 1048576 )); \
	    best_encrypt=$$(awk -v s=$$size -v a=$$t0 -v b=$$t1 -v m=$$best_encrypt \
	      'BEGIN { r = s / 1e6 / (b - a); print (r > m ? r : m) }'); \
	    best_decrypt=$$(awk -v s=$$size -v a=$$t1 -v b=$$t2 -v m=$$best_decrypt \
	      'BEGIN { r = s / 1e6 / (b - a); print (r > m ? r : m) }'); \
	  done; \
	  printf 'age %s age-throughput: %d MiB, best of %d, encrypt %.0f MB/s, decrypt %.0f MB/s\n' \
	    "$$(age --version)" $(AGE_BENCH_MB) $(AGE_BENCH_RUNS) $$best_encrypt $$best_decrypt
