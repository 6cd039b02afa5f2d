# SPDX-License-Identifier: GPL-2.0
# Permissions against /proc's, cell by cell: callers x targets x entries x actions.
# A cell is one action on one entry of one target's directory by one caller, done on
# /proc and on /proc2 in the same boot; the result (success or the errno, and the
# mode left) must be the same. Prints how many cells were compared.
#   chmod/chown/utimes on every per-process entry (fs/proc's proc_nochmod_setattr),
#   by the owner, another user, root, the root of a user namespace, root without
#   CAP_SYS_PTRACE and root under an AppArmor profile denying ptrace (see cells),
#   on the process, its task/TID/, fd/, fdinfo/, ns/ and map_files/ entries; then
#   what another user can do with that; open+read and readlink of every entry of
#   live, zombie and non-dumpable targets, a kernel thread (task_still_dumpable: a
#   task without an mm), a process whose group leader exited, a process in a user
#   namespace and a setuid-root program exec'd after its owner tried to chmod its
#   entries.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
CELLS=/tmp/t87.cells
: > $CELLS
STRICT=/tmp/t87.strict
: > $STRICT

# The entries of one target (relative paths), those both trees have.
entries() {
	t=$1
	for e in . $(ls /proc/$t) task task/$t $(ls /proc/$t/task/$t | sed "s|^|task/$t/|") \
		$(ls /proc/$t/fd 2>/dev/null | sed 's|^|fd/|') \
		$(ls /proc/$t/fdinfo 2>/dev/null | sed 's|^|fdinfo/|') \
		$(ls /proc/$t/ns 2>/dev/null | sed 's|^|ns/|') \
		$(ls /proc/$t/map_files 2>/dev/null | head -n 3 | sed 's|^|map_files/|'); do
		if [ -e /proc2/$t/$e ] || [ -L /proc2/$t/$e ]; then echo "$e"; fi
	done
}

# cells MNT CALLER TARGET ACTION: one line per entry, "entry result mode"
# (tests/helpers/cell.c).
# Callers: root, nobody, u1000 (owner of the user namespace below), and
#   userns    root of u1000's user namespace (where US runs), uid 1000 outside
#   noptrace  root without CAP_SYS_PTRACE (CAP_SYS_ADMIN kept)
#   confined  root under an AppArmor profile that denies ptrace
cells() {
	case $2 in
	root) /tests/bin/cell $4 $1/$3 $ENTRIES ;;
	userns) su -s /bin/sh u1000 -c "/tests/bin/ascaller userns-of $US /tests/bin/cell $4 $1/$3 $(echo $ENTRIES)" ;;
	noptrace) /tests/bin/ascaller noptrace /tests/bin/cell $4 $1/$3 $ENTRIES ;;
	confined) sh -c "echo 'exec procfs2-noptrace' > /proc/self/attr/exec && exec /tests/bin/cell $4 $1/$3 $(echo $ENTRIES)" ;;
	*) su -s /bin/sh $2 -c "/tests/bin/cell $4 $1/$3 $(echo $ENTRIES)" ;;
	esac
}
CALLERS="nobody u1000 root userns noptrace confined"

