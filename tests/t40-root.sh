# SPDX-License-Identifier: GPL-2.0
# The root directory: names, order, modes and types against /proc's; readdir that
# resumes anywhere; self, thread-self and the global files' contents.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
W=/tests/bin/dirwalk
MISSING=/tests/missing-root-entries.txt

names() { $W list "$1" | cut -d' ' -f1 | grep -v -x -e . -e .. -e '[0-9]*'; }
ours=$(names /proc2)
theirs=$(names /proc)

extra=$(for n in $ours; do echo "$theirs" | grep -qx "$n" || echo "$n"; done)
same "every procfs2 root name is in /proc" "$extra" ""
same "procfs2 lists its names in /proc's order" \
	"$(echo "$theirs" | grep -x -F "$ours" | tr '\n' ' ')" "$(echo "$ours" | tr '\n' ' ')"
unlisted=$(for n in $theirs; do
	echo "$ours" | grep -qx "$n" || grep -q "^$n " $MISSING || echo "$n"; done)
same "every /proc name procfs2 lacks is listed in $(basename $MISSING)" "$unlisted" ""
stale=$(for n in $ours; do grep -q "^$n " $MISSING && echo "$n"; done)
same "no name listed as missing is provided" "$stale" ""

bad=""
for n in $ours; do
	a=$(stat -c '%A %u %g %F' /proc2/$n) b=$(stat -c '%A %u %g %F' /proc/$n)
	[ "$a" = "$b" ] || bad="$bad $n($a vs $b)"
done
same "mode, owner and type of each name as /proc's" "$bad" ""
same "d_type matches stat for every root entry" "$($W types /proc2)" ""
same "d_type of each name as /proc's" \
	"$($W list /proc2 | grep -v '^[0-9]' | sort)" \
	"$($W list /proc | grep -v '^[0-9]' | grep -x -F "$($W list /proc2 | grep -v '^[0-9]')" | sort)"

# (Processes differ between two walks: each walker lists itself. t70 covers them.)
same "getdents64 one entry at a time gives the same list (non-numeric names)" \
	"$($W one /proc2 | grep -v '^[0-9]')" "$($W list /proc2 | grep -v '^[0-9]')"
same "seekdir to every telldir position resumes without skip or repeat" \
	"$($W seek /proc2 | sed 's/ok [0-9]*/ok/')" "ok"
dirs=$($W list /proc2 | grep -v -e '^\.' -e '^[0-9]' | grep -c ' d$')
procs=$($W list /proc2 | grep -c '^[0-9]')
nlink=$(stat -c %h /proc2)
expect "root nlink is 2 + subdirectories ($dirs) + processes ($procs, give or take 2): $nlink" \
	[ $((nlink - 2 - dirs - procs)) -ge -2 -a $((nlink - 2 - dirs - procs)) -le 2 ]

# The count behind nlink is the system's processes (wrap/task/sched.rs, nr_processes):
# a fork and an exit must show at once, in the same tick, as in /proc.
p0=$(stat -c %h /proc) q0=$(stat -c %h /proc2)
sleep 60 & s1=$!; sleep 60 & s2=$!; sleep 60 & s3=$!
p1=$(stat -c %h /proc) q1=$(stat -c %h /proc2)
kill $s1 $s2 $s3; wait $s1 $s2 $s3 2>/dev/null
p2=$(stat -c %h /proc) q2=$(stat -c %h /proc2)
same "root nlink follows 3 forks at once, as /proc's ($p0 -> $p1, procfs2 $q0 -> $q1)" \
	"$((q1 - q0))" "$((p1 - p0))"
same "root nlink follows their exits at once, as /proc's ($p1 -> $p2, procfs2 $q1 -> $q2)" \
	"$((q2 - q1))" "$((p2 - p1))"

# self and thread-self, read by one process for both trees.
out=$(ls -l /proc/self /proc2/self | sed 's/.*-> //' | sort -u | wc -l)
same "one reader sees the same self in both" "$out" "1"
out=$(ls -l /proc/thread-self /proc2/thread-self | sed 's/.*-> //' | sort -u | wc -l)
same "one reader sees the same thread-self in both" "$out" "1"
bad=""
for n in $ours; do [ -L /proc2/$n ] && ! [ -e /proc2/$n ] && bad="$bad $n"; done
same "no link in the root dangles (mounts is listed, not linked)" "$bad" ""

