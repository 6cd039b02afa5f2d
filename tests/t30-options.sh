# SPDX-License-Identifier: GPL-2.0
# Mount options: each accepted value is shown as proc shows it, each bad one fails
# with proc's errno and proc's message (with the file system name changed).
. /tests/lib.sh
load
mkdir -p /tmp/a /tmp/pa

opts() { grep " $1 " /proc/mounts | cut -d' ' -f4; }

for o in gid=0 gid=1000 gid=0x10 hidepid=0 hidepid=1 hidepid=2 hidepid=4 hidepid=off \
	hidepid=noaccess hidepid=invisible hidepid=ptraceable hidepid=0x4 hidepid=02 \
	subset=pid hidepid=2,gid=100 subset=pid,hidepid=invisible,gid=7 gid=5,gid=6; do
	mount -t proc -o "$o" proc /tmp/pa
	mount -t procfs2 -o "$o" none /tmp/a
	same "-o $o shown as proc shows it ($(opts /tmp/pa))" "$(opts /tmp/a)" "$(opts /tmp/pa)"
	umount /tmp/a /tmp/pa
done

# Remount changes the options as it does for proc.
mount -t proc -o hidepid=2 proc /tmp/pa
mount -t procfs2 -o hidepid=2 none /tmp/a
for o in hidepid=1,gid=3 hidepid=0 subset=pid gid=0; do
	mount -o "remount,$o" /tmp/pa
	mount -o "remount,$o" /tmp/a
	same "remount -o $o as proc ($(opts /tmp/pa))" "$(opts /tmp/a)" "$(opts /tmp/pa)"
done
umount /tmp/a /tmp/pa

for o in hidepid=3 hidepid=5 hidepid=foo hidepid= hidepid gid=abc gid= gid=-1 \
	gid=4294967296 subset=foo subset=pid,foo subset= subset foo foo=bar; do
	dmesg -c >/dev/null
	want=$(errmsg mount -t proc -o "$o" proc /tmp/pa)
	want_log=$(klog | sed 's/^proc: /procfs2: /')
	dmesg -c >/dev/null
	got=$(errmsg mount -t procfs2 -o "$o" none /tmp/a)
	got_log=$(klog)
	same "-o $o fails as for proc ($want)" "$got" "$want"
	same "-o $o logs proc's message ($(echo $want_log))" "$got_log" "$want_log"
	umount /tmp/a /tmp/pa 2>/dev/null
done
