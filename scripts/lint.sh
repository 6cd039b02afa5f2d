#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make lint: rustfmt with the kernel's .rustfmt.toml (check only), clippy through the
# kernel's build (CLIPPY=1; any warning fails), and checkpatch.pl on the C shim and
# the Rust files. Needs the cached kernel of $FLAVOUR (scripts/kernel.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$(kernel_src)
kdir=$(kernel_dir)
[ -f "$kdir/.procfs2-built" ] || die "no $FLAVOUR kernel in $kdir: run scripts/kernel.sh first"
cd "$TOP"
fail=()

echo "== lint: rustfmt"
rustfmt --edition 2021 --config-path "$src/.rustfmt.toml" --check rust_procfs.rs || fail+=(rustfmt)

echo "== lint: clippy"
# Rebuild the crate so that clippy sees every file, into a scratch copy: the work
# tree's own objects stay as `make module` left them.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git ls-files -z -- Kbuild '*.rs' '*.c' '*.h' | grep -z -v -e '^tests/' -e '^bench/' -e '^scripts/' |
	xargs -0 cp --parents -t "$scratch"
out=$(make -s -C "$kdir" M="$scratch" LLVM="$LLVM_SUFFIX" CLIPPY=1 2>&1) || { echo "$out"; fail+=(build); }
if grep -E '^(warning|error)' <<<"$out" >/dev/null; then
	echo "$out"
	fail+=(clippy)
fi

echo "== lint: checkpatch"
perl "$src/scripts/checkpatch.pl" --no-tree -q -f $(git ls-files -- 'shim/*.c' 'shim/*.h') $(git ls-files -- '*.rs' | grep -v -e '^tests/' -e '^bench/' -e '^scripts/') ||
	fail+=(checkpatch)

if [ ${#fail[@]} -gt 0 ]; then
	echo "procfs2: make lint failed: ${fail[*]}" >&2
	exit 1
fi
echo "== lint: clean"
