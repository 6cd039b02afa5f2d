# SPDX-License-Identifier: GPL-2.0
# Four readers of every procfs2 root file and of every process's files, while other
# processes fork and exit, threads come and go, files are held open across their
# process's exit, and another process mounts and unmounts procfs2 elsewhere; the host
# fails the run on any KASAN or lockdep report.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
SECS=${STRESS_SECS:-20}
dmesg -c > /dev/null
rm -f /tmp/stop
for r in 1 2 3 4; do
	(while [ ! -e /tmp/stop ]; do
		for f in /proc2/*; do [ -f $f ] && cat $f > /dev/null 2>&1; done
		ls -la /proc2 /proc2/fs > /dev/null
		cat /proc2/[0-9]*/stat /proc2/[0-9]*/status /proc2/[0-9]*/cmdline \
			/proc2/[0-9]*/statm /proc2/[0-9]*/io > /dev/null 2>&1
		ls -l /proc2/[0-9]*/fd/ /proc2/[0-9]*/task/ /proc2/[0-9]*/exe > /dev/null 2>&1
		cat /proc2/[0-9]*/task/*/stat /proc2/[0-9]*/fdinfo/* > /dev/null 2>&1
	done) &
done
# Fork/exit churn, with threads (the threads helper) and exiting group leaders.
(while [ ! -e /tmp/stop ]; do
	for i in 1 2 3 4 5; do sleep 0.0$i & done
	/tests/bin/threads 3 & t=$!
	sleep 0.05
	kill $t 2>/dev/null
	wait
done) 2>/dev/null &
# Files of a process held open across its exit: reads end with an error, never a crash.
(n=0; while [ ! -e /tmp/stop ]; do
	sleep 10 & p=$!
	exec 3< /proc2/$p/stat 4< /proc2/$p/status 5< /proc2/$p/cmdline
	kill $p; wait $p 2>/dev/null
	cat <&3 >/dev/null 2>&1; cat <&4 >/dev/null 2>&1; cat <&5 >/dev/null 2>&1
	exec 3<&- 4<&- 5<&-
	n=$((n + 1))
done; echo $n > /tmp/held-done) &
mkdir -p /tmp/m
(n=0; while [ ! -e /tmp/stop ]; do
	mount -t procfs2 none /tmp/m && cat /tmp/m/version /tmp/m/1/stat > /dev/null && umount /tmp/m
	n=$((n + 1))
done; echo $n > /tmp/mounts-done) &
sleep $SECS
touch /tmp/stop
wait
ok "$SECS s of 4 readers, fork/exit churn, files held across exit ($(cat /tmp/held-done) rounds) and a mount/umount loop ($(cat /tmp/mounts-done) mounts)"
same "... and the kernel log stays quiet" "$(klog | grep -v 'loading out-of-tree')" ""
umount /proc2
