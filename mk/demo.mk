# The demo site and the end-to-end check on real input; see the README and
# docs/operator-guide.md.

DEMO_OUT ?= out/demo

.PHONY: demo e2e-real

# Generates a year of a made-up site from pydicom's test images, runs
# init, a snapshot per month, monthly collects and analyze on it, and
# checks that the report shows each injected event.
demo: deps venv
	$(SWIFT) build $(VERSION_FLAGS)
	sh scripts/demo/run_demo.sh "$$($(SWIFT) build --show-bin-path)/medmon" $(PYTHON) $(DEMO_OUT)

# Runs the site side and analyze over the corpus's DICOM files and logs
# and checks the bundle and report against counts computed from the
# same files.
e2e-real: deps venv
	$(SWIFT) build $(VERSION_FLAGS)
	$(PYTHON) scripts/e2e_real.py "$$($(SWIFT) build --show-bin-path)/medmon" out/e2e-real
