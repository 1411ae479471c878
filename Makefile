# medmon build, test and check targets. Area-specific targets (conformance,
# fuzzing, benchmarks, cross-checks) live in mk/*.mk and are included below.

SWIFT ?= swift
PREFIX ?= /usr/local
MEDMON_CORPUS ?= $(abspath ../shared/corpus)
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
VERSION_FLAGS := -Xcc -DMEDMON_COMMIT_ID='"$(COMMIT)"'
STATIC_LIBS := -Xlinker -larchive -Xlinker -lnettle -Xlinker -lacl -Xlinker -llzma \
	-Xlinker -lzstd -Xlinker -llz4 -Xlinker -lbz2 -Xlinker -lz -Xlinker -lsodium \
	-Xlinker -lsqlite3 -Xlinker -lm
VENV := .venv
PYTHON := $(VENV)/bin/python

# Debian packages the build and the tests need. The static archives of
# libarchive's own dependencies let `make static` link one executable.
DEB_PACKAGES := libsqlite3-dev libarchive-dev libsodium-dev zlib1g-dev libzstd-dev \
	liblz4-dev liblzma-dev libbz2-dev libacl1-dev nettle-dev libxml2-dev pkg-config \
	age dcmtk python3-venv

export MEDMON_CORPUS

.PHONY: all build release static test lint format deps install clean venv

all: build

build: deps
	$(SWIFT) build $(VERSION_FLAGS)

release: deps
	$(SWIFT) build -c release $(VERSION_FLAGS)

static: deps
	$(SWIFT) build -c release -Xswiftc -static-executable $(STATIC_LIBS) $(VERSION_FLAGS)
	@bin=$$($(SWIFT) build -c release -Xswiftc -static-executable --show-bin-path)/medmon; \
	  strip -o out/medmon $$bin 2>/dev/null || { mkdir -p out && strip -o out/medmon $$bin; }; \
	  ls -l out/medmon; ldd out/medmon || true

test: deps
	$(SWIFT) build $(VERSION_FLAGS)
	$(SWIFT) test $(VERSION_FLAGS)

lint:
	$(SWIFT) format lint --recursive --strict Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

# Installs only what is missing, and prints the command it runs.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: apt-get install -y$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# A local virtual environment for the Python peers the checks compare with.
venv: $(VENV)/.ready
$(VENV)/.ready: requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $$($(SWIFT) build -c release --show-bin-path)/medmon $(DESTDIR)$(PREFIX)/bin/medmon

clean:
	rm -rf .build out

-include mk/*.mk
