# SPDX-License-Identifier: GPL-2.0
# Debian's procps (ps, pmap, top, free, vmstat, w, uptime; copied into the guest
# with their libraries) on procfs2 bound over /proc in a private mount namespace,
# against the same commands on /proc: ps with wchan and per-thread lines, pmap,
# which reads maps (pmap -x and -X read smaps), and the whole-system tools, which
# read the root files.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
PS=/opt/procps/bin/ps
PMAP=/opt/procps/bin/pmap
if [ ! -x $PS ] || [ ! -x $PMAP ] || [ ! -x /opt/procps/bin/top ]; then
	skip "procps on procfs2" "procps is not in the guest"
	umount /proc2
	exit 0
fi
D=/tmp/t79
rm -rf $D
mkdir -p $D
sleep 1000 &
S=$!
/tests/bin/threads 3 > $D/threads &
T=$!
/tests/bin/mappings 50 $D > $D/maps &
M=$!
waitfor '[ -s $D/threads ] && [ -s $D/maps ] && grep -qx sleep /proc/$S/comm'
over() { unshare -m sh -c "mount --bind /proc2 /proc && exec $*" 2>&1; }

cmd="$PS -o pid,ppid,user,stat,wchan:20,comm -p 1,2,$S,$T,$M"
same "ps -o pid,ppid,user,stat,wchan:20,comm: init, kthreadd, a sleeper, threads, mappings" \
	"$(over $cmd)" "$($cmd 2>&1)"
cmd="$PS -L -o pid,lwp,nlwp,stat,wchan:20,comm -p $T"
same "ps -L (threads, their wchan)" "$(over $cmd)" "$($cmd 2>&1)"
cmd="$PS -o pid,vsz,rss,tty,time,cmd -p $S,$T,$M"
same "ps -o pid,vsz,rss,tty,time,cmd" "$(over $cmd)" "$($cmd 2>&1)"
cmd="$PMAP $M"
same "pmap of a process with 50 extra mappings ($($cmd | tail -n 1 | tr -s ' '))" \
	"$(over $cmd)" "$($cmd 2>&1)"
cmd="$PMAP -q $S"
same "pmap -q of a sleeper" "$(over $cmd)" "$($cmd 2>&1)"
cmd="$PMAP -x $M"
same "pmap -x (smaps) of a process with 50 extra mappings ($($cmd | tail -n 1 | tr -s ' '))" \
	"$(over $cmd)" "$($cmd 2>&1)"
cmd="$PMAP -X $M"
same "pmap -X (every smaps field)" "$(over $cmd)" "$($cmd 2>&1)"
cmd="$PMAP -x $S $$"
same "pmap -x of a sleeper and the test shell" "$(over $cmd)" "$($cmd 2>&1)"
kill $S $T $M
wait 2>/dev/null

# Kernel threads' names (proc_task_name): full names, and workqueue workers' ids (their
# last work, "+" while it runs, changes as they run: masked here; t70 compares it).
# Threads come and go, so the outputs must agree on one of ten tries.
cmd="$PS -e -o pid,comm,args"
f=$(sh -c 'echo $$')
lastwork() {
	sed -E -e 's#\[(kworker/(u?[0-9]+:[0-9]+H?|dying))[+-][^]]*\]#[\1]#' \
		-e 's#^( *[0-9]+ kworker/(u?[0-9]+:[0-9]+H?|dying))[+-][^ ]*#\1#' | tr -s ' '
}
i=0
while :; do
	a=$(over $cmd | awk -v f=$f 'NR == 1 || $1 < f' | lastwork)
	b=$($cmd 2>&1 | awk -v f=$f 'NR == 1 || $1 < f' | lastwork)
	[ "$a" = "$b" ] || [ $i -ge 9 ] && break
	i=$((i + 1))
	sleep 1
done
same "ps -e -o pid,comm,args: kernel threads' full and workers' names ($(echo "$b" | grep -c '\[') kernel threads, try $((i + 1)))" "$a" "$b"

