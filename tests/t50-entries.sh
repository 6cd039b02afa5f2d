# SPDX-License-Identifier: GPL-2.0
# The entry API (pde.rs), driven through /sys/kernel/debug/procfs2/entries: name
# rules, order, inode numbers, seq_file reads, removal while readers are busy.
# The control file lets root remove built-in entries: it exists only when the module
# is loaded with selftest=1, which no other test passes.
. /tests/lib.sh
load
CTL=/sys/kernel/debug/procfs2/entries
same "loaded without selftest=1, the control file does not exist" \
	"$(ls -d /sys/kernel/debug/procfs2 $CTL 2>&1 | sed 's/.*: //')" \
	"$(printf 'No such file or directory\nNo such file or directory')"
same "the selftest parameter is off by default" \
	"$(cat /sys/module/procfs2/parameters/selftest)" N
expect "reloaded with selftest=1" reload selftest=1
mount -t procfs2 none /proc2 2>/dev/null
if [ ! -w $CTL ]; then
	not_ok "with selftest=1, the control file exists" "$(ls -l /sys/kernel/debug 2>&1 | head -n 5)"
	reload
	exit 1
fi
ok "with selftest=1, the control file exists"
W=/tests/bin/dirwalk
ctl() { echo "$1" > $CTL; }
ctl_err() { errmsg sh -c "echo '$1' > $CTL"; }

long255=$(printf 'n%.0s' $(seq 255))
long256=$(printf 'n%.0s' $(seq 256))
ctl "mkdir t"
same "mkdir t/a/b with t/a missing: ENOENT" "$(ctl_err 'mkdir t/a/b')" "No such file or directory"
same "empty name: EINVAL" "$(ctl_err 'mkdir t/')" "Invalid argument"
same "name '.': EINVAL" "$(ctl_err 'mkdir t/.')" "Invalid argument"
same "name '..': EINVAL" "$(ctl_err 'mkdir t/..')" "Invalid argument"
same "numeric name at the root: EINVAL" "$(ctl_err 'mkdir 4242')" "Invalid argument"
expect "numeric name below the root is fine" ctl "mkdir t/4242"
expect "255-byte name is fine" ctl "file t/$long255"
same "256-byte name: EINVAL" "$(ctl_err "file t/$long256")" "Invalid argument"
same "duplicate: EEXIST" "$(ctl_err 'file t/4242')" "File exists"
same "adding to a mount point: EINVAL" "$(ctl "mountpoint t/mp"; ctl_err 'file t/mp/x')" "Invalid argument"
dmesg -c > /dev/null

for n in zz a bbb cc b; do ctl "file t/$n"; done
ctl "symlink t/link ../version"
same "readdir order is proc_match's (length, then bytes)" \
	"$($W list /proc2/t | cut -d' ' -f1 | tr '\n' ' ')" ". .. a b cc mp zz bbb 4242 link $long255 "
same "d_type matches stat in the new directory" "$($W types /proc2/t)" ""
same "seekdir resumes in the new directory" "$($W seek /proc2/t | sed 's/ok [0-9]*/ok/')" "ok"
same "t's nlink counts its subdirectories" "$(stat -c %h /proc2/t)" "4"
ino=$(stat -c %i /proc2/t/a)
expect "entry inode numbers come from 0xF0000000 up ($ino)" [ "$ino" -ge 4026531840 ]
same "a file shows its content" "$(cat /proc2/t/a)" "procfs2 test entry a"
same "the symlink resolves" "$(cat /proc2/t/link)" "$(cat /proc/version)"
same "file mode 0444, link 0777" "$(stat -c '%a %a' /proc2/t/a /proc2/t/link | tr '\n' ' ')" "444 444 777 777 "

# Large seq_file output: small reads, pread anywhere, lseek back to 0.
ctl "bigfile t/big"
same "big file (>page): chunked reads, pread anywhere, lseek to 0" \
	"$(/tests/bin/seqcheck /proc2/t/big)" "ok $((20000 * 10))"
same "small file: the same checks" "$(/tests/bin/seqcheck /proc2/t/a)" "ok 21"
ctl "seqfile t/seq"
same "record iterator (create_seq): chunked reads, pread anywhere, lseek to 0" \
	"$(/tests/bin/seqcheck /proc2/t/seq)" "ok $((20000 * 10))"
same "record iterator: the records in order" "$(sed -n '1p;20000p' /proc2/t/seq | tr '\n' ' ')" \
	"00000 seq 19999 seq "
ctl "knob t/knob"
same "a writable file (create) has the mode it asked for" "$(stat -c %a /proc2/t/knob)" "644"
same "its show function" "$(cat /proc2/t/knob)" "20000"
echo 3 > /proc2/t/knob
same "a write reaches its write function" "$(cat /proc2/t/knob) $(cat /proc2/t/seq | tr '\n' ' ')" \
	"3 00000 seq 00001 seq 00002 seq "
same "a bad value: the write function's errno" "$(errmsg sh -c 'echo x > /proc2/t/knob')" "Invalid argument"
same "a write of a page or more: EINVAL" \
	"$(errmsg sh -c 'head -c 4096 /dev/zero | tr "\\0" 1 > /proc2/t/knob')" "Invalid argument"
