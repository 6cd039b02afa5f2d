// SPDX-License-Identifier: GPL-2.0

//! A task's open files and paths: the fd table walk, an fd's flags, `cwd` and
//! `root`, and counted paths (`Path`); the files are counted [`File`]s.

use super::*;
use crate::wrap::file::File;

/// A counted `struct path`, dropped with `path_put`.
pub(crate) struct Path(bindings::path);

// SAFETY: `path_put` may be called from any thread.
unsafe impl Send for Path {}

impl Path {
    /// # Safety
    ///
    /// `p` must hold the references `path_get` takes, handed over.
    pub(in crate::wrap) unsafe fn from_counted(p: bindings::path) -> Self {
        Self(p)
    }

    /// A counted copy of `*p` (`path_get`).
    ///
    /// # Safety
    ///
    /// `p` must be a valid path.
    pub(in crate::wrap) unsafe fn get(p: *const bindings::path) -> Self {
        // SAFETY: Per the caller; `path_get` counts our copy.
        unsafe {
            bindings::path_get(p);
            Path(*p)
        }
    }

    /// Writes the path as text (`d_path`) into `buf` and returns where in `buf` it
    /// is; `ENAMETOOLONG` if it does not fit.
    pub(crate) fn d_path(&self, buf: &mut [u8]) -> Result<core::ops::Range<usize>> {
        let len = c_int::try_from(buf.len()).map_err(|_| EINVAL)?;
        // SAFETY: The path is counted; `buf` is writable for `len` bytes, and `d_path`
        // returns a pointer into it or an error pointer.
        let p = unsafe { bindings::d_path(&self.0, buf.as_mut_ptr().cast::<c_char>(), len) };
        let p = kernel::error::from_err_ptr(p)?;
        let start = (p as usize) - (buf.as_ptr() as usize);
        // `d_path` writes the name at the end of the buffer, NUL-terminated.
        Ok(start..buf.len() - 1)
    }
}

impl Drop for Path {
    fn drop(&mut self) {
        // SAFETY: We own the references taken for this path.
        unsafe { bindings::path_put(&self.0) };
    }
}

impl Task {
    /// The open file with the lowest fd at or above `fd`, with that fd
    /// (`task_lookup_next_fdget_rcu`).
    pub(crate) fn next_fd(&self, fd: u32) -> Option<(u32, ARef<File>)> {
        let mut n = fd;
        let f = {
            let _rcu = Rcu::read_lock();
            // SAFETY: The task is valid; a non-NULL result carries a file reference.
            unsafe { shim::task_lookup_next_fdget_rcu(self.as_ptr(), &mut n) }
        };
        let f = NonNull::new(f)?;
        // SAFETY: The reference `task_lookup_next_fdget_rcu` took is handed over.
        Some((n, unsafe { File::from_counted(f) }))
    }

    /// The file open at exactly `fd`.
    pub(crate) fn fd_file(&self, fd: u32) -> Option<ARef<File>> {
        self.next_fd(fd).filter(|(n, _)| *n == fd).map(|(_, f)| f)
    }

    /// How many fds are open (`proc_readfd_count`); `None` without a file table.
    pub(crate) fn fd_count(&self) -> Option<u64> {
        let _lock = self.lock();
        // SAFETY: `files` is stable under `task_lock`.
        let files = unsafe { (*self.as_ptr()).files };
        if files.is_null() {
            return None;
        }
        let _rcu = Rcu::read_lock();
        // SAFETY: A live file table, its fd table read under RCU.
        Some(unsafe { shim::procfs2_files_open_count(files) } as u64)
    }

    /// The file open at `fd` and its flags, `O_CLOEXEC` included.
    pub(crate) fn fd_flags(&self, fd: u32) -> Option<(ARef<File>, u32)> {
        let _lock = self.lock();
        // SAFETY: `files` is stable under `task_lock`.
        let files = unsafe { (*self.as_ptr()).files };
        if files.is_null() {
            return None;
        }
        // SAFETY: A live file table; its `file_lock` guards the lookup and the
        // close-on-exec bit; the file found is counted before the lock goes.
        unsafe {
            let _files = SpinGuard::lock(shim::procfs2_files_file_lock(files));
            let f = shim::procfs2_files_lookup_fd_locked(files, fd);
            if f.is_null() {
                return None;
            }
            let mut flags = (*f).f_flags;
            if shim::procfs2_close_on_exec(fd, files) {
                flags |= bindings::O_CLOEXEC;
            }
            shim::procfs2_get_file(f);
            Some((File::from_counted(NonNull::new_unchecked(f)), flags))
        }
    }

    /// The task's working directory (`root` false) or root, counted
    /// (`get_fs_pwd`, `get_fs_root`).
    pub(crate) fn fs_path(&self, root: bool) -> Option<Path> {
        let _lock = self.lock();
        // SAFETY: `fs` is stable under `task_lock`.
        let fs = unsafe { (*self.as_ptr()).fs };
        if fs.is_null() {
            return None;
        }
        // SAFETY: All-zero is an empty `struct path`, filled and counted below.
        let mut p: bindings::path = unsafe { core::mem::zeroed() };
        // SAFETY: A live `fs_struct`; the helpers count the path they copy.
        unsafe {
            if root {
                shim::procfs2_get_fs_root(fs, &mut p);
            } else {
                shim::procfs2_get_fs_pwd(fs, &mut p);
            }
        }
        Some(Path(p))
    }
}
