# SPDX-License-Identifier: GPL-2.0
# Writes to the per-process files that take them (comm, oom_adj, oom_score_adj,
# timerslack_ns, coredump_filter, autogroup) against /proc's: each case runs once through /proc and once through
# procfs2, each time on a fresh process, as root or as nobody, and must give the
# same result (success or errno) and leave the same value behind, as /proc reads it.
# Processes sharing an address space (CLONE_VM without CLONE_THREAD) get the same
# oom_score_adj from one write.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
D=/tmp/t74
rm -rf $D
mkdir -p $D

W=/tests/bin/writefile

# case_on TREE WHO FILE BYTES: writes BYTES (a printf format) in one write to
# TREE/PID/FILE of a new sleeping process of user nobody, as WHO (root or nobody;
# self: a process of nobody writes its own file); prints the write's result, then
# the file as /proc shows it.
case_on() {
	tree=$1 who=$2 file=$3 bytes=$4
	if [ $who = self ]; then
		su -s /bin/sh nobody -c "printf '$bytes' | $W $tree/self/$file /proc/self/$file"
		return
	fi
	su -s /bin/sh nobody -c 'exec sleep 1000' &
	pid=$!
	waitfor "[ \"\$(stat -c %u /proc/$pid 2>&1)\" = 65534 ] && grep -qx sleep /proc/$pid/comm"
	if [ $who = root ]; then
		printf "$bytes" | $W $tree/$pid/$file
	else
		su -s /bin/sh nobody -c "printf '$bytes' | $W $tree/$pid/$file"
	fi
	cat /proc/$pid/$file
	kill $pid
	wait $pid 2>/dev/null
}
check() { # WHO FILE BYTES
	same "$1 writes '$3' to $2: as /proc ($(case_on /proc "$@" | tr '\n' ' '))" \
		"$(case_on /proc2 "$@")" "$(case_on /proc "$@")"
}

for v in 100 ' 200 \n' +5 0x10 010 -1000 1000 1001 -1001 abc '' 0000000000000005 '12 34'; do
	check root oom_score_adj "$v"
done
for v in 500 -1 0; do
	check nobody oom_score_adj "$v"
done
for v in -17 -16 15 16 3 -18 x; do
	check root oom_adj "$v"
done
for v in 3 -1; do
	check nobody oom_adj "$v"
done
for v in 1000 0 abc -1 '123\n' 18446744073709551615 18446744073709551616; do
	check root timerslack_ns "$v"
	check self timerslack_ns "$v"
done
check nobody timerslack_ns 1000
for v in newname 'newname\n' 0123456789abcdefghij '' 'a\0b'; do
	check self comm "$v"
done
check root comm other
check nobody comm other
if [ -e /proc/self/coredump_filter ]; then
	for v in 0x23 7 0x1ff 0x3ff 0 abc -1 '' ' 5\n'; do
		check root coredump_filter "$v"
	done
	check nobody coredump_filter 0x23
	check self coredump_filter 0x21
fi
if [ -e /proc/self/loginuid ]; then
	same "a write to loginuid is refused (audit_set_loginuid is not exported)" \
		"$(printf 1000 | $W /proc2/self/loginuid)" "write: Operation not permitted"
fi

# A sequence on one process: root's write sets the minimum nobody may go down to.
sequence_on() { # TREE
	su -s /bin/sh nobody -c 'exec sleep 1000' &
	pid=$!
	waitfor "[ \"\$(stat -c %u /proc/$pid 2>&1)\" = 65534 ] && grep -qx sleep /proc/$pid/comm"
	echo -500 | $W $1/$pid/oom_score_adj
	for v in -600 -400 -500 -501 700; do
		su -s /bin/sh nobody -c "echo $v | $W $1/$pid/oom_score_adj"
		cat /proc/$pid/oom_score_adj
	done
	echo 5 | $W $1/$pid/oom_adj
	su -s /bin/sh nobody -c "echo 4 | $W $1/$pid/oom_adj; echo 6 | $W $1/$pid/oom_adj"
	cat /proc/$pid/oom_score_adj
	kill $pid
	wait $pid 2>/dev/null
}
same "root sets oom_score_adj -500, then nobody writes -600 -400 -500 -501 700, and oom_adj: as /proc" \
	"$(sequence_on /proc2)" "$(sequence_on /proc)"

# Processes sharing one mm: a write to either sets both.
share_on() { # TREE
	/tests/bin/vmshare > $D/share &
	waitfor '[ -s $D/share ]'
	set -- $1 $(cat $D/share)
	echo 321 > $1/$2/oom_score_adj
	cat /proc/$2/oom_score_adj /proc/$3/oom_score_adj
	echo -50 > $1/$3/oom_score_adj
	cat /proc/$2/oom_score_adj /proc/$3/oom_score_adj
	kill $2 $3
	wait
	rm -f $D/share
}
same "oom_score_adj written to one of two processes sharing an mm sets both, as /proc ($(share_on /proc | tr '\n' ' '))" \
	"$(share_on /proc2)" "$(share_on /proc)"

# autogroup: a process in a session of its own shows /proc's line; the numbers
# fs/proc refuses give its errors; a nice it would set is refused with EPERM
# (proc_sched_autogroup_set_nice is not exported: doc/differences.md), after which
# procfs2 shows the nice /proc sets.
if [ -e /proc/self/autogroup ]; then
	setsid sh -c "echo \$\$ > $D/ag; exec sleep 1000" &
	waitfor '[ -s $D/ag ] && grep -qx sleep /proc/$(cat $D/ag)/comm'
	p=$(cat $D/ag)
	same "autogroup of a session leader is /proc's ($(cat /proc/$p/autogroup))" \
		"$(cat /proc2/$p/autogroup)" "$(cat /proc/$p/autogroup)"
	for v in abc '' 20 -21 ' 3x' 99999999999; do
		same "root writes '$v' to autogroup: as /proc ($(printf "$v" | $W /proc/$p/autogroup))" \
			"$(printf "$v" | $W /proc2/$p/autogroup)" "$(printf "$v" | $W /proc/$p/autogroup)"
	done
	same "root writes 5 to autogroup: refused, the nice left as it was" \
		"$(printf 5 | $W /proc2/$p/autogroup /proc/$p/autogroup)" \
		"write: Operation not permitted
$(cat /proc/$p/autogroup)"
	printf 5 | $W /proc/$p/autogroup >/dev/null
	same "autogroup after /proc set nice 5 ($(cat /proc/$p/autogroup))" \
		"$(cat /proc2/$p/autogroup)" "$(cat /proc/$p/autogroup)"
	same "autogroup of init (not in an autogroup) is /proc's" "$(cat /proc2/1/autogroup)" "$(cat /proc/1/autogroup)"
	kill $p
fi

umount /proc2
rm -rf $D
