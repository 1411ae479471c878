#!/usr/bin/env bash
# Runs the README's setup commands in a clean Debian 12 root, as a new
# user on a fresh machine would. It builds the root with debootstrap,
# copies HEAD of this repository into it and bind-mounts the Swift
# toolchain and the test corpus read-only. Then it runs each command of
# the README's first `sh` block under "## Getting started" in a chroot as
# root, and stops at the first one that fails.
#
# Environment:
#   MEDMON_CORPUS  test corpus folder, mounted at the same path (required)
#   SWIFT_DIR      toolchain folder, mounted at the same path (/opt/swift)
#   FRESH_DIR      work folder for the root and caches (out/fresh)
#   FRESH_REBUILD  set to 1 to build the base root again
#   PIP_CERT       CA bundle that pip on this machine trusts, if any
#   FRESH_REF      the commit to copy in (HEAD)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)
work=${FRESH_DIR:-$repo/out/fresh}
swift_dir=${SWIFT_DIR:-/opt/swift}
corpus=${MEDMON_CORPUS:-}
ref=${FRESH_REF:-HEAD}
suite=bookworm
cache=$work/cache
root=$work/root
base_tar=$cache/$suite-base.tar
mounts=()
child=""

log() { echo "fresh-check: $*" >&2; }
fail() { echo "fresh-check: error: $*" >&2; exit 1; }

# Prints the Debian mirror that apt on this machine uses for the main
# component of $suite, from /etc/apt/sources.list or sources.list.d.
debian_mirror() {
  apt-get indextargets --format '$(SITE) $(RELEASE) $(COMPONENT)' \
    'Identifier: Packages' 2>/dev/null \
    | awk -v suite="$suite" '$2 == suite && $3 == "main" { print $1; exit }'
}

