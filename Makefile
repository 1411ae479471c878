# medmon build, test and check targets. Area-specific targets (conformance,
# fuzzing, benchmarks, cross-checks) live in mk/*.mk and are included below.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PREFIX ?= /usr/local
MEDMON_CORPUS ?= $(abspath ../shared/corpus)
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
VERSION_FLAGS := -Xcc -DMEDMON_COMMIT_ID='"$(COMMIT)"'
VENV := .venv
PYTHON := $(VENV)/bin/python

# The static executable gets its own build directory, so switching between
# `make release` and `make static` does not rebuild everything each time.
STATIC_BUILD := .build-static
STATIC_BIN := out/medmon
STATIC_MAX_BYTES := 26214400
# The module maps autolink -larchive, -lsqlite3, -lsodium and -lz. The one
# archive they do not name is libzstd.a, which libarchive.a needs for the
# zstd filter; the tar format needs nothing else, and -Xlinker arguments
# come after the autolinked ones on the link line.
STATIC_LIBS := -Xlinker -lzstd

# Debian packages for the build (the -dev packages carry the static
# archives too), for the peers the tests compare with, and for the venv.
DEB_PACKAGES := libsqlite3-dev libarchive-dev libsodium-dev zlib1g-dev libzstd-dev \
	binutils git tar zstd age dcmtk python3 python3-venv
# Packages the Swift toolchain needs to run on Debian 12. A minimal
# install lacks most of them, and `swift build` fails without them. The
# gold linker comes with binutils (binutils-gold is a virtual package in
# Debian 12, which dpkg-query never reports as installed).
SWIFT_DEB_PACKAGES := binutils gcc libc6-dev libgcc-12-dev libstdc++-12-dev \
	libcurl4-openssl-dev libedit-dev libncurses-dev libpython3-dev libsqlite3-dev \
	libxml2-dev uuid-dev zlib1g-dev pkg-config tzdata git

export MEDMON_CORPUS

.PHONY: all build release static test lint format deps install clean venv readme-help

all: build

build: deps help-topics
	$(SWIFT) build $(VERSION_FLAGS)

release: deps
	$(SWIFT) build -c release $(VERSION_FLAGS)

# Links one fully static executable, strips it into out/medmon and checks
# that it is static, under the size limit, and runs.
static: deps
	$(SWIFT) build -c release --scratch-path $(STATIC_BUILD) \
	  -Xswiftc -static-executable $(STATIC_LIBS) $(VERSION_FLAGS)
	mkdir -p $(dir $(STATIC_BIN))
	strip -o $(STATIC_BIN) $(STATIC_BUILD)/release/medmon
	@ldd $(STATIC_BIN) 2>&1 | grep -q 'not a dynamic executable' \
	  || { echo "make static: $(STATIC_BIN) is dynamically linked:"; ldd $(STATIC_BIN); exit 1; }
	@size=$$(stat -c %s $(STATIC_BIN)); \
	  echo "make static: $(STATIC_BIN) is static, $$size bytes"; \
	  [ $$size -le $(STATIC_MAX_BYTES) ] \
	  || { echo "make static: larger than $(STATIC_MAX_BYTES) bytes"; exit 1; }
	@$(STATIC_BIN) --help > /dev/null \
	  || { echo "make static: '$(STATIC_BIN) --help' failed"; exit 1; }

# Replaces the block between the medmon --help markers in README.md with
# the output of the built executable.
readme-help: build
	@bin=$$($(SWIFT) build --show-bin-path)/medmon; \
	  $$bin --help > .build/help.txt || { echo "readme-help: '$$bin --help' failed"; exit 1; }; \
	  awk -v help=.build/help.txt ' \
	    /^<!-- end medmon --help/ { skip = 0 } \
	    !skip { print } \
	    /^<!-- begin medmon --help/ { \
	      skip = 1; print "```text"; \
	      while ((getline line < help) > 0) print line; print "```" }' \
	  README.md > .build/README.md.new
	@grep -q '^<!-- end medmon --help' .build/README.md.new \
	  || { echo "readme-help: README.md lacks the medmon --help markers"; exit 1; }
	mv .build/README.md.new README.md

test: deps venv help-topics
	$(SWIFT) build $(VERSION_FLAGS)
	$(SWIFT) test $(VERSION_FLAGS)

lint:
	$(SWIFT) format lint --recursive --strict Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

# Installs the Debian packages that are missing and prints the command
# first; does nothing when all are installed. Without root it stops and
# prints the command to run.
deps:
	@missing=""; for p in $(sort $(DEB_PACKAGES) $(SWIFT_DEB_PACKAGES)); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "make deps: all Debian packages are installed"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "make deps: missing Debian packages; run as root:"; \
	  echo "  apt-get update && apt-get install -y$$missing"; exit 1; \
	fi; \
	echo "make deps: apt-get update && apt-get install -y$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing

# A local virtual environment for the Python peers the checks compare with.
venv: $(VENV)/.ready
$(VENV)/.ready: requirements-dev.txt | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

install: static
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(STATIC_BIN) $(DESTDIR)$(PREFIX)/bin/medmon

clean:
	rm -rf .build $(STATIC_BUILD) out

-include mk/*.mk
