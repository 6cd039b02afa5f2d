// SPDX-License-Identifier: GPL-2.0

//! The files of a process's address space (fs/proc/task_mmu.c): `maps`, one line per
//! mapping, read under the mmap lock from the mm held since open.

use crate::{
    pid_inode::{mm_access, proc_task},
    wrap::seq::SeqFile,
    wrap::{
        file::ProcFile,
        inode::Inode,
        mm::{Maps, Mm, Vma, VmaFile, VmaWalk},
        ops::{FileOps, SeqFileOperations, SeqOpened},
    },
};
use core::ffi::CStr;
use kernel::{bindings, prelude::*, types::ARef};

/// `proc_mem_open(inode, PTRACE_MODE_READ)`: the task's mm, held without pinning
/// its memory; `None` when it has none (kernel threads, zombies: the file reads
/// empty); `ESRCH` once the task is gone, `EACCES` for callers that may not read it.
fn proc_mem_open(inode: &Inode) -> Result<Option<ARef<Mm>>> {
    let task = proc_task(inode).ok_or(ESRCH)?;
    let mm = match mm_access(&task) {
        Ok(mm) => Some(mm.grab()),
        Err(e) if e == ESRCH => None,
        Err(e) => return Err(e),
    };
    Ok(mm)
}

/// `get_proc_task` at each read: the file of a task that is gone fails with `ESRCH`.
fn maps_check(inode: &Inode) -> Result {
    proc_task(inode).map(|_| ()).ok_or(ESRCH)
}

/// What follows a mapping's header (`get_vma_name`).
enum VmaName<'a> {
    Path(VmaFile<'a>),
    Name(&'a CStr),
    Fixed(&'static [u8]),
    /// A name given with `PR_SET_VMA_ANON_NAME`, inside `prefix` and `]`.
    Given(&'static [u8], &'a CStr),
    None,
}

/// `get_vma_name` (`arch_vma_name` is NULL on x86).
fn get_vma_name<'a>(vma: &Vma<'a>) -> VmaName<'a> {
    let anon_name = if vma.has_mm() { vma.anon_name() } else { None };
    if let Some(file) = vma.file() {
        return match anon_name {
            Some(name) => VmaName::Given(b"[anon_shmem:", name),
            None => VmaName::Path(file),
        };
    }
    if let Some(name) = vma.ops_name() {
        return VmaName::Name(name);
    }
    if !vma.has_mm() {
        return VmaName::Fixed(b"[vdso]");
    }
    if vma.is_initial_heap() {
        return VmaName::Fixed(b"[heap]");
    }
    if vma.is_initial_stack() {
        return VmaName::Fixed(b"[stack]");
    }
    match anon_name {
        Some(name) => VmaName::Given(b"[anon:", name),
        None => VmaName::None,
    }
}

/// `show_vma_header_prefix`: addresses, permissions, offset, device, inode, padded
/// to the name's column.
fn show_vma_header_prefix(m: &SeqFile, vma: &Vma<'_>, file: Option<&VmaFile<'_>>) {
    let flags = vma.flags();
    let bit = |f: u32, c: u8, otherwise: u8| {
        if flags & u64::from(f) != 0 {
            c
        } else {
            otherwise
        }
    };
    let (pgoff, (major, minor), ino) =
        file.map_or((0, (0, 0), 0), |f| (f.pgoff(), f.dev(), f.ino()));
    m.set_width(25 + core::mem::size_of::<usize>() * 6 - 1);
    m.put_hex_width(vma.start(), 8);
    m.write(b"-");
    m.put_hex_width(vma.end(), 8);
    m.write(&[
        b' ',
        bit(bindings::VM_READ, b'r', b'-'),
        bit(bindings::VM_WRITE, b'w', b'-'),
        bit(bindings::VM_EXEC, b'x', b'-'),
        bit(bindings::VM_MAYSHARE, b's', b'p'),
        b' ',
    ]);
    m.put_hex_width(pgoff, 8);
    m.write(b" ");
    m.put_hex_width(major.into(), 2);
    m.write(b":");
    m.put_hex_width(minor.into(), 2);
    m.write(b" ");
    m.put_u64(ino);
    m.write(b" ");
}

/// `show_map_vma`: one line of `maps`.
fn show_map(m: &SeqFile, vma: &Vma<'_>) -> Result {
    let file = vma.file();
    show_vma_header_prefix(m, vma, file.as_ref());
    match get_vma_name(vma) {
        VmaName::Path(f) => {
            m.pad(b' ');
            f.show_path(m);
        }
        VmaName::Name(name) => {
            m.pad(b' ');
            m.write(name.to_bytes());
        }
        VmaName::Fixed(name) => {
            m.pad(b' ');
            m.write(name);
        }
        VmaName::Given(prefix, name) => {
            m.pad(b' ');
            m.write(prefix);
            m.write(name.to_bytes());
            m.write(b"]");
        }
        VmaName::None => {}
    }
    m.write(b"\n");
    Ok(())
}

static MAPS_WALK: VmaWalk = VmaWalk {
    check: maps_check,
    show: show_map,
};

/// `/proc2/<pid>/maps` (`proc_pid_maps_operations`).
pub(crate) struct PidMaps;

pub(crate) static PROC_PID_MAPS_FOPS: FileOps = FileOps::seq::<PidMaps>();

#[vtable]
impl SeqFileOperations for PidMaps {
    type Kind = Maps;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Maps>> {
        let mm = proc_mem_open(inode)?;
        file.maps_open(mm, &MAPS_WALK)
    }
}
