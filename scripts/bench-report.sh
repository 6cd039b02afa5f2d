#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Turn the guest's bench lines (session log of `make bench`) into the results:
#   OUT/samples.csv  every timed run          OUT/results.csv  medians, spread, ratio
#   OUT/memory.csv   slab held after ps-scan  OUT/scaling.png  time against processes
# print the tables, and (with --readme) put them between the bench markers of
# doc/performance.md and the picture into doc/bench-scaling.png.
#   scripts/bench-report.sh SESSION_LOG OUT [--readme]
set -euo pipefail
. "$(dirname "$0")/common.sh"

log=$1 out=$2 readme=${3:-}
mkdir -p "$out"
lines=$(tr -d '\r' < "$log")

echo "workload,population,fs,rep,ns" > "$out/samples.csv"
awk '$1 == "bench-sample" { print $2 "," $3 "," $4 "," $5 "," $6 }' <<<"$lines" >> "$out/samples.csv"

# One row per workload and population: both trees' median, min, max and the ratio.
echo "workload,population,proc_median_ns,proc_min_ns,proc_max_ns,procfs2_median_ns,procfs2_min_ns,procfs2_max_ns,ratio" > "$out/results.csv"
awk '$1 == "bench-result" {
	k = $2 "," $3
	if (!(k in seen)) { seen[k] = 1; order[n++] = k }
	v[k, $4] = $5 "," $6 "," $7; med[k, $4] = $5
}
END {
	for (i = 0; i < n; i++) {
		k = order[i]
		if (!((k, "proc") in v) || !((k, "procfs2") in v)) continue
		printf "%s,%s,%s,%.3f\n", k, v[k, "proc"], v[k, "procfs2"], med[k, "procfs2"] / med[k, "proc"]
	}
}' <<<"$lines" >> "$out/results.csv"

echo "fs,cache,objects,object_size,bytes" > "$out/memory.csv"
awk '$1 == "bench-mem" { printf "%s,%s,%d,%d,%d\n", $2, $3, $4, $5, $4 * $5 }' <<<"$lines" >> "$out/memory.csv"

[ "$(wc -l < "$out/results.csv")" -gt 1 ] || die "no bench results in $log"

# Markdown tables. Times are guest milliseconds under -icount shift=0 (1 ns = 1 instruction).
tables() {
	echo "| workload | processes | /proc ms | spread | procfs2 ms | spread | procfs2/proc |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	awk -F, 'NR > 1 {
		printf "| %s | %d | %.3f | %.1f%% | %.3f | %.1f%% | **%.2f** |\n", $1, $2,
			$3 / 1e6, ($5 - $4) * 100 / $3, $6 / 1e6, ($8 - $7) * 100 / $6, $9
	}' "$out/results.csv"
	echo
	echo "| workload | /proc 10,000/1,000 | procfs2 10,000/1,000 | procfs2 growth / /proc growth |"
	echo "|---|---:|---:|---:|"
	awk -F, 'NR > 1 { p[$1, $2] = $3; q[$1, $2] = $6; if (!($1 in s)) { s[$1] = 1; o[n++] = $1 } }
	END {
		for (i = 0; i < n; i++) {
			w = o[i]
			if (!((w, 1000) in p) || !((w, 10000) in p)) continue
			gp = p[w, 10000] / p[w, 1000]; gq = q[w, 10000] / q[w, 1000]
			printf "| %s | %.2f | %.2f | **%.2f** |\n", w, gp, gq, gq / gp
		}
	}' "$out/results.csv"
	if [ "$(wc -l < "$out/memory.csv")" -gt 1 ]; then
		echo
		echo "| held after one ps-scan at $(awk -F, 'NR > 1 { p = $2 } END { print p }' "$out/results.csv") processes | /proc objects | /proc KiB | procfs2 objects | procfs2 KiB |"
		echo "|---|---:|---:|---:|---:|"
		awk -F, 'NR > 1 { o[$1, $2] = $3; b[$1, $2] = $5; if (!($2 in s)) { s[$2] = 1; c[n++] = $2 } }
		END {
			name["inodes"] = "inodes (proc_inode_cache, procfs2_inode_cache)"
			name["dentries"] = "dentries (dentry)"
			for (i = 0; i < n; i++) {
				k = c[i]
				if (k == "slab_kb")
					printf "| all slab (meminfo Slab:) | | %d | | %d |\n", o["proc", k], o["procfs2", k]
				else
					printf "| %s | %d | %d | %d | %d |\n", name[k], o["proc", k], b["proc", k] / 1024, o["procfs2", k], b["procfs2", k] / 1024
			}
		}' "$out/memory.csv"
	fi
}
tables > "$out/tables.md"
cat "$out/tables.md"

# The picture: one panel per workload, time against processes, both trees.
if command -v gnuplot >/dev/null; then
	# scaling.dat: a block per workload (population, /proc ms, procfs2 ms), in table order.
	awk -F, 'NR > 1 { if (!($1 in s)) { s[$1] = 1; o[n++] = $1 } r[$1] = r[$1] sprintf("%d %.6f %.6f\n", $2, $3 / 1e6, $6 / 1e6) }
	END { for (i = 0; i < n; i++) printf "# %s\n%s\n\n", o[i], r[o[i]] }' "$out/results.csv" > "$out/scaling.dat"
	n=$(awk -F, 'NR > 1 && !s[$1]++' "$out/results.csv" | wc -l)
	rows=$(( (n + 2) / 3 ))
	{
		echo "set terminal png size 1500,$((rows * 400)) font ',10'"
		echo "set output '$out/scaling.png'"
		echo "set logscale x; set xrange [50:20000]; set xtics (100, 1000, 10000)"
		echo "set key top left; set grid; set yrange [0:*]"
		echo "set xlabel 'extra processes'; set ylabel 'guest ms'"
		echo "set multiplot layout $rows,3 title 'procfs2 against /proc in one boot: median guest time (-icount shift=0: 1 ns = 1 instruction)'"
		i=0
		for w in $(awk -F, 'NR > 1 && !s[$1]++ { print $1 }' "$out/results.csv"); do
			echo "set title '$w'"
			echo "plot '$out/scaling.dat' index $i using 1:2 with linespoints title '/proc', '' index $i using 1:3 with linespoints title 'procfs2'"
			i=$((i + 1))
		done
		echo "unset multiplot"
	} > "$out/scaling.gp"
	gnuplot "$out/scaling.gp" && echo "procfs2: picture in $out/scaling.png"
fi

[ "$readme" = --readme ] || exit 0
doc="$TOP/doc/performance.md"
# replace_between FILE MARKER TEXT: TEXT in place of what lies between FILE's
# <!-- MARKER:begin --> and <!-- MARKER:end --> lines (each must be there once).
replace_between() {
	local begin="<!-- $2:begin -->" end="<!-- $2:end -->"
	[ "$(grep -cxF "$begin" "$1")" = 1 ] && [ "$(grep -cxF "$end" "$1")" = 1 ] ||
		die "$1: no single pair of $2 markers"
	awk -v text="$3" -v b="$begin" -v e="$end" '
		$0 == b { print; print text; skip = 1; next }
		$0 == e { skip = 0 }
		!skip { print }
	' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}
# The picture sits beside the text that shows it (doc/).
text=$(cat "$out/tables.md"; echo; echo "![time against processes](bench-scaling.png)")
replace_between "$doc" bench "$text"
[ -f "$out/scaling.png" ] && cp "$out/scaling.png" "$TOP/doc/bench-scaling.png"
echo "procfs2: doc/performance.md and doc/bench-scaling.png updated"
