# SPDX-License-Identifier: GPL-2.0
# /proc2/PID/smaps, smaps_rollup, numa_maps, pagemap and clear_refs against /proc's
# on the same processes: a process with a transparent huge page, the huge zero
# page, a region shared copy-on-write with a forked child, an mlock'd region,
# MADV_FREE'd pages, shared anonymous memory (shmem), a file mapping and memory
# policies of each kind numa_maps prints (tests/helpers/smapsproc.c);
# a process reading its own files; the test shell, init, a process of nobody's.
# THPeligible is masked in the byte comparisons (procfs2 computes it with the THP
# policy the kernel was built with; the sysfs settings are private:
# doc/differences.md) and compared once on its own, under that default policy.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
H=/tests/bin/smapsproc
D=/tmp/t73
rm -rf $D
mkdir -p $D
sleepers
$H > $D/pids &
waitfor '[ -s $D/pids ]'
read P C < $D/pids
# The lazy-free folios and the COW child settle: wait until two reads agree.
waitfor "[ \"\$(cat /proc/$P/smaps_rollup)\" = \"\$(cat /proc/$P/smaps_rollup)\" ]"

nothp() { grep -v '^THPeligible:'; }
# cmp3 FILE PID: /proc, /proc2, /proc again, up to five times: procfs2's read must
# equal one of the two reads around it (a counter may move between reads).
cmp3() {
	try=1
	while :; do
		nothp < /proc/$2/$1 > $D/a 2>&1
		nothp < /proc2/$2/$1 > $D/b 2>&1
		nothp < /proc/$2/$1 > $D/c 2>&1
		if cmp -s $D/a $D/b || cmp -s $D/c $D/b; then
			echo same
			return
		fi
		[ $try = 5 ] && break
		try=$((try + 1))
	done
	diff $D/a $D/b | head -n 8
}
for f in smaps smaps_rollup; do
	for p in "$P:the process with THP, mlock, MADV_FREE, shmem, file mappings" \
		"$C:its forked COW child" "$$:the test shell" "1:init" \
		"$NOBODYS:a process of nobody's" "2:kthreadd"; do
		pid=${p%%:*}
		same "$f of $p#*: as /proc's (THPeligible aside)" "$(cmp3 $f $pid)" same
	done
done

# numa_maps: each mapping's policy (the task's interleave, bind, bind with NUMA
# balancing, a shmem shared policy), name and page counts per node, as /proc's.
for p in "$P:the process with THP, COW, shmem, file mappings and memory policies" \
	"$C:its forked COW child (the inherited task policy)" "$$:the test shell" "1:init" \
	"$NOBODYS:a process of nobody's" "2:kthreadd"; do
	pid=${p%%:*}
	same "numa_maps of ${p#*:}: as /proc's" "$(cmp3 numa_maps $pid)" same
done
for pol in "interleave=static:0-1" "bind:0" "bind=balancing:0" "prefer:1"; do
	same "numa_maps: a mapping with policy $pol, as in /proc" \
		"$(grep -c " $pol " /proc2/$P/numa_maps)" "$(grep -c " $pol " /proc/$P/numa_maps)"
	expect "numa_maps: the policy $pol is shown" grep -q " $pol " /proc2/$P/numa_maps
done
same "numa_maps: mode and owner as /proc's" "$(stat -c '%A %U' /proc2/$P/numa_maps)" "$(stat -c '%A %U' /proc/$P/numa_maps)"
same "numa_maps of root's process opened by nobody: as /proc's" \
	"$(su -s /bin/sh nobody -c "cat /proc2/$P/numa_maps 2>&1 >/dev/null" | sed 's/.*: //')" \
	"$(su -s /bin/sh nobody -c "cat /proc/$P/numa_maps 2>&1 >/dev/null" | sed 's/.*: //')"

# A process reading its own files, with nothing allocated between the reads.
(cd $D && $H -s $D)
for f in smaps smaps_rollup pagemap; do
	same "a process's own $f (/proc2/self) as its /proc/self/$f" \
		"$(nothp < $D/proc2.$f | md5sum)" "$(nothp < $D/proc.$f | md5sum)"
done

