# SPDX-License-Identifier: GPL-2.0
# The kernel's own proc selftests, twice in this boot: on /proc, and in a private
# mount namespace with /proc2 bind-mounted over /proc (the tests that mount by type
# run from a copy that says "procfs2"; scripts/selftests.sh). Each result is checked
# against tests/selftests-expected.txt: worse fails, better is reported. The table
# lines ("# | ...") are what `make conformance` puts in doc/conformance.md.
. /tests/lib.sh
load
mount -t procfs2 none /proc2 2>/dev/null
ST=/tests/selftests
EXPECTED=/tests/selftests-expected.txt
if [ ! -d $ST/proc ]; then
	skip "kernel proc selftests" "not built"
	exit 0
fi

# RESULT of a command: pass (exit 0), skip (4, KSFT_SKIP) or fail, in 120 s at most.
result() {
	(cd /tmp && timeout 120 "$@") > /tmp/selftest.out 2>&1
	case $? in 0) echo pass ;; 4) echo skip ;; *) echo fail ;; esac
}
rank() { case $1 in pass) echo 2 ;; skip) echo 1 ;; *) echo 0 ;; esac; }
# check DESCRIPTION GOT EXPECTED
check() {
	if [ -z "$3" ]; then
		not_ok "$1: $2, but the test is not listed in $(basename $EXPECTED)"
	elif [ "$(rank $2)" -lt "$(rank $3)" ]; then
		not_ok "$1: $2, expected $3" "$(tail -n 5 /tmp/selftest.out)"
	elif [ "$2" != "$3" ]; then
		ok "$1: $2, better than the expected $3 (update $(basename $EXPECTED))"
	else
		ok "$1: $2"
	fi
}

table="# | test | /proc | procfs2 | reason |
# |---|---|---|---|"
for bin in $ST/proc/*; do
	t=$(basename $bin)
	line=$(grep "^$t " $EXPECTED)
	want_a=$(echo "$line" | awk '{print $2}')
	want_b=$(echo "$line" | awk '{print $3}')
	why=$(echo "$line" | awk '{ $1 = $2 = $3 = ""; sub(/^ +/, ""); print }')
	a=$(result $bin)
	check "selftest $t on /proc" $a "$want_a"
	ours=$bin
	[ -x $ST/procfs2/$t ] && ours=$ST/procfs2/$t
	b=$(result unshare -m sh -c "mount --bind /proc2 /proc && exec $ours")
	check "selftest $t on procfs2" $b "$want_b"
	table="$table
# | $t | $a | $b | $why |"
done
echo "$table"
passed() { echo "$table" | awk -F' [|] ' -v c=$1 'NR > 2 && $c == "pass" { n++ } END { print n + 0 }'; }
echo "# selftests passed: /proc $(passed 3), procfs2 $(passed 4), of $(ls $ST/proc | wc -l)"
umount /proc2