# In a new pid namespace, self follows the mount's namespace.
mkdir -p /tmp/ns /tmp/nsp
out=$(unshare -p -f -m sh -c 'mount -t procfs2 none /tmp/ns; mount -t proc proc /tmp/nsp;
	ls -l /tmp/nsp/self /tmp/ns/self | sed "s/.*-> //" | sort -u; umount /tmp/ns /tmp/nsp')
same "self in a child pid namespace mount (/proc says $out)" "$(echo $out | wc -w)" "1"
# Mounted in a child pid namespace, the root's link count still counts every process
# of the system (nr_processes), as /proc's does: the same as the outer mounts'.
out=$(unshare -p -f -m sh -c 'mount -t procfs2 none /tmp/ns; mount -t proc proc /tmp/nsp;
	echo $(stat -c %h /proc) $(stat -c %h /tmp/nsp) $(stat -c %h /proc2) $(stat -c %h /tmp/ns)
	umount /tmp/ns /tmp/nsp')
same "root nlink in a child pid namespace mount is the system's, as /proc's ($out)" \
	"$(echo $out | awk '{ print ($1 == $2) + 0, ($3 == $4) + 0 }')" "1 1"
# A mount made in a child pid namespace, read from outside it: ENOENT as for proc.
unshare -p -f sh -c 'mount -t procfs2 none /tmp/ns; mount -t proc proc /tmp/nsp; sleep 3' &
waitfor 'grep -q " /tmp/ns " /proc/mounts && grep -q " /tmp/nsp " /proc/mounts'
same "self of a caller outside the mount's namespace fails as for proc" \
	"$(errmsg stat -L /tmp/ns/self)" "$(errmsg stat -L /tmp/nsp/self)"
wait
umount /tmp/ns /tmp/nsp

# The reader's time namespace (boot time 100000 s ahead): uptime, stat's btime and
# a process's start time (stat field 22) as /proc gives them to that reader.
tn=$(/tests/bin/timens 100000 sh -c 'cut -d" " -f1 /proc/uptime /proc2/uptime
	grep "^btime" /proc/stat; grep "^btime" /proc2/stat
	cut -d" " -f22 /proc/1/stat /proc2/1/stat' | tr '\n' ' ')
set -- $tn
same "uptime in a time namespace: as /proc's ($1)" "$(awk -v a=$1 -v b=$2 'BEGIN { d = b - a; print (a > 100000 && d >= 0 && d < 2) ? "close" : b }')" close
same "stat btime in a time namespace" "$4" "$6"
same "pid 1's start time in a time namespace" "$8" "$7"

# Contents.
same "version is /proc's, byte for byte" "$(cat /proc2/version)" "$(cat /proc/version)"
same "execdomains is /proc's, byte for byte" "$(od -c /proc2/execdomains)" "$(od -c /proc/execdomains)"

# cpuinfo: byte for byte, read whole and 7 bytes at a time (records resume at the
# next online CPU). With APERF/MPERF the kernel's "cpu MHz" is its last sample
# (per-CPU cpu_samples, static); procfs2 shows cpufreq's or cpu_khz, so that line is
# left out of the comparison on such CPUs only.
mhz() { if grep -qw aperfmperf /proc/cpuinfo; then grep -v '^cpu MHz'; else cat; fi; }
same "cpuinfo is /proc's, byte for byte$(grep -qw aperfmperf /proc/cpuinfo && echo ' (cpu MHz aside)')" \
	"$(mhz < /proc2/cpuinfo | md5sum)" "$(mhz < /proc/cpuinfo | md5sum)"
same "cpuinfo read 7 bytes at a time is the same" \
	"$(dd if=/proc2/cpuinfo bs=7 2>/dev/null | mhz | md5sum)" "$(mhz < /proc/cpuinfo | md5sum)"
same "cpuinfo has a record per online CPU" "$(grep -c ^processor /proc2/cpuinfo)" \
	"$(grep -c ^processor /proc/cpuinfo)"

same "crypto is /proc's, byte for byte ($(grep -c '^name' /proc/crypto) algorithms)" \
	"$(md5sum < /proc2/crypto)" "$(md5sum < /proc/crypto)"
same "consoles is /proc's, byte for byte" "$(od -c /proc2/consoles)" "$(od -c /proc/consoles)"
same "filesystems is /proc's, byte for byte ($(wc -l < /proc/filesystems) types)" \
	"$(od -c /proc2/filesystems)" "$(od -c /proc/filesystems)"
# misc: the misc devices of misc_class, newest first (wrap/device.rs).
same "misc is /proc's, byte for byte ($(wc -l < /proc/misc) devices)" "$(od -c /proc2/misc)" "$(od -c /proc/misc)"
# sysvipc: the reader's ipc namespace, objects in id order with a hole where a
# queue was removed, a segment marked for removal while attached; byte for byte,
# read whole and 7 bytes at a time; empty again (the headers) once removed; an ipc
# namespace of its own shows only its own.
ipcfiles() { for f in msg sem shm; do echo "== $f"; cat "$1/sysvipc/$f"; done; }
ipcfiles7() { for f in msg sem shm; do echo "== $f"; dd if="$1/sysvipc/$f" bs=7 2>/dev/null; done; }
/tests/bin/sysvipc > /tmp/sysvipc.out &
ipc_pid=$!
waitfor '[ -s /tmp/sysvipc.out ]'
same "sysvipc is /proc's, byte for byte ($(($(cat /proc/sysvipc/* | wc -l) - 3)) objects)" \
	"$(ipcfiles /proc2)" "$(ipcfiles /proc)"
same "sysvipc read 7 bytes at a time is the same" "$(ipcfiles7 /proc2)" "$(ipcfiles /proc)"
same "sysvipc: ipcs on procfs2 bound over /proc prints what it prints on /proc" \
	"$(unshare -m sh -c 'mount --bind /proc2 /proc && /opt/procps/bin/ipcs -a; /opt/procps/bin/ipcs -p -t -u' 2>&1)" \
	"$(/opt/procps/bin/ipcs -a; /opt/procps/bin/ipcs -p -t -u)"
same "sysvipc in a new ipc namespace: only its own (none)" \
	"$(unshare -i sh -c 'for f in msg sem shm; do cat /proc2/sysvipc/$f; done')" \
	"$(unshare -i sh -c 'for f in msg sem shm; do cat /proc/sysvipc/$f; done')"
# The namespaces are the opener's, kept from open to release (sysvipc_proc_open):
# a file opened here and read in a new ipc or pid namespace shows this one's
# objects and pids.
for f in shm msg; do
	same "sysvipc/$f opened here, read in a new ipc namespace: the opener's objects" \
		"$(exec 3< /proc2/sysvipc/$f; unshare -i sh -c 'cat <&3')" \
		"$(exec 3< /proc/sysvipc/$f; unshare -i sh -c 'cat <&3')"
	same "sysvipc/$f opened here, read in a new pid namespace: the opener's pids" \
		"$(exec 3< /proc2/sysvipc/$f; unshare -p -f sh -c 'cat <&3')" \
		"$(exec 3< /proc/sysvipc/$f; unshare -p -f sh -c 'cat <&3')"
done
kill $ipc_pid; wait $ipc_pid
same "sysvipc after the objects are removed is /proc's" "$(ipcfiles /proc2)" "$(ipcfiles /proc)"
# procfs2 walks the list from sysfs (wrap/filesystems.rs): it must be the head.
same "filesystems: sysfs is the first registered type" "$(head -n 1 /proc/filesystems)" "$(printf 'nodev\tsysfs')"
# diskstats and partitions: byte for byte, while no I/O moves the counters between
# two /proc reads; read after I/O on the disk, and 7 bytes at a time.
settled() { # NAME: /proc2's copy of /proc/NAME, from a try where /proc did not move
	for i in 1 2 3 4 5 6 7 8 9 10; do
		a=$(od -c /proc/$1) b=$(od -c /proc2/$1) c=$(od -c /proc/$1)
		[ "$a" = "$c" ] && break
	done
	[ "$a" = "$c" ] || b="/proc/$1 moved on every try"
}
settled partitions
same "partitions is /proc's, byte for byte ($(grep -c . /proc/partitions) lines)" "$b" "$a"
disk=$(awk 'NR > 2 { print $4; exit }' /proc/partitions)
[ -n "$disk" ] && dd if=/dev/$disk of=/dev/null bs=4096 count=64 2>/dev/null
settled diskstats
same "diskstats is /proc's, byte for byte, after I/O on ${disk:-no disk} ($(wc -l < /proc/diskstats) devices)" "$b" "$a"
same "diskstats read 7 bytes at a time is the same" \
	"$(dd if=/proc2/diskstats bs=7 2>/dev/null | od -c)" "$(od -c /proc2/diskstats)"
same "diskstats lists /proc's devices in /proc's order" \
	"$(awk '{ print $1, $2, $3 }' /proc2/diskstats)" "$(awk '{ print $1, $2, $3 }' /proc/diskstats)"
# I/O in flight: each counter of a procfs2 read lies between two /proc reads (the
# in-flight count, field 12, aside), and io_ticks is brought up to date as /proc's
# reader does (update_io_ticks).
if [ -n "$disk" ]; then
	(while :; do dd if=/dev/$disk of=/dev/null bs=65536 2>/dev/null; echo 3 > /proc/sys/vm/drop_caches; done) &
	io=$!
	bad=""
	for i in 1 2 3 4 5 6 7 8 9 10; do
		bad="$bad$(printf '%s\n' "$(cat /proc/diskstats)" -- "$(cat /proc2/diskstats)" -- "$(cat /proc/diskstats)" | awk '
			$0 == "--" { part++; next }
			{ for (f = 4; f <= NF; f++) v[part, $3, f] = $f; n[$3] = NF }
			END { for (d in n) for (f = 4; f <= n[d]; f++) if (f != 12 &&
				!(v[0, d, f] + 0 <= v[1, d, f] + 0 && v[1, d, f] + 0 <= v[2, d, f] + 0))
				printf " %s:%d(%s %s %s)", d, f, v[0, d, f], v[1, d, f], v[2, d, f] }')"
	done
	kill $io; wait $io 2>/dev/null
	same "diskstats under I/O: each counter lies between two /proc reads" "$bad" ""
else
	skip "diskstats under I/O" "no disk in the guest"
fi

# slabinfo: every cache of /proc, in /proc's order (newest first: procfs2's own
# inode cache and the caches made after boot before those of boot); a line is /proc's byte for byte where
# two /proc reads around it agree (allocations move the counts of busy caches); the
# columns that do not move (name, object size, objects per slab, pages per slab,
# tunables) are /proc's on every line, read whole and 7 bytes at a time.
slabcols() { awk 'NR <= 2 { print; next } { print $1, $4, $5, $6, $7, $8, $9, $10, $11 }'; }
for try in 1 2 3; do
	a=$(cat /proc/slabinfo) b=$(cat /proc2/slabinfo) c=$(cat /proc/slabinfo)
	moved=$(printf '%s\n' "$a" -- "$b" -- "$c" | awk '
		BEGIN { part = 0 }
		$0 == "--" { part++; next }
		{ v[part, ++n[part]] = $0 }
		END { if (n[0] != n[1] || n[1] != n[2]) { print "lengths", n[0], n[1], n[2]; exit }
			for (i = 1; i <= n[0]; i++) if (v[0, i] == v[2, i]) {
				same++
				if (v[1, i] != v[0, i]) print "line", i ": " v[1, i] " | " v[0, i]
			}
			if (same * 2 < n[0]) print "only", same, "of", n[0], "lines settled" }')
	[ -z "$moved" ] && break
	echo "# slabinfo try $try: $moved" | head -5
done
same "slabinfo: every line where /proc did not move is /proc's, byte for byte ($(($(wc -l < /proc/slabinfo) - 2)) caches)" "$moved" ""
same "slabinfo: /proc's caches in /proc's order, with /proc's fixed columns" \
	"$(slabcols < /proc2/slabinfo)" "$(slabcols < /proc/slabinfo)"
same "slabinfo read 7 bytes at a time: the same caches and fixed columns" \
	"$(dd if=/proc2/slabinfo bs=7 2>/dev/null | slabcols)" "$(slabcols < /proc/slabinfo)"
same "slabinfo: the oldest cache, kmem_cache, last; procfs2_inode_cache (made after boot) among the first $(grep -n ^procfs2_inode_cache /proc/slabinfo | cut -d: -f1)" \
	"$(awk '$1 == "procfs2_inode_cache" { n = NR } END { print n, $1 }' /proc2/slabinfo)" \
	"$(awk '$1 == "procfs2_inode_cache" { n = NR } END { print n, $1 }' /proc/slabinfo)"
same "slabinfo as nobody: as /proc" \
	"$(su -s /bin/sh nobody -c 'cat /proc2/slabinfo' 2>&1 | sed 's/.*: //')" \
	"$(su -s /bin/sh nobody -c 'cat /proc/slabinfo' 2>&1 | sed 's/.*: //')"
if [ -x /opt/procps/bin/slabtop ]; then
	slabtop_names() { unshare -m sh -c "${1:+mount --bind $1 /proc;} /opt/procps/bin/slabtop -o -s n" | awk '/OBJS ACTIVE/ { on = 1; next } on { print $NF, $4 }'; }
	same "slabinfo: slabtop on procfs2 bound over /proc lists what it lists on /proc (names, sizes)" \
		"$(slabtop_names /proc2)" "$(slabtop_names)"
else
	skip "slabinfo: slabtop on procfs2 bound over /proc" "no slabtop in the guest"
fi

# modules: byte for byte for root (addresses shown), with kptr_restrict 1 and 2, and
# for readers without CAP_SYSLOG (zeros, unless kptr_restrict 0 with
# perf_event_paranoid <= 1, where /proc shows addresses to all and procfs2 does not:
# doc/differences.md).
kr=$(cat /proc/sys/kernel/kptr_restrict)
same "modules is /proc's, byte for byte ($(wc -l < /proc/modules) modules)" \
	"$(od -c /proc2/modules)" "$(od -c /proc/modules)"
for k in 1 2; do
	echo $k > /proc/sys/kernel/kptr_restrict
	same "modules with kptr_restrict $k, read by root" "$(od -c /proc2/modules)" "$(od -c /proc/modules)"
done
echo $kr > /proc/sys/kernel/kptr_restrict
if [ "$kr" != 0 ] || [ "$(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null || echo 2)" -gt 1 ]; then
	same "modules read by an unprivileged user (addresses zeroed)" \
		"$(su -s /bin/sh u1000 -c 'od -c /proc2/modules')" "$(su -s /bin/sh u1000 -c 'od -c /proc/modules')"
	same "modules read by root of a user namespace (addresses zeroed)" \
		"$(/tests/bin/ascaller userns od -c /proc2/modules)" "$(/tests/bin/ascaller userns od -c /proc/modules)"
else
	skip "modules read without CAP_SYSLOG" "perf_event_paranoid <= 1: /proc shows addresses to all"
fi
# (Opened by root, read by another user: /proc shows what the opener may see;
# procfs2 shows addresses only to a reader with the opener's credentials.)
same "modules opened by root, read by an unprivileged user: no address shown" \
	"$(su -s /bin/sh u1000 -c cat < /proc2/modules | grep -vc ' 0x0000000000000000$\| 0x0000000000000000 ')" "0"

# cgroups: byte for byte, then with a v1 hierarchy mounted (hierarchy id and count).
same "cgroups is /proc's, byte for byte" "$(od -c /proc2/cgroups)" "$(od -c /proc/cgroups)"
mkdir -p /tmp/t40cg
if mount -t cgroup -o pids none /tmp/t40cg 2>/dev/null; then
	mkdir /tmp/t40cg/a /tmp/t40cg/b
	same "cgroups with a v1 pids hierarchy of 3 cgroups" "$(od -c /proc2/cgroups)" "$(od -c /proc/cgroups)"
	# A v1 hierarchy unmounted while it has children stays (and shows in every
	# /proc/PID/cgroup, which procfs2 does not list): unmount once they are freed.
	rmdir /tmp/t40cg/a /tmp/t40cg/b
	waitfor '[ "$(awk '"'"'$1 == "pids" { print $3 }'"'"' /proc/cgroups)" = 1 ]'
	umount /tmp/t40cg
	waitfor '! grep -q "^[0-9]*:pids:" /proc/self/cgroup'
	same "the v1 pids hierarchy is gone after umount" "$(grep -c ':pids:' /proc/self/cgroup)" "0"
else
	skip "cgroups with a v1 hierarchy" "cgroup v1 pids cannot be mounted"
fi

# meminfo's hugetlb lines: byte for byte with a pool of 3 default-size pages, and
# with a second hugetlbfs mount of the other size.
huge() { grep -E '^(HugePages_|Hugepagesize|Hugetlb)' $1/meminfo; }
nr=$(cat /proc/sys/vm/nr_hugepages)
echo 3 > /proc/sys/vm/nr_hugepages
same "meminfo's hugetlb lines with $(cat /proc/sys/vm/nr_hugepages) default huge pages" "$(huge /proc2)" "$(huge /proc)"
mkdir -p /tmp/t40h
other=$(ls /sys/kernel/mm/hugepages | grep -v "hugepages-$(awk '/Hugepagesize/ { print $2 }' /proc/meminfo)kB" | head -n 1)
if [ -n "$other" ] && mount -t hugetlbfs -o pagesize=${other#hugepages-} none /tmp/t40h 2>/dev/null; then
	echo 1 > /sys/kernel/mm/hugepages/$other/nr_hugepages 2>/dev/null
	same "meminfo's hugetlb lines with a $other mount ($(cat /sys/kernel/mm/hugepages/$other/nr_hugepages) pages)" \
		"$(huge /proc2)" "$(huge /proc)"
	echo 0 > /sys/kernel/mm/hugepages/$other/nr_hugepages
	umount /tmp/t40h
else
	skip "meminfo's hugetlb lines with a second page size" "one huge page size"
fi
echo $nr > /proc/sys/vm/nr_hugepages
# interrupts: /proc's lines in /proc's order less the listed ones, byte for byte
# with the count columns cut out; each count lies between two /proc reads.
a=$(cat /proc/interrupts) b=$(cat /proc2/interrupts) c=$(cat /proc/interrupts)
listed=$(grep -v '^#' /tests/missing-interrupts-lines.txt | cut -d' ' -f1 | tr '\n' ' ')
unlisted() { echo "$1" | awk -v l="$listed" 'BEGIN { n = split(l, d, " "); for (i = 1; i <= n; i++) skip[d[i] ":"] }
	!($1 in skip)'; }
# The header names the CPUs; every other line has a count column ("%10u ") per CPU.
uncounted() { awk 'NR == 1 { n = gsub(/CPU/, "CPU"); print; next }
	{ i = index($0, ":"); print substr($0, 1, i + 1) "|" substr($0, i + 2 + 11 * n) }'; }
same "interrupts is /proc's less the listed lines, counts aside ($(echo "$b" | grep -c '^ *[0-9]*:') interrupts)" \
	"$(echo "$b" | uncounted)" "$(unlisted "$a" | uncounted)"
bad=$(printf '%s\n' "$(unlisted "$a")" "--" "$b" "--" "$(unlisted "$c")" | awk '
	BEGIN { part = 0 } $0 == "--" { part++; next } /CPU0/ { next }
	{ for (f = 2; f <= NF && $f ~ /^[0-9]+$/; f++) v[part, $1, f] = $f; if (part == 1) keys[$1] = f }
	END { for (k in keys) for (f = 2; f < keys[k]; f++) if (!(v[0, k, f] + 0 <= v[1, k, f] + 0 && v[1, k, f] + 0 <= v[2, k, f] + 0))
		printf " %s%d(%s %s %s)", k, f - 1, v[0, k, f], v[1, k, f], v[2, k, f] }')
same "interrupts counts lie between two /proc reads" "$bad" ""
same "interrupts read 7 bytes at a time has the same lines" \
	"$(dd if=/proc2/interrupts bs=7 2>/dev/null | uncounted)" "$(echo "$b" | uncounted)"

# buddyinfo: the same zones of the same nodes, in /proc's layout; the free counts
# move with every allocation, so only their columns are compared.
same "buddyinfo lists /proc's nodes and zones in /proc's layout" \
	"$(sed 's/  *[0-9][0-9]*/ N/g' /proc2/buddyinfo)" "$(sed 's/  *[0-9][0-9]*/ N/g' /proc/buddyinfo)"
same "buddyinfo's columns line up as /proc's" \
	"$(sed 's/[0-9]/9/g' /proc2/buddyinfo | awk '{ print length($0) }' | sort -u)" \
	"$(sed 's/[0-9]/9/g' /proc/buddyinfo | awk '{ print length($0) }' | sort -u)"

# zoneinfo: every zone of every node, its lines and counters' names as /proc's; the
# numbers move.
same "zoneinfo has /proc's lines, numbers aside ($(grep -c '^Node' /proc/zoneinfo) zones)" \
	"$(sed 's/[0-9][0-9]*/N/g' /proc2/zoneinfo)" "$(sed 's/[0-9][0-9]*/N/g' /proc/zoneinfo)"
same "zoneinfo: spanned, present, managed, protection and start_pfn are /proc's" \
	"$(grep -E 'spanned|present|managed|protection|start_pfn' /proc2/zoneinfo)" \
	"$(grep -E 'spanned|present|managed|protection|start_pfn' /proc/zoneinfo)"

# pagetypeinfo: /proc's lines, numbers aside (free lists move); a zone's page blocks
# change type but not number, so each zone's total is /proc's.
a=$(cat /proc/pagetypeinfo) b=$(cat /proc2/pagetypeinfo)
# (A number's padding goes with it: counts are right-aligned.)
same "pagetypeinfo has /proc's lines, numbers aside ($(echo "$a" | grep -c '^Page block') nodes)" \
	"$(echo "$b" | sed 's/ *[0-9][0-9]*/ N/g')" "$(echo "$a" | sed 's/ *[0-9][0-9]*/ N/g')"
blocks() { echo "$1" | awk '/^Node [0-9]*, zone *[A-Za-z0-9]* *[0-9]/ { s = 0; for (f = 5; f <= NF; f++) s += $f
	print $1, $2, $3, $4, s }'; }
same "pagetypeinfo: each zone has /proc's number of page blocks" "$(blocks "$b")" "$(blocks "$a")"
same "pagetypeinfo: block size and orders as /proc's" \
	"$(echo "$b" | grep -e '^Page' -e '^Free pages')" "$(echo "$a" | grep -e '^Page' -e '^Free pages')"

# kpagecount: /proc's size; each entry is what one of two /proc reads around it
# says (map counts move; the readers map pages), give or take 1 in 10,000; bad and
# edge reads and seeks answer as /proc's, for root and for nobody.
K=/tests/bin/kpagecmp
set -- $($K /proc/kpagecount /proc2/kpagecount)
expect "kpagecount: /proc's size, each entry one of two /proc reads ($*)" \
	[ "$1" = entries -a "${4:-0}" -gt 0 -a "${6:-1}" -le $((${2:-0} / 10000)) ]
same "kpagecount: bad and edge reads and seeks as /proc's" \
	"$($K -e /proc2/kpagecount)" "$($K -e /proc/kpagecount)"
same "kpagecount as nobody: as /proc" \
	"$(su -s /bin/sh nobody -c "$K -e /proc2/kpagecount")" "$(su -s /bin/sh nobody -c "$K -e /proc/kpagecount")"
# kpageflags and kpagecgroup the same way (flags move more: LRU, referenced, free
# pages; give or take 1 in 1,000, on one of three tries: under load the reads are
# seconds apart). The huge zero folio's frames would differ (doc/differences.md); no
# process here maps it.
for f in kpageflags kpagecgroup; do
	for try in 1 2 3; do
		set -- $($K /proc/$f /proc2/$f)
		[ "$1" = entries -a "${4:-0}" -gt 0 -a "${6:-1}" -le $((${2:-0} / 1000)) ] && break
		echo "# $f try $try: $*"
	done
	expect "$f: /proc's size, each entry one of two /proc reads ($*)" \
		[ "$1" = entries -a "${4:-0}" -gt 0 -a "${6:-1}" -le $((${2:-0} / 1000)) ]
	same "$f: bad and edge reads and seeks as /proc's" "$($K -e /proc2/$f)" "$($K -e /proc/$f)"
	same "$f as nobody: as /proc" \
		"$(su -s /bin/sh nobody -c "$K -e /proc2/$f")" "$(su -s /bin/sh nobody -c "$K -e /proc/$f")"
done

# vmstat: /proc's names in /proc's order less the listed ones, then nr_unstable;
# values between two /proc reads, give or take 4096 (the readers fault and allocate).
a=$(cat /proc/vmstat) b=$(cat /proc2/vmstat) c=$(cat /proc/vmstat)
want=$(echo "$a" | cut -d' ' -f1 | grep -v -x -F "$(grep -v '^#' /tests/missing-vmstat-lines.txt | cut -d' ' -f1)")
same "vmstat shows /proc's names in /proc's order, less the listed ones" \
	"$(echo "$b" | cut -d' ' -f1 | tr '\n' ' ')" "$(echo "$want" | tr '\n' ' ')"
bad=$(printf '%s\n' "$a" "--" "$b" "--" "$c" | awk '
	$0 == "--" { part++; next }
	part == 0 { a[$1] = $2; next } part == 1 { b[$1] = $2; order[n++] = $1; next } { c[$1] = $2 }
	END { for (i = 0; i < n; i++) { k = order[i]; lo = (a[k] < c[k] ? a[k] : c[k]) - 4096
		hi = (a[k] > c[k] ? a[k] : c[k]) + 4096; if (!(k in a) || b[k] < lo || b[k] > hi)
		printf " %s(%s %s %s)", k, a[k], b[k], c[k] } }')
same "vmstat values lie between two /proc reads" "$bad" ""
same "vmstat read 5 bytes at a time has the same names" \
	"$(dd if=/proc2/vmstat bs=5 2>/dev/null | cut -d' ' -f1 | md5sum)" "$(echo "$b" | cut -d' ' -f1 | md5sum)"
between() { # A B C: B lies between A and C (either way round), numerically
	awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { exit !((a <= b && b <= c) || (c <= b && b <= a)) }'
}
a=$(cat /proc/uptime) b=$(cat /proc2/uptime) c=$(cat /proc/uptime)
ok_all=1
for f in 1 2; do
	between "$(echo $a | cut -d' ' -f$f)" "$(echo $b | cut -d' ' -f$f)" "$(echo $c | cut -d' ' -f$f)" || ok_all=0
done
expect "uptime fields lie between two /proc reads ($a | $b | $c)" [ $ok_all = 1 ]
same "uptime format as /proc's" "$(echo "$b" | sed 's/[0-9]/9/g')" "$(echo "$a" | sed 's/[0-9]/9/g')"
a=$(cat /proc/loadavg) b=$(cat /proc2/loadavg) c=$(cat /proc/loadavg)
ok_all=1
for f in 1 2 3 5; do
	between "$(echo $a | cut -d' ' -f$f)" "$(echo $b | cut -d' ' -f$f)" "$(echo $c | cut -d' ' -f$f)" || ok_all=0
done
thr() { echo $1 | cut -d' ' -f4 | cut -d/ -f2; }
between "$(($(thr "$a") - 2))" "$(thr "$b")" "$(($(thr "$c") + 2))" || ok_all=0
expect "loadavg fields lie between two /proc reads ($a | $b | $c)" [ $ok_all = 1 ]
same "loadavg format as /proc's" "$(echo "$b" | sed 's/[0-9][0-9]*/9/g')" "$(echo "$a" | sed 's/[0-9][0-9]*/9/g')"

# pressure/: psi_system, reached through a top-level cgroup's group (wrap/psi.rs).
# Without one ever seen, a read fails with EOPNOTSUPP; with one, each file has /proc's
# lines and format, and as both readers fold the same per-CPU times into the same
# group (psi_show), each total and average read on procfs2 lies between two /proc
# reads around it. Writes (triggers) are refused with EOPNOTSUPP.
cg=/sys/fs/cgroup
if [ -z "$(find $cg -mindepth 1 -maxdepth 1 -type d)" ] && ! cat /proc2/pressure/cpu >/dev/null 2>&1; then
	same "pressure/cpu without a cgroup: the read fails with EOPNOTSUPP" \
		"$(errmsg cat /proc2/pressure/cpu)" "Operation not supported"
else
	skip "pressure without a cgroup" "a cgroup exists or existed (psi_system found already)"
fi
mkdir -p $cg/t40psi
bad=""
for f in $(ls /proc/pressure); do
	a=$(stat -c '%A %u %g %F' /proc2/pressure/$f) b=$(stat -c '%A %u %g %F' /proc/pressure/$f)
	[ "$a" = "$b" ] || bad="$bad $f($a vs $b)"
done
same "pressure/ lists /proc's files with /proc's modes" \
	"$(ls -a /proc2/pressure | tr '\n' ' ')$bad" "$(ls -a /proc/pressure | tr '\n' ' ')"
# Some CPU pressure: three busy loops on the guest's CPUs for two seconds.
busy=""
for i in 1 2 3; do (while :; do :; done) & busy="$busy $!"; done
sleep 2
kill $busy; wait $busy 2>/dev/null
for f in $(ls /proc/pressure); do
	a=$(cat /proc/pressure/$f) b=$(cat /proc2/pressure/$f) c=$(cat /proc/pressure/$f)
	same "pressure/$f: /proc's lines, numbers aside" \
		"$(echo "$b" | sed 's/[0-9][0-9]*/N/g')" "$(echo "$a" | sed 's/[0-9][0-9]*/N/g')"
	bad=$(printf '%s\n' "$a" -- "$b" -- "$c" | awk '
		$0 == "--" { part++; next }
		{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[part, $1, kv[1]] = kv[2]; k[$1 " " kv[1]] } }
		END { for (x in k) { split(x, p, " "); l = p[1]; n = p[2]
			a = v[0, l, n] + 0; b = v[1, l, n] + 0; c = v[2, l, n] + 0
			if (!((a <= b && b <= c) || (n != "total" && c <= b && b <= a)))
				printf " %s:%s(%s %s %s)", l, n, v[0, l, n], v[1, l, n], v[2, l, n] } }')
	same "pressure/$f: totals and averages lie between two /proc reads ($(echo "$b" | head -n 1 | sed 's/.*total=/some total=/'))" "$bad" ""
	same "pressure/$f: a trigger write is refused with EOPNOTSUPP" \
		"$(errmsg sh -c "echo 'some 150000 1000000' > /proc2/pressure/$f")" "Operation not supported"
done
rmdir $cg/t40psi
same "pressure/cpu still reads once the cgroup is gone (psi_system is static)" \
	"$(sed 's/[0-9][0-9]*/N/g' /proc2/pressure/cpu)" "$(sed 's/[0-9][0-9]*/N/g' /proc/pressure/cpu)"

# Directories made at boot, and the nfsd mount point.
# (bus/ has what subsystems register, such as bus/input: not reachable.)
for d in fs driver fs/nfsd; do
	same "/proc2/$d lists what /proc/$d lists" "$(ls -a /proc2/$d | tr '\n' ' ')" "$(ls -a /proc/$d | tr '\n' ' ')"
done

# Inodes are rebuilt after the caches are dropped.
v1=$(cat /proc2/version)
echo 3 > /proc/sys/vm/drop_caches
same "content survives drop_caches" "$(cat /proc2/version)" "$v1"
same "stat survives drop_caches" "$(stat -c '%A %F' /proc2/fs/nfsd)" "dr-xr-xr-x directory"

# acpi/ (drivers/acpi/bus.c): an empty directory where ACPI_SLEEP is off, as in the
# guest; acpi/wakeup is listed as missing.
if [ -d /proc/acpi ]; then
	same "acpi/ lists what /proc's lists, less the listed names" \
		"$($W list /proc2/acpi | tr '\n' ' ')" \
		"$($W list /proc/acpi | grep -v -x -F 'wakeup f' | tr '\n' ' ')"
	same "acpi/: mode, nlink and type as /proc's" \
		"$(stat -c '%A %h %F' /proc2/acpi)" "$(stat -c '%A %h %F' /proc/acpi)"
fi

# irq/ (kernel/irq/proc.c): the same N/ directories, files, modes and contents.
# procfs2 has handler directories for actions requested before /proc/irq was made
# at boot ("timer", "cascade": doc/differences.md); default_smp_affinity is listed
# as missing. spurious counts move: its count lines are compared between two /proc
# reads.
same "irq/ lists /proc's N/ directories in /proc's order" \
	"$($W list /proc2/irq | tr '\n' ' ')" \
	"$($W list /proc/irq | grep -v -x -F 'default_smp_affinity f' | tr '\n' ' ')"
early='-e ^timer.d$ -e ^cascade.d$'
bad="" badc="" nd=0
for irqn in $($W list /proc/irq | grep '^[0-9]' | cut -d' ' -f1); do
	nd=$((nd + 1))
	[ "$($W list /proc2/irq/$irqn | grep -v $early)" = "$($W list /proc/irq/$irqn | grep -v $early)" ] ||
		bad="$bad $irqn/"
	extra=$($W list /proc2/irq/$irqn | grep -c $early) mine=$($W list /proc/irq/$irqn | grep -c $early)
	for f in $($W list /proc/irq/$irqn | grep -v -e '^\.' | cut -d' ' -f1); do
		a=$(stat -c '%A %h %F' /proc/irq/$irqn/$f) b=$(stat -c '%A %h %F' /proc2/irq/$irqn/$f)
		[ "$a" = "$b" ] || bad="$bad $irqn/$f($a vs $b)"
		[ -f /proc/irq/$irqn/$f ] || continue
		if [ $f = spurious ]; then
			a=$(cat /proc/irq/$irqn/$f) b=$(cat /proc2/irq/$irqn/$f) c=$(cat /proc/irq/$irqn/$f)
			ca=$(echo "$a" | awk '/^count/ { print $2 }') cb=$(echo "$b" | awk '/^count/ { print $2 }')
			cc=$(echo "$c" | awk '/^count/ { print $2 }')
			[ "$cb" -ge "$ca" -a "$cb" -le "$cc" ] || badc="$badc $irqn/$f($ca $cb $cc)"
			[ "$(echo "$b" | grep -v ^count)" = "$(echo "$c" | grep -v ^count)" ] ||
				[ "$(echo "$b" | grep -v ^count)" = "$(echo "$a" | grep -v ^count)" ] ||
				badc="$badc $irqn/$f"
		else
			cmp -s /proc/irq/$irqn/$f /proc2/irq/$irqn/$f || badc="$badc $irqn/$f"
		fi
	done
	a=$(stat -c %h /proc/irq/$irqn) b=$(stat -c %h /proc2/irq/$irqn)
	[ $((b - extra)) -eq $((a - mine)) ] || bad="$bad $irqn/($a vs $b)"
done
same "irq/N/: names, order, modes, nlink and types as /proc's ($nd directories)" "$bad" ""
same "irq/N/ files byte for byte as /proc's (spurious counts between two reads)" "$badc" ""
same "irq/ nlink as /proc's" "$(stat -c '%A %h' /proc2/irq)" "$(stat -c '%A %h' /proc/irq)"
same "irq/: seekdir to every telldir position resumes" \
	"$($W seek /proc2/irq | sed 's/ok [0-9]*/ok/')" "ok"
irqn=$($W list /proc/irq | grep '^[0-9]' | tail -n 1 | cut -d' ' -f1)
same "irq/$irqn/: seekdir to every telldir position resumes" \
	"$($W seek /proc2/irq/$irqn | sed 's/ok [0-9]*/ok/')" "ok"
wf=$(for f in /proc/irq/*/smp_affinity; do
	[ "$(stat -c %A $f)" = -rw-r--r-- ] && echo ${f#/proc/irq/} && break; done)
if [ -n "$wf" ]; then
	same "a write to irq/$wf (0644) is refused (EPERM: doc/differences.md)" \
		"$(errmsg sh -c "echo 1 > /proc2/irq/$wf")" "Operation not permitted"
fi
same "a write to irq/$irqn/node fails as /proc's" \
	"$(errmsg sh -c "echo 1 > /proc2/irq/$irqn/node")" "$(errmsg sh -c "echo 1 > /proc/irq/$irqn/node")"
same "irq/N/ of an interrupt without a directory is not found, as in /proc" \
	"$(errmsg stat /proc2/irq/99999 /proc2/irq/01 /proc2/irq/$irqn/nope)" \
	"$(errmsg stat /proc/irq/99999 /proc/irq/01 /proc/irq/$irqn/nope)"

# subset=pid hides the entry tree but not self and thread-self.
mkdir -p /tmp/sa /tmp/sp
mount -t procfs2 -o subset=pid none /tmp/sa
mount -t proc -o subset=pid proc /tmp/sp
same "subset=pid lists the non-numeric names proc lists" \
	"$(ls -a /tmp/sa | grep -v '^[0-9]' | tr '\n' ' ')" "$(ls -a /tmp/sp | grep -v '^[0-9]' | tr '\n' ' ')"
same "subset=pid: a tree name is not found, as in proc" \
	"$(errmsg stat /tmp/sa/version)" "$(errmsg stat /tmp/sp/version)"
umount /tmp/sa /tmp/sp
umount /proc2

# meminfo: the same labels in the same order, less the listed ones; each value lies
# between two /proc reads (within 512 kB: other processes allocate meanwhile).
mount -t procfs2 none /proc2
a=$(cat /proc/meminfo) b=$(cat /proc2/meminfo) c=$(cat /proc/meminfo)
labels() { echo "$1" | cut -d: -f1; }
want=$(labels "$a" | grep -v -x -F "$(cut -d' ' -f1 /tests/missing-meminfo-lines.txt | grep -v '^#')")
same "meminfo shows /proc's lines in /proc's order, less the listed ones" \
	"$(labels "$b" | tr '\n' ' ')" "$(echo "$want" | tr '\n' ' ')"
same "meminfo line format as /proc's" "$(echo "$b" | sed 's/[0-9][0-9]*/9/g' | head -n 5)" \
	"$(echo "$a" | sed 's/[0-9][0-9]*/9/g' | head -n 5)"
bad=""
for l in $(labels "$b"); do
	va=$(echo "$a" | grep "^$l:" | awk '{print $2}')
	vb=$(echo "$b" | grep "^$l:" | awk '{print $2}')
	vc=$(echo "$c" | grep "^$l:" | awk '{print $2}')
	awk -v a="$va" -v b="$vb" -v c="$vc" 'BEGIN { lo = (a < c ? a : c) - 512; hi = (a > c ? a : c) + 512;
		exit !(b >= lo && b <= hi) }' || bad="$bad $l($va $vb $vc)"
done
same "meminfo values lie between two /proc reads" "$bad" ""
umount /proc2
