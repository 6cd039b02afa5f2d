#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every guest test (tests/t*.sh, in name order) as TAP. Exit status 1 if any
# test failed. The host (scripts/vm.sh) adds its own checks and the closing count.
. /tests/lib.sh
rm -f $TAP_COUNT $TAP_FAILED
echo "TAP version 13"
# Forget what kmemleak saw during boot: only leaks from the tests count.
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	echo clear > /sys/kernel/debug/kmemleak
fi
for t in /tests/t[0-9]*.sh; do
	echo "# $(basename $t)"
	echo "procfs2: test $(basename $t)" > /dev/kmsg 2>/dev/null
	start=$(cut -d. -f1 /proc/uptime)
	sh $t
	echo "# $(basename $t): $(($(cut -d. -f1 /proc/uptime) - start)) s"
done
echo "1..$(cat $TAP_COUNT 2>/dev/null || echo 0)"
[ ! -s $TAP_FAILED ]