# Prints the commands of the README's first `sh` block after the
# "## Getting started" heading at $ref, without comments and blank lines.
readme_commands() {
  git -C "$repo" show "$ref:README.md" | awk '
    /^## / { in_section = ($0 == "## Getting started") }
    in_section && !done && /^```sh$/ { in_block = 1; next }
    in_block && /^```$/ { in_block = 0; done = 1 }
    in_block { sub(/[ \t]*#.*$/, ""); if ($0 != "") print }
  '
}

check_inputs() {
  [ "$(id -u)" = 0 ] || fail "must run as root for debootstrap, mount and chroot"
  command -v debootstrap > /dev/null \
    || fail "debootstrap is not installed; run: apt-get install -y debootstrap"
  [ -x "$swift_dir/usr/bin/swift" ] \
    || fail "no Swift toolchain at '$swift_dir'; set SWIFT_DIR to its folder"
  [ -n "$corpus" ] || fail "MEDMON_CORPUS is not set; set it to the test corpus folder"
  [ -d "$corpus" ] \
    || fail "test corpus folder '$corpus' not found; set MEDMON_CORPUS to it"
  case "$work" in
    "$repo"/out/*) ;;
    *) [ -n "${FRESH_DIR:-}" ] || fail "work folder '$work' is not under out/" ;;
  esac
}

# Builds the minimal root once and keeps it as a tar, so later runs
# unpack it instead of running debootstrap again.
build_base() {
  if [ -f "$base_tar" ] && [ "${FRESH_REBUILD:-0}" != 1 ]; then
    log "reusing $base_tar (FRESH_REBUILD=1 builds it again)"
    return
  fi
  local mirror
  mirror=$(debian_mirror)
  [ -n "$mirror" ] \
    || fail "no '$suite main' source in /etc/apt/sources.list or sources.list.d"
  log "debootstrap $suite from $mirror"
  local staging=$cache/base-staging
  rm -rf --one-file-system "$staging"
  mkdir -p "$staging"
  local start=$SECONDS
  debootstrap "$suite" "$staging" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || fail "debootstrap failed; see $cache/debootstrap.log"
  tar -C "$staging" -cf "$base_tar.tmp" .
  mv "$base_tar.tmp" "$base_tar"
  rm -rf --one-file-system "$staging"
  log "base root built in $((SECONDS - start)) s"
}

# Records a mount so that cleanup undoes it, newest first.
add_mount() {
  mount "$@"
  mounts+=("${@: -1}")
}

bind_read_only() {
  mkdir -p "$root$1"
  add_mount --bind "$1" "$root$1"
  mount -o remount,bind,ro "$root$1"
}

# Stops the running README command and its processes, then exits, so
# that cleanup can unmount. Bash runs a trap only after the foreground
# command ends, which is why each command runs in the background.
stop() {
  if [ -n "$child" ]; then
    kill -TERM -- "-$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit 130
}

cleanup() {
  trap '' INT TERM
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" \
      || log "could not unmount ${mounts[i]}"
  done
  mounts=()
child=""
}

prepare_root() {
  if findmnt -rn -o TARGET | grep -q "^$root"; then
    fail "'$root' still has mounts from an earlier run; unmount them first"
  fi
  rm -rf --one-file-system "$root"
  mkdir -p "$root" "$cache/apt-archives" "$cache/pip"
  tar -C "$root" -xf "$base_tar"
  cp /etc/resolv.conf "$root/etc/resolv.conf"

  add_mount -t proc proc "$root/proc"
  add_mount -t sysfs sysfs "$root/sys"
  add_mount --bind /dev "$root/dev"
  add_mount --bind /dev/pts "$root/dev/pts"
  # Downloaded .deb files and wheels are kept between runs, but the
  # packages are still installed from scratch each time.
  add_mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
  mkdir -p "$root/root/.cache/pip"
  add_mount --bind "$cache/pip" "$root/root/.cache/pip"
  bind_read_only "$swift_dir"
  bind_read_only "$corpus"

  # pip in the root trusts the same certificate authorities as pip here,
  # so that `make venv` works behind a TLS-inspecting proxy. The bundle
  # goes to its own path because ca-certificates may own /etc/ssl/certs.
  if [ -n "${PIP_CERT:-}" ] && [ -f "$PIP_CERT" ]; then
    mkdir -p "$root/usr/local/share/fresh-check"
    cp "$PIP_CERT" "$root/usr/local/share/fresh-check/pip-ca.crt"
  fi

  mkdir -p "$root/root/medmon"
  git -C "$repo" archive "$ref" | tar -C "$root/root/medmon" -x
  log "copied $ref ($(git -C "$repo" rev-parse --short "$ref")) to /root/medmon"
}

run_in_root() {
  local pip_cert=()
  if [ -f "$root/usr/local/share/fresh-check/pip-ca.crt" ]; then
    pip_cert=(PIP_CERT=/usr/local/share/fresh-check/pip-ca.crt)
  fi
  # setsid gives the command its own process group, which stop() ends.
  setsid env -i HOME=/root TERM=dumb LANG=C.UTF-8 MEDMON_CORPUS="$corpus" \
    "${pip_cert[@]}" PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    chroot "$root" /bin/bash -c "cd /root/medmon && $1" < /dev/null &
  child=$!
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}

main() {
  check_inputs
  git -C "$repo" rev-parse --verify -q "$ref^{commit}" > /dev/null \
    || fail "FRESH_REF '$ref' is not a commit"
  local commands
  commands=$(readme_commands)
  [ -n "$commands" ] \
    || fail "no sh block under '## Getting started' in README.md at $ref"

  mkdir -p "$cache"
  build_base
  trap cleanup EXIT
  trap stop INT TERM
  prepare_root

  local line start
  while IFS= read -r line; do
    log "running '$line'"
    start=$SECONDS
    run_in_root "$line" \
      || fail "'$line' failed in the fresh root after $((SECONDS - start)) s"
    log "'$line' passed in $((SECONDS - start)) s"
  done <<< "$commands"
  log "all README commands passed in the fresh root"
}

main "$@"
