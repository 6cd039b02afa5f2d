# SPDX-License-Identifier: GPL-2.0
# TAP helpers for the guest tests (busybox sh). Sourced by every tests/t*.sh; the
# running count lives in /tmp so that each test file can be its own process.

KO=/lib/procfs2/procfs2.ko
TAP_COUNT=/tmp/tap-count
TAP_FAILED=/tmp/tap-failed

_tap_next() {
	n=$(($(cat $TAP_COUNT 2>/dev/null || echo 0) + 1))
	echo $n > $TAP_COUNT
}

# A test file (tNN-*.sh, lsm-boot.sh, stress.sh) opens its output with its name and
# closes it with its plan, and each of its results names it ("ok 7 - t70-pid.sh: ..."),
# so that a failure says where it is. The numbers go on from the harness's count
# (tests/run.sh, or qemu/init for make stress, which set TAP_HARNESS=1): there the
# file's plan is a comment that maps it to the run's numbers; alone (make run
# CMD='sh /tests/t70-pid.sh') the file is the whole document and its plan a plan line.
# The plan comes last: most files loop over what the kernel shows, so their count is
# known only at the end.
TAP_FILE=
case "$0" in
*/t[0-9]*.sh | */lsm-boot.sh | */stress.sh)
	TAP_FILE=$(basename "$0")
	TAP_FIRST=$(($(cat $TAP_COUNT 2>/dev/null || echo 0) + 1))
	echo "# $TAP_FILE"
	trap _tap_plan EXIT
	;;
esac
_tap_plan() {
	_last=$(cat $TAP_COUNT 2>/dev/null || echo 0)
	_failed=$(awk -v f=$TAP_FIRST '$1 >= f' $TAP_FAILED 2>/dev/null | tr '\n' ' ')
	if [ "${TAP_HARNESS:-0}" = 1 ] || [ "$TAP_FIRST" != 1 ]; then
		_in=
		[ $_last -ge $TAP_FIRST ] && _in=" (the run's $TAP_FIRST..$_last)"
		echo "# $TAP_FILE: 1..$((_last - TAP_FIRST + 1))$_in${_failed:+, failed: ${_failed% }}"
	else
		echo "1..$_last"
	fi
}
_tap_desc() { echo "${TAP_FILE:+$TAP_FILE: }$1"; }

# ok DESCRIPTION
ok() { _tap_next; echo "ok $n - $(_tap_desc "$1")"; }

# not_ok DESCRIPTION [DIAGNOSTIC LINE...]
not_ok() {
	_tap_next
	echo "not ok $n - $(_tap_desc "$1")"
	shift
	for line in "$@"; do echo "$line" | sed 's/^/#   /'; done
	echo $n >> $TAP_FAILED
}

# skip DESCRIPTION REASON
skip() { _tap_next; echo "ok $n - $(_tap_desc "$1") # SKIP $2"; }

# expect DESCRIPTION COMMAND...: passes when COMMAND succeeds.
expect() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc" "failed: $*"; fi
}

# same DESCRIPTION GOT WANTED: passes when the two strings are equal.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:    $2" "wanted: $3"; fi
}

# The error message of a failed command with its path removed, e.g. for
# comparing the errno that /proc and /proc2 give for the same name.
errmsg() { "$@" 2>&1 >/dev/null | sed 's/.*: //'; }

loaded() { grep -q '^procfs2 ' /proc/modules; }
load() { loaded || insmod $KO; }

# missing_status TREE: the path of a copy of missing-status-lines.txt less the lines
# TREE's status does show (the speculation lines are printed where the CPU's flags
# decide them, left out elsewhere): what the tests let TREE leave out.
missing_status() {
	awk -v S="$1/self/status" 'BEGIN { while ((getline l < S) > 0) { sub(/:.*/, "", l); have[l] = 1 } }
		/^#/ || !($1 in have)' /tests/missing-status-lines.txt > /tmp/missing-status-lines.txt
	echo /tmp/missing-status-lines.txt
}
# reload [PARAM...]: every procfs2 mount unmounted, the module unloaded and loaded
# again with PARAM (e.g. selftest=1, which only t50's entry API tests pass).
reload() {
	for _m in $(grep ' procfs2 ' /proc/mounts | cut -d' ' -f2); do umount $_m; done
	! loaded || rmmod procfs2 || return 1
	insmod $KO "$@"
}