# What the helper's mappings show, so that the comparisons above covered them.
field() { awk -v f="$2:" '$1 == f { print $2 }' /proc2/$P/$1; }
rollup=/proc2/$P/smaps_rollup
ahp=$(field smaps_rollup AnonHugePages)
if [ "$(awk '$1 == "AnonHugePages:" { print $2 }' /proc/$P/smaps_rollup)" = 0 ]; then
	skip "smaps: the THP area is backed by a huge page" "/proc shows none either"
else
	expect "smaps: the THP area is backed by a huge page (AnonHugePages $ahp kB)" [ "$ahp" -ge 2048 ]
fi
expect "smaps_rollup: Pss ($(field smaps_rollup Pss) kB) below Rss ($(field smaps_rollup Rss) kB): COW sharing" \
	[ "$(field smaps_rollup Pss)" -lt "$(field smaps_rollup Rss)" ]
expect "smaps_rollup: Locked $(field smaps_rollup Locked) kB (mlock)" [ "$(field smaps_rollup Locked)" -gt 0 ]
expect "smaps_rollup: LazyFree $(field smaps_rollup LazyFree) kB (MADV_FREE)" [ "$(field smaps_rollup LazyFree)" -gt 0 ]
expect "smaps_rollup: Pss_Shmem $(field smaps_rollup Pss_Shmem) kB (shared anonymous memory)" \
	[ "$(field smaps_rollup Pss_Shmem)" -gt 0 ]
exe=$(readlink /proc/$P/exe)
same "smaps: the file mapping of the executable is resident in both" \
	"$(grep -A3 " $exe\$" /proc2/$P/smaps | awk '$1 == "Rss:" { print $2 }' | sort -n | tail -n 1)" \
	"$(grep -A3 " $exe\$" /proc/$P/smaps | awk '$1 == "Rss:" { print $2 }' | sort -n | tail -n 1)"
same "smaps: THPeligible of every mapping, under the kernel's default THP policy" \
	"$(grep '^THPeligible:' /proc2/$P/smaps | md5sum)" "$(grep '^THPeligible:' /proc/$P/smaps | md5sum)"

# pagemap: entries at the same offsets, as root (PFNs) and as nobody (no PFNs).
# The first 16 pages of every mapping, and 1024 entries over the THP area.
ranges() { awk '{ split($1, a, "-"); print a[1] }' /proc/$1/maps | grep -v '^ffffffffff600000'; }
pm() { # TREE PID [su]: the entries of every range
	for a in $(ranges $2); do
		$3 $H -p /$1/$2/pagemap $a 16
	done
}
same "pagemap of the helper as root: 16 entries at every mapping (PFNs)" \
	"$(pm proc2 $P | md5sum)" "$(pm proc $P | md5sum)"
thp=$(awk '$1 == "AnonHugePages:" && $2 >= 2048 { print prev } { if ($1 ~ /-/) prev = $1 }' /proc/$P/smaps | head -n 1)
thp=${thp%%-*}
same "pagemap of the THP area (1024 entries) as root" \
	"$($H -p /proc2/$P/pagemap ${thp:-0} 1024 | md5sum)" "$($H -p /proc/$P/pagemap ${thp:-0} 1024 | md5sum)"
expect "pagemap as root shows PFNs" [ -n "$($H -p /proc2/$P/pagemap ${thp:-0} 4 | grep -v '^8[0-9a-f]0000000000000$')" ]
asnobody() { su -s /bin/sh nobody -c "$*"; }
same "pagemap of nobody's process read by nobody: no PFNs, as /proc's" \
	"$(for a in $(ranges $NOBODYS); do asnobody $H -p /proc2/$NOBODYS/pagemap $a 16; done | md5sum)" \
	"$(for a in $(ranges $NOBODYS); do asnobody $H -p /proc/$NOBODYS/pagemap $a 16; done | md5sum)"
same "pagemap of a sleeper's whole stack as root" \
	"$(a=$(awk '$6 == "[stack]" { print $1 }' /proc/$ROOTS/maps); $H -p /proc2/$ROOTS/pagemap ${a%%-*} 256 | md5sum)" \
	"$(a=$(awk '$6 == "[stack]" { print $1 }' /proc/$ROOTS/maps); $H -p /proc/$ROOTS/pagemap ${a%%-*} 256 | md5sum)"
same "pagemap: a hole below the first mapping and the top of user space" \
	"$($H -p /proc2/$P/pagemap 1000 8; $H -p /proc2/$P/pagemap 7ffffffef000 32)" \
	"$($H -p /proc/$P/pagemap 1000 8; $H -p /proc/$P/pagemap 7ffffffef000 32)"
