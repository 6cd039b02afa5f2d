# SPDX-License-Identifier: GPL-2.0
# procfs2 - the user-facing targets. The kernel's build reads Kbuild, not this file.
#
#   make run      build everything (kernel cached), boot QEMU, load, mount, show;
#                 CMD='...' runs a command in the guest, OVERLAY=DIR adds files
#   make check    every test in the guest; ends with "N passed, N failed, N skipped";
#                 T="t70 t77" (t70, t70-pid or t70-pid.sh) boots once for just those
#                 files, with the same console and leak checks; lint, the LSM
#                 boots and the other flavour's boot (the page-walk test on the
#                 release kernel's split PTE locks) only if T names them too
#                 (T="t70 lint lsm-boot other-flavour")
#   make stress   the storm of tests/stress.sh for DURATION seconds (600), then
#                 FUZZ_CALLS (1,000,000) fuzz calls compared with /proc
#   make bench    the workloads of bench/ on /proc and /proc2 in one boot of the release
#                 kernel: table, CSV and picture (build/bench/); BENCH_README=1 also
#                 writes them into doc/performance.md (a run with the defaults only);
#                 BENCH_REPS (5) runs per tree, BENCH_POPS ("100 1000 10000"),
#                 BENCH_WORKLOADS (all of bench/run.sh's) the workloads to run,
#                 BENCH_PROFILE=PROGRAM:WORKLOAD adds an ftrace profile of one workload
#                 (BENCH_PROFILE_FILTER: only these functions, BENCH_PROFILE_LINES: 60)
#   make conformance  the kernel's proc selftests and proc-diff: a table (doc/conformance.md)
#   make lint     rustfmt (check), clippy and checkpatch; `make check` runs it first
#   make rust-analyzer  rust-project.json for an editor (the kernel crate resolved)
#   make module   just procfs2.ko;  make clippy  the same with CLIPPY=1
#   FLAVOUR=release selects the non-debug kernel (no KASAN, lockdep, kmemleak)

FLAVOUR ?= debug
# CMD is shell text for the guest: pass it on without make expanding its `$`.
override CMD := $(value CMD)
export FLAVOUR CMD T OVERLAY MEM SMP TIMEOUT ACCEL DURATION FUZZ_CALLS BENCH_README BENCH_WORKLOADS BENCH_REPS BENCH_POPS BENCH_PROFILE BENCH_PROFILE_FILTER BENCH_PROFILE_LINES

.PHONY: run check lint rust-analyzer stress bench conformance module clippy kernel setup clean

run:
	@scripts/vm.sh run

check:
	@scripts/vm.sh check

lint: kernel
	@scripts/lint.sh

rust-analyzer: kernel
	@scripts/rust-analyzer.sh

stress:
	@scripts/vm.sh stress

bench:
	@FLAVOUR=release scripts/vm.sh bench

conformance:
	@scripts/conformance.sh

setup:
	@scripts/setup.sh

kernel: setup
	@scripts/kernel.sh

module: kernel
	@scripts/module.sh

clippy: kernel
	@scripts/module.sh CLIPPY=1

clean:
	rm -rf build
	rm -f *.o *.ko *.mod *.mod.c .*.cmd modules.order Module.symvers *.rmeta
	rm -f shim/*.o shim/.*.cmd shim/.*.d shim/vmstat_text.h shim/migratetype_names.h \
		shim/bindings_generated.rs
