#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make lint: rustfmt with the kernel's .rustfmt.toml (check only), clippy through the
# kernel's build (CLIPPY=1; any warning fails), and checkpatch.pl on the C shim and
# the Rust files, and that doc/EXPORTS.md is what scripts/exports.sh makes of the
# missing lists. Needs the cached kernel of $FLAVOUR (scripts/kernel.sh).
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

echo "== lint: compile-fail"
# Each tests/compile-fail/*.rs is code a crate author could write that the wrapper
# types must refuse (its first line: "// expect: E0xxx", or the message of an error
# without a code). It is added to a feature
# file of the scratch copy, which must then fail to build with that error.
cp "$scratch/selftest.rs" "$scratch/selftest.rs.orig"
for t in tests/compile-fail/*.rs; do
	want=$(sed -n '1s:^// expect\: *::p' "$t")
	cat "$scratch/selftest.rs.orig" "$t" > "$scratch/selftest.rs"
	if out=$(make -s -C "$kdir" M="$scratch" LLVM="$LLVM_SUFFIX" 2>&1); then
		echo "compile-fail: $t builds (it must not)"
		fail+=(compile-fail)
	elif ! grep -qF -e "error[$want]" -e "error: $want" <<<"$out"; then
		echo "compile-fail: $t fails, but not with $want:"
		grep -E '^error' <<<"$out" | head -5
		fail+=(compile-fail)
	else
		echo "compile-fail: $(basename "$t" .rs): refused ($want)"
	fi
done
cp "$scratch/selftest.rs.orig" "$scratch/selftest.rs"

echo "== lint: checkpatch"
perl "$src/scripts/checkpatch.pl" --no-tree -q -f $(git ls-files -- 'shim/*.c' 'shim/*.h') $(git ls-files -- '*.rs' | grep -v -e '^tests/' -e '^bench/' -e '^scripts/') ||
	fail+=(checkpatch)

echo "== lint: doc/EXPORTS.md"
scripts/exports.sh --check || fail+=(exports)

if [ ${#fail[@]} -gt 0 ]; then
	echo "procfs2: make lint failed: ${fail[*]}" >&2
	exit 1
fi
echo "== lint: clean"