# Whole-system views. What moves between two runs is masked: clocks, CPU shares
# and times, free memory, workqueue workers' last work; the tools' own processes,
# which differ between the runs, are left out.
first=$(sh -c 'echo $$')
mine() { awk -v f=$first -v col=$1 'NR == 1 || $col + 0 < f'; }
kname() { sed -E 's#\[(kworker/(R-[^]+-]+|u?[0-9]+:[0-9]+H?|dying))[+-][^]]*\]#[\1]#'; }
cmd="$PS aux"
# A kernel thread's state flips between runs (rcu_sched: I or R); a process's does not.
ps_aux() { mine 2 | kname | awk '{ $3 = "-"; $10 = "-"; if ($11 ~ /^\[/) $8 = "-"; print }'; }
same "ps aux (%CPU and TIME aside)" "$(over $cmd | ps_aux)" "$($cmd 2>&1 | ps_aux)"
cmd="$PS -eLf"
ps_elf() { mine 2 | kname | awk '{ $5 = "-"; $9 = "-"; print }'; }
same "ps -eLf (C and TIME aside)" "$(over $cmd | ps_elf)" "$($cmd 2>&1 | ps_elf)"
digits() { sed -E 's/[0-9]+([.,][0-9]+)?/9/g' | tr -s ' '; }
cmd="/opt/procps/bin/top -b -n1"
same "top -b -n1: the summary lines and the column heads" \
	"$(over $cmd | head -n 7 | digits)" "$($cmd 2>&1 | head -n 7 | digits)"
same "top -b -n1: the same processes" "$(over $cmd | tail -n +8 | mine 1 | awk '{ print $1, $2, $12 }' | kname | sort -n)" \
	"$($cmd 2>&1 | tail -n +8 | mine 1 | awk '{ print $1, $2, $12 }' | kname | sort -n)"
cmd="/opt/procps/bin/free"
same "free: layout" "$(over $cmd | digits)" "$($cmd 2>&1 | digits)"
same "free: the totals" "$(over $cmd | awk 'NR > 1 { print $1, $2 }')" "$($cmd 2>&1 | awk 'NR > 1 { print $1, $2 }')"
cmd="/opt/procps/bin/vmstat"
same "vmstat: layout" "$(over $cmd | digits)" "$($cmd 2>&1 | digits)"
# The first line's rates are averages since boot, which move between runs: each lies
# between those of two /proc runs; in (stat's intr) may be 1 below, as the machine-check
# counts are not in procfs2's total (doc/differences.md).
a=$($cmd 2>&1 | awk 'NR == 3') b=$(over $cmd | awk 'NR == 3') c=$($cmd 2>&1 | awk 'NR == 3')
same "vmstat: swpd, si, so, bi, bo, in between two /proc runs ($b)" "$(awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
	split(a, x, " "); split(b, y, " "); split(c, z, " ")
	n = split("3 7 8 9 10 11", f, " ")
	for (i = 1; i <= n; i++) {
		k = f[i]; lo = x[k] + 0; hi = z[k] + 0
		if (lo > hi) { t = lo; lo = hi; hi = t }
		if (k == 11) lo--
		if (!(lo <= y[k] + 0 && y[k] + 0 <= hi)) print "field " k ": " x[k], y[k], z[k]
	} }')" ""
# cs: context switches per second since boot (stat's ctxt over its cpu times), which
# drifts between runs: procfs2's within one of two runs on /proc.
cs() { awk 'NR == 3 { print $12 }'; }
a=$($cmd | cs) b=$(over $cmd | cs) c=$($cmd | cs)
expect "vmstat: cs lies within one of two runs on /proc ($a $b $c)" \
	awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN { lo = a < c ? a : c; hi = a < c ? c : a
		exit !(b > 0 && lo - 1 <= b && b <= hi + 1) }'
# vmstat -d reads diskstats, -p a partition's line of it; busybox fdisk -l reads
# partitions for its list of disks (the counters only move with I/O, so each is run
# until /proc's output stays put around procfs2's).
steady() { # CMD: procfs2's output in $b, /proc's in $a, from a try where /proc did not move
	for i in 1 2 3 4 5 6 7 8 9 10; do
		a=$($1 2>&1) b=$(over $1) c=$($1 2>&1)
		[ "$a" = "$c" ] && break
	done
}
steady "/opt/procps/bin/vmstat -d"
same "vmstat -d ($(echo "$a" | tail -n +3 | awk '{ print $1 }' | tr '\n' ' '))" "$b" "$a"
part=$(awk 'NR > 2 && $4 ~ /[0-9]$/ { print $4; exit }' /proc/partitions)
if [ -n "$part" ]; then
	steady "/opt/procps/bin/vmstat -p $part"
	same "vmstat -p $part" "$b" "$a"
else
	skip "vmstat -p" "no partition in the guest"
fi
steady "fdisk -l"
same "busybox fdisk -l (the disks of partitions)" "$b" "$a"
# busybox lsmod reads modules (its "Tainted" header reads /proc/sys/kernel/tainted,
# which procfs2 lacks: the module lines are compared).
same "busybox lsmod (module lines)" "$(over lsmod | tail -n +2)" "$(lsmod 2>&1 | tail -n +2)"
for cmd in /opt/procps/bin/w /opt/procps/bin/uptime; do
	same "$(basename $cmd) (clock and load aside)" "$(over $cmd | digits)" "$($cmd 2>&1 | digits)"
done
umount /proc2
rm -rf $D
