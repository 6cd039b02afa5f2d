# SPDX-License-Identifier: GPL-2.0
# psutil's view of a process and of the system, one "name: value" line per call, for
# tests/t79-tools.sh to compare on /proc and on procfs2 bound over /proc:
#   python3 -I psutil-report.py PID          the calls that read per-process files
#   python3 -I psutil-report.py system       the calls that read root files (cpu_stats
#                                            on lines of its own: ctxt moves on)
#   python3 -I psutil-report.py --modules    (on the host) the files Python loaded for
#                                            all of these, for scripts/initramfs.sh
import sys

import psutil


def show(name, call):
    try:
        value = call()
    except Exception as e:  # the error is the result: it must be the same on both
        value = "%s: %s" % (type(e).__name__, e)
    print("%s: %s" % (name, value))


def process(pid):
    p = psutil.Process(pid)
    show("memory_info", p.memory_info)
    show("memory_full_info", p.memory_full_info)
    show("memory_maps", lambda: sorted(p.memory_maps()))
    show("memory_maps grouped=False", lambda: p.memory_maps(grouped=False))
    show("num_ctx_switches", p.num_ctx_switches)


def system():
    show("disk_io_counters", lambda: psutil.disk_io_counters(perdisk=True))
    show("disk_partitions", lambda: psutil.disk_partitions(all=False))
    show("disk_partitions all", lambda: psutil.disk_partitions(all=True))
    s = psutil.cpu_stats()
    for f in s._fields:
        print("cpu_stats %s: %s" % (f, getattr(s, f)))


if sys.argv[1] == "--modules":
    import os
    process(os.getpid())
    system()
    sys.stdout.flush()
    for m in list(sys.modules.values()):
        f = getattr(m, "__file__", None)
        if f:
            print(os.path.abspath(f), file=sys.stderr)
elif sys.argv[1] == "system":
    system()
else:
    process(int(sys.argv[1]))
