// SPDX-License-Identifier: GPL-2.0

//! `/proc2/<pid>/map_files/` (fs/proc/base.c's `proc_map_files_*`): one link per
//! mapping of a file, named `<start>-<end>` in hex, pointing at the mapped file.
//! Following one needs CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE; reading it needs
//! only what the directory needs.

use crate::{
    fd::proc_fd_permission,
    pid_inode::{
        dir_ino_parts, map_files_ino, mm_access, pid_get_link, pid_make_inode, pid_readlink,
        proc_task, revalidate_task, PidDentry,
    },
    wrap::{
        cred,
        dentry::{Dentry, Lookup, Unhashed, Unpinned},
        file::{DirContext, Link, ProcFile},
        inode::Inode,
        ops::{DentryOperations, DentryOps, FileOperations, FileOps, InodeOperations, InodeOps},
        task::{Path, Task},
        DT_LNK,
    },
};
use kernel::{bindings, ffi::c_int, prelude::*};

/// `FMODE_READ` and `FMODE_WRITE`.
const FMODE_READ: u32 = 1;
const FMODE_WRITE: u32 = 2;

/// Hex digits from the start of `s` (`_parse_integer(s, 16, ...)`): the value and
/// how many bytes it took; `None` on overflow.
fn parse_hex(s: &[u8]) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    let mut n = 0;
    for &c in s {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => break,
        };
        v = v.checked_mul(16)?.checked_add(d.into())?;
        n += 1;
    }
    Some((v, n))
}

/// `dname_to_vma_addr`: `<start>-<end>` in hex without leading zeros.
fn dname_to_vma_addr(name: &[u8]) -> Option<(u64, u64)> {
    if name.first() == Some(&b'0') && name.get(1) != Some(&b'-') {
        return None;
    }
    let (start, n) = parse_hex(name)?;
    let rest = name[n..].strip_prefix(b"-")?;
    if rest.first() == Some(&b'0') && rest.len() > 1 {
        return None;
    }
    let (end, m) = parse_hex(rest)?;
    (m == rest.len()).then_some((start, end))
}

/// `map_files_get_link`: the path of the file mapped at the dentry's range.
fn map_files_get_link(dentry: &Dentry, task: &Task) -> Option<Path> {
    let mm = task.mm()?;
    let (start, end) = dname_to_vma_addr(dentry.name())?;
    let lock = mm.read_lock().ok()?;
    let vma = lock.find_exact_vma(start, end)?;
    Some(vma.file()?.path())
}

/// The mode of a link to a file opened with `f_mode` (`proc_map_files_instantiate`).
fn map_files_link_mode(f_mode: u32) -> u16 {
    let mut mode = bindings::S_IFLNK;
    if f_mode & FMODE_READ != 0 {
        mode |= bindings::S_IRUSR;
    }
    if f_mode & FMODE_WRITE != 0 {
        mode |= bindings::S_IWUSR;
    }
    mode as u16
}

/// `map_files/` (`proc_map_files_inode_operations`, `proc_map_files_operations`).
pub(crate) struct MapFilesDir;

pub(crate) static PROC_MAP_FILES_IOPS: InodeOps = InodeOps::new::<MapFilesDir>();
pub(crate) static PROC_MAP_FILES_FOPS: FileOps = FileOps::new::<MapFilesDir>();

#[vtable]
impl InodeOperations for MapFilesDir {
    const NOCHMOD: bool = true;

    /// `proc_map_files_lookup`: a link for a mapping of a file spanning exactly the
    /// name's range, for callers that may read the task's memory map.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let task = proc_task(dir).ok_or(ENOENT)?;
        let (start, end) = dname_to_vma_addr(dentry.name()).ok_or(ENOENT)?;
        let mm = mm_access(&task)?;
        let f_mode = {
            let lock = mm.read_lock()?;
            let vma = lock.find_exact_vma(start, end).ok_or(ENOENT)?;
            vma.file().ok_or(ENOENT)?.mode()
        };
        drop(mm);
        let (nr, _, gen) = dir_ino_parts(dir)?;
        let ino = map_files_ino(nr, gen, start);
        let mut inode = pid_make_inode(dentry.super_block(), &task, 0, ino)?;
        inode.set_attrs(
            map_files_link_mode(f_mode),
            1,
            &PROC_MAP_FILES_LINK_IOPS,
            None,
        );
        inode.set_size(64);
        dentry.dont_mount();
        dentry.splice_alias(&MAP_FILES_DOPS, inode)
    }

    fn permission(inode: &Inode, mask: c_int) -> Result {
        proc_fd_permission(inode, mask)
    }
}

