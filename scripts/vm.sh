#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The driver behind `make run` and `make check`: set up, build the kernel (cached),
# the module, the test helpers and an initramfs, boot QEMU, and judge the result.
#   scripts/vm.sh run      boot, load, mount, show; then CMD, a shell, or exit
#   scripts/vm.sh check    run every test in the guest; TAP; closing count line.
#                          T="t70 t77" (t70, t70-pid or t70-pid.sh): only those files,
#                          with the same console and kmemleak checks; lint, the LSM
#                          boots and the other flavour's boot only if T names them
#                          too (lint, lsm-boot, other-flavour)
#   scripts/vm.sh stress   the storm and the long fuzz (make stress)
#   scripts/vm.sh bench    the workloads of bench/ on /proc and /proc2 (make bench,
#                          release kernel, one CPU, -icount shift=0); then the report
#   scripts/vm.sh lsmboot  tests/lsm-boot.sh alone, in a boot with APPEND's kernel
#                          arguments (check runs it once per inode-labelling LSM)
# Variables: FLAVOUR=debug|release, CMD, OVERLAY, MEM (MiB), SMP, TIMEOUT (s), ACCEL,
# APPEND (more kernel arguments), T (check: the tests to run).
set -euo pipefail
. "$(dirname "$0")/common.sh"

mode=${1:?usage: vm.sh run|check|stress|bench|lsmboot}
case "$mode" in run|check|stress|bench|lsmboot) ;; *) die "usage: vm.sh run|check|stress|bench|lsmboot" ;; esac
[ "$mode" = bench ] && [ "$FLAVOUR" != release ] && die "make bench runs the release kernel (FLAVOUR=release)"
if [ "$mode" = bench ] && [ "${BENCH_README:-0}" = 1 ] &&
	[ -n "${BENCH_REPS:-}${BENCH_POPS:-}${BENCH_PROFILE:-}${BENCH_WORKLOADS:-}" ]; then
	die "BENCH_README=1 needs a run with the defaults (no BENCH_REPS, BENCH_POPS, BENCH_PROFILE or BENCH_WORKLOADS)"
fi
t_start=$(date +%s)

# The tests `make check` runs a second time, in a short boot of the other flavour's
# kernel: the page walk (smaps, pagemap, clear_refs), whose PTE and PMD locks are
# mm->page_table_lock on the debug kernel (NR_CPUS=2) and each table's own split
# lock on the release kernel (Debian's NR_CPUS, qemu/release.config).
other_tests="t73-smaps.sh"
other_flavour=$([ "$FLAVOUR" = debug ] && echo release || echo debug)

# make check T=...: the test files it names, resolved here so that a typo stops the
# run before the build; CHECK_TESTS goes to the guest (scripts/initramfs.sh).
run_lint=1 run_lsm=1 run_other=1
if [ "$mode" = check ] && [ -n "${T:-}" ]; then
	run_lint=0 run_lsm=0 run_other=0 CHECK_TESTS=
	for w in $T; do
		w=${w#tests/} w=${w%.sh}
		case "$w" in
		lint) run_lint=1; continue ;;
		lsm-boot) run_lsm=1; continue ;;
		other-flavour) run_other=1; continue ;;
		esac
		m=$(cd "$TOP/tests" && for f in "$w.sh" "$w"-*.sh; do
			case "$f" in t[0-9]*) if [ -f "$f" ]; then echo "$f"; fi ;; esac
		done | sort -u)
		[ -n "$m" ] || die "T=$w: no such test (tests/t*.sh, or lint, lsm-boot)"
		[ "$(wc -l <<<"$m")" = 1 ] || die "T=$w names more than one test: $(echo $m)"
		CHECK_TESTS+=" $m"
	done
	CHECK_TESTS=$(tr ' ' '\n' <<<"$CHECK_TESTS" | sed '/^$/d' | sort -u | tr '\n' ' ')
	CHECK_TESTS=${CHECK_TESTS% }
	export CHECK_TESTS
	echo "procfs2: T: tests ${CHECK_TESTS:-none}; lint $([ $run_lint = 1 ] && echo runs || echo skipped);" \
		"LSM boots $([ $run_lsm = 1 ] && echo run || echo skipped);" \
		"$other_flavour boot $([ $run_other = 1 ] && echo "runs ${CHECK_TESTS:-$other_tests}" || echo skipped)"
	# T="t73 other-flavour": the named tests on both kernels.
	[ -n "$CHECK_TESTS" ] && other_tests=$CHECK_TESTS
fi

stage_begin setup; "$TOP/scripts/setup.sh" $([ "$mode" = bench ] && echo gnuplot-nox); stage_end
stage_begin "kernel ($FLAVOUR)"; "$TOP/scripts/kernel.sh"; stage_end
stage_begin module; "$TOP/scripts/module.sh"; stage_end
if [ "$mode" = check ] && [ $run_lint = 1 ]; then
	stage_begin lint; "$TOP/scripts/lint.sh"; stage_end
fi
stage_begin helpers; "$TOP/scripts/helpers.sh"; stage_end
if [ "$mode" = bench ]; then
	stage_begin bench; "$TOP/scripts/helpers.sh" bench; stage_end
