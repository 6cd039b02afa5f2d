#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run every guest test (tests/t*.sh, in name order) as TAP. Exit status 1 if any
# test failed. The host (scripts/vm.sh) adds its own checks and the closing count.
# With SELECT=1 (make check T=...), only the files TESTS names (in name order), and
# then, unless t90-unload.sh was among them, its kmemleak scan: the same leak check.
. /tests/lib.sh
rm -f $TAP_COUNT $TAP_FAILED
export TAP_HARNESS=1
echo "TAP version 13"
# Forget what kmemleak saw during boot: only leaks from the tests count.
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	echo clear > /sys/kernel/debug/kmemleak
fi
for t in /tests/t[0-9]*.sh; do
	if [ "${SELECT:-0}" = 1 ]; then
		case " $TESTS " in *" $(basename $t) "*) ;; *) continue ;; esac
	fi
	echo "procfs2: test $(basename $t)" > /dev/kmsg 2>/dev/null
	start=$(cut -d. -f1 /proc/uptime)
	sh $t
	echo "# $(basename $t): $(($(cut -d. -f1 /proc/uptime) - start)) s"
done
if [ "${SELECT:-0}" = 1 ]; then
	case " $TESTS " in
	*" t90-unload.sh "*) ;;
	*)
		echo "# kmemleak, as t90-unload.sh scans at the end of a full run"
		if [ -w /sys/kernel/debug/kmemleak ]; then
			sleep 6 # kmemleak ignores objects younger than 5 s
			echo scan > /sys/kernel/debug/kmemleak
			same "kmemleak finds nothing new after the selected tests" \
				"$(cat /sys/kernel/debug/kmemleak)" ""
		else
			skip "kmemleak finds nothing new after the selected tests" "no kmemleak in this kernel"
		fi
		;;
	esac
fi
echo "1..$(cat $TAP_COUNT 2>/dev/null || echo 0)"
[ ! -s $TAP_FAILED ]
