#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the tests' small static helper programs (tests/helpers/*.c) for the guest;
# with "bench", the workload programs of make bench (bench/*.c) instead.
set -euo pipefail
. "$(dirname "$0")/common.sh"

if [ "${1:-}" = bench ]; then
	mkdir -p "$BUILD/bench/bin"
	for src in "$TOP"/bench/*.c; do
		bin="$BUILD/bench/bin/$(basename "$src" .c)"
		[ "$bin" -nt "$src" ] && [ "$bin" -nt "$TOP/bench/bench.h" ] && continue
		gcc -static -O2 -Wall -Werror -Wno-format-truncation -o "$bin" "$src" -lpthread
	done
	exit 0
fi

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
