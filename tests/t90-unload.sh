# SPDX-License-Identifier: GPL-2.0
# Unloading: refused while mounted, clean after umount, nothing leaked (kmemleak).
. /tests/lib.sh
load
mkdir -p /tmp/a

for m in $(grep ' procfs2 ' /proc/mounts | cut -d' ' -f2); do umount $m; done
mount -t procfs2 none /tmp/a
err=$(errmsg rmmod procfs2)
expect "rmmod while mounted is refused ($err)" loaded
umount /tmp/a
expect "rmmod after umount succeeds" rmmod procfs2
expect "the file system type is gone" [ -z "$(grep procfs2 /proc/filesystems)" ]

if [ -w /sys/kernel/debug/kmemleak ]; then
	sleep 6 # kmemleak ignores objects younger than 5 s
	echo scan > /sys/kernel/debug/kmemleak
	leaks=$(cat /sys/kernel/debug/kmemleak)
	same "kmemleak finds nothing new after the tests" "$leaks" ""
else
	skip "kmemleak finds nothing new after the tests" "no kmemleak in this kernel"
fi
