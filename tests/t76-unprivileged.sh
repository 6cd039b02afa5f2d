# SPDX-License-Identifier: GPL-2.0
# Unprivileged views against proc's: task/ and "self" tricks under hidepid=2, root in
# a user namespace, writes to read-only files, and a process that drops privileges
# (su), which must become visible to nobody under hidepid=2 when it does under proc.
. /tests/lib.sh
load
A=/tmp/up-a B=/tmp/up-b
mkdir -p $A $B
sleepers

mount -t procfs2 -o hidepid=2 none $A
mount -t proc -o hidepid=2 proc $B
tricks() {
	su -s /bin/sh nobody -c "
		ls $1/$ROOTS/task 2>&1 >/dev/null | sed 's/.*: //'
		ls $1/1/task/1 2>&1 >/dev/null | sed 's/.*: //'
		ls $1/self/../$ROOTS 2>&1 >/dev/null | sed 's/.*: //'
		ls $1/thread-self/../../$ROOTS 2>&1 >/dev/null | sed 's/.*: //'
		stat -c %n $1/self/../self/task/../stat 2>&1 | sed 's/.*: //'
		ls $1/self/task | wc -l
		ls $1/$NOBODYS/task > /dev/null && echo own-task=ok" 2>&1 | sed "s|$1|MNT|g"
}
same "hidepid=2: task/ and self/.. tricks show nobody what proc shows" \
	"$(tricks $A | tr '\n' '|')" "$(tricks $B | tr '\n' '|')"
umount $A $B

mount -t procfs2 none $A
mount -t proc proc $B
userns() {
	unshare -U -r sh -c "
		cat $1/$ROOTS/stat > /dev/null && echo stat=ok
		cat $1/$ROOTS/environ 2>&1 >/dev/null | sed 's/.*: //'
		cat $1/$NOBODYS/environ 2>&1 >/dev/null | sed 's/.*: //'
		ls $1/$NOBODYS/fd 2>&1 >/dev/null | sed 's/.*: //'
		cat $1/$NOBODYS/fdinfo/0 2>&1 >/dev/null | sed 's/.*: //'
		stat -c '%u %g' $1/$ROOTS $1/$NOBODYS/status" 2>&1 | sed "s|$1|MNT|g"
}
same "root in a user namespace sees what it sees in proc" "$(userns $A | tr '\n' '|')" "$(userns $B | tr '\n' '|')"
writes() {
	for f in version stat $ROOTS/stat $ROOTS/status $ROOTS/statm $ROOTS/cmdline; do
		su -s /bin/sh nobody -c "echo x > $1/$f" 2>&1 | sed 's/.*: //'
		sh -c "echo x > $1/$f" 2>&1 | sed 's/.*: //'
	done
}
same "writes to read-only files fail as in proc, as nobody and as root" \
	"$(writes $A | tr '\n' '|')" "$(writes $B | tr '\n' '|')"
umount $A $B

# A process that drops privileges: root's shell execs su, which becomes nobody and
# execs sleep. nobody polls both hidepid=2 mounts; they must agree in every sample
# but the one that may straddle the change.
mount -t procfs2 -o hidepid=2 none $A
mount -t proc -o hidepid=2 proc $B
sh -c 'usleep 500000; exec su -s /bin/sh nobody -c "exec sleep 3"' &
P=$!
samples=$(su -s /bin/sh nobody -c "
	i=0; while [ \$i -lt 25 ]; do
		a=no; b=no
		[ -e $A/$P/stat ] && a=yes
		[ -e $B/$P/stat ] && b=yes
		echo \$a\$b; usleep 100000; i=\$((i + 1))
	done")
mismatch=$(echo "$samples" | grep -c -e yesno -e noyes)
seen=$(echo "$samples" | grep -c yesyes)
expect "a process dropping privileges appears to nobody as in proc ($seen of 25 samples visible, $mismatch disagreeing)" \
	[ "$mismatch" -le 1 -a "$seen" -gt 0 ]
wait $P 2>/dev/null
umount $A $B
kill $ROOTS $NOBODYS 2>/dev/null
wait 2>/dev/null
