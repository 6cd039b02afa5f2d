# SPDX-License-Identifier: GPL-2.0
# A seeded random stream of calls (tests/helpers/fuzz.c) over paths present in both
# /proc and /proc2, hostile names included: every call must end as it ends on /proc
# (success, or the same errno). FUZZ_CALLS (default 100,000) calls in all, in four seeds as
# root and a fifth as nobody; writes to the writable files of the scratch processes
# (a sleeper, a threaded one, one of nobody's) are among them;
# so are chmod, chown (to the entry's own owner; to another one as nobody), utimes
# and truncate of their entries. FUZZ_SEED picks the first. A failing line names its
# seed: `fuzz SEED N PIDS` replays it.
# The processes are this shell, init, kthreadd, the scratch ones, an exited pid, a
# non-dumpable process of nobody's and a non-dumpable zombie, and
# the hostile processes of lib.sh's `hostiles` (issue 20: every fd kind with a
# show_fdinfo, an ELF without an executable segment stopped at exec, a zombie, a
# 48 MiB untouched argument area and environment).
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
# procfs2 reads pressure/ once it has seen a top-level cgroup since it was loaded
# (doc/differences.md): one is made and removed again, as a system's init makes some.
mkdir -p /sys/fs/cgroup/t88 && cat /proc2/pressure/cpu > /dev/null; rmdir /sys/fs/cgroup/t88 2>/dev/null
CALLS=${FUZZ_CALLS:-100000}
SEED=${FUZZ_SEED:-$(date +%s)}
sleep 1000 &
S=$!
/tests/bin/threads 2 > /tmp/t88.threads &
T=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
N=$!
sleep 1000 &
X=$!
kill $X
wait $X 2>/dev/null
waitfor '[ -s /tmp/t88.threads ] && grep -qx sleep /proc/$S/comm && grep -qx sleep /proc/$N/comm'
su -s /bin/sh nobody -c '/tests/bin/hostile nodump' > /tmp/t88.nd &
su -s /bin/sh nobody -c '/tests/bin/hostile zombie nodump' > /tmp/t88.znd &
waitfor 'grep -qs "^pid " /tmp/t88.nd && grep -qs "^pid " /tmp/t88.znd'
NODUMP="$(sed -n 's/^pid //p' /tmp/t88.nd) $(sed -n 's/^pid //p' /tmp/t88.znd)"
hostiles
for h in fds noexec zombie args; do
	grep -q '^pid ' /tmp/hostile.$h || not_ok "the hostile process '$h' starts" "$(cat /tmp/hostile.$h)"
done
export FUZZ_WRITABLE="$S $T $N"
dmesg -c > /dev/null
# summary OUTPUT SEED STATUS: fuzz's last line, or how it ended without one (killed).
summary() {
	case "$(echo "$1" | tail -n 1)" in
	fuzz:*) echo "$1" | tail -n 1 ;;
	*) echo "fuzz: seed $2 ended with status $3 before its summary" ;;
	esac
}
for i in 0 1 2 3; do
	seed=$((SEED + i))
	out=$(/tests/bin/fuzz $seed $((CALLS / 5)) $$ 1 2 $S $T $N $X $NODUMP $HOSTILE_PIDS)
	st=$?
	if [ $st = 0 ]; then
		ok "$(echo "$out" | tail -n 1)"
	else
		not_ok "$(summary "$out" $seed $st) (replay: fuzz $seed $((CALLS / 5)) with the same kinds of pids)" "$(echo "$out" | head -n 10)"
	fi
done
# As an unprivileged user: other users' private files must be refused as /proc refuses.
seed=$((SEED + 4))
out=$(su -s /bin/sh nobody -c "FUZZ_WRITABLE='$FUZZ_WRITABLE' /tests/bin/fuzz $seed $((CALLS / 5)) $$ 1 2 $S $T $N $X $NODUMP $HOSTILE_PIDS")
st=$?
if [ $st = 0 ]; then
	ok "as nobody: $(echo "$out" | tail -n 1)"
else
	not_ok "as nobody: $(summary "$out" $seed $st)" "$(echo "$out" | head -n 10)"
fi
same "... and the kernel log stays quiet (but for oom_adj's deprecation notes)" "$(klog | grep -v -e 'loading out-of-tree' -e 'oom_adj is deprecated')" ""
hostiles_stop
kill $S $T $N
kill -9 $(pidof hostile) 2>/dev/null
wait 2>/dev/null
umount /proc2
