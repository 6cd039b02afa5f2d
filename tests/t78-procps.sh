# SPDX-License-Identifier: GPL-2.0
# procps-style tools on procfs2: in a private mount namespace with procfs2 mounted
# over /proc, busybox ps, top and pidof print what they print on /proc, for every
# process that exists in both runs. Workqueue workers are compared without the
# "-desc" fs/proc appends to their names (doc/differences.md).
. /tests/lib.sh
load
sleep 1000 &
S1=$!
/tests/bin/threads 3 > /tmp/t78.threads &
S2=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
nobody_sleeps() { for p in $(pidof sleep); do [ "$(stat -c %u /proc/$p)" = 65534 ] && echo $p; done; }
waitfor '[ -s /tmp/t78.threads ] && [ -n "$(nobody_sleeps)" ] && grep -qx sleep /proc/$S1/comm'

onproc2() { unshare -m sh -c "mount -t procfs2 none /proc && $1"; }
workers() { sed -E 's/(kworker\/u?[0-9]+:[0-9]+H?)[-+][^] ]*/\1/g' | tr -s ' '; }
# The lines of both outputs whose first field is a pid that both show, sorted.
common() { # A B -> prints A's lines, a blank line, B's lines
	printf '%s\n' "$1" > /tmp/t78a; printf '%s\n' "$2" > /tmp/t78b
	awk 'FNR == NR { if ($1 ~ /^[0-9]+$/) a[$1] = 1; next } $1 in a { print $1 }' /tmp/t78a /tmp/t78b > /tmp/t78p
	for f in /tmp/t78a /tmp/t78b; do
		awk 'FNR == NR { p[$1] = 1; next } $1 in p' /tmp/t78p $f | sort -n | workers
		echo
	done
}
# compare DESCRIPTION COMMAND: the command's lines on /proc and on procfs2 for the
# processes both show; up to three tries, as processes from earlier tests may still
# be exiting.
# Each try runs the tool on both trees; a kernel thread can change state (R, S, I)
# between the two runs, and on a loaded TCG guest some thread often does, so the
# outputs must agree on one of ten tries (the assertion is the same on every try).
compare() {
	for try in 1 2 3 4 5 6 7 8 9 10; do
		out=$(common "$(sh -c "$2")" "$(onproc2 "$2")")
		a=$(echo "$out" | sed '/^$/q' | sed '$d') b=$(echo "$out" | sed '1,/^$/d')
		[ "$a" = "$b" ] && break
		sleep 1
	done
	same "$1 ($(echo "$a" | grep -c .) processes, try $try)" "$b" "$a"
}

f=pid,ppid,pgid,sid,user,group,ruser,rgroup,nice,tty,vsz,rss,comm,args
compare "ps -o $f prints /proc's lines" "ps -o $f"
compare "top -b -n 1 prints /proc's process lines (%CPU aside)" \
	"top -b -n 1 | awk '\$1 ~ /^[0-9]+\$/ { \$7 = \"\"; print }'"
same "pidof finds the same processes" "$(onproc2 'pidof sleep threads' | tr ' ' '\n' | sort)" \
	"$(pidof sleep threads | tr ' ' '\n' | sort)"
kill $S1 $S2 $(pidof sleep) 2>/dev/null
wait 2>/dev/null
