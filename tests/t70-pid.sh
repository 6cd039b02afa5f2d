# SPDX-License-Identifier: GPL-2.0
# Process and thread directories against /proc's in the same boot: the pids at the
# root, their order and the root's nlink; for a set of processes (this shell, sleepers,
# a multi-threaded one, kernel threads, a zombie, one in a child pid namespace) the
# names, modes, owners, types, links and contents of /proc2/PID and task/TID, less the
# names listed in missing-pid-entries.txt and the status lines listed in
# missing-status-lines.txt; lookups of bad names; files of an exited process; readdir
# with many processes; a mount in a child pid namespace.
#
# P2 names the tree under test (default /proc2, mounted here). After `mount -t proc
# proc /tmp/p`, P2=/tmp/p runs the same checks with a second proc mount in procfs2's
# place and empty lists of what it may lack: they must all pass, and that is how the
# /proc side of this file is tested. MISSING and MISSING_STATUS override the lists.
. /tests/lib.sh
P2=${P2:-/proc2}
if [ "$P2" = /proc2 ]; then
	load
	mount -t procfs2 none /proc2 2>/dev/null
fi
FSTYPE=$(awk -v m="$P2" '$2 == m { t = $3 } END { print t }' /proc/mounts)
W=/tests/bin/dirwalk
SNAP=/tests/bin/pidsnap
THREADS=/tests/bin/threads
MAPPINGS=/tests/bin/mappings
if [ "$FSTYPE" = proc ]; then
	MISSING=${MISSING:-/dev/null} MISSING_STATUS=${MISSING_STATUS:-/dev/null}
fi
MISSING=${MISSING:-/tests/missing-pid-entries.txt}
MISSING_STATUS=${MISSING_STATUS:-$(missing_status $P2)}
D=/tmp/t70
rm -rf $D
mkdir -p $D

# Lookups of names that are not processes: /proc's errno (ENOENT).
pid_max=$(cat /proc/sys/kernel/pid_max)
absent=$((pid_max - 1))
while [ -e /proc/$absent ]; do absent=$((absent - 1)); done
lookups() { # ROOT NAME...: "NAME: TYPE" or "NAME: ERROR" per name, with one stat
	root=$1 paths=
	shift
	for n in "$@"; do paths="$paths $root/$n"; done
	stat -c '%n: %F' $paths > $D/found 2> $D/failed
	sed -e "s#^stat: can't stat '##" -e "s#': #: #" -e "s#^$root/##" $D/found $D/failed | sort
}
bad="0 00 01 +1 -1 1a 0x1 2147483648 4294967295 4294967296 18446744073709551617 $absent
	$pid_max $absent/status"
same "lookups of names that are not processes give /proc's errors" \
	"$(lookups $P2 $bad)" "$(lookups /proc $bad)"

if [ ! -d $P2/$$ ]; then
	skip "process directories" "$P2/$$ does not exist yet"
	[ "$P2" = /proc2 ] && umount /proc2
	rm -rf $D
	exit 0
fi

