# SPDX-License-Identifier: GPL-2.0
# Security modules. fs/proc asks them through security_ptrace_access_check, which is
# not exported; procfs2 asks what it can and refuses what it cannot know
# (wrap/cred.rs, lsm_may_ptrace). Whatever the module says, procfs2 must never let a
# caller at what /proc refuses: unprivileged and root callers, Yama's ptrace_scope
# 0 to 3, and an AppArmor profile that denies ptrace. Where procfs2 refuses and
# /proc allows, the test counts it (README, Differences).
. /tests/lib.sh
load
A=/tmp/lsm-a B=/tmp/lsm-b
mkdir -p $A $B
SCOPE=/proc/sys/kernel/yama/ptrace_scope
if [ ! -f $SCOPE ] || [ ! -d /sys/kernel/security/apparmor ]; then
	skip "security modules" "the kernel has no Yama or AppArmor"
	exit 0
fi

sleep 1000 &
ROOTS=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
nobodys() { for p in $(pidof sleep); do [ "$(stat -c %u /proc/$p)" = 65534 ] && echo $p; done | head -n 1; }
waitfor '[ -n "$(nobodys)" ]'
NOBODYS=$(nobodys)

# probe MNT PID: one word per check, "ok" where the caller got at the data, "no"
# where it was refused. stat:N is field N of stat, which fs/proc zeroes (or sets to
# 1) for callers that may not read the task.
probe() {
	m=$1 p=$2
	for f in environ auxv io personality syscall wchan stack mem; do
		if cat $m/$p/$f > /dev/null 2>&1 || { [ $f = mem ] && sh -c "exec 3< $m/$p/mem" 2>/dev/null; }
		then echo "$f=ok"; else echo "$f=no"; fi
	done
	for d in fd fdinfo map_files ns; do
		ls $m/$p/$d > /dev/null 2>&1 && echo "$d=ok" || echo "$d=no"
	done
	for l in cwd root exe ns/net; do
		readlink $m/$p/$l > /dev/null 2>&1 && echo "$l=ok" || echo "$l=no"
	done
	for n in 26 27 28 35; do
		v=$(cut -d' ' -f$n $m/$p/stat 2>/dev/null)
		[ -n "$v" ] && [ "$v" != 0 ] && [ "$v" != 1 ] && echo "stat:$n=ok" || echo "stat:$n=no"
	done
}
# check CALLER-DESCRIPTION RUN: runs probe for both trees through RUN (a command
# prefix taking a shell script), fails on any check procfs2 allows and /proc refuses.
EXTRA=0
check() {
	desc=$1 run=$2
	for p in $ROOTS $NOBODYS; do
		a=$($run "$(type probe | tail -n +2); probe $A $p" 2>/dev/null)
		b=$($run "$(type probe | tail -n +2); probe $B $p" 2>/dev/null)
		more=$(printf '%s\n' "$a" | while IFS== read -r k v; do
			[ "$v" = ok ] && ! printf '%s\n' "$b" | grep -qx "$k=ok" && echo "$k"; done)
		less=$(printf '%s\n' "$b" | grep -c '=ok$')
		less=$((less - $(printf '%s\n' "$a" | grep -c '=ok$')))
		[ $less -gt 0 ] && EXTRA=$((EXTRA + less))
		same "$desc, pid $p: procfs2 allows nothing /proc refuses ($(echo "$a" | grep -c '=ok$') ok, /proc $(echo "$b" | grep -c '=ok$'))" \
			"$(echo $more)" ""
	done
}
as_root() { sh -c "$1"; }
as_nobody() { su -s /bin/sh nobody -c "$1"; }

mount -t procfs2 none $A
mount -t proc proc $B
for s in 0 1 2; do
	echo $s > $SCOPE
	check "Yama ptrace_scope $s, root" as_root
	check "Yama ptrace_scope $s, nobody" as_nobody
done

# AppArmor: a profile that allows everything but ptrace.
P=/tmp/lsm-profile
cat > $P <<'PROF'
profile procfs2-noptrace {
  capability,
  file,
  network,
  signal,
  unix,
  mount,
  umount,
  deny ptrace,
}
PROF
if /opt/apparmor/bin/apparmor_parser -K -r $P > /tmp/lsm-parser.log 2>&1; then
	confined() { sh -c "echo 'exec procfs2-noptrace' > /proc/self/attr/exec && exec sh -c '$1'"; }
	same "a confined shell runs under the profile" \
		"$(confined 'cat /proc/self/attr/current')" "procfs2-noptrace (enforce)"
	echo 0 > $SCOPE
	check "AppArmor profile denying ptrace, root" confined
	confined_nobody() { sh -c "echo 'exec procfs2-noptrace' > /proc/self/attr/exec && exec su -s /bin/sh nobody -c '$1'"; }
	check "AppArmor profile denying ptrace, nobody" confined_nobody
else
	not_ok "apparmor_parser loads the test profile: $(cat /tmp/lsm-parser.log)"
fi

# hidepid=2 views under the most restrictive scope.
umount $A $B
mount -t procfs2 -o hidepid=2 none $A
mount -t proc -o hidepid=2 proc $B
echo 3 > $SCOPE
check "Yama ptrace_scope 3, root" as_root
check "Yama ptrace_scope 3, nobody" as_nobody
seen() { su -s /bin/sh nobody -c "ls $1" | grep '^[0-9]' | sort; }
more=$(seen $A | grep -v -x -F "$(seen $B)")
same "hidepid=2: nobody sees no process in procfs2 that /proc hides" "$(echo $more)" ""
same "ptrace_scope 3 is kept" "$(cat $SCOPE)" "3"
echo "# procfs2 refused $EXTRA checks /proc allowed (README, Security modules)"
umount $A $B
kill $ROOTS $(pidof sleep) 2>/dev/null
wait 2>/dev/null
