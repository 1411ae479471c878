# DICOM parser checks: conformance with pydicom, fuzzing, and benchmarks.
# Each needs the test corpus; set MEDMON_CORPUS (for example
# /work/shared/corpus) when it is not at ../shared/corpus.

FUZZ_SECONDS ?= 600
DICOM_BENCH_TREE ?= out/bench-dicom-tree
DICOM_BENCH_FILES ?= 5000
DICOM_BENCH_THREADS ?= 2
DICOM_FUZZ_FINDINGS := Tests/CoreTests/DICOMFuzzFindings
# The parser sources the fuzz and benchmark drivers are compiled with.
DICOM_SOURCES := $(wildcard Sources/Core/DICOM/*.swift) \
	Sources/Core/Diagnostics/MedmonError.swift Sources/Core/Encoding/Base64.swift \
	Sources/Core/Statistics/StatisticsError.swift \
	$(wildcard Sources/Core/JSON/*.swift)

.PHONY: conformance fuzz bench-dicom dicom-corpus

dicom-corpus:
	@test -f "$(MEDMON_CORPUS)/dicom/INDEX.tsv" || { \
	  echo "$(MEDMON_CORPUS)/dicom/INDEX.tsv not found: set MEDMON_CORPUS to the test corpus" >&2; \
	  exit 2; }

# Compares `medmon dump --json` with pydicom's DICOM JSON model on every
# indexed corpus file; differences go to out/conformance.tsv.
conformance: venv dicom-corpus
	$(SWIFT) build
	@mkdir -p out
	$(PYTHON) scripts/dicom_conformance.py "$$($(SWIFT) build --show-bin-path)/medmon" out/conformance.tsv

out/dicom-fuzz: $(DICOM_SOURCES) scripts/fuzz/DICOMFuzzTarget.swift
	@mkdir -p out
	swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name DICOMFuzz \
	  -I Sources/CZlib $^ -o $@ -lz

# Fuzzes the reader for FUZZ_SECONDS, seeded with the corpus. A crash,
# leak, timeout or allocation over 256 MB is written to
# $(DICOM_FUZZ_FINDINGS), where the unit tests replay it.
fuzz: out/dicom-fuzz dicom-corpus
	@mkdir -p out/fuzz-corpus $(DICOM_FUZZ_FINDINGS)
	out/dicom-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	  -rss_limit_mb=2048 -malloc_limit_mb=256 -print_final_stats=1 \
	  -artifact_prefix=$(DICOM_FUZZ_FINDINGS)/ out/fuzz-corpus "$(MEDMON_CORPUS)/dicom"

out/dicom-bench: $(DICOM_SOURCES) scripts/bench/DICOMBench.swift
	@mkdir -p out
	swiftc -O -parse-as-library -module-name DICOMBench -I Sources/CZlib $^ -o $@ -lz

# Files per second on a tree of at least DICOM_BENCH_FILES files made of
# hard links to the corpus: a plain walk reading 16 KiB per file, medmon's
# header parse on DICOM_BENCH_THREADS threads and on one, pydicom, and
# dcmdump, all with a warm cache.
bench-dicom: out/dicom-bench venv dicom-corpus
	scripts/bench/make_dicom_tree.sh "$(MEDMON_CORPUS)/dicom" $(DICOM_BENCH_TREE) $(DICOM_BENCH_FILES)
	out/dicom-bench walk $(DICOM_BENCH_TREE) 1 1 > /dev/null
	out/dicom-bench walk $(DICOM_BENCH_TREE) $(DICOM_BENCH_THREADS) 3
	out/dicom-bench parse $(DICOM_BENCH_TREE) $(DICOM_BENCH_THREADS) 3
	out/dicom-bench parse $(DICOM_BENCH_TREE) 1 1
	$(PYTHON) scripts/bench/pydicom_bench.py $(DICOM_BENCH_TREE)
	@files=$$(find $(DICOM_BENCH_TREE) -type f | wc -l); \
	  start=$$(date +%s.%N); dcmdump +sd +r -M $(DICOM_BENCH_TREE) > /dev/null 2>&1 || true; \
	  end=$$(date +%s.%N); \
	  awk -v n=$$files -v s=$$start -v e=$$end \
	    'BEGIN { printf "dcmdump +sd +r -M: %d files in %.2f s, %.0f files/s\n", n, e - s, n / (e - s) }'
