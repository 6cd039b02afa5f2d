# SPDX-License-Identifier: GPL-2.0
# Module load and unload, file system registration.
. /tests/lib.sh

fails=0
i=0
while [ $i -lt 50 ]; do
	insmod $KO || fails=$((fails + 1))
	rmmod procfs2 || fails=$((fails + 1))
	i=$((i + 1))
done
same "insmod/rmmod 50 times" "$fails failures" "0 failures"

load
same "procfs2 is registered as a nodev file system, as proc is" \
	"$(grep -c -x "nodev	procfs2" /proc/filesystems)" "$(grep -c -x "nodev	proc" /proc/filesystems)"
