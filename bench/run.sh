#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The guest side of `make bench` (qemu/init runs it with procfs2 mounted on /proc2).
# For each population it adds processes with spawn, then runs every workload program
# on /proc and /proc2; the programs print the bench-sample and bench-result lines the
# host turns into the table. At the largest population it then measures the slab memory
# one ps scan leaves cached (bench-mem lines). Shell is only used between timed parts.
BIN=/bench/bin
REPS=${BENCH_REPS:-5}
POPS=${BENCH_POPS:-100 1000 10000}
WORKLOADS=${BENCH_WORKLOADS:-readdir-root ps-scan stat-pids self-status self-readdir seq-read root-stat maps smaps smaps_rollup diskstats slabinfo cpuinfo vmstat interrupts}

count_pids() { ls -d /proc/[0-9]* | wc -l; }

# slab CACHE: "active_objects object_size" from /proc/slabinfo (0 0 if absent)
slab() { awk -v c="$1" '$1 == c { print $2, $4; f = 1 } END { if (!f) print 0, 0 }' /proc/slabinfo; }
slab_total_kb() { awk '$1 == "Slab:" { print $2 }' /proc/meminfo; }

echo "# bench: populations $POPS, $REPS runs per tree, $(count_pids) processes at start"
have=0
for pop in $POPS; do
	$BIN/spawn $((pop - have)) || exit 1
	have=$pop
	echo "# population $pop: $(count_pids) processes"
	for w in $WORKLOADS; do
		$BIN/$w "$pop" "$REPS" /proc /proc2 || exit 1
	done
done

# BENCH_PROFILE=PROGRAM:WORKLOAD: the function profile (ftrace) of one more run of that
# workload on each tree, at the largest population; time is guest time (instructions).
if [ -n "${BENCH_PROFILE:-}" ]; then
	T=/sys/kernel/tracing
	[ -e $T/trace_stat ] || mount -t tracefs none $T || exit 1
	prog=${BENCH_PROFILE%%:*} only=${BENCH_PROFILE#*:}
	# BENCH_PROFILE_FILTER: only these functions (globs), so that the profiler's own
	# cost stays out of the callers' times.
	echo "${BENCH_PROFILE_FILTER:-}" > $T/set_ftrace_filter || exit 1
	for root in /proc2 /proc; do
		echo 0 > $T/function_profile_enabled
		echo 1 > $T/function_profile_enabled
		BENCH_ONLY=$only $BIN/$prog once $root || exit 1
		echo 0 > $T/function_profile_enabled
		echo "# profile of $only on $root (ftrace function profiler, times include callees)"
		head -n ${BENCH_PROFILE_LINES:-60} $T/trace_stat/function0 | sed 's/^/# /'
	done
fi

# What one ps scan leaves in the slab caches, each tree on its own after a drop: its
# inode cache, dentries, and all slab memory (meminfo's Slab:, in KiB).
for root in /proc2 /proc; do
	fs=procfs2 cache=procfs2_inode_cache
	[ $root = /proc ] && fs=proc cache=proc_inode_cache
	$BIN/drop-caches || exit 1
	set -- $(slab $cache) $(slab dentry) $(slab_total_kb)
	inodes=$1 dentries=$3 kb=$5
	$BIN/ps-scan once $root || exit 1
	set -- $(slab $cache) $(slab dentry) $(slab_total_kb)
	echo "bench-mem $fs inodes $(($1 - inodes)) $2"
	echo "bench-mem $fs dentries $(($3 - dentries)) $4"
	echo "bench-mem $fs slab_kb $(($5 - kb)) 1024"
done
echo "# bench: done"
