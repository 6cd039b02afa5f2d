# SPDX-License-Identifier: GPL-2.0
# Four readers of every procfs2 root file while another process mounts and unmounts
# procfs2 elsewhere; the host fails the run on any KASAN or lockdep report.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
SECS=${STRESS_SECS:-20}
dmesg -c > /dev/null
rm -f /tmp/stop
for r in 1 2 3 4; do
	(while [ ! -e /tmp/stop ]; do
		for f in /proc2/*; do cat $f > /dev/null 2>&1; done
		ls -la /proc2 /proc2/fs > /dev/null
	done) &
done
mkdir -p /tmp/m
(n=0; while [ ! -e /tmp/stop ]; do
	mount -t procfs2 none /tmp/m && cat /tmp/m/version > /dev/null && umount /tmp/m
	n=$((n + 1))
done; echo $n > /tmp/mounts-done) &
sleep $SECS
touch /tmp/stop
wait
ok "$SECS s of 4 readers and a mount/umount loop ($(cat /tmp/mounts-done) mounts)"
same "... and the kernel log stays quiet" "$(klog | grep -v 'loading out-of-tree')" ""
umount /proc2
