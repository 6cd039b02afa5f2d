#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Install what building and booting procfs2 needs, if it is missing. Idempotent.
#   scripts/setup.sh [PACKAGE...]   also the given Debian packages (make bench: gnuplot-nox)
set -euo pipefail
. "$(dirname "$0")/common.sh"

PACKAGES="linux-source-6.12 clang-19 lld-19 llvm-19 libclang-19-dev qemu-system-x86
busybox-static flex bison bc libelf-dev libssl-dev cpio xz-utils gcc libc6-dev make
procps apparmor fdisk python3-psutil $*"

missing=()
for p in $PACKAGES; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "procfs2: installing Debian packages: ${missing[*]}"
	[ "$(id -u)" = 0 ] || SUDO=sudo
	${SUDO:-} apt-get update -qq || die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq "${missing[@]}" >/dev/null ||
		die "could not install Debian packages: ${missing[*]}"
fi

command -v rustup >/dev/null || die "rustup is not installed (needed for rust-src)"
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
	echo "procfs2: installing rust-src"
	rustup component add rust-src || die "could not install the rust-src component"
fi

if [ "$(bindgen --version 2>/dev/null)" != "bindgen 0.71.1" ]; then
	echo "procfs2: installing bindgen-cli 0.71.1"
	cargo install --locked bindgen-cli --version 0.71.1 ||
		die "could not install bindgen-cli 0.71.1"
fi
