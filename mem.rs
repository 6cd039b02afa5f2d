// SPDX-License-Identifier: GPL-2.0

//! `/proc2/<pid>/mem` (fs/proc/base.c's `proc_mem_operations`): the task's memory,
//! read and written at the file position, in the address space held since open.
//!
//! fs/proc opens it for callers that pass `ptrace_may_access(PTRACE_MODE_ATTACH)`,
//! which asks the security modules through `security_ptrace_access_check`; that is
//! not exported. procfs2 opens it for the task's own address space, which fs/proc
//! allows without asking anyone (`mm_access`), and for callers that pass its own
//! attach check (`Task::mm_access_attach`), which refuses wherever it cannot know what
//! a module would say (with Yama built in, every other process).
//!
//! Accesses never use `FOLL_FORCE` (fs/proc's default forces; the boot parameter
//! `proc_mem.force_override` that can turn it off is private), so writes to
//! read-only mappings and reads of unreadable ones fail (`EIO`) where fs/proc may
//! succeed.

use crate::{
    pid_inode::proc_task,
    ptrace::PtraceCheck,
    wrap::{
        inode::Inode,
        mm::{mem_rw, Mm, MmFileOperations},
        ops::FileOps,
    },
};
use kernel::{prelude::*, types::ARef, uaccess::UserSlice};

/// `proc_mem_operations`.
pub(crate) struct PidMem;

pub(crate) static PROC_MEM_FOPS: FileOps = FileOps::mm::<PidMem>();

#[vtable]
impl MmFileOperations for PidMem {
    const ADDRESSES: bool = true;

    /// `mem_open`: `ESRCH` without a task or address space, `EACCES` (see above).
    fn open(inode: &Inode) -> Result<ARef<Mm>> {
        let task = proc_task(inode).ok_or(ESRCH)?;
        let mm = task.mm_access(&PtraceCheck::attach())?;
        Ok(mm.grab())
    }

    /// `mem_read`.
    fn read(mm: &Mm, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize> {
        mem_rw(mm, buf, count, pos, false)
    }

    /// `mem_write`.
    fn write(mm: &Mm, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize> {
        mem_rw(mm, buf, count, pos, true)
    }
}
