# SPDX-License-Identifier: GPL-2.0
# /proc2/PID/mem against /proc/PID/mem on the same processes: reads of text, data
# and unmapped addresses, writes to data, seeks, and who may open it (root, the
# owner, other users, a process itself, root of a user namespace). procfs2 never
# forces (FOLL_FORCE): a write to read-only text fails there where /proc's succeeds.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
M=/tests/bin/memrw
D=/tmp/t77
rm -rf $D
mkdir -p $D

/tests/bin/mappings 4 $D > $D/ready &
P=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
N=$!
waitfor '[ -s $D/ready ] && grep -qx sleep /proc/$N/comm'
# Addresses: the start of the text, of the first writable anonymous page, of the
# stack, and a hole below the first mapping.
text=$(awk '$2 ~ /^r-x/ { split($1, a, "-"); print a[1]; exit }' /proc/$P/maps)
data=$(awk '$2 == "rw-p" && $5 == 0 && $6 == "" { split($1, a, "-"); print a[1]; exit }' /proc/$P/maps)
stack=$(awk '$6 == "[stack]" { split($1, a, "-"); print a[1]; exit }' /proc/$P/maps)
ntext=$(awk '$2 ~ /^r-x/ { split($1, a, "-"); print a[1]; exit }' /proc/$N/maps)

both() { # DESCRIPTION COMMAND-WITH-@
	a=$(eval "$(echo "$2" | sed 's#@#/proc#g')")
	b=$(eval "$(echo "$2" | sed 's#@#/proc2#g')")
	same "$1 ($a)" "$b" "$a"
}
both "root reads 64 bytes of text" "$M @/$P/mem $text 64"
both "root reads 4096 bytes of data (their md5)" "$M @/$P/mem $data 4096 | md5sum | cut -c1-16"
both "root reads the stack's first bytes" "$M @/$P/mem $stack 32"
both "root reads an unmapped address" "$M @/$P/mem 1000 16"
both "root reads at a kernel address" "$M @/$P/mem ffffffff81000000 16"
both "lseek SEEK_SET to the text" "$M @/$P/mem $text -s 0"
both "lseek SEEK_END is refused" "$M @/$P/mem 0 -s 2"
both "lseek to an address above 2^63" "$M @/$P/mem ffffffffff600000 -s 0"
# Writes: each tree writes its own text, then both read it back through /proc.
same "root writes data through /proc2, /proc reads it" \
	"$($M /proc2/$P/mem $data -w procfs2; $M /proc/$P/mem $data 7)" \
	"wrote 7
70726f63667332 (7)"
same "root writes data through /proc, /proc2 reads it" \
	"$($M /proc/$P/mem $data -w fs/proc; $M /proc2/$P/mem $data 7)" \
	"wrote 7
66732f70726f63 (7)"
same "a write to read-only text is refused without FOLL_FORCE (/proc forces it)" \
	"$($M /proc2/$P/mem $text -w x)" "rw: EIO"
both "a process reads its own mem" "$M @/self/mem 0 -s 0"
# Who may open it.
both "nobody opens root's process's mem" "su -s /bin/sh nobody -c '$M @/$P/mem $text 16'"
both "nobody reads its own process's mem" "su -s /bin/sh nobody -c '$M @/$N/mem $ntext 16'"
both "nobody opens init's mem" "su -s /bin/sh nobody -c '$M @/1/mem 0 16'"
both "root of a user namespace opens nobody's process's mem" "unshare -U -r $M @/$N/mem $ntext 16"
both "root of a user namespace opens its own mem" "unshare -U -r $M @/self/mem 0 -s 0"
both "a kernel thread has no mem" "$M @/2/mem 0 16"
kill $P $N
wait 2>/dev/null
both "mem of an exited process" "$M @/$P/mem 0 16"
umount /proc2
rm -rf $D
