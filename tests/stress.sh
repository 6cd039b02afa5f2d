# SPDX-License-Identifier: GPL-2.0
# The storm (`make stress`, DURATION seconds, 600 by default; t60-stress.sh runs it
# for 60 s in `make check`). All at once:
#   - the hostile processes of lib.sh's `hostiles` (every fd kind with a show_fdinfo,
#     an ELF without an executable segment stopped at exec, a zombie, a 48 MiB
#     untouched argument area) among the readers' and the random calls' targets;
#   - fork/exit churn of processes and threads: group leaders exiting before their
#     threads, zombies, execve from a multi-threaded process (helpers/churn.c);
#     System V IPC objects made and removed (helpers/sysvipc.c); slab caches made
#     and destroyed through the selftest control file (the module is loaded with
#     selftest=1 for this), so that slabinfo's list changes while it is read;
#   - readers of procfs2: root readdir with random buffer sizes and every per-process
#     file (pagemap's first 64 KiB, clear_refs written 1 to 5), task/ and fd/ of
#     racing processes, irq/ and pressure/, lseek and pread at random offsets
#     (helpers/fuzz.c with FUZZ_ONLY_B), fd/ readlink while fds open and close,
#     files held open across their process's exit;
#   - mount/umount of procfs2 in the initial and in new pid namespaces, remounts of
#     /proc2 with another hidepid=, rmmod attempts (refused while mounted);
#   - drop_caches every second, and memory pressure from a tmpfs file filled to half
#     the memory and removed again.
# Then: everything unmounted, the inode cache empty, rmmod succeeds, kmemleak finds
# nothing. The host fails the run on any splat in the console.
. /tests/lib.sh
reload selftest=1
mount -t procfs2 none /proc2 2>/dev/null
CTL=/sys/kernel/debug/procfs2/entries
D=${DURATION:-600}
STOP=/tmp/storm-stop
rm -f $STOP /tmp/storm-*.count
dmesg -c > /dev/null
if [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	echo clear > /sys/kernel/debug/kmemleak
fi
count() { echo $2 > /tmp/storm-$1.count; }
hostiles

# Churn.
(n=0; while [ ! -e $STOP ]; do
	for i in 1 2 3; do sleep 0.0$i & done
	/tests/bin/churn leader & /tests/bin/churn exec & /tests/bin/churn zombie &
	/tests/bin/threads 3 > /dev/null & t=$!
	usleep 50000
	kill $t 2>/dev/null
	wait
	n=$((n + 1))
done; count churn $n) 2>/dev/null &
(n=0; while [ ! -e $STOP ]; do
	/tests/bin/sysvipc > /dev/null & p=$!
	usleep $((n % 4 * 10000))
	kill $p; wait $p
	n=$((n + 1))
done; count ipc $n) 2>/dev/null &
(n=0; while [ ! -e $STOP ]; do
	echo "slab $((n % 8)) procfs2_storm_$((n % 8))" > $CTL
	echo "rmslab $(((n + 5) % 8))" > $CTL
	cat /proc2/slabinfo > /dev/null
	n=$((n + 1))
done; for i in 0 1 2 3 4 5 6 7; do echo "rmslab $i" > $CTL; done; count slab $n) 2>/dev/null &

# Readers: whole files and listings.
for r in 1 2; do
	(n=0; while [ ! -e $STOP ]; do
		cat /proc2/[0-9]*/stat /proc2/[0-9]*/status /proc2/[0-9]*/cmdline \
			/proc2/[0-9]*/statm /proc2/[0-9]*/io /proc2/[0-9]*/environ \
			/proc2/[0-9]*/smaps /proc2/[0-9]*/smaps_rollup /proc2/[0-9]*/numa_maps \
			/proc2/[0-9]*/ksm_stat /proc2/[0-9]*/autogroup /proc2/[0-9]*/cpuset > /dev/null 2>&1
		for p in $(ls /proc2 2>/dev/null | grep '^[0-9]' | tail -n 10); do
			head -c 65536 /proc2/$p/pagemap > /dev/null 2>&1
			echo $((n % 5 + 1)) > /proc2/$p/clear_refs 2>/dev/null
		done
		cat /proc2/irq/*/* /proc2/irq/*/*/* /proc2/pressure/* /proc2/sysvipc/* > /dev/null 2>&1
		ls -l /proc2/[0-9]*/fd/ /proc2/[0-9]*/task/ /proc2/[0-9]*/exe > /dev/null 2>&1
		cat /proc2/[0-9]*/task/*/stat /proc2/[0-9]*/fdinfo/* > /dev/null 2>&1
		for f in /proc2/*; do [ -f $f ] && cat $f > /dev/null 2>&1; done
		n=$((n + 1))
	done; count readers$r $n) &
done
# Readers: random calls (random getdents sizes, lseek, pread, ...) over racing pids.
for r in 1 2; do
	(n=0; while [ ! -e $STOP ]; do
		FUZZ_ONLY_B=1 /tests/bin/fuzz $((n * 2 + r)) 400 \
			$(ls /proc2 2>/dev/null | grep '^[0-9]' | tail -n 20) $HOSTILE_PIDS > /dev/null 2>&1
		n=$((n + 1))
	done; count fuzz$r $n) &
done
# fd/ while fds open and close.
(while [ ! -e $STOP ]; do exec 5< /proc/version; exec 6< /proc2/version; exec 5<&- 6<&-; done) &
FDS=$!
(n=0; while [ ! -e $STOP ]; do
	ls -l /proc2/$FDS/fd/ > /dev/null 2>&1; cat /proc2/$FDS/fdinfo/* > /dev/null 2>&1
	n=$((n + 1))
done; count fdreader $n) &

# Files of a process held open across its exit: reads end with an error, never a crash.
# (Redirections on a group, not `exec`: a failed one must not end the loop.)
(n=0; while [ ! -e $STOP ]; do
	sleep 10 & p=$!
	{ n=$((n + 1)); kill $p; wait $p; cat <&3; cat <&4; cat <&5; cat <&6; } 3< /proc2/$p/stat \
		4< /proc2/$p/status 5< /proc2/$p/cmdline 6< /proc2/$p/fdinfo/0 > /dev/null 2>&1
	kill $p 2>/dev/null; wait $p 2>/dev/null
done; count held $n) &

# Mounts, remounts, rmmod attempts.
mkdir -p /tmp/storm-m /tmp/storm-ns
(n=0; refused=0; h=0; while [ ! -e $STOP ]; do
	mount -t procfs2 none /tmp/storm-m && cat /tmp/storm-m/1/stat > /dev/null && umount /tmp/storm-m
	unshare -p -f -m sh -c 'mount -t procfs2 none /tmp/storm-ns && ls /tmp/storm-ns > /dev/null; umount /tmp/storm-ns'
	h=$(( (h + 1) % 3 ))
	mount -o remount,hidepid=$h /proc2
	rmmod procfs2 2>/dev/null || refused=$((refused + 1))
	n=$((n + 1))
done; mount -o remount,hidepid=0 /proc2; count mounts $n; count refused $refused) &

# Cache drops and memory pressure.
(n=0; while [ ! -e $STOP ]; do echo 3 > /proc/sys/vm/drop_caches; sleep 1; n=$((n + 1)); done; count drops $n) &
half=$(awk '/MemTotal/ { print int($2 / 2048) }' /proc/meminfo)
(n=0; while [ ! -e $STOP ]; do
	head -c ${half}M /dev/zero > /tmp/storm-fill 2>/dev/null; rm -f /tmp/storm-fill; sleep 2
	n=$((n + 1))
done; count pressure $n) &

sleep $D
touch $STOP
hostiles_stop
wait
c() { cat /tmp/storm-$1.count 2>/dev/null || echo 0; }
ok "$D s of storm (hostile targets: ${HOSTILE_PIDS:-none}): $(c churn) churn rounds, $(c ipc) IPC rounds, $(c slab) slab cache rounds, $(c readers1)+$(c readers2) reader passes, $(c fuzz1)+$(c fuzz2) random-call batches, $(c fdreader) fd/ reads, $(c held) files held across exit, $(c mounts) mount rounds, $(c drops) cache drops, $(c pressure) pressure rounds"
same "rmmod was refused in every mount round" "$(c refused)" "$(c mounts)"
same "the kernel log stays quiet" "$(klog | grep -v -e 'loading out-of-tree' -e 'drop_caches: 3')" ""

for m in $(grep ' procfs2 ' /proc/mounts | cut -d' ' -f2); do umount $m; done
same "everything is unmounted" "$(grep -c ' procfs2 ' /proc/mounts)" "0"
echo 3 > /proc/sys/vm/drop_caches
slab=/sys/kernel/slab/procfs2_inode_cache/objects
if [ -r $slab ]; then
	# Inodes are freed after an RCU grace period: give it a few seconds.
	# "objects" counts what per-cpu slabs hold too: shrink flushes them first.
	for i in 1 2 3 4 5 6 7 8 9 10; do
		echo 1 > ${slab%/objects}/shrink 2>/dev/null
		[ "$(cut -d' ' -f1 $slab)" = 0 ] && break
		sleep 1
	done
	same "the inode cache is empty (after $i s)" "$(cut -d' ' -f1 $slab)" "0"
else
	skip "the inode cache is empty" "no $slab"
fi
expect "rmmod succeeds" rmmod procfs2
same "no slab cache of the storm is left" "$(grep -c '^procfs2_storm' /proc/slabinfo)" 0
if [ -w /sys/kernel/debug/kmemleak ]; then
	sleep 6 # kmemleak ignores objects younger than 5 s
	echo scan > /sys/kernel/debug/kmemleak
	same "kmemleak finds nothing" "$(cat /sys/kernel/debug/kmemleak)" ""
else
	skip "kmemleak finds nothing" "no kmemleak in this kernel"
fi