# Kernel log lines since the last `dmesg -c`, without timestamps.
klog() { dmesg | sed 's/^\[[ 0-9.]*\] //'; }

# waitfor CONDITION [SECONDS]: polls the shell text CONDITION every 0.1 s until it is
# true (status 0), or fails after SECONDS (10). Tests wait with this, not with sleep.
waitfor() {
	_w=0
	until eval "$1"; do
		_w=$((_w + 1))
		[ $_w -gt $((${2:-10} * 10)) ] && return 1
		usleep 100000
	done
}

# sleepers: starts a sleeping process of root's (ROOTS) and one of nobody's
# (NOBODYS), the latter once su has become nobody and exec'd sleep.
sleepers() {
	sleep 1000 &
	ROOTS=$!
	su -s /bin/sh nobody -c 'exec sleep 1000' &
	waitfor '[ -n "$(_nobody_sleeper)" ]'
	NOBODYS=$(_nobody_sleeper)
}
_nobody_sleeper() {
	for p in $(pidof sleep); do [ "$(stat -c %u /proc/$p)" = 65534 ] && echo $p; done | head -n 1
}

# hostiles: starts the hostile processes of tests/helpers/hostile.c (issue 20) and
# sets their pids: HOSTILE_FDS (holds an fd of every kind with a show_fdinfo),
# HOSTILE_NOEXEC (an ELF without an executable segment, stopped at its exec),
# HOSTILE_ZOMBIE (an unreaped child), HOSTILE_ARGS (a 48 MiB untouched argument
# area and a 48 MiB environment) and HOSTILE_PIDS (all four).
# hostiles_stop kills them and their parents. Output of each: /tmp/hostile.NAME.
hostiles() {
	rm -f /tmp/hostile.*
	_hostile fds HOSTILE_FDS /tests/bin/hostile fds
	_hostile noexec HOSTILE_NOEXEC /tests/bin/hostile noexec /tmp/hostile-noexec.elf
	_hostile zombie HOSTILE_ZOMBIE /tests/bin/hostile zombie
	_hostile args HOSTILE_ARGS /tests/bin/hostile bigargs 48 normal 48
	HOSTILE_PIDS="$HOSTILE_FDS $HOSTILE_NOEXEC $HOSTILE_ZOMBIE $HOSTILE_ARGS"
}
# _hostile NAME VAR COMMAND...: starts COMMAND in the background with its output in
# /tmp/hostile.NAME and sets VAR to the pid it reports once it is ready (empty if
# it failed: its output says why).
_hostile() {
	_n=$1 _v=$2
	shift 2
	rm -f /tmp/hostile.$_n
	"$@" > /tmp/hostile.$_n 2>&1 &
	echo $! >> /tmp/hostile.parents
	waitfor "grep -qs '^pid ' /tmp/hostile.$_n || ! kill -0 $! 2>/dev/null"
	eval "$_v=\$(sed -n 's/^pid //p' /tmp/hostile.$_n)"
}
hostiles_stop() {
	for _p in $HOSTILE_NOEXEC $(cat /tmp/hostile.parents 2>/dev/null); do
		kill -9 $_p 2>/dev/null
	done
	for _p in $(cat /tmp/hostile.parents 2>/dev/null); do
		wait $_p 2>/dev/null
	done
	rm -f /tmp/hostile.parents /tmp/hostile-noexec.elf /tmp/hostile-watched.*
}

# noptrace_profile: an AppArmor profile, procfs2-noptrace, that allows everything
# but ptrace (t87's confined caller, t89's profiles), on stdout.
noptrace_profile() {
	cat <<'PROF'
profile procfs2-noptrace {
  capability,
  file,
  network,
  signal,
  unix,
  mount,
  umount,
  deny ptrace,
}
PROF
}
