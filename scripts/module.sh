#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build procfs2.ko against the cached kernel of $FLAVOUR. Extra arguments go to the
# kernel's make (for example CLIPPY=1).
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$(kernel_dir)
[ -f "$kdir/.procfs2-built" ] || die "no $FLAVOUR kernel in $kdir: run scripts/kernel.sh first"
make -s -C "$kdir" M="$TOP" LLVM="$LLVM_SUFFIX" "$@"
