# SPDX-License-Identifier: GPL-2.0
# Mounting: superblock per mount, root inode and statfs against /proc's.
. /tests/lib.sh
load
mkdir -p /tmp/a /tmp/b /tmp/pa /tmp/pb

fails=0
i=0
while [ $i -lt 50 ]; do
	mount -t procfs2 none /tmp/a || fails=$((fails + 1))
	umount /tmp/a || fails=$((fails + 1))
	i=$((i + 1))
done
same "mount/umount 50 times" "$fails failures" "0 failures"

mount -t procfs2 none /tmp/a
mount -t procfs2 none /tmp/b
mount -t proc proc /tmp/pa
mount -t proc proc /tmp/pb
dev_a=$(stat -c %d /tmp/a) dev_b=$(stat -c %d /tmp/b)
expect "two procfs2 mounts have different st_dev ($dev_a, $dev_b)" [ "$dev_a" != "$dev_b" ]
expect "two proc mounts have different st_dev too" \
	[ "$(stat -c %d /tmp/pa)" != "$(stat -c %d /tmp/pb)" ]

# The root inode: number, type, mode and owner as /proc's; nlink of the root entry.
same "root stat: inode, mode, type, owner as /proc" \
	"$(stat -c '%i %a %F %u %g' /tmp/a)" "$(stat -c '%i %a %F %u %g' /proc)"
same "root stat: ino 1, dr-xr-xr-x" "$(stat -c '%i %A' /tmp/a)" "1 dr-xr-xr-x"
now=$(date +%s) mtime=$(stat -c %Y /tmp/a)
expect "root times are the mount time, not 1970 ($mtime, now $now)" \
	[ "$mtime" -ge "$(stat -c %Y /proc)" -a "$mtime" -le "$now" ]

# statfs: magic 0x9fa0, block sizes, name length, counts as /proc's (simple_statfs).
fmt='%t %s %S %l %b %f %a %c %d'
same "statfs matches /proc's ($fmt)" "$(stat -f -c "$fmt" /tmp/a)" "$(stat -f -c "$fmt" /proc)"
same "statfs type is 0x9fa0" "$(stat -f -c %t /tmp/a)" "9fa0"

# Lookups of a missing name fail like a missing /proc name.
same "lookup of a missing name: errno as /proc's" \
	"$(errmsg stat /tmp/a/nonexistent)" "$(errmsg stat /proc/nonexistent)"
same "no negative dentry: a second lookup fails the same way" \
	"$(errmsg stat /tmp/a/nonexistent)" "$(errmsg stat /proc/nonexistent)"

# The mount line: type, source and flags as for proc.
same "/proc/mounts line as proc's (type, flags)" \
	"$(grep ' /tmp/a ' /proc/mounts | cut -d' ' -f1,3,4)" \
	"$(grep ' /tmp/pa ' /proc/mounts | cut -d' ' -f1,3,4 | sed 's/^proc proc/none procfs2/')"

# noexec/nosuid/nodev come from the superblock, as for proc: mount(8) cannot clear them.
mount -o remount,exec,suid,dev /tmp/a 2>/dev/null
same "remount keeps working (no options)" "$?" "0"

umount /tmp/a /tmp/b /tmp/pa /tmp/pb

# A mount made inside a new pid and mount namespace holds that namespace.
dmesg -c >/dev/null
out=$(unshare -p -f -m sh -c 'mount -t procfs2 none /tmp/a && ls -a /tmp/a >/dev/null && umount /tmp/a' 2>&1)
same "mount/umount inside unshare -p -f -m" "$?: $out" "0: "
same "... and the kernel log stays quiet" "$(klog)" ""
