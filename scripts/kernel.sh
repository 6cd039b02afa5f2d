#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest kernel for $FLAVOUR (debug or release) into the cache, once.
# The build directory is keyed by the source version, the config fragments and the
# toolchain (scripts/common.sh kernel_key), so a change of any of them rebuilds.
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$(kernel_src)
out=$(kernel_dir)
stamp="$out/.procfs2-built"
[ -f "$stamp" ] && exit 0

# One builder at a time per cache: a second checkout waits here, then finds the
# kernel built (the stamp) or builds it itself after a failed first attempt.
mkdir -p "$(dirname "$out")"
exec 9>"$(dirname "$out")/.build.lock"
if ! flock -n 9; then
	echo "procfs2: another build holds $(dirname "$out")/.build.lock; waiting"
	flock 9
fi
[ -f "$stamp" ] && exit 0

if [ ! -f "$src/.procfs2-extracted" ]; then
	echo "procfs2: extracting $(source_version) into $src"
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	tar -xf /usr/src/linux-source-6.12.tar.xz -C "$src.tmp" --strip-components=1
	touch "$src.tmp/.procfs2-extracted"
	mv "$src.tmp" "$src"
fi

kmake() { make -s -C "$src" O="$out" LLVM="$LLVM_SUFFIX" "$@"; }

mkdir -p "$out"
kmake rustavailable >/dev/null || {
	kmake rustavailable || true
	die "the kernel does not accept this Rust toolchain (make LLVM=$LLVM_SUFFIX rustavailable)"
}

echo "procfs2: configuring the $FLAVOUR kernel in $out"
kmake tinyconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"$TOP/qemu/base.config" "$TOP/qemu/$FLAVOUR.config" >/dev/null
kmake olddefconfig >/dev/null

# Every option the fragments ask for must have survived olddefconfig.
bad=()
while read -r line; do
	case "$line" in
	CONFIG_*=*) grep -qx "$line" "$out/.config" || bad+=("$line") ;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }; opt=${opt%% *}
		grep -q "^$opt=" "$out/.config" && bad+=("$line") ;;
	esac
done < <(cat "$TOP/qemu/base.config" "$TOP/qemu/$FLAVOUR.config")
[ ${#bad[@]} -eq 0 ] || die "kernel config lost options (missing dependency?): ${bad[*]}"

echo "procfs2: building the $FLAVOUR kernel ($(nproc) jobs; about 15 minutes the first time)"
kmake -j"$(nproc)" bzImage modules
touch "$stamp"