else
	stage_begin selftests; "$TOP/scripts/selftests.sh"; stage_end
fi

kdir=$(kernel_dir)
logdir="$BUILD/logs/$mode-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$logdir"
# The other flavour's boot of a check keeps latest-check for the check that ran it.
ln -sfn "$logdir" "$BUILD/logs/latest-$mode${PROCFS2_SUBCHECK:+-$FLAVOUR}"
console="$logdir/console.log" session="$logdir/session.log"

stage_begin initramfs
"$TOP/scripts/initramfs.sh" "$mode" "$logdir/initramfs.cpio.gz"
stage_end

interactive=0
[ "$mode" = run ] && [ -z "${CMD:-}" ] && [ -t 0 ] && [ -t 1 ] && interactive=1
accel=${ACCEL:-$("$TOP/scripts/accel.sh")}
case "$mode" in
check) timeout_s=${TIMEOUT:-3600} ;;
stress) timeout_s=${TIMEOUT:-$(( ${DURATION:-600} + 900 + ${FUZZ_CALLS:-1000000} / 300 ))} ;;
run|lsmboot) timeout_s=${TIMEOUT:-900} ;;
bench) timeout_s=${TIMEOUT:-5400} ;;
esac
[ $interactive = 1 ] && timeout_s=${TIMEOUT:-0}

append="console=ttyS0 panic=-1 loglevel=7 printk.devkmsg=on${APPEND:+ $APPEND}"
smp=${SMP:-2} mem=${MEM:-2048}
if [ "$mode" = bench ]; then
	# One CPU whose clock counts instructions: ratios repeat to a few per mille.
	# slab_nomerge keeps each inode cache's line of /proc/slabinfo its own.
	accel=tcg smp=1 mem=${MEM:-6144} append="$append slab_nomerge"
fi
# Shaped like a distribution's machine: a q35 (its firmware tables route PCI
# interrupts without the AML loop i440fx's need, which takes seconds under TCG),
# two NUMA nodes (the first CPU on node 0, the others on node 1, each CPU its own
# socket so that no cache is shared across nodes; half the memory each) and a
# virtio disk with one partition (partitions, diskstats), opened as a snapshot so
# the image never changes.
disk="$BUILD/disk.img"
if [ ! -f "$disk" ]; then
	mkdir -p "$BUILD"
	truncate -s 64M "$disk.tmp"
	printf 'label: dos\n,,L\n' | sfdisk -q "$disk.tmp" >/dev/null || die "sfdisk failed"
	mv "$disk.tmp" "$disk"
fi
half=$((mem / 2))
node1="-numa node,nodeid=1,memdev=m1"
[ "$smp" -gt 1 ] && node1="$node1,cpus=1-$((smp - 1))"
qemu=(qemu-system-x86_64 -M q35 -nodefaults -display none -no-reboot
	-smp "$smp,sockets=$smp,cores=1,threads=1" -m "$mem"
	-object "memory-backend-ram,id=m0,size=${half}M" -numa node,nodeid=0,cpus=0,memdev=m0
	-object "memory-backend-ram,id=m1,size=$((mem - half))M" $node1
	-drive "file=$disk,if=none,id=disk0,format=raw,snapshot=on" -device virtio-blk-pci,drive=disk0
	-kernel "$kdir/arch/x86/boot/bzImage" -initrd "$logdir/initramfs.cpio.gz"
	-append "$append"
	-chardev "file,id=con,path=$console" -serial chardev:con)
if [ "$mode" = bench ]; then
	qemu+=(-accel tcg -icount shift=0 -cpu max)
elif [ "$accel" = kvm ]; then
	qemu+=(-accel kvm -cpu host)
else
	qemu+=(-accel tcg -cpu max)
fi
if [ $interactive = 1 ]; then
	qemu+=(-chardev "stdio,id=ses,signal=off,logfile=$session" -serial chardev:ses)
else
	qemu+=(-chardev "file,id=ses,path=$session" -serial chardev:ses)
fi

stage_begin "boot ($accel, $([ "$timeout_s" = 0 ] && echo "no timeout" || echo "timeout ${timeout_s}s"))"
echo "procfs2: logs in $logdir (console.log: kernel console, session.log: guest output)"
: > "$session"
set +e
if [ $interactive = 1 ]; then
	"${qemu[@]}"
	qemu_rc=$?
	stty sane 2>/dev/null
else
	timeout -k 10 "$timeout_s" "${qemu[@]}" < /dev/null &
	qpid=$!
	tail -n +1 -f --pid=$qpid "$session" | tr -d '\r'
	wait $qpid
	qemu_rc=$?
fi
set -e
stage_end

# Judge: the guest's exit marker, TAP lines, and the kernel console.
splat_re='BUG:|WARNING:|KASAN:|UBSAN:|Oops|Kernel panic|general protection fault|refcount_t:|cut here|lockdep is turned off|inconsistent lock state|suspected memory leak|unreferenced object|Call Trace:|blocked for more than'
guest_rc=$(tr -d '\r' < "$session" | sed -n 's/^procfs2-guest-exit: \([0-9]*\)$/\1/p' | tail -n 1)
splats=$(grep -aE "$splat_re" "$console" | head -n 20 || true)

