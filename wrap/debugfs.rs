// SPDX-License-Identifier: GPL-2.0

//! A write-only debugfs file (`/sys/kernel/debug/procfs2/entries`) whose writes go to
//! a [`ControlWrite`] type: how the tests drive the entry API from user space. It
//! exists only when the module is loaded with `selftest=1`.

use super::shim;
use core::{marker::PhantomData, ptr::NonNull};
use kernel::{bindings, error::from_result, ffi::c_char, prelude::*, uaccess::UserSlice};

/// What a write to the control file does.
pub(crate) trait ControlWrite: 'static {
    /// Takes one write, at most `MAX` bytes, read whole from user space.
    fn write(bytes: &[u8]) -> Result;
}

/// The longest write the control file takes.
const MAX: usize = 4096;

/// The debugfs directory and file, removed on drop.
///
/// # Invariants
///
/// The pointer, if any, is the directory `new` made, removed only by `drop`.
pub(crate) struct Control(Option<NonNull<bindings::dentry>>);

// SAFETY: The dentry pointer is only handed back to `debugfs_remove`.
unsafe impl Send for Control {}
// SAFETY: As above.
unsafe impl Sync for Control {}

struct Fops<T>(PhantomData<T>);

impl<T: ControlWrite> Fops<T> {
    const FOPS: bindings::file_operations = {
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        let mut f: bindings::file_operations = unsafe { core::mem::zeroed() };
        f.write = Some(control_write::<T>);
        f
    };
}

impl Control {
    /// Creates the control file when the module was loaded with `selftest=1` (off by
    /// default: it lets root remove built-in entries); `None` otherwise. Without
    /// debugfs the file is missing and the tests that need it fail.
    pub(crate) fn new<T: ControlWrite>() -> Option<Self> {
        // SAFETY: Reads a `bool` module parameter, written only while loading.
        if !unsafe { shim::procfs2_selftest_param() } {
            return None;
        }
        let fops: &'static bindings::file_operations = &Fops::<T>::FOPS;
        // SAFETY: `fops` is a static table; debugfs keeps a pointer to it.
        // /sys/kernel/debug/procfs2/entries, write-only for root.
        let dir = unsafe {
            let dir = shim::debugfs_create_dir(c"procfs2".as_ptr().cast(), core::ptr::null_mut());
            shim::debugfs_create_file(
                c"entries".as_ptr().cast(),
                0o200,
                dir,
                core::ptr::null_mut(),
                fops,
            );
            dir
        };
        Some(Self(
            NonNull::new(dir).filter(|d| kernel::error::from_err_ptr(d.as_ptr()).is_ok()),
        ))
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        if let Some(d) = self.0 {
            // SAFETY: Created by `debugfs_create_dir` in `new`; removal waits for writers.
            unsafe { shim::debugfs_remove(d.as_ptr()) };
        }
    }
}

/// # Safety
///
/// `file_operations.write` of the control file.
unsafe extern "C" fn control_write<T: ControlWrite>(
    _file: *mut bindings::file,
    buf: *const c_char,
    len: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    from_result(|| {
        if len > MAX {
            return Err(EINVAL);
        }
        let mut bytes = KVec::new();
        UserSlice::new(buf as usize, len).read_all(&mut bytes, GFP_KERNEL)?;
        T::write(&bytes)?;
        Ok(len as isize)
    })
}
