# SPDX-License-Identifier: GPL-2.0
# Process and thread directories against /proc's in the same boot: the pids at the
# root, their order and the root's nlink; for a set of processes (this shell, sleepers,
# a multi-threaded one, kernel threads, a zombie, one in a child pid namespace) the
# names, modes, owners, types, links and contents of /proc2/PID and task/TID, less the
# names listed in missing-pid-entries.txt and the status lines listed in
# missing-status-lines.txt; lookups of bad names; files of an exited process; readdir
# with many processes; a mount in a child pid namespace.
#
# P2 names the tree under test (default /proc2, mounted here). After `mount -t proc
# proc /tmp/p`, P2=/tmp/p runs the same checks with a second proc mount in procfs2's
# place and empty lists of what it may lack: they must all pass, and that is how the
# /proc side of this file is tested. MISSING and MISSING_STATUS override the lists.
. /tests/lib.sh
P2=${P2:-/proc2}
if [ "$P2" = /proc2 ]; then
	load
	mount -t procfs2 none /proc2 2>/dev/null
fi
FSTYPE=$(awk -v m="$P2" '$2 == m { t = $3 } END { print t }' /proc/mounts)
W=/tests/bin/dirwalk
SNAP=/tests/bin/pidsnap
THREADS=/tests/bin/threads
if [ "$FSTYPE" = proc ]; then
	MISSING=${MISSING:-/dev/null} MISSING_STATUS=${MISSING_STATUS:-/dev/null}
fi
MISSING=${MISSING:-/tests/missing-pid-entries.txt}
MISSING_STATUS=${MISSING_STATUS:-/tests/missing-status-lines.txt}
D=/tmp/t70
rm -rf $D
mkdir -p $D

# CONDITION (shell text) becomes true within 10 s.
waitfor() {
	i=0
	until eval "$1"; do
		i=$((i + 1))
		[ $i -gt 100 ] && return 1
		usleep 100000
	done
}

# Lookups of names that are not processes: /proc's errno (ENOENT).
pid_max=$(cat /proc/sys/kernel/pid_max)
absent=$((pid_max - 1))
while [ -e /proc/$absent ]; do absent=$((absent - 1)); done
lookups() { # ROOT NAME...: "NAME: TYPE" or "NAME: ERROR" per name, with one stat
	root=$1 paths=
	shift
	for n in "$@"; do paths="$paths $root/$n"; done
	stat -c '%n: %F' $paths > $D/found 2> $D/failed
	sed -e "s#^stat: can't stat '##" -e "s#': #: #" -e "s#^$root/##" $D/found $D/failed | sort
}
bad="0 00 01 +1 -1 1a 0x1 2147483648 4294967295 4294967296 18446744073709551617 $absent
	$pid_max $absent/status"
same "lookups of names that are not processes give /proc's errors" \
	"$(lookups $P2 $bad)" "$(lookups /proc $bad)"

if [ ! -d $P2/$$ ]; then
	skip "process directories" "$P2/$$ does not exist yet"
	[ "$P2" = /proc2 ] && umount /proc2
	rm -rf $D
	exit 0
fi