# compare NAME: the same cells on both trees, counted. A cell may differ only where
# procfs2 is stricter by design (doc/differences.md): following a link of the
# task's (cwd, root, exe, fd/N, map_files/*) is refused with EPERM, and ns/ links
# resolve to nothing (ENOENT). Those cells are counted in $STRICT; any other
# difference fails.
compare() {
	a=$(cells /proc "$@")
	b=$(cells /proc2 "$@")
	echo "$a" | wc -l >> $CELLS
	printf '%s\n' "$a" > /tmp/t87.a
	printf '%s\n' "$b" > /tmp/t87.b
	diffs=$(awk 'NR == FNR { a[$1] = $0; next }
		{ if (a[$1] == $0) next
		  if ($2 == "EPERM/-" && $1 ~ /(^|\/)(cwd|root|exe|fd\/[0-9]+|map_files\/.*)$/) { print "strict " $1; next }
		  if ($2 == "ENOENT/-" && $1 ~ /(^|\/)ns\/[a-z_]+$/) { print "strict " $1; next }
		  print "differs " a[$1] " | " $0 }' /tmp/t87.a /tmp/t87.b)
	n=$(printf '%s\n' "$diffs" | grep -c '^strict')
	echo "$n" >> $STRICT
	if [ "$(wc -l < /tmp/t87.a)" = "$(wc -l < /tmp/t87.b)" ] && ! printf '%s\n' "$diffs" | grep -q '^differs'; then
		ok "$1 $3 on every entry of $T_NAME: as on /proc ($(echo "$a" | wc -l) entries, $n stricter)"
	else
		not_ok "$1 $3 on every entry of $T_NAME: as on /proc" \
			"$(printf '%s\n' "$diffs" | grep '^differs' | head -n 20)"
	fi
}

# The confined caller's profile: everything but ptrace.
noptrace_profile > /tmp/t87.profile
if ! /opt/apparmor/bin/apparmor_parser -K -r /tmp/t87.profile > /tmp/t87.parser 2>&1; then
	not_ok "apparmor_parser loads t87's profile" "$(cat /tmp/t87.parser)"
	CALLERS="nobody u1000 root userns noptrace"
fi

# Targets: a process of nobody's with a few fds, one of root's, one in a user
# namespace of u1000's (as its root), and a setuid-root program u1000 exec'd after
# trying to chmod its own entries on both trees (fd/, oom_score_adj, environ).
su -s /bin/sh nobody -c 'exec sleep 1000 3</dev/null 4>/dev/null' &
waitfor '[ -n "$(_nobody_sleeper)" ]'
N=$(_nobody_sleeper)
sleep 1000 3</dev/null &
R=$!
waitfor "grep -qx sleep /proc/$R/comm"
su -s /bin/sh u1000 -c 'echo $$ > /tmp/t87.us; exec /tests/bin/ascaller userns /tests/bin/hostile pause' &
waitfor '[ -s /tmp/t87.us ] && grep -qx hostile /proc/$(cat /tmp/t87.us)/comm'
US=$(cat /tmp/t87.us)
cp /tests/bin/hostile /tmp/t87-suid && chmod 4755 /tmp/t87-suid
su -s /bin/sh u1000 -c 'echo $$ > /tmp/t87.sx
	for m in /proc /proc2; do chmod 0777 $m/$$ $m/$$/fd $m/$$/oom_score_adj $m/$$/environ 2>/dev/null; done
	exec /tmp/t87-suid pause' &
waitfor '[ -s /tmp/t87.sx ] && grep -qx t87-suid /proc/$(cat /tmp/t87.sx)/comm'
SX=$(cat /tmp/t87.sx)
same "the setuid target runs as root, not dumpable, modes unchanged" \
	"$(stat -c '%u %a' /proc/$SX/fd /proc2/$SX/fd | tr '\n' ' ')" "0 500 0 500 "

for action in chmod chmod-none chown touch; do
	ENTRIES=$(entries $N) T_NAME="nobody's process"
	for caller in $CALLERS; do compare $caller $N $action; done
	ENTRIES=$(entries $R) T_NAME="root's process"
	for caller in nobody root userns noptrace; do compare $caller $R $action; done
	ENTRIES=$(entries $US) T_NAME="the user namespace's process"
	for caller in u1000 userns nobody; do compare $caller $US $action; done
done

# Reads and readlinks: targets with and without an mm, dumpable or not.
su -s /bin/sh nobody -c '/tests/bin/hostile zombie' > /tmp/t87.z &
su -s /bin/sh nobody -c '/tests/bin/hostile zombie nodump' > /tmp/t87.zn &
su -s /bin/sh nobody -c '/tests/bin/hostile nodump' > /tmp/t87.n &
su -s /bin/sh nobody -c '/tests/bin/hostile leaderexit' > /tmp/t87.le &
waitfor 'grep -qs "^pid " /tmp/t87.z && grep -qs "^pid " /tmp/t87.zn && grep -qs "^pid " /tmp/t87.n && grep -qs "^pid " /tmp/t87.le'
Z=$(sed -n 's/^pid //p' /tmp/t87.z)
ZN=$(sed -n 's/^pid //p' /tmp/t87.zn)
NN=$(sed -n 's/^pid //p' /tmp/t87.n)
LE=$(sed -n 's/^pid //p' /tmp/t87.le)
waitfor "grep -q '^State:.*Z' /proc/$LE/task/$LE/status"
for target in "$N:nobody's process" "$R:root's process" "$Z:nobody's zombie" \
	"$ZN:nobody's non-dumpable zombie" "$NN:nobody's non-dumpable process" "2:kthreadd" \
	"$US:the user namespace's process" "$SX:the setuid-root program u1000 exec'd" \
	"$LE:nobody's process whose leader exited"; do
	t=${target%%:*}
	ENTRIES=$(entries $t) T_NAME=${target#*:}
	for action in read readlink; do
		for caller in $CALLERS; do compare $caller $t $action; done
	done
done

# A setuid-root execve under a reader of its owner's: `exe` names the old program
# or is refused, never the new one (the check and the link under exec_update_lock,
# call_proc_get_link). The reader must have raced: some reads named the old one.
cp /tests/bin/execrace /tmp/execrace-suid && chmod 4755 /tmp/execrace-suid
for mnt in /proc /proc2; do
	r=$(su -s /bin/sh u1000 -c "/tests/bin/execrace 100 $mnt exe /tmp/execrace-suid")
	echo "# t87 exec race on $mnt: $r"
	case "$r" in
	*" old 0 "*) not_ok "$mnt: exe read across a setuid execve raced" "$r" ;;
	*" new 0 "*) ok "$mnt: exe read across a setuid execve never names the setuid program" ;;
	*) not_ok "$mnt: exe read across a setuid execve never names the setuid program" "$r" ;;
	esac
