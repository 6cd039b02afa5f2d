#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the tests' small static helper programs (tests/helpers/*.c) for the guest.
set -euo pipefail
. "$(dirname "$0")/common.sh"

mkdir -p "$BUILD/helpers"
for src in "$TOP"/tests/helpers/*.c; do
	[ -e "$src" ] || continue
	bin="$BUILD/helpers/$(basename "$src" .c)"
	[ "$bin" -nt "$src" ] && continue
	gcc -static -O2 -Wall -Werror -Wno-format-truncation -o "$bin" "$src"
done
# proc-diff, the tree comparison tool the guest has on its PATH.
bin="$BUILD/helpers/proc-diff"
[ "$bin" -nt "$TOP/scripts/proc-diff.c" ] || gcc -static -O2 -Wall -Werror -Wno-format-truncation -o "$bin" "$TOP/scripts/proc-diff.c"