# The processes looked at. All but this shell and the kernel threads sleep throughout.
sleep 1000 &
SLEEPER=$!
su -s /bin/sh nobody -c 'exec sleep 1000' &
NOBODY=$!
$THREADS 4 > $D/threads &
TGID=$!
unshare -p -f sleep 1000 &
UNSHARE=$!
sh -c 'sleep 0 & exec sleep 1000' &
ZPARENT=$!
waitfor '[ -s $D/threads ]'
TIDS=$(cat $D/threads)
TID=$(echo $TIDS | cut -d' ' -f2)
child() { v=; read v 2>/dev/null < /proc/$1/task/$1/children; echo $v; }
waitfor '[ -n "$(child $UNSHARE)" ]'
NSPID=$(child $UNSHARE)
waitfor '[ -n "$(child $ZPARENT)" ] && grep -q ") Z " /proc/$(child $ZPARENT)/stat'
ZOMBIE=$(child $ZPARENT)
waitfor '[ "$(stat -c %u /proc/$NOBODY 2>&1)" = 65534 ] && grep -qx sleep /proc/$NOBODY/comm'
waitfor 'grep -qx sleep /proc/$SLEEPER/comm'
KWORKER=
for d in /proc/[0-9]*; do
	c=
	read c 2>/dev/null < $d/comm
	case "$c" in kworker/R-*) KWORKER=${d#/proc/}; break ;; esac
done
[ -n "$KWORKER" ] || KWORKER=$(grep -l -x 'ksoftirqd/0' /proc/[0-9]*/comm | cut -d/ -f3)
# And 1,000 more, for readdir over many pids.
MANY=
i=0
while [ $i -lt ${MANY_PROCS:-1000} ]; do
	sleep 1000 &
	MANY="$MANY $!"
	i=$((i + 1))
done

# The root: numeric names as /proc's. Processes come and go between listings, so a pid
# in both of two /proc listings must be in procfs2's, and one in procfs2's (other than
# the lister) in at least one of them.
listing() {
	$W list "$1" > "$2" &
	LISTER=$!
	wait $LISTER
}
listing /proc $D/ra
listing $P2 $D/rb
LB=$LISTER
listing /proc $D/rc
np=$(grep -c '^[0-9]* ' $D/rb)
same "the root lists /proc's pids ($np)" "$(awk -v lb=$LB '
	$1 !~ /^[0-9]+$/ { next }
	FILENAME == ARGV[1] { a[$1] = 1 } FILENAME == ARGV[2] { b[$1] = 1 } FILENAME == ARGV[3] { c[$1] = 1 }
	END {
		for (p in a) if ((p in c) && !(p in b)) print "missing " p
		for (p in b) if (!(p in a) && !(p in c) && p != lb) print "extra " p
	}' $D/ra $D/rb $D/rc | sort)" ""
# Order: the tree's names, self, thread-self, then the pids ascending, as directories.
order() {
	awk '$1 == "." || $1 == ".." { next }
	$1 ~ /^[0-9]+$/ {
		if (!ts) { print $1 " before thread-self"; exit }
		if (last != "" && $1 + 0 <= last + 0) { print $1 " after " last; exit }
		if ($2 != "d") { print $1 " has d_type " $2 }
		last = $1; next
	}
	ts { print $1 " after the pids"; exit }
	$1 == "thread-self" { ts = 1 }' "$1"
}
same "pids follow thread-self in ascending order, as directories" "$(order $D/rb)" ""
same "... as in /proc" "$(order $D/ra)" ""

# Root nlink: 2 + subdirectories + processes, as /proc counts it.
subdirs() { awk '$1 !~ /^[0-9]+$/ && $1 != "." && $1 != ".." && $2 == "d" { n++ } END { print n + 0 }' "$1"; }
da=$(subdirs $D/ra)
db=$(subdirs $D/rb)
a=$(stat -c %h /proc) b=$(stat -c %h $P2) c=$(stat -c %h /proc)
expect "root nlink $b is 2 + $db subdirectories + processes ($((b - 2 - db)); /proc: $((a - 2 - da)), $((c - 2 - da)))" \
	awk -v a=$((a - 2 - da)) -v b=$((b - 2 - db)) -v c=$((c - 2 - da)) 'BEGIN { exit !(a <= b && b <= c || c <= b && b <= a) }'

# readdir of the root with 1,000 extra processes: one entry per getdents64 call, twice,
# and a full buffer list every pid that lives throughout exactly once.
$W one $P2 > $D/one1
$W list $P2 > $D/list1
$W one $P2 > $D/one2
stable=$( (echo $MANY | tr ' ' '\n'; awk '$1 ~ /^[0-9]+$/ { print $1 }' $D/ra $D/rc | sort | uniq -d) | sort -u)
once() {
	awk -v want="$stable" 'BEGIN { n = split(want, w, /[ \n]+/); for (i = 1; i <= n; i++) s[w[i]] = 1 }
		($1 in s) { c[$1]++ }
		END { for (p in s) if (p != "" && c[p] != 1) print p ": " c[p] + 0 " times" }' "$1" | sort -n
}
same "one-entry getdents64 lists each of $(echo $stable | wc -w) pids once" "$(once $D/one1)" ""
same "... and again" "$(once $D/one2)" ""
same "... and so does a full buffer" "$(once $D/list1)" ""
same "... in order" "$(order $D/one1)$(order $D/one2)" ""
for try in 1 2 3; do
	out=$($W seek $P2 | sed 's/ok [0-9]*/ok/')
	[ "$out" = ok ] && break
done
same "seekdir to every telldir position of the root resumes without skip or repeat" "$out" "ok"
same "d_type matches stat for every root entry" "$($W types $P2)" ""
kill $MANY
wait $MANY 2>/dev/null

# A thread that is not a group leader: not listed, but found, as in /proc.
bad=
for t in $(echo $TIDS | cut -d' ' -f2-); do
	grep -q "^$t " $D/rb && bad="$bad $t:listed"
	a=$(stat -c '%A %u %g %F' /proc/$t 2>&1) b=$(stat -c '%A %u %g %F' $P2/$t 2>&1)
	[ "$a" = "$b" ] || bad="$bad $t:$b"
done
same "thread ids are not listed at the root but can be looked up, as in /proc" "$bad" ""

# Bad names inside a process directory: /proc's errno (ENOENT, ENOTDIR).
bad="$$/nonexistent $$/task/0 $$/task/01 $$/task/$TID $$/fd/999 $$/fd/01 $$/fd/-1 $$/fd/0x1
	$$/fdinfo/999 $$/fdinfo/01 $$/status/x $$/task/$$/task $$/task/$$/nonexistent $TID/task/$$
	$TGID/task/$$"
same "lookups of bad names in a process directory give /proc's errors" \
	"$(lookups $P2 $bad)" "$(lookups /proc $bad)"

# A process directory against /proc's: snapshots /proc, procfs2, /proc (pidsnap)
# compared record by record. A record of procfs2's agrees if it equals one of the two
# /proc ones, or if, field by field, each field equals one of theirs or is a number
# between them (counters move). Lines of files listed in LOOSE (for processes that
# run meanwhile) may differ in any number. The status lines listed in MISSING_STATUS
# are taken out of /proc's before the comparison. Output: shell assignments n_CAT
# (records compared) and f_CAT (failures) per category.
compare() { # READER_OF_B LOOSE
	awk -v M=$MISSING -v MS=$MISSING_STATUS -v A=$D/a -v B=$D/b -v C=$D/c -v rb=$1 \
		-v loose=" $2 " -v Q="'" '
	BEGIN { FS = "\t"; ncat = split("names missing stale stat link content fd task", cats, " ") }
	FILENAME == M { if ($0 !~ /^#/ && $1 != "") { split($0, w, /[ \t]+/); miss[w[1]] = 1 } next }
	FILENAME == MS { if ($0 !~ /^#/ && $1 != "") { split($0, w, /[ \t]+/); mstat[w[1]] = 1 } next }
	{ k = $1 SUBSEP $2; v = substr($0, length($1) + length($2) + 3) }
	# status: drop the listed lines from /proc'"'"'s and number the rest anew.
	base($1) == "status" && $2 ~ /^[0-9]+$/ {
		label = v; sub(/:.*/, "", label)
		if (FILENAME == B && (label in mstat)) fail("stale", $1 ": line " label)
		if (FILENAME != B) {
			if (label in mstat) next
			renum[FILENAME SUBSEP $1]++
			k = $1 SUBSEP renum[FILENAME SUBSEP $1]
		}
	}
	FILENAME == A { va[k] = v; next }
	FILENAME == B { vb[k] = v; kb[++nb] = k; bp[$1] = 1; next }
	FILENAME == C { vc[k] = v }
	function base(p) { sub(/.*\//, "", p); return p }
	function child(p, nm) { return p == "." ? nm : p "/" nm }
	function pidlike(p) { return p == "." || p ~ /^task\/[0-9]+$/ }
	function category(p, t) {
		if (p ~ /(^|\/)fd(info)?(\/|$)/) return "fd"
		if (p == "task") return "task"
		if (t == "stat" || t == "dir") return "stat"
		if (t == "link") return "link"
		return "content"
	}
	function show(s) { return length(s) > 120 ? "\"" substr(s, 1, 120) "...\"" : "\"" s "\"" }
	function fail(cat, msg) {
		nf[cat]++
		if (nf[cat] <= 12) f[cat] = f[cat] (f[cat] == "" ? "" : "\n") msg
		else if (nf[cat] == 13) f[cat] = f[cat] "\n..."
	}
	function isnum(s) { return s ~ /^-?[0-9]+(\.[0-9]+)?$/ }
	function numish(s) { return isnum(s) || s ~ /^0x[0-9a-f]+$/ }
	function agree(b, a, c, ha, hc, lo,   nx, ny, nz, i) {
		why = ""
		if ((ha && b == a) || (hc && b == c)) return 1
		if (!ha || !hc) return 0
		nx = split(b, x, /[ \t]+/); ny = split(a, y, /[ \t]+/); nz = split(c, z, /[ \t]+/)
		if (nx != ny || nx != nz) return 0
		for (i = 1; i <= nx; i++) {
			if (x[i] == y[i] || x[i] == z[i]) continue
			if (isnum(x[i]) && isnum(y[i]) && isnum(z[i]) &&
			    ((y[i] + 0 <= x[i] + 0 && x[i] + 0 <= z[i] + 0) ||
			     (z[i] + 0 <= x[i] + 0 && x[i] + 0 <= y[i] + 0))) continue
			if (lo && numish(x[i]) && numish(y[i]) && numish(z[i])) continue
			if (tick && (i == 14 || i == 15) && isnum(x[i]) && isnum(y[i]) && isnum(z[i]) &&
			    x[i] + 0 >= (y[i] < z[i] ? y[i] : z[i]) - 1 && x[i] + 0 <= (y[i] > z[i] ? y[i] : z[i]) + 1) continue
			why = "field " i " is " x[i] ", /proc " y[i] (y[i] == z[i] ? "" : " then " z[i])
			return 0
		}
		return 1
	}
	function agree_k(k, lo) { return agree(vb[k], va[k], vc[k], k in va, k in vc, lo) }
	# The task name in a comm, status Name: or stat line.
	function tname(s,   a, b) {
		if (s ~ /^Name:\t/) return substr(s, 7)
		a = index(s, "("); b = match(s, /\) [A-Z] /)
		if (a && b > a) return substr(s, a + 1, b - a - 1)
		return s
	}
	# The /proc line with the procfs2 name in it, when that name is the part of the
	# /proc one that comm holds: all 15 bytes of it, or up to a "-desc"/"+desc".
	function ourname(theirs, ours,   nt, no, rest) {
		nt = tname(theirs); no = tname(ours)
		if (nt == no || index(nt, no) != 1) return theirs
		rest = substr(nt, length(no) + 1)
		if (length(no) != 15 && rest !~ /^[-+]/) return theirs
		return substr(theirs, 1, index(theirs, nt) - 1) no substr(theirs, index(theirs, nt) + length(nt))
	}
	function blank4(s,   i, cnt, out) {
		cnt = split(s, x, " "); out = ""
		for (i = 1; i <= cnt; i++) out = out (i > 1 ? " " : "") (i == 4 ? "-" : x[i])
		return out
	}
	function subdirs(s,   i, cnt, d) {
		cnt = split(s, x, " "); d = 0
		for (i = 1; i <= cnt; i++) if (x[i] ~ /:d$/) d++
		return d
	}
	function nentries(s) { return s == "" ? 0 : split(s, x, " ") }
	# A process or thread directory: names a subsequence of /proc'"'"'s, d_types as
	# /proc'"'"'s, what it lacks listed in MISSING, nothing listed there present.
	function names(p, k,   nx, ny, i, j, nm, ty, lost) {
		n["names"]++; n["missing"]++; n["stale"]++
		split("", inb); split("", tya); split("", yn)
		nx = split(vb[k], xs, " "); ny = split(va[k], ys, " ")
		for (j = 1; j <= ny; j++) {
			nm = ys[j]; sub(/:.$/, "", nm); yn[j] = nm; tya[nm] = substr(ys[j], length(ys[j]))
		}
		j = 1; lost = 0
		for (i = 1; i <= nx; i++) {
			nm = xs[i]; ty = substr(nm, length(nm)); sub(/:.$/, "", nm); inb[nm] = 1
			if (nm in miss) fail("stale", child(p, nm))
			if (!(nm in tya)) { fail("names", child(p, nm) ": not in /proc"); continue }
			if (ty != tya[nm]) fail("stat", child(p, nm) ": d_type " ty ", /proc " tya[nm])
			if (lost) continue
			while (j <= ny && yn[j] != nm) j++
			if (j > ny) { fail("names", child(p, nm) ": not in /proc'"'"'s order"); lost = 1 } else j++
		}
		for (j = 1; j <= ny; j++)
			if (!(yn[j] in inb) && !(yn[j] in miss)) fail("missing", child(p, yn[j]))
	}
	# The directory itself: nlink is 2 + its subdirectories (in /proc too), the rest
	# as /proc'"'"'s.
	function pidstat(p, k,   d, dirk) {
		n["stat"]++
		dirk = p SUBSEP "dir"
		split(vb[k], s4, " "); d = 2 + subdirs(vb[dirk])
		if (s4[4] != d) fail("stat", p ": nlink " s4[4] ", not 2 + " d - 2 " subdirectories")
		split(va[k], s4, " "); d = 2 + subdirs(va[dirk])
		if (s4[4] != d) fail("stat", p ": /proc'"'"'s nlink " s4[4] " is not 2 + " d - 2 " subdirectories")
		if (!agree(blank4(vb[k]), blank4(va[k]), blank4(vc[k]), k in va, k in vc, 0))
			fail("stat", p ": " show(vb[k]) ", /proc " show(va[k]) " (mode uid gid nlink size)")
	}
	# children: a set; the reader of procfs2 is a child of this shell too.
	function children(p,   t, i) {
		n["content"]++
		split("", sa); split("", sb); split("", sc)
		for (i = split(va[p SUBSEP 1], t4, " "); i > 0; i--) sa[t4[i]] = 1
		for (i = split(vb[p SUBSEP 1], t4, " "); i > 0; i--) sb[t4[i]] = 1
		for (i = split(vc[p SUBSEP 1], t4, " "); i > 0; i--) sc[t4[i]] = 1
		for (t in sb) if (!(t in sa) && !(t in sc) && t != rb) fail("content", p ": child " t " is not in /proc")
		for (t in sa) if ((t in sc) && !(t in sb)) fail("content", p ": child " t " is missing")
	}
	# The entries'"'"' d_type against their lstat.
	function dtypes(p, k,   i, nx, nm, ty, m, st) {
		nx = split(vb[k], dt, " ")
		for (i = 1; i <= nx; i++) {
			nm = dt[i]; ty = substr(nm, length(nm)); sub(/:.$/, "", nm)
			m = vb[child(p, nm) SUBSEP "stat"]
			if (m == "" || m ~ /^!/) continue
			m = substr(m, 1, index(m, " ") - 1); m = substr(m, 1, length(m) - 4)
			st = m == "4" ? "d" : m == "10" ? "f" : m == "12" ? "l" : "o"
			if (st != ty) fail(category(child(p, nm), "stat"), child(p, nm) ": d_type " ty ", stat says " st)
		}
	}
	END {
		for (i = 1; i <= nb; i++) {
			k = kb[i]; split(k, kk, SUBSEP); p = kk[1]; t = kk[2]
			if (t == "dir") dtypes(p, k)
			if (t == "dir" && pidlike(p)) { names(p, k); continue }
			if (t == "stat" && pidlike(p)) { pidstat(p, k); continue }
			if (base(p) == "children" && t != "stat") { if (t == "end") children(p); continue }
			if (base(p) == "sched" && vb[k] ~ /^clock-delta/) continue
			cat = category(p, t)
			n[cat]++
			# Known differences (README, Differences): task names are comm, where
			# fs/proc adds the description of a workqueue worker or the full name
			# of a kernel thread; utime and stime of a process may be a tick apart.
			if (base(p) == "comm" || base(p) == "stat" || (base(p) == "status" && vb[k] ~ /^Name:/)) {
				va[k] = ourname(va[k], vb[k]); vc[k] = ourname(vc[k], vb[k])
			}
			tick = (p == "stat")
			if (!agree_k(k, index(loose, " " base(p) " ") > 0)) {
				if (why != "")
					fail(cat, p " " t ": " why ", in " show(vb[k]))
				else if ((k in va) || (k in vc))
					fail(cat, p " " t ": " show(vb[k]) ", /proc " show(va[k]) (va[k] == vc[k] ? "" : " then " show(vc[k])))
				else
					fail(cat, p " " t ": " show(vb[k]) ", not in /proc")
			}
			if (t == "stat" && base(p) == "fd") {
				split(vb[k], s4, " ")
				if (s4[1] != "40500") fail("fd", p ": mode " s4[1] ", not 40500")
				if (s4[5] != nentries(vb[p SUBSEP "dir"]))
					fail("fd", p ": size " s4[5] ", not the number of fds " nentries(vb[p SUBSEP "dir"]))
			}
		}
		# Lines both /proc reads have that procfs2 lacks, in files it has.
		for (k in va) {
			if ((k in vb) || !(k in vc)) continue
			split(k, kk, SUBSEP); p = kk[1]; t = kk[2]
			if (!(p in bp) || base(p) == "children" || pidlike(p)) continue
			fail(category(p, t), p " " t ": missing, /proc " show(va[k]))
		}
		for (i = 1; i <= ncat; i++) {
			cc = cats[i]; m = f[cc]; gsub(Q, "`", m)
			print "n_" cc "=" n[cc] + 0 "; f_" cc "=" Q m Q
		}
	}' $MISSING $MISSING_STATUS $D/a $D/b $D/c
}

snap() {
	$SNAP -x pagemap -x net "$1" > "$2" &
	READER=$!
	wait $READER
}

# check_dir DESCRIPTION PID [LOOSE]: one TAP line per category; up to three tries.
check_dir() {
	desc="$1 ($2)"
	if [ ! -d /proc/$2 ] || [ ! -d $P2/$2 ]; then
		skip "$desc" "$(ls -d /proc/$2 $P2/$2 2>&1 | grep -v '^/')"
		return
	fi
	try=1
	while :; do
		snap /proc/$2 $D/a
		snap $P2/$2 $D/b
		rb=$READER
		snap /proc/$2 $D/c
		eval "$(compare $rb "$3")"
		[ -z "$f_names$f_missing$f_stale$f_stat$f_link$f_content$f_fd$f_task" ] && break
		[ $try = 3 ] && break
		try=$((try + 1))
	done
	tries=
	[ $try = 1 ] || tries=", try $try"
	report "$desc: names of $P2/$2 and task/* in /proc's order" names
	report "$desc: every name $P2 lacks is listed in ${MISSING##*/}" missing
	report "$desc: no name listed as missing is provided" stale
	report "$desc: mode, owner, nlink, size, d_type of every entry as /proc's" stat
	report "$desc: symlinks as /proc's" link
	report "$desc: file contents as /proc's" content
	report "$desc: fd/ and fdinfo/ as /proc's, fd/ 0500 sized by its fds" fd
	report "$desc: task/ lists /proc's threads" task
}
report() { # DESCRIPTION CATEGORY
	eval "count=\$n_$2 fails=\$f_$2"
	if [ "$count" = 0 ]; then
		skip "$1" "none in $P2"
	else
		same "$1 ($count$tries)" "$fails" ""
	fi
}

check_dir "the test shell" $$ sched
check_dir "init" 1 sched
check_dir "a sleeping child" $SLEEPER
check_dir "a process of user nobody" $NOBODY
check_dir "a process of 5 threads" $TGID
check_dir "a thread looked up by its tid" $TID
check_dir "kthreadd" 2 sched
check_dir "a kworker" $KWORKER sched
check_dir "a process in a child pid namespace" $NSPID
check_dir "a zombie" $ZOMBIE

# A process that exits while its files and directory are open.
sleep 1000 &
k=$!
lsgone() { cd $1/$k && while [ -e /proc/$k ]; do usleep 20000; done && ls -a . 2>&1 | sed 's/.*: //'; }
lsgone /proc > $D/gone1 &
l1=$!
lsgone $P2 > $D/gone2 &
l2=$!
usleep 300000
if [ -r $P2/$k/stat ]; then
	# (A failed redirection of exec would end the script.)
	exec 3< /proc/$k/stat 4< $P2/$k/stat
	kill $k
	wait $k $l1 $l2 2>/dev/null
	want=$(cat <&3 2>&1 | sed 's/.*: //')
	same "reading stat opened before the process exited gives /proc's result ($want)" \
		"$(cat <&4 2>&1 | sed 's/.*: //')" "$want"
	exec 3<&- 4<&-
else
	kill $k
	wait $k $l1 $l2 2>/dev/null
	skip "reading stat opened before the process exited" "no $P2/$k/stat"
fi
same "listing the directory of an exited process gives /proc's result ($(cat $D/gone1))" \
	"$(cat $D/gone2)" "$(cat $D/gone1)"
same "looking it up gives /proc's error" "$(errmsg stat $P2/$k)" "$(errmsg stat /proc/$k)"

# Mounted in a child pid namespace: that namespace's pids and numbers.
mkdir -p $D/x $D/y
unshare -p -f -m sh -c "
	mount -t $FSTYPE none $D/x && mount -t proc proc $D/y || exit 1
	sleep 1000 &
	usleep 300000
	cd $D/x && echo [0-9]* > $D/ns.x
	cd $D/y && echo [0-9]* > $D/ns.y
	cat $D/x/\$!/status > $D/ns.xs; cat $D/y/\$!/status > $D/ns.ys
	cat $D/x/\$!/stat > $D/ns.xt; cat $D/y/\$!/stat > $D/ns.yt
	kill \$!; cd /; umount $D/x $D/y"
same "a mount in a child pid namespace lists its pids ($(cat $D/ns.y))" "$(cat $D/ns.x)" "$(cat $D/ns.y)"
same "... and a process's status there is proc's (less the listed lines)" "$(cat $D/ns.xs)" \
	"$(awk 'FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF) m[$1] = 1; next }
		{ split($0, f, ":") } !(f[1] in m)' $MISSING_STATUS $D/ns.ys)"
same "... and its stat" "$(cat $D/ns.xt)" "$(cat $D/ns.yt)"

# The namespace's init ignores signals it has no handler for, but SIGKILL.
kill -9 $NSPID
kill $SLEEPER $NOBODY $TGID $UNSHARE $ZPARENT 2>/dev/null
wait
[ "$P2" = /proc2 ] && umount /proc2
rm -rf $D