done

# A follow the target's owner retargets (issue 21, class 7): u1000 keeps a file
# open, deletes it and puts a symlink named "FILE (deleted)" to a root-only file
# beside it. Root writing through fd/3 reaches the deleted file on /proc; on /proc2
# the follow is refused and root's file is untouched. Readlink gives /proc's text.
echo secret > /root/t87-secret && chmod 600 /root/t87-secret
mkdir -p /tmp/t87u && chown u1000 /tmp/t87u
su -s /bin/sh u1000 -c 'cd /tmp/t87u && exec 3> x && rm x &&
	ln -s /root/t87-secret "/tmp/t87u/x (deleted)" && exec sleep 1000' &
u1000_sleeper() {
	for p in $(pidof sleep); do [ "$(stat -c %u /proc/$p)" = 1000 ] && echo $p; done | head -n 1
}
waitfor '[ -n "$(u1000_sleeper)" ] && [ -L "/tmp/t87u/x (deleted)" ]'
U=$(u1000_sleeper)
same "fd/3 of the retargeting process reads as on /proc" "$(readlink /proc2/$U/fd/3)" "$(readlink /proc/$U/fd/3)"
same "root's write through /proc2/PID/fd/3 is refused" "$(errmsg sh -c "echo pwned > /proc2/$U/fd/3")" \
	"Operation not permitted"
same "... and root's file is untouched" "$(cat /root/t87-secret)" secret
same "root's write through /proc/PID/fd/3 reaches the deleted file" \
	"$(sh -c "echo mine > /proc/$U/fd/3" 2>&1; cat /root/t87-secret)" secret
kill $U

# The fs/nfsd mount point (make_empty_dir_inode): root's and 0555 whoever looks it
# up first (nobody, on a fresh mount), and no one changes it.
mkdir -p /tmp/t87n && mount -t procfs2 none /tmp/t87n
nfsd() {
	su -s /bin/sh nobody -c "stat -c '%U %G %a' $1/fs/nfsd; chmod 777 $1/fs/nfsd 2>&1 | sed 's/.*: //'"
	chmod 777 $1/fs/nfsd 2>&1 | sed 's/.*: //'
	chown nobody $1/fs/nfsd 2>&1 | sed 's/.*: //'
	stat -c '%U %G %a' $1/fs/nfsd
}
same "fs/nfsd: root's, 0555, chmod and chown refused to nobody and root" \
	"$(nfsd /tmp/t87n | tr '\n' '|')" "$(nfsd /proc | tr '\n' '|')"
umount /tmp/t87n

# What a chmod, had it worked, would have given away: another user lists fd/ and
# writes oom_score_adj of nobody's process.
give() {
	su -s /bin/sh nobody -c "chmod 0777 $1/$N/fd $1/$N/oom_score_adj" 2>/dev/null
	su -s /bin/sh u1000 -c "ls $1/$N/fd; echo 500 > $1/$N/oom_score_adj" 2>&1 | sed 's/.*: //'
	cat $1/$N/oom_score_adj
}
same "another user cannot list fd/ or write oom_score_adj after the owner's chmod" \
	"$(give /proc2 | tr '\n' '|')" "$(give /proc | tr '\n' '|')"

kill $N $R 2>/dev/null
kill -9 $(pidof hostile) $US $SX $LE 2>/dev/null
wait 2>/dev/null
echo "# t87: $(awk '{ s += $1 } END { print s }' $CELLS) cells compared, $(awk '{ s += $1 } END { print s }' $STRICT) where procfs2 is stricter by design (link follows)"