problems=()
[ "$qemu_rc" = 124 ] && problems+=("the guest timed out after ${timeout_s}s")
[ -z "$guest_rc" ] && [ "$qemu_rc" != 124 ] && problems+=("the guest stopped without finishing (qemu exit $qemu_rc)")
[ -n "$splats" ] && problems+=("the kernel console shows a splat")

if [ -n "$splats" ]; then
	echo "procfs2: kernel splat in $console:"
	printf '%s\n' "$splats" | sed 's/^/    /'
fi

if [ "$mode" = check ] || [ "$mode" = stress ] || [ "$mode" = lsmboot ]; then
	tap=$(tr -d '\r' < "$session")
	# fold LABEL OUTPUT: the TAP lines of another boot join this run's, numbered on
	# and labelled; a boot that ran no test is a failure.
	fold() {
		local lines line k
		lines=$(grep -E '^((not )?ok [0-9]+|#   )' <<<"$2" || true)
		grep -qE '^(not )?ok [0-9]+' <<<"$lines" || lines="not ok 1 - the boot ran no test"
		while IFS= read -r line; do
			case "$line" in "#"*) echo "$line"; continue ;; esac
			k=$(( $(grep -cE '^(not )?ok [0-9]+' <<<"$tap") + 1 ))
			line=$(sed -E "s/^(not )?ok [0-9]+ - /\1ok $k - $1: /" <<<"$line")
			echo "$line"
			tap+=$'\n'"$line"
		done <<<"$lines"
	}
	if [ "$mode" = check ] && [ $run_lsm = 1 ]; then
		# SELinux and Smack label /proc's per-process inodes by a hook a module cannot
		# call: one boot with each running, where procfs2 must refuse to be mounted
		# (tests/lsm-boot.sh).
		for lsm in selinux smack; do
			echo "# lsm-boot.sh, booted with lsm=capability,yama,$lsm"
			fold "lsm=$lsm" "$(APPEND="lsm=capability,yama,$lsm" TIMEOUT=600 "$0" lsmboot 2>&1 | tr -d '\r' || true)"
		done
	fi
	if [ "$mode" = check ] && [ $run_other = 1 ]; then
		# The other flavour's kernel (its own build, module and console check, whose
		# line is among its TAP lines): the page walk under the other PTE lock.
		echo "# $other_tests, booted on the $other_flavour kernel"
		sub=$(FLAVOUR=$other_flavour T="$other_tests" PROCFS2_SUBCHECK=1 TIMEOUT=${TIMEOUT:-1200} \
			"$0" check 2>&1 | tr -d '\r' || true)
		grep -E '^procfs2: (logs in|kernel splat)|^    ' <<<"$sub" | sed 's/^/# /' || true
		fold "$other_flavour" "$sub"
		# Which lock each kernel's pte_lockptr() returns, from its .config: the boot
		# above tested something only if they differ.
		ptl() {
			grep -qx 'CONFIG_SPLIT_PTE_PTLOCKS=y' "$(FLAVOUR=$1 kernel_dir)/.config" 2>/dev/null &&
				echo "split PTE locks" || echo "mm->page_table_lock"
		}
		a=$(ptl "$FLAVOUR") b=$(ptl "$other_flavour")
		fold "$other_flavour" "$([ "$a" != "$b" ] && echo ok || echo not ok) 1 - the two kernels take different PTE locks ($FLAVOUR: $a, $other_flavour: $b)"
	fi
	passed=$(grep -E '^ok [0-9]+' <<<"$tap" | grep -cv '# SKIP' || true)
	skipped=$(grep -E '^ok [0-9]+' <<<"$tap" | grep -c '# SKIP' || true)
	failed=$(grep -cE '^not ok [0-9]+' <<<"$tap" || true)
	n=$((passed + failed + skipped))
	for p in "${problems[@]}"; do
		n=$((n + 1)); failed=$((failed + 1))
		echo "not ok $n - $p"
	done
	[ ${#problems[@]} -eq 0 ] && { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - guest finished and the kernel console is clean"; }
	[ $n -gt 1 ] || { failed=$((failed + 1)); echo "not ok - no test ran"; }
	echo "procfs2: logs in $logdir; total $(( $(date +%s) - t_start )) s"
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" = 0 ]
	exit
fi

if [ "$mode" = bench ] && [ ${#problems[@]} -eq 0 ] && [ "${guest_rc:-1}" = 0 ]; then
	# doc/performance.md changes only when asked (BENCH_README=1), and
	# only from a run with the defaults, which stands for the project.
	readme=
	[ "${BENCH_README:-0}" = 1 ] && readme=--readme
	"$TOP/scripts/bench-report.sh" "$session" "$BUILD/bench" $readme
fi
echo "procfs2: logs in $logdir; total $(( $(date +%s) - t_start )) s"
if [ ${#problems[@]} -gt 0 ]; then
	printf 'procfs2: %s\n' "${problems[@]}"
	exit 1
fi
exit "${guest_rc:-0}"
