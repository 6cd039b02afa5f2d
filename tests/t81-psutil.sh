# SPDX-License-Identifier: GPL-2.0
# psutil (Debian's, with the Python that runs it, copied into the guest by
# scripts/initramfs.sh) on procfs2 bound over /proc in a private mount namespace,
# against the same calls on /proc: each call of tests/psutil-report.py, for a
# process with 50 extra mappings, a sleeper and the system. What moves between the
# two runs (cpu_stats' counters) must lie between two reads of /proc (interrupts
# less the machine-check counts procfs2 cannot read).
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
if [ ! -x /usr/bin/python3 ]; then
	skip "psutil on procfs2" "python3 and psutil are not in the guest"
	umount /proc2
	exit 0
fi
D=/tmp/t81
rm -rf $D
mkdir -p $D
R="python3 -I /tests/psutil-report.py"
over() { unshare -m sh -c "mount --bind /proc2 /proc && exec $*" 2>&1; }
# psutil reads the mount table from /etc/mtab when the file exists and from
# /proc/self/mounts otherwise, which procfs2 does not provide
# (tests/missing-pid-entries.txt): a copy of the table, as a plain file.
mtab=
[ -e /etc/mtab ] || { cp /proc/self/mounts /etc/mtab; mtab=/etc/mtab; }
sleep 1000 &
S=$!
/tests/bin/mappings 50 $D > $D/maps &
M=$!
waitfor '[ -s $D/maps ] && grep -qx sleep /proc/$S/comm'

for pid in $M $S; do
	what="a process with 50 extra mappings"
	[ $pid = $S ] && what="a sleeper"
	$R $pid > $D/a 2>&1
	over $R $pid > $D/b
	while IFS= read -r line; do
		call=${line%%: *}
		same "psutil $call of $what" "$(awk -v c="$call: " 'index($0, c) == 1' $D/b)" "$line"
	done < $D/a
done
kill $S $M
wait 2>/dev/null

$R system > $D/a1 2>&1
over $R system > $D/b
$R system > $D/a2 2>&1
for call in disk_io_counters disk_partitions "disk_partitions all" "cpu_stats syscalls"; do
	same "psutil $call" "$(awk -v c="$call: " 'index($0, c) == 1' $D/b)" \
		"$(awk -v c="$call: " 'index($0, c) == 1' $D/a1)"
done
# stat's intr total lacks /proc/interrupts' MCE, MCP and ERR (doc/differences.md),
# which only grow: read after, they bound what is missing.
x=$(awk '$1 ~ /^(MCE|MCP|ERR):$/ { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i }
	END { print s + 0 }' /proc/interrupts)
for f in ctx_switches interrupts soft_interrupts; do
	a=$(sed -n "s/^cpu_stats $f: //p" $D/a1) b=$(sed -n "s/^cpu_stats $f: //p" $D/b)
	c=$(sed -n "s/^cpu_stats $f: //p" $D/a2) y=0
	[ $f = interrupts ] && y=$x
	expect "psutil cpu_stats $f: $b (+$y), between /proc's $a and $c" \
		awk -v a="$a" -v b="$b" -v c="$c" -v y="$y" 'BEGIN { exit !(a <= b + y && b <= c) }'
done
[ -n "$mtab" ] && rm -f $mtab
umount /proc2
