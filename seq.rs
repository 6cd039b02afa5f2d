// SPDX-License-Identifier: GPL-2.0

//! seq_file glue (fs/seq_file.c as fs/proc uses it): a safe `SeqFile` that formatted
//! output is written to, the record iterators of `create_seq` entries
//! (`seq_operations`), and the file operations of every entry file (fs/proc's
//! `proc_iter_file_ops`: each call counted on the entry by `proc_reg_*`).

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
    uaccess::UserSlice,
};

/// Writes an entry's whole content (`single_show`).
pub(crate) type ShowFn = fn(&SeqFile, &ProcDirEntry) -> Result;

/// Takes what a user wrote to an entry (`proc_write`): at most a page, in one piece.
pub(crate) type WriteFn = fn(&ProcDirEntry, &[u8]) -> Result;

/// A file read record by record (`struct seq_operations`). Records are addressed by
/// their position, so no lock is held from `start` to `stop`: each call finds its
/// record again, and a reader that resumes at a position sees what is there now.
pub(crate) struct SeqOps {
    /// Whether there is a record at `pos` (`start` and `next` end the file when not).
    pub(crate) has: fn(&ProcDirEntry, u64) -> bool,
    /// Writes the record at `pos`.
    pub(crate) show: fn(&SeqFile, &ProcDirEntry, u64) -> Result,
}

/// A file whose content is one show call and which takes writes (a `proc_ops` with
/// `single_open` and `proc_write`).
pub(crate) struct ProcOps {
    /// Writes the whole content.
    pub(crate) show: ShowFn,
    /// Takes a write.
    pub(crate) write: WriteFn,
}

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

    /// The C seq_file, for helpers that read the opener's context (`seq_user_ns`).
    pub(crate) fn as_ptr(&self) -> *mut bindings::seq_file {
        self.0.get()
    }

    /// Appends `bytes` (`seq_write`, done here: a show writes hundreds of small pieces,
    /// and a call into C for each one costs more than the copy). On overflow the
    /// seq_file marks itself full and the core calls the show callback again with a
    /// bigger buffer, so there is no result to check.
    #[inline]
    pub(crate) fn write(&self, bytes: &[u8]) {
        let m = self.0.get();
        // SAFETY: The seq_file is valid and only this show callback writes to it (type
        // invariant); its `buf` holds `size` bytes, of which the first `count` are used.
        unsafe {
            let count = (*m).count;
            if count + bytes.len() < (*m).size {
                core::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    (*m).buf.add(count).cast(),
                    bytes.len(),
                );
                (*m).count = count + bytes.len();
            } else {
                // seq_set_overflow()
                (*m).count = (*m).size;
            }
        }
    }

    /// Appends `n` in decimal (`seq_put_decimal_ull`).
    pub(crate) fn put_u64(&self, n: u64) {
        self.put_u64_width(n, 0);
    }

    /// Appends `n` in decimal, right-aligned in `width` columns with spaces.
    pub(crate) fn put_u64_width(&self, n: u64, width: usize) {
        // The digits go to the end of a row of spaces: one write with its padding.
        let mut buf = [b' '; 20];
        let start = buf.len() - decimal(&mut buf, n).len();
        self.write(&buf[start.min(buf.len().saturating_sub(width))..]);
    }

    /// Appends `n` in lower-case hexadecimal, zero-padded to `width` digits.
    pub(crate) fn put_hex_width(&self, mut n: u64, width: usize) {
        let mut buf = [b'0'; 16];
        let mut i = buf.len();
        while n != 0 {
            i -= 1;
            buf[i] = b"0123456789abcdef"[(n & 15) as usize];
            n >>= 4;
        }
        let start = i.min(buf.len().saturating_sub(width.max(1)));
        self.write(&buf[start..]);
    }

    /// Appends formatted text, as `seq_printf` does.
    pub(crate) fn print(&self, args: fmt::Arguments<'_>) {
        let _ = fmt::write(&mut Writer(self), args);
    }
}

/// The decimal digits of `n`, written at the end of `buf` (for seq files and for
/// the numeric names readdir emits).
#[inline]
pub(crate) fn decimal(buf: &mut [u8; 20], mut n: u64) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

struct Writer<'a>(&'a SeqFile);

impl fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// File operations of entry files (`proc_iter_file_ops`): every call but release is
/// counted on the entry, and fails with `EIO` once the entry is removed. A write to
/// an entry without a write function is `EIO`, as in fs/proc.
pub(crate) static PROC_REG_FOPS: vfs::OpsTable<bindings::file_operations> =
    vfs::OpsTable(bindings::file_operations {
        open: Some(proc_reg_open),
        read_iter: Some(proc_reg_read_iter),
        write: Some(proc_reg_write),
        llseek: Some(proc_reg_llseek),
        mmap: Some(proc_reg_mmap),
        release: Some(proc_reg_release),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { vfs::OpsTable::<bindings::file_operations>::zeroed() }
    });

/// The entry of an open file or an inode being opened.
fn pde_of(inode: &vfs::Inode) -> Result<&ProcDirEntry> {
    inode.pde().ok_or(EIO)
}

/// A raw errno or length from a seq_file call, as a `Result`.
fn to_len<T: Into<i64> + Copy>(n: T) -> Result<T> {
    let v: i64 = n.into();
    if v < 0 {
        Err(Error::from_errno(v as c_int))
    } else {
        Ok(n)
    }
}

/// The seq_file operations of `create_seq` entries: the iterator cookie is the
/// position plus one, so that position 0 is not NULL.
static PROC_SEQ_OPS: bindings::seq_operations = bindings::seq_operations {
    start: Some(proc_seq_start),
    next: Some(proc_seq_next),
    stop: Some(proc_seq_stop),
    show: Some(proc_seq_show),
};