same "pagemap: unaligned, short, empty, seeks, at 2^63 and at the end" \
	"$($H -e /proc2/$P/pagemap)" "$($H -e /proc/$P/pagemap)"

# clear_refs: the answers to each value, and what Referenced shows after 1, 2, 3.
cr() { # TREE VALUE [PID]
	out=$( (printf '%s' "$2" > /$1/${3:-$P}/clear_refs) 2>&1)
	echo "rc=$? ${out##*: }"
}
for v in 1 2 3 4 5 0 6 -1 abc "" " 3 " "3x" 99999999999; do
	same "clear_refs: writing '$v' answers as /proc's" "$(cr proc2 "$v")" "$(cr proc "$v")"
done
ref() { awk '$1 == "Referenced:" { s += $2 } END { print s }' /proc/$P/smaps; }
for v in 1 2 3; do
	echo $v > /proc/$P/clear_refs
	a=$(ref)
	echo $v > /proc2/$P/clear_refs
	b=$(ref)
	same "clear_refs $v through /proc2: Referenced in /proc's smaps as after /proc's ($a kB)" "$b" "$a"
done
# refs TREE: each mapping's start and its Referenced.
refs() { awk '/^[0-9a-f]+-[0-9a-f]+ / { m = $1 " " $6 } $1 == "Referenced:" { print m, $2 }' $1/$P/smaps | tr ' ' '_' | sed 's/_\([0-9]*\)$/ \1/'; }
echo 1 > /proc2/$P/clear_refs
# Page cache pages P shares with others (its file mappings) may be referenced by
# them between the reads, and reclaim's aging may clear a bit: each mapping's value
# must lie between its two /proc values on one of five tries.
try=1
while :; do
	refs /proc > $D/a
	refs /proc2 > $D/b
	refs /proc > $D/c
	bad=$(paste -d' ' $D/a $D/b $D/c | awk '{ a = $2; b = $4; c = $6
		if (!((a <= b && b <= c) || (c <= b && b <= a))) print $1 ": " a, b, c }')
	[ -z "$bad" ] || [ $try = 5 ] && break
	try=$((try + 1))
done
same "clear_refs: Referenced of every mapping after 1, in /proc2 between two /proc reads (try $try)" "$bad" ""
echo 5 > /proc2/$P/clear_refs
same "clear_refs 5 through /proc2: VmHWM is reset to VmRSS" \
	"$(awk '$1 == "VmHWM:" { print $2 }' /proc/$P/status)" "$(awk '$1 == "VmRSS:" { print $2 }' /proc/$P/status)"
same "clear_refs: a read answers as /proc's" "$(errmsg cat /proc2/$P/clear_refs)" "$(errmsg cat /proc/$P/clear_refs)"

# Who may open what: a user who may not read the process, a kernel thread.
for f in smaps smaps_rollup pagemap; do
	same "$f of root's process opened by nobody: as /proc's" \
		"$(asnobody "cat /proc2/$P/$f 2>&1 >/dev/null" | sed 's/.*: //')" \
		"$(asnobody "cat /proc/$P/$f 2>&1 >/dev/null" | sed 's/.*: //')"
	same "$f of kthreadd: as /proc's" \
		"$($H -p /proc2/2/$f 0 1 2>&1 | head -n 1)" "$($H -p /proc/2/$f 0 1 2>&1 | head -n 1)"
done
same "clear_refs of root's process written by nobody: as /proc's" \
	"$(asnobody "echo 1 > /proc2/$P/clear_refs" 2>&1 | sed 's/.*: //')" \
	"$(asnobody "echo 1 > /proc/$P/clear_refs" 2>&1 | sed 's/.*: //')"
same "clear_refs of kthreadd: as /proc's" "$(cr proc2 1 2)" "$(cr proc 1 2)"
for f in smaps smaps_rollup pagemap clear_refs; do
	same "$f: mode and owner as /proc's" "$(stat -c '%A %U' /proc2/$P/$f)" "$(stat -c '%A %U' /proc/$P/$f)"
	same "task/$C/$f: mode as /proc's" "$(stat -c '%A' /proc2/$C/task/$C/$f)" "$(stat -c '%A' /proc/$C/task/$C/$f)"
done
kill $P $C $ROOTS $NOBODYS
wait 2>/dev/null
umount /proc2
rm -rf $D
