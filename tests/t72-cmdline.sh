# SPDX-License-Identifier: GPL-2.0
# cmdline and environ against /proc: a plain command line, one longer than a page, and
# setproctitle-style rewrites (a short title, and one that runs on into the
# environment); reads in small chunks and at offsets give the same bytes.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
P=/tests/bin/proctitle

check() { # DESCRIPTION PID
	same "$1: cmdline is /proc's, byte for byte" \
		"$(od -An -c /proc2/$2/cmdline)" "$(od -An -c /proc/$2/cmdline)"
	same "$1: environ is /proc's" "$(od -An -c /proc2/$2/environ)" "$(od -An -c /proc/$2/environ)"
	same "$1: chunked reads, pread and lseek agree" \
		"$(/tests/bin/seqcheck /proc2/$2/cmdline)" "$(/tests/bin/seqcheck /proc/$2/cmdline)"
}

$P plain a b c & sleep 0.3; check "plain" $!; kill $!
$P plain $(seq 1500) & sleep 0.3; check "longer than a page ($(($(wc -c < /proc/$!/cmdline))) bytes)" $!; kill $!
$P short a b c & sleep 0.3; check "short setproctitle" $!; kill $!
$P title a b c & sleep 0.3; check "setproctitle into the environment" $!; kill $!
X=1 Y=2 $P short a & sleep 0.3; check "short setproctitle, other environment" $!; kill $!
wait 2>/dev/null

# The rewrite is really there; a kernel thread has no command line.
$P title a b c & sleep 0.3
expect "the title shows (sanity: $(head -c 27 /proc2/$!/cmdline))" grep -q "proctitle: a long new title" /proc2/$!/cmdline
kill $!
same "kernel thread: empty cmdline as /proc's" "$(wc -c < /proc2/2/cmdline)" "$(wc -c < /proc/2/cmdline)"
umount /proc2
