# SPDX-License-Identifier: GPL-2.0
# t70-pid.sh's comparison of a process directory with /proc's: three snapshots
# (pidsnap) of /proc, the tree under test and /proc again, compared record by record.
# A record of the tree under test agrees if it equals one of the two /proc ones, or
# if, field by field, each field equals one of theirs or is a number between them
# (counters move). Lines of files listed in `loose` (for processes that run
# meanwhile) may differ in any number. The status lines listed in MS are taken out
# of /proc's before the comparison.
#
# Variables: M and MS (the missing-entry and missing-status-line lists), A, B, C (the
# snapshots: /proc, tree under test, /proc), rb (the reader of B), loose, Q (a single
# quote). Files: M MS A B C. Output: shell assignments n_CAT (records compared) and
# f_CAT (failures) per category.
BEGIN { FS = "\t"; ncat = split("names missing stale stat link content fd task", cats, " ") }
FILENAME == M { if ($0 !~ /^#/ && $1 != "") { split($0, w, /[ \t]+/); miss[w[1]] = 1 } next }
FILENAME == MS { if ($0 !~ /^#/ && $1 != "") { split($0, w, /[ \t]+/); mstat[w[1]] = 1 } next }
{ k = $1 SUBSEP $2; v = substr($0, length($1) + length($2) + 3) }
# status: drop the listed lines from /proc's and number the rest anew.
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
# Whether NAME in directory P is listed as missing: as NAME in a process or thread
# directory, as DIR/NAME in its subdirectory DIR (ns/mnt).
function listed(p, nm,   r) {
	r = p; sub(/^task\/[0-9]+\/?/, "", r); if (r == ".") r = ""
	return (r == "" ? nm : r "/" nm) in miss
}
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
# A process or thread directory: names a subsequence of /proc's, d_types as
# /proc's, what it lacks listed in MISSING, nothing listed there present.
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
		if (listed(p, nm)) fail("stale", child(p, nm))
		if (!(nm in tya)) { fail("names", child(p, nm) ": not in /proc"); continue }
		if (ty != tya[nm]) fail("stat", child(p, nm) ": d_type " ty ", /proc " tya[nm])
		if (lost) continue
		while (j <= ny && yn[j] != nm) j++
		if (j > ny) { fail("names", child(p, nm) ": not in /proc's order"); lost = 1 } else j++
	}
	for (j = 1; j <= ny; j++)
		if (!(yn[j] in inb) && !listed(p, yn[j])) fail("missing", child(p, yn[j]))
}
# The directory itself: nlink is 2 + its subdirectories (in /proc too), the rest
# as /proc's.
function pidstat(p, k,   d, dirk) {
	n["stat"]++
	dirk = p SUBSEP "dir"
	split(vb[k], s4, " "); d = 2 + subdirs(vb[dirk])
	if (s4[4] != d) fail("stat", p ": nlink " s4[4] ", not 2 + " d - 2 " subdirectories")
	split(va[k], s4, " "); d = 2 + subdirs(va[dirk])
	if (s4[4] != d) fail("stat", p ": /proc's nlink " s4[4] " is not 2 + " d - 2 " subdirectories")
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
# The entries' d_type against their lstat.
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
		if (t == "dir" && (pidlike(p) || base(p) == "ns")) { names(p, k); continue }
		if (t == "stat" && pidlike(p)) { pidstat(p, k); continue }
		if (base(p) == "children" && t != "stat") { if (t == "end") children(p); continue }
		if (base(p) == "sched" && vb[k] ~ /^clock-delta/) continue
		cat = category(p, t)
		n[cat]++
		# Known differences (doc/differences.md): task names are comm, where
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
			# (Unless the reader may not list it: t86 reads as nobody too.)
			if (vb[p SUBSEP "dir"] !~ /^!/ && s4[5] != nentries(vb[p SUBSEP "dir"]))
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
}
