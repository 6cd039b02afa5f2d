# SPDX-License-Identifier: GPL-2.0
# Shared settings for the procfs2 build and VM scripts. Sourced, not run.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PROCFS2_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/procfs2}
BUILD=${PROCFS2_BUILD:-$TOP/build}
FLAVOUR=${FLAVOUR:-debug}
LLVM_SUFFIX=-19
export PATH="$HOME/.cargo/bin:$PATH"

case "$FLAVOUR" in
debug|release) ;;
*) echo "procfs2: FLAVOUR must be debug or release, not '$FLAVOUR'" >&2; exit 2 ;;
esac

die() { echo "procfs2: $*" >&2; exit 1; }

# Print how long a stage took: stage_begin NAME ... stage_end
stage_begin() { STAGE_NAME=$1; STAGE_T0=$(date +%s); echo "== $STAGE_NAME"; }
stage_end() { echo "== $STAGE_NAME: $(( $(date +%s) - STAGE_T0 )) s"; }

# The Debian kernel source package version, e.g. 6.12.117-1~deb12u1.
source_version() { dpkg-query -W -f '${Version}' linux-source-6.12 2>/dev/null; }

# Key of a kernel build: source version, config fragments, and the toolchain.
kernel_key() {
	{
		source_version; echo
		cat "$TOP/qemu/base.config" "$TOP/qemu/$FLAVOUR.config"
		rustc --version
		"clang$LLVM_SUFFIX" --version | head -n 1
		"ld.lld$LLVM_SUFFIX" --version | head -n 1
		bindgen --version
	} | sha256sum | cut -c1-16
}

kernel_src() { echo "$CACHE/src/linux-source-$(source_version)"; }
kernel_dir() { echo "$CACHE/kernel-$FLAVOUR-$(kernel_key)"; }
