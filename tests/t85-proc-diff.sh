# SPDX-License-Identifier: GPL-2.0
# proc-diff (scripts/proc-diff.c) over /proc and /proc2 on a quiet system: every root
# entry and every process, with the rules of scripts/proc-diff.rules. Anything the
# rules do not cover fails. A process that starts or exits during the walk can make a
# run differ, so up to three runs are made.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
# Quiet: the processes of the tests before have gone (the count holds for 0.2 s).
settled() { a=$(ls -d /proc/[0-9]* | wc -l); usleep 200000; [ "$a" = "$(ls -d /proc/[0-9]* | wc -l)" ]; }
waitfor settled
# procfs2 finds psi_system through a top-level cgroup's pressure group, and reads
# pressure/ only once it has seen one since it was loaded (doc/differences.md): one
# is made and removed again, as a system's init makes some.
mkdir -p /sys/fs/cgroup/t85 && cat /proc2/pressure/cpu > /dev/null; rmdir /sys/fs/cgroup/t85 2>/dev/null
try=1
while :; do
	proc-diff > /tmp/proc-diff.out 2>&1
	rc=$?
	[ $rc = 0 ] || [ $try = 3 ] && break
	try=$((try + 1))
	sleep 1
done
summary=$(tail -n 1 /tmp/proc-diff.out)
if [ $rc = 0 ]; then
	ok "proc-diff /proc /proc2: no unexpected difference (run $try: $summary)"
else
	not_ok "proc-diff /proc /proc2: unexpected differences (run $try)" "$(head -n 20 /tmp/proc-diff.out)"
fi
echo "# $summary"
# proc-diff itself: a planted difference is found, and two identical trees are equal.
mkdir -p /tmp/pd-a/x /tmp/pd-b/x
echo one > /tmp/pd-a/x/f; echo two > /tmp/pd-b/x/f
proc-diff -r /dev/null /tmp/pd-a /tmp/pd-b > /tmp/pd.out
same "proc-diff reports a content difference and fails" "$? $(grep -c '^content x/f:1 one | two' /tmp/pd.out)" "1 1"
proc-diff -r /dev/null /tmp/pd-a /tmp/pd-a > /tmp/pd.out
same "proc-diff passes two identical trees" "$? $(tail -n 1 /tmp/pd.out)" \
	"0 proc-diff: 2 paths compared, 2 equal, 0 different, 0 only in /tmp/pd-a (0 expected), 0 only in /tmp/pd-a"
# Rule `either`: a state caught in one read only stands for any line, and nothing else does.
echo 'x/f either running' > /tmp/pd.rules
echo running > /tmp/pd-b/x/f
proc-diff -r /tmp/pd.rules /tmp/pd-a /tmp/pd-b > /dev/null
r1=$?
echo walking > /tmp/pd-b/x/f
proc-diff -r /tmp/pd.rules /tmp/pd-a /tmp/pd-b > /dev/null
same "proc-diff: rule either takes its line for any line, and only that line" "$r1 $?" "0 1"
umount /proc2