# The processes looked at. All but this shell and the kernel threads sleep throughout.
sleep 1000 &
SLEEPER=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
NOBODY=$!
$THREADS 4 > $D/threads &
TGID=$!
unshare -p -f sleep 1000 &
UNSHARE=$!
# The zombie ends in a cgroup that is then removed: its cgroup line says "(deleted)".
CG=/sys/fs/cgroup
mkdir -p $CG/t70 $CG/t70z
sh -c "echo \$\$ > $CG/t70z/cgroup.procs; sleep 0 & exec sleep 1000" &
ZPARENT=$!
$MAPPINGS 200 $D > $D/mappings &
MAPS=$!
unshare -U -r sleep 1000 &
USERNS=$!
waitfor '[ -s $D/threads ]'
TIDS=$(cat $D/threads)
TID=$(echo $TIDS | cut -d' ' -f2)
child() { v=; read v 2>/dev/null < /proc/$1/task/$1/children; echo $v; }
waitfor '[ -n "$(child $UNSHARE)" ]'
NSPID=$(child $UNSHARE)
waitfor '[ -n "$(child $ZPARENT)" ] && grep -q ") Z " /proc/$(child $ZPARENT)/stat'
ZOMBIE=$(child $ZPARENT)
echo $ZPARENT > $CG/cgroup.procs
rmdir $CG/t70z
echo $SLEEPER > $CG/t70/cgroup.procs
waitfor '[ "$(stat -c %u /proc/$NOBODY 2>&1)" = 65534 ] && grep -qx sleep /proc/$NOBODY/comm'
waitfor 'grep -qx sleep /proc/$SLEEPER/comm'
waitfor '[ -s $D/mappings ]'
waitfor '[ -s /proc/$USERNS/uid_map ] && grep -q deny /proc/$USERNS/setgroups && grep -qx sleep /proc/$USERNS/comm'
KWORKER=
for d in /proc/[0-9]*; do
	c=
	read c 2>/dev/null < $d/comm
	case "$c" in kworker/R-*) KWORKER=${d#/proc/}; break ;; esac
done
[ -n "$KWORKER" ] || KWORKER=$(grep -l -x 'ksoftirqd/0' /proc/[0-9]*/comm | cut -d/ -f3)
# And 1,000 more, for readdir over many pids.
MANY=
i=0
while [ $i -lt ${MANY_PROCS:-1000} ]; do
	sleep 1000 &
	MANY="$MANY $!"
	i=$((i + 1))
done

# The root: numeric names as /proc's. Processes come and go between listings, so a pid
# in both of two /proc listings must be in procfs2's, and one in procfs2's (other than
# the lister) in at least one of them.
listing() {
	$W list "$1" > "$2" &
	LISTER=$!
	wait $LISTER
}
listing /proc $D/ra
listing $P2 $D/rb
LB=$LISTER
listing /proc $D/rc
np=$(grep -c '^[0-9]* ' $D/rb)
same "the root lists /proc's pids ($np)" "$(awk -v lb=$LB '
	$1 !~ /^[0-9]+$/ { next }
	FILENAME == ARGV[1] { a[$1] = 1 } FILENAME == ARGV[2] { b[$1] = 1 } FILENAME == ARGV[3] { c[$1] = 1 }
	END {
		for (p in a) if ((p in c) && !(p in b)) print "missing " p
		for (p in b) if (!(p in a) && !(p in c) && p != lb) print "extra " p
	}' $D/ra $D/rb $D/rc | sort)" ""
# Order: the tree's names, self, thread-self, then the pids ascending, as directories.
order() {
	awk '$1 == "." || $1 == ".." { next }
	$1 ~ /^[0-9]+$/ {
		if (!ts) { print $1 " before thread-self"; exit }
		if (last != "" && $1 + 0 <= last + 0) { print $1 " after " last; exit }
		if ($2 != "d") { print $1 " has d_type " $2 }
		last = $1; next
	}
	ts { print $1 " after the pids"; exit }
	$1 == "thread-self" { ts = 1 }' "$1"
}
same "pids follow thread-self in ascending order, as directories" "$(order $D/rb)" ""
same "... as in /proc" "$(order $D/ra)" ""

# Root nlink: 2 + subdirectories + processes, as /proc counts it.
subdirs() { awk '$1 !~ /^[0-9]+$/ && $1 != "." && $1 != ".." && $2 == "d" { n++ } END { print n + 0 }' "$1"; }
da=$(subdirs $D/ra)
db=$(subdirs $D/rb)
a=$(stat -c %h /proc) b=$(stat -c %h $P2) c=$(stat -c %h /proc)
expect "root nlink $b is 2 + $db subdirectories + processes ($((b - 2 - db)); /proc: $((a - 2 - da)), $((c - 2 - da)))" \
	awk -v a=$((a - 2 - da)) -v b=$((b - 2 - db)) -v c=$((c - 2 - da)) 'BEGIN { exit !(a <= b && b <= c || c <= b && b <= a) }'

# readdir of the root with 1,000 extra processes: one entry per getdents64 call, twice,
# and a full buffer list every pid that lives throughout exactly once.
$W one $P2 > $D/one1
$W list $P2 > $D/list1
$W one $P2 > $D/one2
stable=$( (echo $MANY | tr ' ' '\n'; awk '$1 ~ /^[0-9]+$/ { print $1 }' $D/ra $D/rc | sort | uniq -d) | sort -u)
once() {
	awk -v want="$stable" 'BEGIN { n = split(want, w, /[ \n]+/); for (i = 1; i <= n; i++) s[w[i]] = 1 }
		($1 in s) { c[$1]++ }
		END { for (p in s) if (p != "" && c[p] != 1) print p ": " c[p] + 0 " times" }' "$1" | sort -n
}
same "one-entry getdents64 lists each of $(echo $stable | wc -w) pids once" "$(once $D/one1)" ""
same "... and again" "$(once $D/one2)" ""
same "... and so does a full buffer" "$(once $D/list1)" ""
same "... in order" "$(order $D/one1)$(order $D/one2)" ""
for try in 1 2 3; do
	out=$($W seek $P2 | sed 's/ok [0-9]*/ok/')
	[ "$out" = ok ] && break
done
same "seekdir to every telldir position of the root resumes without skip or repeat" "$out" "ok"
same "d_type matches stat for every root entry" "$($W types $P2)" ""
kill $MANY
wait $MANY 2>/dev/null

# A thread that is not a group leader: not listed, but found, as in /proc.
bad=
for t in $(echo $TIDS | cut -d' ' -f2-); do
	grep -q "^$t " $D/rb && bad="$bad $t:listed"
	a=$(stat -c '%A %u %g %F' /proc/$t 2>&1) b=$(stat -c '%A %u %g %F' $P2/$t 2>&1)
	[ "$a" = "$b" ] || bad="$bad $t:$b"
done
same "thread ids are not listed at the root but can be looked up, as in /proc" "$bad" ""

# Bad names inside a process directory: /proc's errno (ENOENT, ENOTDIR).
bad="$$/nonexistent $$/task/0 $$/task/01 $$/task/$TID $$/fd/999 $$/fd/01 $$/fd/-1 $$/fd/0x1
	$$/fdinfo/999 $$/fdinfo/01 $$/status/x $$/task/$$/task $$/task/$$/nonexistent $TID/task/$$
	$TGID/task/$$"
same "lookups of bad names in a process directory give /proc's errors" \
	"$(lookups $P2 $bad)" "$(lookups /proc $bad)"

# A process directory against /proc's: snapshots /proc, procfs2, /proc (pidsnap)
# compared record by record by tests/pid-compare.awk (how records agree is said
# there). Output: shell assignments n_CAT (records compared) and f_CAT (failures).
compare() { # READER_OF_B LOOSE
	awk -v M=$MISSING -v MS=$MISSING_STATUS -v A=$D/a -v B=$D/b -v C=$D/c -v rb=$1 \
		-v loose=" $2 " -v Q="'" -f /tests/pid-compare.awk \
		$MISSING $MISSING_STATUS $D/a $D/b $D/c
}

snap() {
	$SNAP -x pagemap -x net "$1" > "$2" &
	READER=$!
	wait $READER
}

# check_dir DESCRIPTION PID [LOOSE]: one TAP line per category; up to three tries.
check_dir() {
	desc="$1 ($2)"
	if [ ! -d /proc/$2 ] || [ ! -d $P2/$2 ]; then
		skip "$desc" "$(ls -d /proc/$2 $P2/$2 2>&1 | grep -v '^/')"
		return
	fi
	try=1
	while :; do
		snap /proc/$2 $D/a
		snap $P2/$2 $D/b
		rb=$READER
		snap /proc/$2 $D/c
		eval "$(compare $rb "$3")"
		[ -z "$f_names$f_missing$f_stale$f_stat$f_link$f_content$f_fd$f_task" ] && break
		[ $try = 3 ] && break
		try=$((try + 1))
	done
	tries=
	[ $try = 1 ] || tries=", try $try"
	report "$desc: names of $P2/$2 and task/* in /proc's order" names
	report "$desc: every name $P2 lacks is listed in ${MISSING##*/}" missing
	report "$desc: no name listed as missing is provided" stale
	report "$desc: mode, owner, nlink, size, d_type of every entry as /proc's" stat
	report "$desc: symlinks as /proc's" link
	report "$desc: file contents as /proc's" content
	report "$desc: fd/ and fdinfo/ as /proc's, fd/ 0500 sized by its fds" fd
	report "$desc: task/ lists /proc's threads" task
}
report() { # DESCRIPTION CATEGORY
	eval "count=\$n_$2 fails=\$f_$2"
	if [ "$count" = 0 ]; then
		skip "$1" "none in $P2"
	else
		same "$1 ($count$tries)" "$fails" ""
	fi
}

check_dir "the test shell" $$ sched
check_dir "init" 1 sched
check_dir "a sleeping child" $SLEEPER
check_dir "a process of user nobody" $NOBODY
check_dir "a process of 5 threads" $TGID
check_dir "a thread looked up by its tid" $TID
check_dir "kthreadd" 2 sched
check_dir "a kworker" $KWORKER sched
check_dir "a process in a child pid namespace" $NSPID
check_dir "a zombie" $ZOMBIE
check_dir "a process with 200 anonymous, file, shared and deleted mappings" $MAPS
check_dir "a process in a user namespace (unshare -U -r)" $USERNS
# cgroup and cpuset lines as a reader in a cgroup namespace rooted at t70 sees them,
# without and with the cpuset controller enabled below the root.
cgns() { sh -c "echo \$\$ > $CG/t70/cgroup.procs; exec /tests/bin/cgns cat $1/$SLEEPER/cgroup $1/1/cgroup $1/self/cgroup $1/$SLEEPER/cpuset $1/1/cpuset $1/self/cpuset"; }
same "cgroup and cpuset of processes inside and outside the reader's cgroup namespace ($(cgns /proc | tr '\n' ' '))" \
	"$(cgns $P2)" "$(cgns /proc)"
echo +cpuset > $CG/cgroup.subtree_control
same "... with cpuset enabled in t70 ($(cgns /proc | tr '\n' ' '))" "$(cgns $P2)" "$(cgns /proc)"
echo -cpuset > $CG/cgroup.subtree_control
# Its id maps as a process inside that namespace reads them (the lower ids then come
# from the parent namespace).
inside() { nsenter -U -t $USERNS cat $1/$USERNS/uid_map $1/$USERNS/gid_map $1/$USERNS/setgroups $1/1/uid_map 2>&1; }
same "... its uid_map, gid_map, setgroups and init's uid_map read from inside it ($(inside /proc | tr -s ' \n' ' '))" \
	"$(inside $P2)" "$(inside /proc)"

# Inode numbers are unique for every pid below PID_MAX_LIMIT (2^22): processes made
# at pids 2^20 + 1, 2^21 + 1, 3 * 2^20 + 1 and 2^22 - 1 (ns_last_pid), whose numbers
# once wrapped onto pid 1's, against init's and each other's.
old_max=$(cat /proc/sys/kernel/pid_max)
echo 4194304 > /proc/sys/kernel/pid_max
HIGH=
for want in 1048577 2097153 3145729 4194303; do
	echo $((want - 1)) > /proc/sys/kernel/ns_last_pid
	sleep 1000 &
	HIGH="$HIGH $!"
done
echo $old_max > /proc/sys/kernel/pid_max
inos() {
	for p in "$@"; do
		stat -c '%i %n' $P2/$p $P2/$p/* $P2/$p/task/$p $P2/$p/task/$p/* \
			$P2/$p/fd/* $P2/$p/fdinfo/* $P2/$p/task/$p/fd/* $P2/$p/task/$p/fdinfo/*
	done 2>/dev/null
}
inos 1 $HIGH > $D/inos
same "inode numbers of pid 1 and pids$HIGH are unique ($(wc -l < $D/inos) files)" \
	"$(awk '{ print $1 }' $D/inos | sort | uniq -d)" ""
kill $HIGH
wait $HIGH 2>/dev/null

# map_files/ links 2^47 bytes apart (5-level paging): different inode numbers.
/tests/bin/mapcol /tests/lib.sh > /tmp/mapcol.out &
mc=$!
waitfor 'grep -q ready /tmp/mapcol.out'
if [ -L $P2/$mc/map_files/800010000000-800010001000 ]; then
	same "map_files/ links 2^47 apart have different inode numbers" \
		"$(stat -c %i $P2/$mc/map_files/* | sort | uniq -d)" ""
else
	skip "map_files/ links 2^47 apart" "no 5-level paging"
fi
kill $mc; wait $mc 2>/dev/null

# A reused pid (issue 21, class 8): the new process's directory, its entries and
# its thread's directory have numbers the dead one's did not, in stat and in readdir.
reuse_inos() {
	stat -c '%i' $P2/$1 $P2/$1/status $P2/$1/fd $P2/$1/task/$1 $P2/$1/ns/net 2>/dev/null
	ls -i $P2 | awk -v p=$1 '$2 == p { print $1 }'
}
sleep 1000 &
r=$!
old_inos=$(reuse_inos $r)
kill $r; wait $r 2>/dev/null
echo $((r - 1)) > /proc/sys/kernel/ns_last_pid
sleep 1000 &
r2=$!
new_inos=$(reuse_inos $r2)
if [ $r2 = $r ]; then
	same "a reused pid $r: no inode number of the dead process's comes back" \
		"$( (echo "$old_inos" | sort -u; echo "$new_inos" | sort -u) | sort | uniq -d)" ""
	same "a reused pid: readdir reports the number stat gives" \
		"$(echo "$new_inos" | sed -n 6p)" "$(echo "$new_inos" | sed -n 1p)"
else
	not_ok "pid $r reused" "got $r2"
fi
kill $r2; wait $r2 2>/dev/null

# A process that exits while its files and directory are open.
sleep 1000 &
k=$!
lsgone() { cd $1/$k && while [ -e /proc/$k ]; do usleep 20000; done && ls -a . 2>&1 | sed 's/.*: //'; }
lsgone /proc > $D/gone1 &
l1=$!
lsgone $P2 > $D/gone2 &
l2=$!
waitfor '[ "$(readlink /proc/$l1/cwd)" = /proc/$k ] && [ "$(readlink /proc/$l2/cwd)" = $P2/$k ]'
if [ -r $P2/$k/stat ]; then
	# (A failed redirection of exec would end the script.)
	exec 3< /proc/$k/stat 4< $P2/$k/stat
	kill $k
	wait $k $l1 $l2 2>/dev/null
	want=$(cat <&3 2>&1 | sed 's/.*: //')
	same "reading stat opened before the process exited gives /proc's result ($want)" \
		"$(cat <&4 2>&1 | sed 's/.*: //')" "$want"
	exec 3<&- 4<&-
else
	kill $k
	wait $k $l1 $l2 2>/dev/null
	skip "reading stat opened before the process exited" "no $P2/$k/stat"
fi
same "listing the directory of an exited process gives /proc's result ($(cat $D/gone1))" \
	"$(cat $D/gone2)" "$(cat $D/gone1)"
same "looking it up gives /proc's error" "$(errmsg stat $P2/$k)" "$(errmsg stat /proc/$k)"

# Mounted in a child pid namespace: that namespace's pids and numbers.
mkdir -p $D/x $D/y
unshare -p -f -m sh -c "
	mount -t $FSTYPE none $D/x && mount -t proc proc $D/y || exit 1
	sleep 1000 &
	. /tests/lib.sh
	waitfor 'grep -qx sleep $D/y/\$!/comm'
	cd $D/x && echo [0-9]* > $D/ns.x
	cd $D/y && echo [0-9]* > $D/ns.y
	cat $D/x/\$!/status > $D/ns.xs; cat $D/y/\$!/status > $D/ns.ys
	cat $D/x/\$!/stat > $D/ns.xt; cat $D/y/\$!/stat > $D/ns.yt
	kill \$!; cd /; umount $D/x $D/y"
same "a mount in a child pid namespace lists its pids ($(cat $D/ns.y))" "$(cat $D/ns.x)" "$(cat $D/ns.y)"
same "... and a process's status there is proc's (less the listed lines)" "$(cat $D/ns.xs)" \
	"$(awk 'FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF) m[$1] = 1; next }
		{ split($0, f, ":") } !(f[1] in m)' $MISSING_STATUS $D/ns.ys)"
same "... and its stat" "$(cat $D/ns.xt)" "$(cat $D/ns.yt)"

# ns/mnt (mntns_get): the text of /proc's link, in the initial mount namespace and in
# a new one, and the same errors for another user's process.
same "ns/mnt reads /proc's text" "$(readlink $P2/self/ns/mnt)" "$(readlink /proc/self/ns/mnt)"
same "ns/mnt of a process in a new mount namespace" \
	"$(unshare -m sh -c "readlink $P2/\$\$/ns/mnt; readlink /proc/\$\$/ns/mnt")" \
	"$(unshare -m sh -c "readlink /proc/\$\$/ns/mnt; readlink /proc/\$\$/ns/mnt")"
expect "... which differs from the initial one" \
	[ "$(unshare -m sh -c "readlink $P2/\$\$/ns/mnt")" != "$(readlink /proc/self/ns/mnt)" ]
m=$(su -s /bin/sh nobody -c 'readlink -v /proc/1/ns/mnt' 2>&1 | sed 's/.*: //')
same "ns/mnt of init as nobody: /proc's error ($m)" \
	"$(su -s /bin/sh nobody -c "readlink -v $P2/1/ns/mnt" 2>&1 | sed 's/.*: //')" "$m"

# ksm_merging_pages and ksm_stat (with ksm_process_profit, which counts the size of
# mm/ksm.c's struct ksm_rmap_item) of a process whose identical pages and zero pages
# ksmd merged; ksmd is stopped before the reads, so the counts hold still.
K=/sys/kernel/mm/ksm
if [ -e $K/run ] && [ -e /proc/self/ksm_stat ]; then
	ksm_old="$(cat $K/use_zero_pages) $(cat $K/sleep_millisecs) $(cat $K/pages_to_scan)"
	echo 1 > $K/use_zero_pages
	echo 10 > $K/sleep_millisecs
	echo 1000 > $K/pages_to_scan
	echo 1 > $K/run
	/tests/bin/ksm 64 > $D/ksm &
	KP=$!
	ksm_field() { grep "^$1 " /proc/$KP/ksm_stat 2>/dev/null | cut -d' ' -f2; }
	waitfor '[ -s $D/ksm ] && [ "$(ksm_field ksm_merging_pages)" -gt 0 ] 2>/dev/null && [ "$(ksm_field ksm_zero_pages)" -gt 0 ] 2>/dev/null' 60
	echo 0 > $K/run
	same "ksm_stat is /proc's ($(cat /proc/$KP/ksm_stat | tr '\n' ' '))" "$(cat $P2/$KP/ksm_stat)" "$(cat /proc/$KP/ksm_stat)"
	same "ksm_merging_pages is /proc's ($(cat /proc/$KP/ksm_merging_pages))" \
		"$(cat $P2/$KP/ksm_merging_pages)" "$(cat /proc/$KP/ksm_merging_pages)"
	same "ksm_stat of a thread is /proc's" "$(cat $P2/$KP/task/$KP/ksm_stat)" "$(cat /proc/$KP/task/$KP/ksm_stat)"
	same "ksm_stat of a kernel thread is /proc's (empty)" "$(cat $P2/2/ksm_stat)" "$(cat /proc/2/ksm_stat)"
	same "ksm_stat as nobody: /proc's error" "$(su -s /bin/sh nobody -c "cat $P2/$KP/ksm_stat" 2>&1 | sed 's/.*: //')" \
		"$(su -s /bin/sh nobody -c "cat /proc/$KP/ksm_stat" 2>&1 | sed 's/.*: //')"
	kill $KP
	echo "$ksm_old" | { read z s p; echo $z > $K/use_zero_pages; echo $s > $K/sleep_millisecs
		echo $p > $K/pages_to_scan; }
fi

# Kernel threads' names (proc_task_name): comm, status's Name and stat's comm of every
# kernel thread as /proc shows them (full names; a workqueue worker's id and last
# work, which change as it runs: procfs2's read, between two reads of /proc, must be
# one of them, on one of ten tries).
kt_names() { # TREE PID
	{ cat $1/$2/comm; grep '^Name:' $1/$2/status; sed 's/^[0-9]* (\(.*\)) .*/\1/' $1/$2/stat; } 2>/dev/null
}
bad="" n=0 long=0
for p in $(cd /proc && ls -d [0-9]* | sort -n); do
	grep -q '^PPid:	[02]$' /proc/$p/status 2>/dev/null && [ $p != 1 ] || continue
	n=$((n + 1))
	i=0
	while :; do
		a=$(kt_names /proc $p) b=$(kt_names $P2 $p) c=$(kt_names /proc $p)
		[ "$b" = "$a" ] || [ "$b" = "$c" ] || [ $i -ge 9 ] && break
		i=$((i + 1))
	done
	[ "$b" = "$c" ] && a=$c
	[ "$a" = "$b" ] || [ ! -e /proc/$p ] || bad="$bad $p:$(echo "$a" | head -n 1)/$(echo "$b" | head -n 1)"
	[ $(cat /proc/$p/comm 2>/dev/null | wc -c) -gt 16 ] && long=$((long + 1))
done
same "kernel threads' comm, status Name and stat comm are /proc's ($n threads, $long with names past 15 bytes)" "$bad" ""

# cpu_resctrl_groups (CONFIG_PROC_CPU_RESCTRL): "res:\nmon:\n" while resctrl is not
# mounted, as /proc's, for a process and a thread.
if [ -e /proc/$$/cpu_resctrl_groups ]; then
	same "cpu_resctrl_groups byte for byte as /proc's" \
		"$(od -c $P2/$SLEEPER/cpu_resctrl_groups; od -c $P2/$$/task/$$/cpu_resctrl_groups)" \
		"$(od -c /proc/$SLEEPER/cpu_resctrl_groups; od -c /proc/$$/task/$$/cpu_resctrl_groups)"
fi

# Ngid (task_numa_group_id, struct numa_group cut from kernel/sched/fair.c): two
# threads that write the same pages until NUMA balancing groups them; the status of
# the process and of each thread as /proc's, and the group's id non-zero when one
# formed (a skip when balancing did not run within 30 s).
if grep -q '^Ngid:' /proc/self/status && [ "$(cat /proc/sys/kernel/numa_balancing 2>/dev/null)" != 0 ]; then
	/tests/bin/numagroup 30 > $D/numagroup &
	NG=$!
	waitfor '[ -s $D/numagroup ]' 40
	read ngid t1 t2 < $D/numagroup
	ng_lines() { for t in $t1 $t2; do grep '^Ngid:' $1/$NG/task/$t/status; done; grep '^Ngid:' $1/$NG/status; }
	same "Ngid of a process and its threads as /proc's (group $ngid)" "$(ng_lines $P2)" "$(ng_lines /proc)"
	if [ "${ngid:-0}" -gt 0 ]; then
		same "Ngid: the threads' NUMA group is the one the helper saw" "$(grep '^Ngid:' $P2/$NG/status | cut -f2)" "$ngid"
	else
		skip "Ngid: the threads' NUMA group is the one the helper saw" "no NUMA group formed in 30 s"
	fi
	kill $NG
fi

# The namespace's init ignores signals it has no handler for, but SIGKILL.
kill -9 $NSPID
kill $SLEEPER $NOBODY $TGID $UNSHARE $ZPARENT $MAPS $USERNS 2>/dev/null
wait
rmdir $CG/t70 2>/dev/null
[ "$P2" = /proc2 ] && umount /proc2
rm -rf $D
