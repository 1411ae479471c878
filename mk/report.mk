# Vendor-side targets: the analyze benchmark and the HTML screenshot check.

BENCH_SITES ?= 100
BENCH_WEEKS ?= 52
CHROMIUM ?= chromium
REPORT_CHECK_DIR ?= out/check-html

.PHONY: bench-analyze check-html

# Times `analyze` of one bundle against a history of BENCH_SITES sites
# with BENCH_WEEKS weekly bundles each, in a release build. Building the
# history takes minutes; only the analysis itself is timed.
bench-analyze: deps
	MEDMON_BENCH_SITES=$(BENCH_SITES) MEDMON_BENCH_WEEKS=$(BENCH_WEEKS) \
	  $(SWIFT) test -c release -Xswiftc -enable-testing $(VERSION_FLAGS) \
	  --filter AnalyzeBenchmarkTests 2>&1 | grep -E 'bench-analyze:|passed|failed|error'

# Renders an HTML report of generated bundles, screenshots each chart in
# headless Chromium (Debian's chromium package, installed when missing)
# and checks that every chart drew coloured marks.
check-html: build
	@command -v $(CHROMIUM) >/dev/null || { echo "make check-html: apt-get install -y chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	rm -rf $(REPORT_CHECK_DIR) && mkdir -p $(REPORT_CHECK_DIR)
	MEDMON_REPORT_DEMO_DIR=$(abspath $(REPORT_CHECK_DIR)) $(SWIFT) test $(VERSION_FLAGS) \
	  --filter 'AnalysisRunTests/writesDemoBundles' 2>&1 | grep -E 'passed|failed|error'
	$$($(SWIFT) build --show-bin-path)/medmon analyze $(REPORT_CHECK_DIR)/*.tar \
	  --identity $(REPORT_CHECK_DIR)/vendor.key --history $(REPORT_CHECK_DIR)/history.db \
	  --format html --out $(REPORT_CHECK_DIR)/report.html
	python3 mk/report-check-html.py $(REPORT_CHECK_DIR)/report.html --chromium $(CHROMIUM)
