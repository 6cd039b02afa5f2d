# SPDX-License-Identifier: GPL-2.0
# stat, softirqs and schedstat against /proc: the same lines in the same order (less
# the listed ones), and every counter read from procfs2 between two reads of /proc.
. /tests/lib.sh
load
mount -t procfs2 none /proc2

# B lies between A and C for every field, field by field (numbers only).
between_fields() {
	awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN {
		n = split(a, x, " "); split(b, y, " "); split(c, z, " ");
		for (i = 1; i <= n; i++)
			if (x[i] ~ /^[0-9]+$/ && !(x[i] <= y[i] + 0 && y[i] <= z[i] + 0)) exit 1
	}'
}
line() { echo "$1" | grep "^$2 "; }
# B lies between A and C, whichever of them is larger.
between() {
	awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { exit !((a <= b && b <= c) || (c <= b && b <= a)) }'
}

a=$(cat /proc/stat) b=$(cat /proc2/stat) c=$(cat /proc/stat)
labels() { echo "$1" | cut -d' ' -f1; }
want=$(labels "$a" | grep -v -x -F "$(grep -v '^#' /tests/missing-stat-lines.txt | cut -d' ' -f1)")
same "stat shows /proc's lines in /proc's order, less the listed ones" \
	"$(labels "$b" | tr '\n' ' ')" "$(echo "$want" | tr '\n' ' ')"
for l in $(labels "$b" | grep -e '^cpu' -e '^softirq'); do
	expect "stat: $l fields lie between two /proc reads" \
		between_fields "$(line "$a" $l)" "$(line "$b" $l)" "$(line "$c" $l)"
done
same "stat: cpu lines have /proc's field count" \
	"$(echo "$b" | grep '^cpu' | awk '{print NF}' | sort -u)" \
	"$(echo "$a" | grep '^cpu' | awk '{print NF}' | sort -u)"
# intr: each interrupt's count lies between two /proc reads; the total lacks the
# machine-check and error counts (/proc/interrupts' MCE, MCP and ERR, not exported),
# which only grow: /proc's, read after, bound them.
ia=$(line "$a" intr) ib=$(line "$b" intr) ic=$(line "$c" intr)
same "stat: intr has /proc's field count" "$(echo "$ib" | wc -w)" "$(echo "$ia" | wc -w)"
expect "stat: intr's per-interrupt counts lie between two /proc reads" \
	between_fields "$(echo "$ia" | cut -d' ' -f3-)" "$(echo "$ib" | cut -d' ' -f3-)" \
	"$(echo "$ic" | cut -d' ' -f3-)"
x=$(awk '$1 ~ /^(MCE|MCP|ERR):$/ { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i }
	END { print s + 0 }' /proc/interrupts)
expect "stat: intr's total with /proc's MCE, MCP and ERR ($x) lies between two /proc reads" \
	awk -v a="$(echo "$ia" | cut -d' ' -f2)" -v b="$(echo "$ib" | cut -d' ' -f2)" \
	-v c="$(echo "$ic" | cut -d' ' -f2)" -v x="$x" 'BEGIN { exit !(a <= b + x && b <= c) }'
same "stat: btime is /proc's" "$(line "$b" btime)" "$(line "$a" btime)"
expect "stat: ctxt lies between two /proc reads" \
	between_fields "$(line "$a" ctxt)" "$(line "$b" ctxt)" "$(line "$c" ctxt)"
# The runqueues' counts (nr_running(), nr_iowait()) with three spinners, which stay
# runnable: procfs2's lie between two /proc reads.
spin() { while :; do :; done; }
spin & S1=$!
spin & S2=$!
spin & S3=$!
waitfor '[ $(grep "^procs_running" /proc/stat | cut -d" " -f2) -ge 4 ]'
a=$(cat /proc/stat) b=$(cat /proc2/stat) c=$(cat /proc/stat)
# Other tasks wake up between the reads: a count of runnable tasks is a snapshot
# within one of the reads around it.
within1() {
	awk -v x="$1" -v y="$2" -v z="$3" 'BEGIN { lo = x < z ? x : z; hi = x < z ? z : x
		exit !(lo - 1 <= y && y <= hi + 1) }'
}
for l in procs_running procs_blocked; do
	x=$(line "$a" $l | cut -d' ' -f2) y=$(line "$b" $l | cut -d' ' -f2) z=$(line "$c" $l | cut -d' ' -f2)
	expect "stat: $l with three spinners lies within one of two /proc reads ($x $y $z)" \
		within1 "$x" "$y" "$z"
done
a=$(cut -d' ' -f4 /proc/loadavg) b=$(cut -d' ' -f4 /proc2/loadavg) c=$(cut -d' ' -f4 /proc/loadavg)
expect "loadavg: the running count with three spinners lies within one of two /proc reads ($a $b $c)" \
	within1 "${a%/*}" "${b%/*}" "${c%/*}"
kill $S1 $S2 $S3
wait $S1 $S2 $S3 2>/dev/null

a=$(cat /proc/softirqs) b=$(cat /proc2/softirqs) c=$(cat /proc/softirqs)
same "softirqs header is /proc's" "$(echo "$b" | head -n 1)" "$(echo "$a" | head -n 1)"
same "softirqs rows are /proc's" "$(echo "$b" | cut -d: -f1 | tr '\n' ' ')" \
	"$(echo "$a" | cut -d: -f1 | tr '\n' ' ')"
same "softirqs layout is /proc's" "$(echo "$b" | sed 's/[0-9]/9/g; s/ *9/ 9/g')" \
	"$(echo "$a" | sed 's/[0-9]/9/g; s/ *9/ 9/g')"
bad=""
for r in $(echo "$b" | tail -n +2 | cut -d: -f1); do
	between_fields "$(echo "$a" | grep "^ *$r:" | cut -d: -f2)" \
		"$(echo "$b" | grep "^ *$r:" | cut -d: -f2)" \
		"$(echo "$c" | grep "^ *$r:" | cut -d: -f2)" || bad="$bad $r"
done
same "softirqs counts lie between two /proc reads" "$bad" ""

# schedstat, with the scheduler's statistics on (they are off at boot): the same
# records, CPUs and domain spans, each counter between two /proc reads.
if [ -e /proc/schedstat ]; then
	old=$(cat /proc/sys/kernel/sched_schedstats)
	echo 1 > /proc/sys/kernel/sched_schedstats
	sleep 1
	a=$(cat /proc/schedstat) b=$(cat /proc2/schedstat) c=$(cat /proc/schedstat)
	echo $old > /proc/sys/kernel/sched_schedstats
	heads() { echo "$1" | awk '{ print $1, ($1 ~ /^domain/ ? $2 : ""), NF }'; }
	same "schedstat: the same records, domain spans and field counts" "$(heads "$b")" "$(heads "$a")"
	same "schedstat: version is /proc's" "$(line "$b" version)" "$(line "$a" version)"
	bad=""
	for l in $(echo "$b" | cut -d' ' -f1); do
		between_fields "$(line "$a" $l)" "$(line "$b" $l)" "$(line "$c" $l)" || bad="$bad $l"
	done
	same "schedstat: each counter lies between two /proc reads" "$bad" ""
	n=$(echo "$b" | awk '$1 ~ /^cpu/ { for (i = 2; i <= NF; i++) s += $i } END { print s + 0 }')
	expect "schedstat: the counters are running ($n)" [ "$n" != 0 ]
fi
umount /proc2
