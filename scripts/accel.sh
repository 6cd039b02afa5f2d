#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Print the QEMU accelerator to use: kvm only when a probe boot under KVM reaches
# user space, else tcg. The answer is cached per kernel build and QEMU version.
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$(kernel_dir)
cache="$kdir/.procfs2-accel-$(qemu-system-x86_64 --version | head -n 1 | sha256sum | cut -c1-8)"
if [ -f "$cache" ]; then cat "$cache"; exit 0; fi

answer=tcg
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	probe=$(mktemp -d)
	mkdir -p "$probe/root/bin"
	cp /bin/busybox "$probe/root/bin/busybox"
	printf '#!/bin/busybox sh\n/bin/busybox echo procfs2-kvm-probe-ok\n/bin/busybox reboot -f\n' > "$probe/root/init"
	chmod +x "$probe/root/init"
	(cd "$probe/root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$probe/initrd"
	timeout -k 5 60 qemu-system-x86_64 -nodefaults -display none -no-reboot -accel kvm \
		-cpu host -m 1024 -kernel "$kdir/arch/x86/boot/bzImage" -initrd "$probe/initrd" \
		-append "console=ttyS0 panic=-1" -serial "file:$probe/console" </dev/null \
		>/dev/null 2>&1 || true
	grep -q procfs2-kvm-probe-ok "$probe/console" 2>/dev/null && answer=kvm
	rm -rf "$probe"
fi
echo "$answer" > "$cache"
echo "$answer"
