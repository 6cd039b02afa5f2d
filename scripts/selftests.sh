#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the kernel's proc selftests (tools/testing/selftests/proc of the same source
# the kernel comes from) statically, out of tree, into $BUILD/selftests/proc.
#
# The three tests that mount by type name get a second build from an edited copy in
# $BUILD/selftests/procfs2 (the copy is a build product, not project source): the
# file system type "proc" becomes "procfs2". Each edit must change its file, or the
# build stops.
set -euo pipefail
. "$(dirname "$0")/common.sh"

src="$(kernel_src)/tools/testing/selftests/proc"
out="$BUILD/selftests/proc"
edited="$BUILD/selftests/procfs2"
stamp="$BUILD/selftests/.built-$(basename "$(kernel_src)")"
[ -e "$stamp" ] && exit 0

rm -rf "$BUILD/selftests"
mkdir -p "$out" "$edited"
make -s -C "$src" OUTPUT="$out" USERLDFLAGS=-static >/dev/null

# The flags lib.mk builds with, for the edited copies.
cflags=(-Wall -O2 -Wno-unused-function -D_GNU_SOURCE= -isystem "$(kernel_src)/tools/include/uapi" -iquote "$src" -pthread -static)
edit() { # TEST SED-EXPRESSION
	cp "$src/$1.c" "$edited/$1.c"
	sed -i "$2" "$edited/$1.c"
	if cmp -s "$src/$1.c" "$edited/$1.c"; then
		echo "selftests: the edit of $1.c no longer applies ($2)" >&2
		exit 1
	fi
	gcc "${cflags[@]}" -o "$edited/$1" "$edited/$1.c"
}
edit proc-subset-pid 's/, "proc", 0,/, "procfs2", 0,/'
edit proc-multiple-procfs 's/, "proc", 0,/, "procfs2", 0,/g'
edit proc-fsconfig-hidepid 's/fsopen("proc", 0)/fsopen("procfs2", 0)/'
touch "$stamp"
