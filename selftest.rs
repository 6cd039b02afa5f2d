// SPDX-License-Identifier: GPL-2.0

//! A debugfs file through which the tests drive the entry API from user space, since
//! nothing else creates or removes entries at run time:
//!
//! ```text
//! echo 'mkdir a/b'          > /sys/kernel/debug/procfs2/entries
//! echo 'file a/b/f'         > ...   # create_single; shows one line naming itself
//! echo 'bigfile a/b/g'      > ...   # create_single; shows 20,000 numbered lines
//! echo 'seqfile a/b/s'      > ...   # create_seq; one numbered line per record
//! echo 'knob a/b/k'         > ...   # create (0644): shows and sets the number of
//!                                   # records of every seqfile (20,000 at first)
//! echo 'symlink a/l target' > ...
//! echo 'mountpoint a/m'     > ...
//! echo 'rm a/b/f'           > ...   # remove
//! echo 'rmtree a'           > ...   # remove_subtree
//! ```
//!
//! Paths are relative to the root. A write fails with the errno of the call.

use crate::{
    pde,
    seq::{ProcOps, SeqFile, SeqOps},
    PROC_ROOT,
};
use core::{
    ptr::NonNull,
    sync::atomic::{AtomicU64, Ordering::Relaxed},
};
use kernel::{
    bindings, error::from_result, ffi::c_char, fmt, prelude::*, str::BStr, uaccess::UserSlice,
};

#[expect(
    improper_ctypes,
    reason = "pointers only; the pointee structs embed an empty sched_statistics"
)]
extern "C" {
    fn procfs2_debugfs_create(fops: *const bindings::file_operations) -> *mut bindings::dentry;
    fn procfs2_debugfs_remove(dir: *mut bindings::dentry);
}

/// The debugfs directory, removed on drop.
pub(crate) struct Control(Option<NonNull<bindings::dentry>>);

// SAFETY: The dentry pointer is only handed back to `debugfs_remove`.
unsafe impl Send for Control {}
// SAFETY: As above.
unsafe impl Sync for Control {}

impl Control {
    /// Creates the control file; without debugfs the tests that need it skip.
    pub(crate) fn new() -> Self {
        // SAFETY: `CONTROL_FOPS` is a static table; debugfs keeps a pointer to it.
        let dir = unsafe { procfs2_debugfs_create(CONTROL_FOPS.as_ptr()) };
        Self(NonNull::new(dir).filter(|d| kernel::error::from_err_ptr(d.as_ptr()).is_ok()))
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        if let Some(d) = self.0 {
            // SAFETY: Created by `procfs2_debugfs_create`; removal waits for writers.
            unsafe { procfs2_debugfs_remove(d.as_ptr()) };
        }
    }
}

static CONTROL_FOPS: crate::vfs::OpsTable<bindings::file_operations> =
    crate::vfs::OpsTable(bindings::file_operations {
        write: Some(control_write),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { crate::vfs::OpsTable::<bindings::file_operations>::zeroed() }
    });

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn control_write(
    _file: *mut bindings::file,
    buf: *const c_char,
    len: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    from_result(|| {
        if len > 4096 {
            return Err(EINVAL);
        }
        let mut cmd = KVec::new();
        UserSlice::new(buf as usize, len).read_all(&mut cmd, GFP_KERNEL)?;
        run(cmd.strip_suffix(b"\n").unwrap_or(&cmd))?;
        Ok(len as isize)
    })
}

fn run(cmd: &[u8]) -> Result {
    let mut words = cmd.split(|&b| b == b' ');
    let verb = words.next().unwrap_or_default();
    let path = words.next().ok_or(EINVAL)?;
    let root = &PROC_ROOT;
    match verb {
        b"mkdir" => pde::mkdir(root, path).map(drop),
        b"file" => pde::create_single(root, path, 0, test_show).map(drop),
        b"bigfile" => pde::create_single(root, path, 0, big_show).map(drop),
        b"seqfile" => pde::create_seq(root, path, 0, &TEST_SEQ_OPS).map(drop),
        b"knob" => pde::create(root, path, 0o644, &KNOB_OPS).map(drop),
        b"symlink" => pde::symlink(root, path, words.next().ok_or(EINVAL)?).map(drop),
        b"mountpoint" => pde::create_mount_point(root, path).map(drop),
        b"rm" => pde::remove(root, path),
        b"rmtree" => pde::remove_subtree(root, path),
        _ => Err(EINVAL),
    }
}

fn test_show(m: &SeqFile, de: &pde::ProcDirEntry) -> Result {
    m.print(fmt!("procfs2 test entry {}\n", BStr::from_bytes(de.name())));
    Ok(())
}

fn big_show(m: &SeqFile, de: &pde::ProcDirEntry) -> Result {
    for i in 0..20000 {
        m.print(fmt!("{:05} {}\n", i, BStr::from_bytes(de.name())));
    }
    Ok(())
}

/// Records of every `seqfile`, set through a `knob`.
static SEQ_RECORDS: AtomicU64 = AtomicU64::new(20000);

static TEST_SEQ_OPS: SeqOps = SeqOps {
    has: |_, pos| pos < SEQ_RECORDS.load(Relaxed),
    show: |m, de, pos| {
        m.print(fmt!("{:05} {}\n", pos, BStr::from_bytes(de.name())));
        Ok(())
    },
};

static KNOB_OPS: ProcOps = ProcOps {
    show: |m, _| {
        m.print(fmt!("{}\n", SEQ_RECORDS.load(Relaxed)));
        Ok(())
    },
    write: |_, bytes| {
        let text = core::str::from_utf8(bytes).map_err(|_| EINVAL)?;
        let n = text.trim().parse::<u64>().map_err(|_| EINVAL)?;
        SEQ_RECORDS.store(n, Relaxed);
        Ok(())
    },
};
