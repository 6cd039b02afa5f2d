# SPDX-License-Identifier: GPL-2.0
# Hostile processes (issue 20), each read on /proc and /proc2 in the same boot, as
# root and as nobody: the same bytes and the same errno as /proc, and no splat.
#   fdinfo   fdinfo/N of a process (root's, and nobody's) holding an fd of every kind
#            with a show_fdinfo (pidfd, eventfd, epoll, signalfd, timerfd, inotify,
#            fanotify, io_uring, memfd, BPF map, perf, userfaultfd), pipes, sockets,
#            files, /dev/null; and a pidfd of the reader itself through self/
#   noexec   a static ET_EXEC ELF with no executable segment (start_code ~0,
#            end_code 0), stopped under ptrace at its exec: statm, status, stat, maps
#   held     environ, mem, maps, auxv opened on both trees while a process lives, read
#            once after it exits or execs; /proc's fds read again after /proc2's
#   cmdline  4 KiB of cmdline (and environ) of a process whose argument area is 48
#            or 96 MiB it never touched (PR_SET_MM_MAP), with a NUL at its end and
#            setproctitle-style without: the same bytes, and time and memory of a
#            read (memory.peak of a fresh memory cgroup) within a small factor of /proc's
#   dirs     every file of each hostile process's directory (task/ included) and of a
#            zombie's, as root and as nobody (pidsnap, tests/pid-compare.awk)
# Each section can be run alone: `sh /tests/t86-hostile.sh noexec` (all by default).
#
# P2 names the tree under test (default /proc2, mounted here). After `mount -t proc
# proc /tmp/p`, `P2=/tmp/p sh /tests/t86-hostile.sh` runs the same checks with a
# second proc mount in procfs2's place: they must all pass (the test of the test).
. /tests/lib.sh
P2=${P2:-/proc2}
export P2
if [ "$P2" = /proc2 ]; then
	load
	mount -t procfs2 none /proc2 2>/dev/null
fi
H=/tests/bin/hostile
D=/tmp/t86
rm -rf $D
mkdir -p $D
SECTIONS=${*:-fdinfo noexec held cmdline dirs}
nobody() { su -s /bin/sh nobody -c "$*"; }
dmesg -c > /dev/null

# --- fdinfo: every fd kind with a show_fdinfo -------------------------------------
fdinfo_section() {
	# The reader's own pidfd through self/: pidfs's show_fdinfo on a procfs2 file.
	for who in root nobody; do
		if [ $who = root ]; then
			both=$($H pidfd-self 2>&1)
		else
			both=$(nobody "P2=$P2 $H pidfd-self" 2>&1)
		fi
		case "$both" in
		-*) skip "self/fdinfo of a pidfd of the reader, as $who" "$both"; continue ;;
		esac
		same "self/fdinfo of a pidfd of the reader, as $who: as /proc's" \
			"$(echo "$both" | sed -n 's#^/proc2 ##p')" "$(echo "$both" | sed -n 's#^/proc ##p')"
	done
	# A process of root's and one of nobody's, each holding every kind.
	_hostile fds-root R $H fds
	_hostile fds-nobody N su -s /bin/sh nobody -c "exec $H fds"
	for hp in root:$R nobody:$N; do
		holder=${hp%%:*} p=${hp#*:}
		if [ -z "$p" ]; then
			not_ok "a process of $holder's holding every fd kind starts" "$(cat /tmp/hostile.fds-$holder)"
			continue
		fi
		fds=$(ls /proc/$p/fd | sort -n | tr '\n' ' ')
		for who in root nobody; do
			if [ $who = root ]; then
				$H fdinfo /proc/$p/fdinfo $fds > $D/fdinfo.a 2>&1
				$H fdinfo $P2/$p/fdinfo $fds > $D/fdinfo.b 2>&1
			else
				nobody "$H fdinfo /proc/$p/fdinfo $fds" > $D/fdinfo.a 2>&1
				nobody "P2=$P2 $H fdinfo $P2/$p/fdinfo $fds" > $D/fdinfo.b 2>&1
			fi
			# One line per kind; the kinds the holder could not open are skipped.
			sed -n 's/^- //p' /tmp/hostile.fds-$holder | while read kind why; do
				skip "fdinfo of $holder's $kind, read as $who" "$kind: $why"
			done
			for fd in $fds; do
				kind=$(awk -v fd=$fd '$1 == fd { print $2 }' /tmp/hostile.fds-$holder)
				same "fdinfo/$fd (${kind:-inherited}) of $holder's holder, read as $who: content and errno as /proc's" \
					"$(grep "^$fd	" $D/fdinfo.b)" "$(grep "^$fd	" $D/fdinfo.a)"
			done
		done
	done
	hostiles_stop
}

