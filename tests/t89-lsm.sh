# SPDX-License-Identifier: GPL-2.0
# Security modules. fs/proc asks them through security_ptrace_access_check, which is
# not exported; procfs2 asks what it can and refuses what it cannot know
# (ptrace.rs, LsmPtrace). Whatever the module says, procfs2 must never let a
# caller at what /proc refuses: unprivileged and root callers, Yama's ptrace_scope
# 0 to 3, and an AppArmor profile that denies ptrace. Where procfs2 refuses and
# /proc allows, the test counts it (doc/differences.md).
. /tests/lib.sh
load
A=/tmp/lsm-a B=/tmp/lsm-b
mkdir -p $A $B
SCOPE=/proc/sys/kernel/yama/ptrace_scope
if [ ! -f $SCOPE ] || [ ! -d /sys/kernel/security/apparmor ]; then
	skip "security modules" "the kernel has no Yama or AppArmor"
	exit 0
fi

sleepers

# The probe (a script, so that each caller runs it in its own context): MNT PID
# print one word per check, "ok" where the caller got at the data, "no" where it
# was refused. stat:N is field N of stat, which fs/proc zeroes (or sets to 1) for
# callers that may not read the task.
cat > /tmp/lsm-probe.sh <<'PROBE'
m=$1 p=$2
for f in environ auxv io personality syscall wchan stack; do
	cat $m/$p/$f > /dev/null 2>&1 && echo "$f=ok" || echo "$f=no"
done
sh -c "exec 3< $m/$p/mem" 2>/dev/null && echo "mem=ok" || echo "mem=no"
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
PROBE
# check DESCRIPTION RUN: runs the probe on both trees through RUN (a function that
# runs a shell command as some caller); fails on any check procfs2 allows and
# /proc refuses, and on a caller for whom procfs2 allows less without doc/differences.md
# saying why (it may only refuse where it cannot ask a module: counted).
EXTRA=0
check() {
	desc=$1 run=$2 exact=${3:-}
	for p in $ROOTS $NOBODYS; do
		a=$($run "sh /tmp/lsm-probe.sh $A $p" 2>/dev/null)
		b=$($run "sh /tmp/lsm-probe.sh $B $p" 2>/dev/null)
		more=$(printf '%s\n' "$a" | while IFS== read -r k v; do
			[ "$v" = ok ] && ! printf '%s\n' "$b" | grep -qx "$k=ok" && echo "$k"; done)
		na=$(printf '%s\n' "$a" | grep -c '=ok$') nb=$(printf '%s\n' "$b" | grep -c '=ok$')
		[ $nb -gt $na ] && EXTRA=$((EXTRA + nb - na))
		same "$desc, pid $p: procfs2 allows nothing /proc refuses ($na allowed, /proc $nb)" \
			"$(echo $more)" ""
		[ -n "$exact" ] || continue
		less=$(printf '%s\n' "$b" | while IFS== read -r k v; do
			[ "$v" = ok ] && ! printf '%s\n' "$a" | grep -qx "$k=ok" && echo "$k"; done)
		same "$desc, pid $p: ... and refuses nothing /proc allows (procfs2 can tell here)" \
			"$(echo $less)" ""
	done
}
as_root() { sh -c "$1"; }
as_nobody() { su -s /bin/sh nobody -c "$1"; }

mount -t procfs2 none $A
mount -t proc proc $B
for s in 0 1 2; do
	echo $s > $SCOPE
	check "Yama ptrace_scope $s, root" as_root exact
	check "Yama ptrace_scope $s, nobody" as_nobody exact
done

# Yama's scope read from a file mounted over its sysctl (issue 21, class 4): a proc
# file that reads 0 bound over ptrace_scope at scope 2 changes nothing procfs2
# decides; Yama itself reads its variable.
echo 2 > $SCOPE
for f in /proc/sys/vm/overcommit_memory /proc/sys/kernel/ctrl-alt-del /proc/sys/fs/leases-enable; do
	[ "$(cat $f)" = 0 ] && break
done
if [ "$(cat $f)" = 0 ] && mount --bind $f $SCOPE; then
	same "ptrace_scope reads 0 through the mount over it" "$(cat $SCOPE)" 0
	check "Yama ptrace_scope 2 with a 0 mounted over it, nobody" as_nobody exact
	umount $SCOPE
else
	not_ok "a proc file reading 0 bound over ptrace_scope" "$f"
fi
same "ptrace_scope is 2 again" "$(cat $SCOPE)" 2

