# SPDX-License-Identifier: GPL-2.0
# Debian's procps (ps, pmap; copied into the guest with their libraries) on procfs2
# bound over /proc in a private mount namespace, against the same commands on /proc:
# ps with wchan and per-thread lines, and pmap, which reads maps. (pmap -x reads
# smaps, which procfs2 cannot provide: README, Differences.)
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
PS=/opt/procps/bin/ps
PMAP=/opt/procps/bin/pmap
if [ ! -x $PS ] || [ ! -x $PMAP ]; then
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
kill $S $T $M
wait 2>/dev/null
umount /proc2
rm -rf $D
