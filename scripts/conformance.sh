#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make conformance: boot the guest, run the kernel's proc selftests on /proc and on
# procfs2 (tests/t80-selftests.sh) and proc-diff over /proc and /proc2, and print the
# results as a Markdown table. With UPDATE_README=1 (the default) the table also
# replaces what doc/conformance.md has between its conformance markers.
set -euo pipefail
. "$(dirname "$0")/common.sh"

# A kernel thread woken during the walk (its wchan or state read between the two
# trees) can make one run differ: up to three runs, as t85-proc-diff.sh makes.
# procfs2 finds psi_system through a top-level cgroup, which every distribution
# has and the guest does not: one is made first, as t85-proc-diff.sh does.
CMD='sh /tests/t80-selftests.sh | grep "^# [|s]"
	mkdir -p /sys/fs/cgroup/conformance && cat /proc2/pressure/cpu > /dev/null
	rmdir /sys/fs/cgroup/conformance
	for run in 1 2 3; do proc-diff > /tmp/pd.out 2>&1 && break; sleep 1; done
	echo "$(tail -n 1 /tmp/pd.out) (run $run of up to 3)"' \
	TIMEOUT=${TIMEOUT:-1200} "$TOP/scripts/vm.sh" run > /dev/null
log="$BUILD/logs/latest-run/session.log"
table=$(grep -a '^# |' "$log" | sed 's/^# //' | tr -d '\r')
totals=$(grep -a '^# selftests passed' "$log" | sed 's/^# //' | tr -d '\r')
diff=$(grep -a '^proc-diff:' "$log" | tail -n 1 | tr -d '\r')
[ -n "$table" ] && [ -n "$diff" ] || { echo "conformance: no results in $log" >&2; exit 1; }
kver=$(basename "$(kernel_src)" | sed 's/^linux-source-//')
text="Kernel $kver, $(date -u +%Y-%m-%d); \`make conformance\` regenerates this.

$table

$totals.

proc-diff over every root entry and process of a quiet guest, with
\`scripts/proc-diff.rules\`: $diff"
echo "$text"
if [ "${UPDATE_README:-1}" = 1 ]; then
	doc="$TOP/doc/conformance.md"
	[ "$(grep -cxF '<!-- conformance:begin -->' "$doc")" = 1 ] &&
		[ "$(grep -cxF '<!-- conformance:end -->' "$doc")" = 1 ] ||
		die "$doc: no single pair of conformance markers"
	awk -v text="$text" '
		$0 == "<!-- conformance:begin -->" { print; print text; skip = 1; next }
		$0 == "<!-- conformance:end -->" { skip = 0 }
		!skip' "$doc" > "$doc.new"
	mv "$doc.new" "$doc"
	echo "procfs2: doc/conformance.md updated"
fi
