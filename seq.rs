// SPDX-License-Identifier: GPL-2.0

//! seq_file glue (fs/seq_file.c as fs/proc uses it): a safe `SeqFile` that formatted
//! output is written to, and the file operations of `create_single` entries
//! (`proc_single_ops` wrapped in `proc_reg_*`'s use counting).

use crate::{
    pde::{Kind, ProcDirEntry},
    vfs,
};
use core::fmt;
use kernel::{
    bindings,
    error::{from_result, to_result},
    ffi::{c_int, c_void},
    prelude::*,
    types::Opaque,
};

/// Writes an entry's whole content (`single_show`).
pub(crate) type ShowFn = fn(&SeqFile, &ProcDirEntry) -> Result;

/// A seq_file being filled by a show callback.
///
/// # Invariants
///
/// The object is a valid `struct seq_file` for the duration of the show callback, and
/// only that callback writes to it.
#[repr(transparent)]
pub(crate) struct SeqFile(Opaque<bindings::seq_file>);

impl SeqFile {
    /// # Safety
    ///
    /// `ptr` must be the valid seq_file handed to a show callback, used only during it.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::seq_file) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// Appends `bytes`. On overflow the seq_file marks itself full and the core calls
    /// the show callback again with a bigger buffer, so the result can be ignored.
    pub(crate) fn write(&self, bytes: &[u8]) {
        // SAFETY: The seq_file is valid (type invariant) and `bytes` is valid for its
        // length.
        unsafe { bindings::seq_write(self.0.get(), bytes.as_ptr().cast(), bytes.len()) };
    }

    /// Appends formatted text, as `seq_printf` does.
    pub(crate) fn print(&self, args: fmt::Arguments<'_>) {
        let _ = fmt::write(&mut Writer(self), args);
    }
}

struct Writer<'a>(&'a SeqFile);

impl fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// File operations of `create_single` entries (`proc_single_ops` behind
/// `proc_iter_file_ops`): every call but release is counted on the entry, and fails
/// with `EIO` once the entry is removed.
pub(crate) static PROC_SINGLE_FOPS: vfs::OpsTable<bindings::file_operations> =
    vfs::OpsTable(bindings::file_operations {
        open: Some(proc_single_open),
        read_iter: Some(proc_reg_read_iter),
        llseek: Some(proc_reg_llseek),
        release: Some(bindings::single_release),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { vfs::OpsTable::<bindings::file_operations>::zeroed() }
    });

/// The entry of an open file or an inode being opened.
fn pde_of(inode: &vfs::Inode) -> Result<&ProcDirEntry> {
    inode.pde().ok_or(EIO)
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_single_open(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened, one of ours.
    let inode = unsafe { vfs::Inode::from_raw(inode) };
    from_result(|| {
        let de = pde_of(inode)?;
        de.with_use(|| {
            // SAFETY: `single_open` stores `de` as the seq_file's private data; the
            // file's inode keeps a reference to `de` until release.
            to_result(unsafe {
                bindings::single_open(
                    file,
                    Some(single_show),
                    (de as *const ProcDirEntry).cast_mut().cast(),
                )
            })
        })?;
        Ok(0)
    })
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn single_show(m: *mut bindings::seq_file, _v: *mut c_void) -> c_int {
    // SAFETY: `single_open` made `private` the entry, alive while the file is open,
    // and the seq_file core passes its valid seq_file.
    let (seq, de) = unsafe { (SeqFile::from_raw(m), &*(*m).private.cast::<ProcDirEntry>()) };
    from_result(|| {
        match de.kind {
            Kind::Single(show) => show(seq, de)?,
            _ => return Err(EIO),
        }
        Ok(0)
    })
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_read_iter(
    iocb: *mut bindings::kiocb,
    iter: *mut bindings::iov_iter,
) -> isize {
    // SAFETY: The VFS passes a valid kiocb of an open file of ours.
    let inode = unsafe { vfs::file_inode((*iocb).ki_filp) };
    from_result(|| {
        pde_of(inode)?.with_use(|| {
            // SAFETY: The file was opened by `single_open`; the arguments are the VFS's.
            let n = unsafe { bindings::seq_read_iter(iocb, iter) };
            if n < 0 {
                Err(Error::from_errno(n as c_int))
            } else {
                Ok(n)
            }
        })
    })
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_llseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { vfs::file_inode(file) };
    from_result(|| {
        pde_of(inode)?.with_use(|| {
            // SAFETY: The file was opened by `single_open`.
            let r = unsafe { bindings::seq_lseek(file, offset, whence) };
            if r < 0 {
                Err(Error::from_errno(r as c_int))
            } else {
                Ok(r)
            }
        })
    })
}