# --- noexec: an mm with start_code ~0 and end_code 0 ------------------------------
noexec_section() {
	_hostile noexec P $H noexec /tmp/hostile-noexec.elf
	if [ -z "$P" ]; then
		not_ok "the ELF without an executable segment stops at its exec" "$(cat /tmp/hostile.noexec)"
		return
	fi
	same "the ELF without an executable segment: start_code ~0, end_code 0 (/proc)" \
		"$(cut -d' ' -f26,27 /proc/$P/stat)" "18446744073709551615 0"
	for who in root nobody; do
		for f in statm status stat maps smaps_rollup environ auxv cmdline syscall stack wchan io; do
			if [ $who = root ]; then
				a=$(cat /proc/$P/$f 2>&1) b=$(cat $P2/$P/$f 2>&1)
			else
				a=$(nobody "cat /proc/$P/$f" 2>&1) b=$(nobody "cat $P2/$P/$f" 2>&1)
			fi
			if [ ! -e $P2/$P/$f ]; then
				skip "noexec: $f as $who" "not in /proc2 (missing-pid-entries.txt)"
				continue
			fi
			# status: /proc's lines less those missing-status-lines.txt lists.
			if [ $f = status ]; then
				a=$(echo "$a" | awk -v MS=$MISSING_STATUS 'FILENAME == MS {
					if ($0 !~ /^#/ && $1 != "") m[$1] = 1; next }
					{ l = $0; sub(/:.*/, "", l); if (!(l in m)) print }' $MISSING_STATUS -)
			fi
			same "noexec: $f as $who: as /proc's" "$(echo "$b" | sed "s#$P2/#/proc/#")" "$a"
		done
	done
	hostiles_stop
}

# --- held: fds on an mm whose process exits or execs ------------------------------
held_section() {
	for who in root nobody; do
		for how in exit exec; do
			if [ $who = root ]; then
				out=$($H held $how 2>&1)
			else
				out=$(nobody "P2=$P2 $H held $how" 2>&1)
			fi
			if ! echo "$out" | grep -qx done; then
				not_ok "held across $how, as $who: the reader finishes" "$out"
				continue
			fi
			for f in environ mem maps auxv; do
				a=$(echo "$out" | sed -n "s#^$f /proc ##p")
				same "held across $how, as $who: $f's one read on /proc2 as /proc's ($a)" \
					"$(echo "$out" | sed -n "s#^$f /proc2 ##p")" "$a"
				same "held across $how, as $who: /proc's $f reads as before after /proc2's" \
					"$(echo "$out" | sed -n "s#^$f /proc-again ##p")" "$a"
			done
		done
	done
}

# --- cmdline: a huge untouched argument area --------------------------------------
CG=/sys/fs/cgroup
cg_ok=
if grep -qw memory $CG/cgroup.controllers 2>/dev/null; then
	grep -qw memory $CG/cgroup.subtree_control || echo +memory > $CG/cgroup.subtree_control
	grep -qw memory $CG/cgroup.subtree_control && cg_ok=1
fi
# timed FILE: three reads of 4 KiB, each in a fresh memory cgroup: "RESULT HASH" of the
# first, then the least time (ns) and the least memory.peak (bytes) of the three.
timed() {
	file=$1 r= t= m=
	for i in 1 2 3; do
		if [ -n "$cg_ok" ]; then
			mkdir $CG/t86-read
			set -- $($H timedread $file 4096 $CG/t86-read)
			rmdir $CG/t86-read
		else
			set -- $($H timedread $file 4096)
		fi
		[ -z "$r" ] && r="$1 $2"
		[ "$r" != "$1 $2" ] && r="$r / $1 $2"
		[ -z "$t" ] || [ "$3" -lt "$t" ] && t=$3
		[ -z "$m" ] || [ "$4" = - ] || [ "$4" -lt "$m" ] && m=$4
	done
	echo "$r $t $m"
}
describe() { echo "a $1 MiB argument area ($2)${3:+ and a $3 MiB environment}"; }
cmdline_section() {
	for c in "48 normal" "96 normal" "48 proctitle" "96 proctitle" "8 normal 96"; do
		_hostile args P $H bigargs $c
		if [ -z "$P" ]; then
			case "$(cat /tmp/hostile.args)" in
			"- prctl"*) skip "cmdline of a process with $c MiB arguments" "$(cat /tmp/hostile.args)" ;;
			*) not_ok "a process with $c MiB arguments starts" "$(cat /tmp/hostile.args)" ;;
			esac
			hostiles_stop
			continue
		fi
		what=$(describe $c)
		for f in cmdline environ; do
			set -- $(timed /proc/$P/$f)
			ra="$1 $2" ta=$3 ma=$4
			set -- $(timed $P2/$P/$f)
			rb="$1 $2" tb=$3 mb=$4
			desc="$f of a process with $what"
			echo "# $desc: 4 KiB read: /proc $((ta / 1000)) us, $ma bytes charged; /proc2 $((tb / 1000)) us, $mb bytes charged"
			case "$ra" in
			" " | !* | 0\ *) not_ok "$desc: 4 KiB read gives /proc's bytes" "/proc's read: $ra" ;;
			*) same "$desc: 4 KiB read gives /proc's bytes ($ra)" "$rb" "$ra" ;;
			esac
			if [ "$tb" -gt $((ta * 10)) ] && [ "$tb" -gt 5000000 ]; then
				not_ok "$desc: a read within 10 times /proc's time (or 5 ms)" \
					"/proc2 $((tb / 1000)) us, /proc $((ta / 1000)) us"
			else
				ok "$desc: a read within 10 times /proc's time (or 5 ms)"
			fi
			if [ -z "$cg_ok" ]; then
				skip "$desc: a read charges at most 1 MiB more than /proc's" "no memory controller"
			elif [ "$mb" -gt $((ma + 1048576)) ]; then
				not_ok "$desc: a read charges at most 1 MiB more than /proc's" \
					"/proc2 $mb bytes, /proc $ma bytes"
			else
				ok "$desc: a read charges at most 1 MiB more than /proc's"
			fi
		done
		hostiles_stop
	done
}