/// `proc_reg_open`: `single_open` or `seq_open` by the entry's kind, with the entry
/// as the seq_file's private data.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_open(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened, one of ours.
    let inode = unsafe { vfs::Inode::from_raw(inode) };
    from_result(|| {
        let de = pde_of(inode)?;
        let private = (de as *const ProcDirEntry).cast_mut().cast::<c_void>();
        de.with_use(|| match de.kind {
            Kind::Single(_) | Kind::Ops(_) => {
                // SAFETY: `single_open` stores `de` as the seq_file's private data;
                // the file's inode keeps a reference to `de` until release.
                to_result(unsafe { bindings::single_open(file, Some(single_show), private) })
            }
            Kind::Seq(_) => {
                // SAFETY: A file being opened; `seq_open` makes its seq_file the
                // private data, whose `private` we then set, as `seq_open_private`
                // would.
                unsafe {
                    to_result(bindings::seq_open(file, &PROC_SEQ_OPS))?;
                    (*(*file).private_data.cast::<bindings::seq_file>()).private = private;
                }
                Ok(())
            }
            _ => Err(EIO),
        })?;
        Ok(0)
    })
}

/// `proc_reg_release`: the seq_file's own release for the kind that opened it.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_release(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode of a file `proc_reg_open` opened.
    let de = unsafe { vfs::Inode::from_raw(inode) }.pde();
    match de.map(|de| &de.kind) {
        // SAFETY: The file was opened by `seq_open`.
        Some(Kind::Seq(_)) => unsafe { bindings::seq_release(inode, file) },
        // SAFETY: The file was opened by `single_open`.
        _ => unsafe { bindings::single_release(inode, file) },
    }
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
            Kind::Ops(ops) => (ops.show)(seq, de)?,
            _ => return Err(EIO),
        }
        Ok(0)
    })
}

/// The entry and record iterator of a seq_file opened by `proc_reg_open`.
///
/// # Safety
///
/// `m` must be a seq_file opened by `proc_reg_open` for a `Kind::Seq` entry.
unsafe fn seq_parts<'a>(m: *mut bindings::seq_file) -> Option<(&'a ProcDirEntry, &'a SeqOps)> {
    // SAFETY: `private` is the entry, which the open file's inode keeps alive.
    let de = unsafe { &*(*m).private.cast::<ProcDirEntry>() };
    match de.kind {
        Kind::Seq(ops) => Some((de, ops)),
        _ => None,
    }
}

/// The cookie of the record at `*pos`, or NULL past the last one.
///
/// # Safety
///
/// As [`seq_parts`]; `pos` is the seq_file core's position.
unsafe fn seq_cookie(m: *mut bindings::seq_file, pos: *mut bindings::loff_t) -> *mut c_void {
    // SAFETY: Per the caller.
    let (Some((de, ops)), p) = (unsafe { seq_parts(m) }, unsafe { *pos }) else {
        return core::ptr::null_mut();
    };
    match u64::try_from(p) {
        Ok(p) if p < u64::MAX && (ops.has)(de, p) => (p as usize + 1) as *mut c_void,
        _ => core::ptr::null_mut(),
    }
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_seq_start(
    m: *mut bindings::seq_file,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    unsafe { seq_cookie(m, pos) }
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_seq_next(
    m: *mut bindings::seq_file,
    _v: *mut c_void,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position, which `next`
    // must always advance.
    unsafe {
        *pos += 1;
        seq_cookie(m, pos)
    }
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_seq_stop(_m: *mut bindings::seq_file, _v: *mut c_void) {}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_seq_show(m: *mut bindings::seq_file, v: *mut c_void) -> c_int {
    // SAFETY: The seq_file core passes our seq_file and a cookie from `start`/`next`.
    let (seq, parts) = unsafe { (SeqFile::from_raw(m), seq_parts(m)) };
    from_result(|| {
        let (de, ops) = parts.ok_or(EIO)?;
        (ops.show)(seq, de, v as u64 - 1)?;
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
            // SAFETY: The file was opened by `proc_reg_open`; the arguments are the
            // VFS's.
            to_len(unsafe { bindings::seq_read_iter(iocb, iter) } as i64).map(|n| n as isize)
        })
    })
}

/// `proc_reg_write`: the entry's write function gets the user's bytes in one piece
/// (at most a page; `EINVAL` for more); entries without one answer `EIO`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_write(
    file: *mut bindings::file,
    buf: *const kernel::ffi::c_char,
    count: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { vfs::file_inode(file) };
    from_result(|| {
        let de = pde_of(inode)?;
        de.with_use(|| {
            let Kind::Ops(ops) = de.kind else {
                return Err(EIO);
            };
            if count >= bindings::PAGE_SIZE {
                return Err(EINVAL);
            }
            let mut bytes = KVec::new();
            UserSlice::new(buf as usize, count).read_all(&mut bytes, GFP_KERNEL)?;
            (ops.write)(de, &bytes)?;
            Ok(count as isize)
        })
    })
}

/// `proc_reg_mmap`: no entry maps, so `EIO` (`pde_mmap` without `proc_mmap`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_mmap(
    file: *mut bindings::file,
    _vma: *mut bindings::vm_area_struct,
) -> c_int {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { vfs::file_inode(file) };
    from_result(|| pde_of(inode)?.with_use(|| Err::<c_int, _>(EIO)))
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_reg_llseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { vfs::file_inode(file) };
    from_result(|| {
        pde_of(inode)?.with_use(|| {
            // SAFETY: The file was opened by `proc_reg_open`.
            to_len(unsafe { bindings::seq_lseek(file, offset, whence) })
        })
    })
}
