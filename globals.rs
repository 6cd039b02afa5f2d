// SPDX-License-Identifier: GPL-2.0

//! The global entries of the root that a module can provide: `version`, `uptime` and
//! `loadavg` (fs/proc/version.c, uptime.c, loadavg.c), and the directories and links
//! that fs/proc's `proc_root_init` makes (`mounts`, `fs`, `fs/nfsd`, `driver`, `bus`).
//! What is left out, and why, is listed in tests/missing-root-entries.txt.

use crate::{
    pde::{self, ProcDirEntry},
    seq::SeqFile,
    vfs::PidNamespace,
};
use kernel::{fmt, prelude::*};

/// Thin wrappers over what the numbers come from.
mod sys {
    use kernel::{bindings, ffi::c_char, ffi::c_int, str::CStr};

    extern "C" {
        fn procfs2_utsname(sysname: *mut *const c_char, release: *mut *const c_char, version: *mut *const c_char);
        fn procfs2_compile_info() -> *const c_char;
        fn procfs2_boottime(ts: *mut bindings::timespec64);
        fn procfs2_next_possible_cpu(cpu: c_int) -> c_int;
        fn procfs2_cpu_online(cpu: c_int) -> bool;
        fn procfs2_cpu_idle_time_us(cpu: c_int) -> u64;
        fn procfs2_kcpustat_idle(cpu: c_int) -> u64;
        fn procfs2_count_threads(threads: *mut u32, running: *mut u32);
        // Exported by kernel/sched/loadavg.c.
        #[link_name = "avenrun"]
        static AVENRUN: [core::ffi::c_ulong; 3];
    }

    /// `utsname()` fields of the caller's UTS namespace: sysname, release, version.
    pub(super) fn utsname() -> (&'static CStr, &'static CStr, &'static CStr) {
        // SAFETY: The caller's UTS namespace stays alive while it runs (the show
        // callback runs in the reader's context and returns before it could change);
        // the fields are NUL-terminated arrays.
        unsafe {
            let (mut s, mut r, mut v) = (core::ptr::null(), core::ptr::null(), core::ptr::null());
            procfs2_utsname(&mut s, &mut r, &mut v);
            (CStr::from_char_ptr(s), CStr::from_char_ptr(r), CStr::from_char_ptr(v))
        }
    }

    /// "(user@host) (compiler)" of the kernel build the module was built against.
    pub(super) fn compile_info() -> &'static CStr {
        // SAFETY: A string literal in `shim.c`.
        unsafe { CStr::from_char_ptr(procfs2_compile_info()) }
    }

    /// Time since boot, suspend included (`ktime_get_boottime_ts64`).
    pub(super) fn boottime() -> (i64, i64) {
        let mut ts = bindings::timespec64::default();
        // SAFETY: `ts` is a valid output location.
        unsafe { procfs2_boottime(&mut ts) };
        (ts.tv_sec, ts.tv_nsec as i64)
    }

    /// The possible CPUs (`for_each_possible_cpu`).
    pub(super) fn possible_cpus() -> impl Iterator<Item = c_int> {
        // SAFETY: Reads the possible mask, which is fixed after boot.
        core::iter::successors(Some(unsafe { procfs2_next_possible_cpu(-1) }), |&c| {
            // SAFETY: As above.
            Some(unsafe { procfs2_next_possible_cpu(c) })
        })
        // SAFETY: `nr_cpu_ids` is fixed after boot.
        .take_while(|&c| (c as u32) < unsafe { bindings::nr_cpu_ids })
    }

    pub(super) fn cpu_online(cpu: c_int) -> bool {
        // SAFETY: Reads the online mask.
        unsafe { procfs2_cpu_online(cpu) }
    }

    /// `get_cpu_idle_time_us(cpu, NULL)`: `u64::MAX` where the tick does not track it.
    pub(super) fn cpu_idle_time_us(cpu: c_int) -> u64 {
        // SAFETY: `cpu` is a possible CPU.
        unsafe { procfs2_cpu_idle_time_us(cpu) }
    }

    /// `kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE]`, in nanoseconds.
    pub(super) fn kcpustat_idle(cpu: c_int) -> u64 {
        // SAFETY: `cpu` is a possible CPU.
        unsafe { procfs2_kcpustat_idle(cpu) }
    }

    /// Threads in the system and those running (`nr_threads`, `nr_running()`).
    pub(super) fn count_threads() -> (u32, u32) {
        let (mut n, mut r) = (0, 0);
        // SAFETY: Valid output locations; the walk is done under RCU in C.
        unsafe { procfs2_count_threads(&mut n, &mut r) };
        (n, r)
    }

    /// The load averages (`avenrun`), fixed point with 11 fractional bits.
    pub(super) fn avenrun() -> [u64; 3] {
        // SAFETY: Plain words updated by the scheduler; torn reads are impossible on
        // 64-bit and fs/proc reads them the same unlocked way.
        unsafe { core::ptr::read_volatile(&raw const AVENRUN).map(|v| v as u64) }
    }
}