echo 20000 > /proc2/t/knob
same "a write to a file without a write function: EIO, as /proc's" \
	"$(errmsg sh -c 'echo x > /proc2/version')" "$(errmsg sh -c 'echo x > /proc/version')"

# Removal: an open file fails with EIO afterwards, lookups with ENOENT.
exec 3< /proc2/t/a
ctl "rm t/a"
same "read of an open file after removal: EIO" "$(errmsg cat <&3)" "Input/output error"
exec 3<&-
same "lookup after removal: ENOENT" "$(errmsg stat /proc2/t/a)" "No such file or directory"
same "rm of a non-empty directory: ENOTEMPTY" "$(ctl "mkdir t/d"; ctl "file t/d/x"; ctl_err 'rm t/d')" "Directory not empty"

# Remove and re-create entries while other processes read them in loops.
(while [ ! -e /tmp/stop ]; do cat /proc2/t/b /proc2/t/d/x >/dev/null 2>&1; ls /proc2/t >/dev/null; done) &
r1=$!
(while [ ! -e /tmp/stop ]; do dd if=/proc2/t/big bs=100 count=50 2>/dev/null >/dev/null;
	dd if=/proc2/t/seq bs=100 count=50 2>/dev/null >/dev/null; done) &
r2=$!
i=0
while [ $i -lt 100 ]; do
	ctl "rm t/b"; ctl "file t/b"
	ctl "rmtree t/d"; ctl "mkdir t/d"; ctl "file t/d/x"
	ctl "rm t/big"; ctl "bigfile t/big"
	ctl "rm t/seq"; ctl "seqfile t/seq"
	i=$((i + 1))
done
touch /tmp/stop
wait $r1 $r2
rm -f /tmp/stop
ok "100 remove/create rounds while two readers loop"
ctl "rmtree t"
same "rmtree removes the whole subtree" "$(errmsg ls /proc2/t)" "No such file or directory"

# slabinfo while caches come and go (wrap/slab.rs): caches made after boot are
# listed newest first, before the caches of boot, as /proc lists them; a cache
# destroyed in the middle of the list leaves it in both; reads while other caches
# are made and destroyed in a loop stay whole (header, then kmem_cache last).
slabnames() { awk 'NR > 2 { print $1 }' "$1/slabinfo"; }
for i in 0 1 2 3 4; do ctl "slab $i procfs2_test_$i"; done
ctl "slab 5 procfs2_test_a_name_longer_than_the_17_columns"
same "slabinfo: six new caches, newest first, then the older ones, as /proc" \
	"$(slabnames /proc2)" "$(slabnames /proc)"
expect "slabinfo: ... the newest at the top" [ "$(slabnames /proc2 | head -n 1)" = procfs2_test_a_name_longer_than_the_17_columns ]
ctl "rmslab 2"
ctl "rmslab 0"
same "slabinfo: two of them destroyed, as /proc" "$(slabnames /proc2)" "$(slabnames /proc)"
same "slabinfo: the new caches' lines are /proc's, byte for byte (no objects: nothing moves)" \
	"$(grep ^procfs2_test /proc2/slabinfo)" "$(grep ^procfs2_test /proc/slabinfo)"
same "slabinfo: making a cache in a used slot is refused (EBUSY)" "$(ctl_err 'slab 1 x')" "Device or resource busy"
same "slabinfo: a cache without a name is refused (EINVAL)" "$(ctl_err 'slab 7 ')" "Invalid argument"
same "slabinfo: ... and one not named procfs2_* (its sysfs entry would replace another's)" \
	"$(ctl_err 'slab 7 kmem_cache')" "Invalid argument"
(i=0; while [ ! -e /tmp/stop ]; do
	ctl "slab 6 procfs2_churn_a"; ctl "slab 7 procfs2_churn_b"; ctl "rmslab 6"; ctl "rmslab 7"
done) &
r1=$!
bad=0 reads=0
while [ $reads -lt 200 ]; do
	dd if=/proc2/slabinfo bs=$((reads % 3 == 0 ? 7 : 4096)) 2>/dev/null > /tmp/slab.out
	head -n 1 /tmp/slab.out | grep -q '^slabinfo - version: 2.1$' && [ "$(tail -n 1 /tmp/slab.out | cut -d' ' -f1)" = kmem_cache ] || bad=$((bad + 1))
	reads=$((reads + 1))
done
touch /tmp/stop
wait $r1
rm -f /tmp/stop
same "slabinfo: $reads reads while caches are made and destroyed: each whole" "$bad" 0
ctl "rmslab 6" 2>/dev/null; ctl "rmslab 7" 2>/dev/null
same "slabinfo after the churn is /proc's (names)" "$(slabnames /proc2)" "$(slabnames /proc)"
same "the entry API left nothing in the kernel log" "$(klog)" ""
umount /proc2
# The other tests run on a module loaded without the parameter.
expect "reloaded without selftest=1" reload
same "... and the control file is gone" "$(errmsg ls $CTL)" "No such file or directory"
same "... and the tests' slab caches with it" "$(grep -c '^procfs2_test' /proc/slabinfo)" 0
