# Fresh-machine check: runs the README's setup commands in a clean Debian
# 12 root (debootstrap, then chroot) with HEAD of this repository. Needs
# root. The root and its caches live in out/fresh; see
# scripts/fresh_check.sh for the variables it reads.

.PHONY: fresh-check

fresh-check:
	@command -v debootstrap > /dev/null || { \
	  echo "make fresh-check: apt-get install -y debootstrap"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
	bash scripts/fresh_check.sh
