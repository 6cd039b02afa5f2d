#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make rust-analyzer: write rust-project.json for the module, so that an editor's
# rust-analyzer resolves the kernel crate of the cached $FLAVOUR kernel. The kernel's
# own `make M=... rust-analyzer` fails for a kernel built with O=; its script works.
set -euo pipefail
. "$(dirname "$0")/common.sh"

src=$(kernel_src)
kdir=$(kernel_dir)
[ -f "$kdir/.procfs2-built" ] || die "no $FLAVOUR kernel in $kdir: run scripts/kernel.sh first"
sysroot=$(rustc --print sysroot)
python3 "$src/scripts/generate_rust_analyzer.py" --cfgs='core=no_fp_fmt_parse' 2021 \
	"$src" "$kdir" "$sysroot" "$sysroot/lib/rustlib/src/rust/library" "$TOP" >"$TOP/rust-project.json"
echo "procfs2: wrote $TOP/rust-project.json"