# --- dirs: every file of each hostile process's directory -------------------------
MISSING=/tests/missing-pid-entries.txt
MISSING_STATUS=$(missing_status $P2)
if [ "$(awk -v m="$P2" '$2 == m { t = $3 } END { print t }' /proc/mounts)" = proc ]; then
	MISSING=/dev/null MISSING_STATUS=/dev/null
fi
snap() { # USER DIR FILE
	if [ $1 = root ]; then
		/tests/bin/pidsnap -x pagemap -x net "$2" > "$3" &
	else
		su -s /bin/sh nobody -c "exec /tests/bin/pidsnap -x pagemap -x net $2" > "$3" &
	fi
	READER=$!
	wait $READER
	SNAPPED=$?
	# timerfd's it_value counts down between any two reads.
	sed -i 's/	it_value: .*/	it_value: (masked)/' "$3"
}
check_dir() { # DESCRIPTION USER PID
	if [ -z "$3" ] || [ ! -d /proc/$3 ]; then
		not_ok "$1: the process exists" "pid '$3'"
		return
	fi
	snap $2 /proc/$3 $D/a
	snap $2 $P2/$3 $D/b
	rb=$READER sb=$SNAPPED
	snap $2 /proc/$3 $D/c
	# A reader killed midway (an oops) leaves a short snapshot that compares well.
	if [ $sb != 0 ]; then
		not_ok "$1, as $2: every entry of /proc2/$3 (task/ included) as /proc's" \
			"the reader of /proc2/$3 ended with status $sb after: $(tail -n 1 $D/b | cut -c1-200)"
		return
	fi
	eval "$(awk -v M=$MISSING -v MS=$MISSING_STATUS -v A=$D/a -v B=$D/b -v C=$D/c -v rb=$rb \
		-v loose=" " -v Q="'" -f /tests/pid-compare.awk \
		$MISSING $MISSING_STATUS $D/a $D/b $D/c)"
	fails=
	for cat in names missing stale stat link content fd task; do
		eval "f=\$f_$cat"
		[ -n "$f" ] && fails="$fails$f
"
	done
	same "$1, as $2: every entry of /proc2/$3 (task/ included) as /proc's ($n_content contents)" "$fails" ""
}
dirs_section() {
	hostiles
	_hostile fds-nobody N su -s /bin/sh nobody -c "exec $H fds"
	for who in root nobody; do
		check_dir "a process holding every fd kind" $who $HOSTILE_FDS
		check_dir "nobody's process holding every fd kind" $who $N
		check_dir "an ELF without an executable segment, stopped at exec" $who $HOSTILE_NOEXEC
		check_dir "a zombie" $who $HOSTILE_ZOMBIE
		check_dir "a 48 MiB argument area and environment" $who $HOSTILE_ARGS
	done
	hostiles_stop
}

for s in $SECTIONS; do
	echo "# t86 section $s"
	${s}_section
done
same "the kernel log stays quiet" "$(klog | grep -v -e 'loading out-of-tree' -e 'hrtimer: interrupt took')" ""
rm -rf $D
if [ "$P2" = /proc2 ]; then
	umount /proc2
fi