#[vtable]
impl FileOperations for MapFilesDir {
    /// `proc_map_files_readdir`: the mappings of files in address order, at
    /// positions from 3; collected under the mmap lock, emitted after it.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let inode = file.inode();
        let task = proc_task(inode).ok_or(ENOENT)?;
        if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
            return Ok(());
        }
        let mm = match mm_access(&task) {
            Ok(mm) => mm,
            // Without an mm the directory is empty.
            Err(e) if e == ESRCH => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut ranges = KVec::new();
        {
            let lock = mm.read_lock()?;
            let mut pos = 2;
            for vma in lock.vmas() {
                if vma.file().is_none() {
                    continue;
                }
                pos += 1;
                if pos <= ctx.pos() {
                    continue;
                }
                ranges.push((vma.start(), vma.end()), GFP_KERNEL)?;
            }
        }
        drop(mm);
        let (nr, _, gen) = dir_ino_parts(inode)?;
        for (start, end) in ranges {
            let mut buf = [0u8; 34];
            let name = hex_range(&mut buf, start, end);
            if !ctx.emit(name, map_files_ino(nr, gen, start), DT_LNK) {
                break;
            }
            ctx.set_pos(ctx.pos().wrapping_add(1));
        }
        Ok(())
    }
}

/// `"%lx-%lx"` of `start` and `end` in `buf`.
fn hex_range(buf: &mut [u8; 34], start: u64, end: u64) -> &[u8] {
    let mut n = 0;
    for (i, v) in [start, end].into_iter().enumerate() {
        if i == 1 {
            buf[n] = b'-';
            n += 1;
        }
        let digits = (64 - v.leading_zeros()).div_ceil(4).max(1) as usize;
        for d in (0..digits).rev() {
            buf[n] = b"0123456789abcdef"[((v >> (4 * d)) & 15) as usize];
            n += 1;
        }
    }
    &buf[..n]
}

/// A link of `map_files/` (`proc_map_files_link_inode_operations`).
struct MapFilesLink;

static PROC_MAP_FILES_LINK_IOPS: InodeOps = InodeOps::new::<MapFilesLink>();

#[vtable]
impl InodeOperations for MapFilesLink {
    const NOCHMOD: bool = true;

    /// `proc_map_files_get_link`: only CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE
    /// follow these links (`EPERM`), then as the other links of a process.
    fn get_link(dentry: Option<&Dentry>, _inode: &Inode) -> Result<Link> {
        if !cred::checkpoint_restore_capable() {
            return Err(EPERM);
        }
        let d = dentry.ok_or(ECHILD)?;
        pid_get_link(dentry, |task| map_files_get_link(d, task))
    }

    /// `proc_pid_readlink`: the text, for whoever may read the task.
    fn readlink(dentry: &Dentry) -> Result<Link> {
        pid_readlink(dentry, |task| map_files_get_link(dentry, task))
    }
}

/// `tid_map_files_dentry_operations`.
struct MapFilesDentry;

static MAP_FILES_DOPS: DentryOps = DentryOps::new::<MapFilesDentry>();

#[vtable]
impl DentryOperations for MapFilesDentry {
    /// `map_files_d_revalidate`: valid while the mapping spans the same range, for
    /// callers that may read the task's memory map; the owner re-applied.
    fn revalidate(dentry: &Unpinned, flags: u32) -> Result<bool> {
        let Some((inode, task)) = revalidate_task(dentry, flags)? else {
            return Ok(false);
        };
        let Ok(mm) = mm_access(&task) else {
            return Ok(false);
        };
        let exists = match dname_to_vma_addr(dentry.name()) {
            Some((start, end)) => mm.read_lock()?.find_exact_vma(start, end).is_some(),
            None => false,
        };
        drop(mm);
        if exists {
            let (uid, gid) = task.dump_owner(0);
            inode.update_owner(uid, gid);
        }
        Ok(exists)
    }

    fn delete(dentry: &Unpinned) -> bool {
        PidDentry::task_gone(dentry)
    }
}