# AppArmor: a profile that allows everything but ptrace.
P=/tmp/lsm-profile
noptrace_profile > $P
if /opt/apparmor/bin/apparmor_parser -K -r $P > /tmp/lsm-parser.log 2>&1; then
	confined() { sh -c "echo 'exec procfs2-noptrace' > /proc/self/attr/exec && exec $1"; }
	same "a confined shell runs under the profile" \
		"$(confined 'cat /proc/self/attr/current')" "procfs2-noptrace (enforce)"
	# Unconfined, root sees with procfs2 what it sees with /proc (the module lets
	# an unconfined caller at anyone).
	echo 0 > $SCOPE
	check "AppArmor profile denying ptrace, root" confined exact
	confined_nobody() { sh -c "echo 'exec procfs2-noptrace' > /proc/self/attr/exec && exec su -s /bin/sh nobody -c '$1'"; }
	check "AppArmor profile denying ptrace, nobody" confined_nobody exact
else
	not_ok "apparmor_parser loads the test profile: $(cat /tmp/lsm-parser.log)"
fi

# AppArmor labels procfs2 must not mistake for the unconfined one (issue 21, class
# 5): a profile named "unconfined" that denies ptrace (found before the namespace's
# own unconfined label when a task changes to that name), and a profile loaded
# after another was removed (AppArmor reuses the lowest free secid: procfs2 keeps
# no answer from a secid). Each caller's label is printed first, then probed.
aa_as() { sh -c "echo 'exec $1' > /proc/self/attr/exec && exec $2"; }
sed 's/^profile procfs2-noptrace /profile unconfined /' $P > $P.u
if /opt/apparmor/bin/apparmor_parser -K -a $P.u > /tmp/lsm-parser.log 2>&1; then
	label=$(aa_as unconfined 'cat /proc/self/attr/current')
	echo "# a caller changed to \"unconfined\" runs as: $label"
	as_fake() { aa_as unconfined "$1"; }
	check "a profile named unconfined denying ptrace, root" as_fake
	/opt/apparmor/bin/apparmor_parser -K -R $P.u > /dev/null 2>&1
	same "the profile named unconfined is removed" \
		"$(grep -c '^unconfined (enforce)' /sys/kernel/security/apparmor/profiles)" 0
else
	skip "a profile named unconfined" "apparmor_parser refuses it: $(cat /tmp/lsm-parser.log)"
fi
sed 's/^profile procfs2-noptrace /profile procfs2-first /; s/  deny ptrace,/  ptrace,/' $P > $P.1
sed 's/^profile procfs2-noptrace /profile procfs2-second /' $P > $P.2
if /opt/apparmor/bin/apparmor_parser -K -a $P.1 > /tmp/lsm-parser.log 2>&1; then
	as_first() { aa_as procfs2-first "$1"; }
	check "a profile allowing ptrace, root" as_first
	/opt/apparmor/bin/apparmor_parser -K -R $P.1 > /dev/null 2>&1
	if /opt/apparmor/bin/apparmor_parser -K -a $P.2 > /tmp/lsm-parser.log 2>&1; then
		as_second() { aa_as procfs2-second "$1"; }
		same "the second profile runs" "$(as_second 'cat /proc/self/attr/current')" \
			"procfs2-second (enforce)"
		check "a profile denying ptrace loaded after the first was removed, root" as_second
		/opt/apparmor/bin/apparmor_parser -K -R $P.2 > /dev/null 2>&1
	else
		not_ok "apparmor_parser loads the second profile" "$(cat /tmp/lsm-parser.log)"
	fi
else
	not_ok "apparmor_parser loads the first profile" "$(cat /tmp/lsm-parser.log)"
fi

# hidepid=2 views under the most restrictive scope.
umount $A $B
mount -t procfs2 -o hidepid=2 none $A
mount -t proc -o hidepid=2 proc $B
echo 3 > $SCOPE
check "Yama ptrace_scope 3, root" as_root exact
check "Yama ptrace_scope 3, nobody" as_nobody exact
if mount --bind $f $SCOPE; then
	check "Yama ptrace_scope 3 with a 0 mounted over it, root" as_root exact
	umount $SCOPE
fi
seen() { su -s /bin/sh nobody -c "ls $1" | grep '^[0-9]' | sort; }
# (Each listing shows its own ls, which is gone by the time the other lists.)
more=$(for p in $(seen $A | grep -v -x -F "$(seen $B)"); do [ -d /proc/$p ] && echo $p; done)
same "hidepid=2: nobody sees no process in procfs2 that /proc hides" "$(echo $more)" ""
same "ptrace_scope 3 is kept" "$(cat $SCOPE)" "3"
echo "# procfs2 refused $EXTRA checks /proc allowed (doc/differences.md, Security modules)"
umount $A $B
kill $ROOTS $(pidof sleep) 2>/dev/null
wait 2>/dev/null