/// Creates the global entries under `root`.
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    pde::symlink(root, b"mounts", b"self/mounts")?;
    pde::mkdir(root, b"fs")?;
    pde::mkdir(root, b"driver")?;
    pde::create_mount_point(root, b"fs/nfsd")?;
    pde::mkdir(root, b"bus")?;
    pde::create_single(root, b"version", 0, version_show)?;
    pde::create_single(root, b"uptime", 0, uptime_show)?;
    pde::create_single(root, b"loadavg", 0, loadavg_show)?;
    Ok(())
}

/// `version_proc_show`: `linux_proc_banner` (not exported) rebuilt from the UTS
/// namespace and the build information of the kernel the module is built against.
fn version_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let (sysname, release, version) = sys::utsname();
    m.print(fmt!("{} version {} {} {}\n", sysname, release, sys::compile_info(), version));
    Ok(())
}

/// Idle time of `cpu` in nanoseconds (fs/proc/stat.c `get_idle_time`).
fn idle_time_ns(cpu: i32) -> u64 {
    let us = if sys::cpu_online(cpu) { sys::cpu_idle_time_us(cpu) } else { u64::MAX };
    if us == u64::MAX {
        sys::kcpustat_idle(cpu)
    } else {
        us * 1000
    }
}

/// `uptime_proc_show`: time since boot and summed idle time, in centiseconds.
fn uptime_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let (sec, nsec) = sys::boottime();
    let idle: u64 = sys::possible_cpus().map(idle_time_ns).sum();
    let (idle_sec, idle_nsec) = (idle / 1_000_000_000, idle % 1_000_000_000);
    m.print(fmt!("{}.{:02} {}.{:02}\n", sec, nsec / 10_000_000, idle_sec, idle_nsec / 10_000_000));
    Ok(())
}

const FSHIFT: u32 = 11;
const FIXED_1: u64 = 1 << FSHIFT;

fn load_int(x: u64) -> u64 {
    x >> FSHIFT
}

fn load_frac(x: u64) -> u64 {
    load_int((x & (FIXED_1 - 1)) * 100)
}

/// `loadavg_proc_show`. `nr_running()` and `nr_threads` are not exported: both come
/// from one walk of the task list, so they cost O(threads) here.
fn loadavg_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let avnrun = sys::avenrun().map(|a| a + FIXED_1 / 200);
    let (threads, running) = sys::count_threads();
    let last_pid = PidNamespace::current().last_pid();
    m.print(fmt!(
        "{}.{:02} {}.{:02} {}.{:02} {}/{} {}\n",
        load_int(avnrun[0]),
        load_frac(avnrun[0]),
        load_int(avnrun[1]),
        load_frac(avnrun[1]),
        load_int(avnrun[2]),
        load_frac(avnrun[2]),
        running,
        threads,
        last_pid
    ));
    Ok(())
}
