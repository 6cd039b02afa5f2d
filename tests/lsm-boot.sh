#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run alone, in a boot where SELinux or Smack runs (`scripts/vm.sh lsmboot`, which
# `make check` starts once with each; not a t*.sh: the main boot runs AppArmor).
# Those modules label every per-process inode of fs/proc with its task's label
# (security_task_to_inode, not exported), so their policy would see other labels
# on procfs2's: procfs2 loads, refuses to be mounted (EPERM) and says why in dmesg;
# fs/proc mounts as ever; the module unloads cleanly.
. /tests/lib.sh

lsm=
for l in selinux smack; do
	grep -q "\(^\|,\)$l\(,\|$\)" /sys/kernel/security/lsm 2>/dev/null && lsm=$l
done
if [ -z "$lsm" ]; then
	not_ok "lsm-boot: SELinux or Smack runs" "lsm: $(cat /sys/kernel/security/lsm 2>&1)"
	exit 1
fi
ok "$lsm runs ($(cat /sys/kernel/security/lsm))"

expect "procfs2 loads" insmod $KO
mkdir -p /proc2
same "mount -t procfs2 is refused with EPERM" "$(/tests/bin/mountfs procfs2 /proc2)" EPERM
expect "nothing is mounted" sh -c '! grep -q procfs2 /proc/mounts'
expect "dmesg says which module and why" \
	sh -c "dmesg | grep -q 'procfs2: not mounted: $lsm runs, and labels /proc.s per-process inodes'"
# A mount in a new pid namespace is refused alike.
same "mount in a new pid namespace is refused with EPERM" \
	"$(unshare -p -f -m /tests/bin/mountfs procfs2 /proc2)" EPERM
mkdir -p /tmp/proc
expect "fs/proc mounts" mount -t proc proc /tmp/proc
umount /tmp/proc
expect "rmmod is clean" rmmod procfs2
same "no procfs2 warning or error but the refusals" \
	"$(dmesg | grep procfs2 | grep -v 'not mounted:' | grep -ci 'warn\|error\|bug')" "0"
