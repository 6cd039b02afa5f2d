# SPDX-License-Identifier: GPL-2.0
# hidepid= and gid= against proc's, as an unprivileged user (nobody): what readdir,
# lookup, stat and open show of root's processes, for every hidepid value, and after
# a remount; and that the user keeps seeing its own process.
. /tests/lib.sh
load
A=/tmp/hp-a B=/tmp/hp-b
mkdir -p $A $B
sleep 1000 &
SLEEPER=$!

# What nobody sees under mount point $1: the count of numeric names, then the answer
# for root's sleeper (ls, stat, cat stat, environ), then its own stat's pid field.
view() {
	su -s /bin/sh nobody -c "
		ls $1 | grep -c '^[0-9]'
		ls $1/$SLEEPER >/dev/null 2>&1; echo ls=\$?
		stat -c '%U %a' $1/$SLEEPER 2>&1 | sed 's/.*: //'
		cat $1/$SLEEPER/stat 2>&1 >/dev/null | sed 's/.*: //'
		cat $1/$SLEEPER/environ 2>&1 >/dev/null | sed 's/.*: //'
		cut -d' ' -f1 $1/self/stat | grep -q '^[0-9][0-9]*$' && echo self=ok
		ls $1/\$\$ >/dev/null 2>&1 && echo own=ok" | sed "s|$1|MNT|g"
}

for opts in hidepid=0 hidepid=1 hidepid=2 hidepid=4 hidepid=invisible hidepid=2,gid=65534; do
	mount -t procfs2 -o $opts none $A
	mount -t proc -o $opts proc $B
	same "$opts: nobody sees root's processes as under proc" "$(view $A | sed 1d | tr '\n' '|')" \
		"$(view $B | sed 1d | tr '\n' '|')"
	a=$(view $A | head -n 1) b=$(view $B | head -n 1)
	expect "$opts: nobody lists as many processes as under proc ($a, proc $b, give or take 2)" \
		[ $((a - b)) -ge -2 -a $((a - b)) -le 2 ]
	umount $A $B
done

# Remount changes what is visible.
mount -t procfs2 -o hidepid=0 none $A
mount -t proc -o hidepid=0 proc $B
mount -o remount,hidepid=2 $A
mount -o remount,hidepid=2 $B
same "remount to hidepid=2 hides root's processes as under proc" \
	"$(view $A | sed 1d | tr '\n' '|')" \
	"$(view $B | sed 1d | tr '\n' '|')"
same "... and show_options says so" "$(grep " $A " /proc/mounts | cut -d' ' -f4)" \
	"$(grep " $B " /proc/mounts | cut -d' ' -f4)"
umount $A $B
# Without hidepid: nobody reads its own private files but not root's, as under proc.
mount -t procfs2 none $A
mount -t proc proc $B
own() {
	su -s /bin/sh nobody -c "
		cat $1/self/environ >/dev/null && echo environ=ok
		ls $1/self/fd >/dev/null && echo fd=ok
		cat $1/self/fdinfo/0 >/dev/null && echo fdinfo=ok
		readlink $1/self/cwd >/dev/null && echo cwd=ok
		cat $1/self/io >/dev/null && echo io=ok
		for f in environ fd fdinfo/0 io personality; do cat $1/$SLEEPER/\$f 2>&1 >/dev/null | sed 's/.*: //'; done
		ls $1/$SLEEPER/fd 2>&1 >/dev/null | sed 's/.*: //'
		readlink $1/$SLEEPER/cwd || echo cwd=refused" 2>&1 | sed "s|$1|MNT|g"
}
same "nobody reads its own environ, fd/, fdinfo/, cwd, io, and none of root's, as under proc" \
	"$(own $A | tr '\n' '|')" "$(own $B | tr '\n' '|')"
umount $A $B
kill $SLEEPER
wait 2>/dev/null
