#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest's initramfs: busybox, the module, the tests and their helpers, the
# job to run (MODE, and CMD for `make run CMD=...`) and OVERLAY's contents.
#   scripts/initramfs.sh MODE OUTPUT
set -euo pipefail
. "$(dirname "$0")/common.sh"

mode=$1 out=$2
root="$BUILD/initramfs-root"
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc/procfs2,proc,sys,dev,tmp,root,proc2,lib/procfs2}

cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list-full); do
	[ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
done

cp "$TOP/qemu/init" "$root/init"
cp "$TOP/procfs2.ko" "$root/lib/procfs2/"
cp -r "$TOP/tests" "$root/tests"
if [ -n "$(ls -A "$BUILD/helpers" 2>/dev/null)" ]; then
	mkdir -p "$root/tests/bin"
	cp "$BUILD/helpers/"* "$root/tests/bin/"
fi
if [ -x "$BUILD/helpers/proc-diff" ]; then
	cp "$BUILD/helpers/proc-diff" "$root/usr/bin/proc-diff"
	mkdir -p "$root/etc/procfs2"
	cp "$TOP/scripts/proc-diff.rules" "$root/etc/procfs2/proc-diff.rules"
fi
if [ -d "$BUILD/selftests/proc" ]; then
	mkdir -p "$root/tests/selftests/proc" "$root/tests/selftests/procfs2"
	find "$BUILD/selftests/proc" -maxdepth 1 -type f -perm -u+x -exec cp {} "$root/tests/selftests/proc/" \;
	find "$BUILD/selftests/procfs2" -maxdepth 1 -type f -perm -u+x -exec cp {} "$root/tests/selftests/procfs2/" \;
fi

# The real tools people run on /proc, with their libraries: procps's ps, pmap, top,
# free, vmstat, w, uptime and slabtop, and util-linux's ipcs, in /opt/procps/bin (busybox has
# its own in /bin), and
# AppArmor's parser in /opt/apparmor/bin to load the tests' profile.
mkdir -p "$root/opt/procps/bin" "$root/opt/apparmor/bin"
for tool in /usr/bin/ps /usr/bin/pmap /usr/bin/top /usr/bin/free /usr/bin/vmstat \
	/usr/bin/w /usr/bin/uptime /usr/bin/slabtop /usr/bin/ipcs /usr/sbin/apparmor_parser; do
	[ -x "$tool" ] || continue
	case "$tool" in
	*apparmor*) cp "$tool" "$root/opt/apparmor/bin/" ;;
	*) cp "$tool" "$root/opt/procps/bin/" ;;
	esac
	for lib in $(ldd "$tool" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
done

# Python and Debian's psutil for tests/t81-psutil.sh, at the host's paths: the
# interpreter, the files it loads to run tests/psutil-report.py (listed by running
# it here) and the libraries of both.
if [ "$mode" != bench ] && /usr/bin/python3 -c 'import psutil' 2>/dev/null; then
	py=$(readlink -f /usr/bin/python3)
	files=$(/usr/bin/python3 -I "$TOP/tests/psutil-report.py" --modules 2>&1 >/dev/null) ||
		die "tests/psutil-report.py failed on the host: $files"
	for f in "$py" $(grep -v -x "$TOP/tests/psutil-report.py" <<<"$files"); do
		mkdir -p "$root$(dirname "$f")"
		cp -L "$f" "$root$f"
		case "$f" in "$py" | *.so)
			for lib in $(ldd "$f" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }'); do
				mkdir -p "$root$(dirname "$lib")"
				cp -L "$lib" "$root$lib"
			done ;;
		esac
	done
	ln -sf "$py" "$root/usr/bin/python3"
fi

if [ "$mode" = bench ]; then
	mkdir -p "$root/bench/bin"
	cp "$BUILD/bench/bin/"* "$root/bench/bin/"
	cp "$TOP/bench/run.sh" "$root/bench/run.sh"
fi

cat > "$root/etc/passwd" <<'PW'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/sh
u1000:x:1000:1000:a user:/nonexistent:/bin/sh
u1001:x:1001:1001:another user:/nonexistent:/bin/sh
PW
cat > "$root/etc/group" <<'GR'
root:x:0:
nogroup:x:65534:
u1000:x:1000:
u1001:x:1001:
GR

echo "MODE=$mode" > "$root/etc/procfs2/job"
if [ "$mode" = stress ]; then
	echo "DURATION=${DURATION:-600}" >> "$root/etc/procfs2/job"
	echo "FUZZ_CALLS=${FUZZ_CALLS:-1000000}" >> "$root/etc/procfs2/job"
fi
if [ "$mode" = check ] && [ -n "${CHECK_TESTS+set}" ]; then
	# make check T=...: only these test files (scripts/vm.sh resolved the names).
	echo "SELECT=1" >> "$root/etc/procfs2/job"
	echo "TESTS='$CHECK_TESTS'" >> "$root/etc/procfs2/job"
fi
if [ "$mode" = bench ]; then
	echo "BENCH_REPS='${BENCH_REPS:-5}'" >> "$root/etc/procfs2/job"
	echo "BENCH_POPS='${BENCH_POPS:-100 1000 10000}'" >> "$root/etc/procfs2/job"
	echo "BENCH_WORKLOADS='${BENCH_WORKLOADS:-}'" >> "$root/etc/procfs2/job"
	echo "BENCH_PROFILE='${BENCH_PROFILE:-}'" >> "$root/etc/procfs2/job"
	echo "BENCH_PROFILE_FILTER='${BENCH_PROFILE_FILTER:-}'" >> "$root/etc/procfs2/job"
	echo "BENCH_PROFILE_LINES='${BENCH_PROFILE_LINES:-60}'" >> "$root/etc/procfs2/job"
fi
[ -t 0 ] && [ -t 1 ] && echo "INTERACTIVE=1" >> "$root/etc/procfs2/job"
printf '%s\n' "${CMD:-}" > "$root/etc/procfs2/cmd"

if [ -n "${OVERLAY:-}" ]; then
	[ -d "$OVERLAY" ] || die "OVERLAY=$OVERLAY is not a directory"
	cp -a "$OVERLAY/." "$root/"
fi

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 > "$out"
