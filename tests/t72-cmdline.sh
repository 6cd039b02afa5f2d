# SPDX-License-Identifier: GPL-2.0
# cmdline and environ against /proc: a plain command line, one longer than a page, and
# setproctitle-style rewrites (a short title, and one that runs on into the
# environment); reads in small chunks and at offsets give the same bytes.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
P=/tests/bin/proctitle
R=/tmp/t72.ready

# start COMMAND...: runs COMMAND (proctitle) in the background as $PID, and waits
# until it has rewritten its command line and says so.
start() {
	rm -f $R
	"$@" > $R &
	PID=$!
	waitfor "[ -s $R ]"
}

check() { # DESCRIPTION PID
	same "$1: cmdline is /proc's, byte for byte" \
		"$(od -An -c /proc2/$2/cmdline)" "$(od -An -c /proc/$2/cmdline)"
	same "$1: environ is /proc's" "$(od -An -c /proc2/$2/environ)" "$(od -An -c /proc/$2/environ)"
	same "$1: chunked reads, pread and lseek agree" \
		"$(/tests/bin/seqcheck /proc2/$2/cmdline)" "$(/tests/bin/seqcheck /proc/$2/cmdline)"
}

start $P plain a b c; check "plain" $PID; kill $PID
start $P plain $(seq 1500)
check "longer than a page ($(($(wc -c < /proc/$PID/cmdline))) bytes)" $PID; kill $PID
start $P short a b c; check "short setproctitle" $PID; kill $PID
start $P title a b c; check "setproctitle into the environment" $PID; kill $PID
start env X=1 Y=2 $P short a; check "short setproctitle, other environment" $PID; kill $PID
wait 2>/dev/null

# The rewrite is really there; a kernel thread has no command line.
start $P title a b c
expect "the title shows (sanity: $(head -c 27 /proc2/$PID/cmdline))" grep -q "proctitle: a long new title" /proc2/$PID/cmdline
kill $PID
same "kernel thread: empty cmdline as /proc's" "$(wc -c < /proc2/2/cmdline)" "$(wc -c < /proc/2/cmdline)"
# environ opened before an execve reads the address space it was opened on, which
# the execve left without users: nothing, as fs/proc (not the new environment).
envexec() { env -i OLD=1 sh -c "exec 3< $1/self/environ; exec env -i NEW=2 sh -c 'cat <&3'" | tr '\0' ' '; }
same "environ opened before an execve reads the old address space: \"$(envexec /proc)\"" \
	"$(envexec /proc2)" "$(envexec /proc)"
umount /proc2
