// SPDX-License-Identifier: GPL-2.0

//! Files that read and write another address space (`mem`, `environ`, `auxv`):
//! the table that holds the mm from open to release, and `access_remote_vm`.

use super::*;

// ---------------------------------------------------------------------------
// mem: another address space read and written through the file
// ---------------------------------------------------------------------------

/// A file that reads (and writes) an address space held since open: `mem`,
/// `environ`, `auxv` (`__mem_open` and their read and write operations). The
/// wrapper keeps the mm in the file, and releases it (`mmdrop`).
#[vtable]
pub(crate) trait MmFileOperations: Sized + 'static {
    /// Whether positions are addresses (`mem`: `mem_lseek`, `FOP_UNSIGNED_OFFSET`);
    /// otherwise the file seeks with `generic_file_llseek`.
    const ADDRESSES: bool = false;

    /// Whether the file seeks with `mem_lseek` though its positions are signed
    /// (`pagemap`: "borrow this").
    const MEM_LSEEK: bool = false;

    /// Checks the caller and returns the mm the file holds.
    fn open(inode: &Inode) -> Result<ARef<Mm>>;

    /// Reads up to `count` bytes at `*pos` into `buf`, moving `*pos`.
    fn read(_mm: &Mm, _buf: UserSlice, _count: usize, _pos: &mut i64) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Writes `count` bytes from `buf` at `*pos`, moving `*pos`.
    fn write(_mm: &Mm, _buf: UserSlice, _count: usize, _pos: &mut i64) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }

    /// Reads as `read` does, told whether whoever opened the file had
    /// CAP_SYS_ADMIN over the initial user namespace
    /// (`file_ns_capable(file, &init_user_ns, CAP_SYS_ADMIN)`: `pagemap`).
    fn read_as(
        _admin: bool,
        _mm: &Mm,
        _buf: UserSlice,
        _count: usize,
        _pos: &mut i64,
    ) -> Result<usize> {
        build_error!(VTABLE_DEFAULT_ERROR)
    }
}

/// `FOP_UNSIGNED_OFFSET`: positions are addresses, above `i64::MAX` too.
pub(super) const FOP_UNSIGNED_OFFSET: u32 = 1 << 5;

impl FileOps {
    /// The table of a file reading an address space held since open (`mem`,
    /// `environ`, `auxv`): `T` opens, reads and writes; the wrapper holds the mm.
    pub(crate) const fn mm<T: MmFileOperations>() -> Self {
        // SAFETY: `mm_open` sets up what the other callbacks read and release.
        unsafe { FileOps::from_raw(mm_fops::<T>()) }
    }
}

/// The file operations of `T`.
pub(super) const fn mm_fops<T: MmFileOperations>() -> bindings::file_operations {
    // SAFETY: All-zero is a valid table: null pointers, no callbacks.
    let mut t: bindings::file_operations = unsafe { core::mem::zeroed() };
    t.open = Some(mm_open::<T>);
    t.release = Some(mm_release);
    if T::HAS_READ {
        t.read = Some(mm_read::<T>);
    }
    if T::HAS_READ_AS {
        t.read = Some(mm_read_as::<T>);
    }
    if T::HAS_WRITE {
        t.write = Some(mm_write::<T>);
    }
    if T::ADDRESSES {
        t.llseek = Some(mem_lseek);
        t.fop_flags = FOP_UNSIGNED_OFFSET;
    } else if T::MEM_LSEEK {
        t.llseek = Some(mem_lseek);
    } else {
        t.llseek = Some(bindings::generic_file_llseek);
    }
    t
}

/// # Safety
///
/// `file_operations.open` of a file of `T`.
unsafe extern "C" fn mm_open<T: MmFileOperations>(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened and its new file.
    let inode = unsafe { Inode::from_raw(inode) };
    from_result(|| {
        let mm = T::open(inode)?;
        // SAFETY: The file is being opened; its private data is ours, and holds the
        // mm reference until release.
        unsafe { (*file).private_data = ARef::into_raw(mm).as_ptr().cast() };
        Ok(0)
    })
}

/// # Safety
///
/// `file_operations.release` of a file `mm_open` opened.
unsafe extern "C" fn mm_release(_inode: *mut bindings::inode, file: *mut bindings::file) -> c_int {
    // SAFETY: `mm_open` left an `mm_count` reference in the private data.
    unsafe {
        let mm = (*file).private_data.cast::<bindings::mm_struct>();
        if !mm.is_null() {
            shim::procfs2_mmdrop(mm);
        }
    }
    0
}

/// The mm a file `mm_open` opened holds, lent for one call.
///
/// # Safety
///
/// `file` is such a file, open for the call.
pub(super) unsafe fn file_mm<'a>(file: *mut bindings::file) -> &'a Mm {
    // SAFETY: Per the caller, the private data is the held mm, released only by
    // `mm_release`, after the call.
    unsafe { Mm::from_raw((*file).private_data.cast()) }
}

/// # Safety
///
/// `file_operations.llseek` of a `mem` file (`mem_lseek`): set or move, with no
/// bounds (positions are addresses).
unsafe extern "C" fn mem_lseek(file: *mut bindings::file, offset: i64, whence: c_int) -> i64 {
    // SAFETY: The VFS passes an open file.
    kernel::error::from_result(|| unsafe { ProcFile::from_raw(file) }.mem_lseek(offset, whence))
}

/// # Safety
///
/// `file_operations.read` of a file of `T`.
unsafe extern "C" fn mm_read<T: MmFileOperations>(
    file: *mut bindings::file,
    buf: *mut kernel::ffi::c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position.
    let (mm, pos) = unsafe { (file_mm(file), &mut *ppos) };
    let buf = UserSlice::new(buf as usize, count);
    match T::read(mm, buf, count, pos) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

/// # Safety
///
/// `file_operations.read` of a file of `T`.
unsafe extern "C" fn mm_read_as<T: MmFileOperations>(
    file: *mut bindings::file,
    buf: *mut kernel::ffi::c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position.
    let (mm, pos) = unsafe { (file_mm(file), &mut *ppos) };
    // SAFETY: An open file; `init_user_ns` is static.
    let admin = unsafe {
        bindings::file_ns_capable(
            file,
            &raw mut bindings::init_user_ns,
            bindings::CAP_SYS_ADMIN as c_int,
        )
    };
    let buf = UserSlice::new(buf as usize, count);
    match T::read_as(admin, mm, buf, count, pos) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

/// # Safety
///
/// `file_operations.write` of a file of `T`.
unsafe extern "C" fn mm_write<T: MmFileOperations>(
    file: *mut bindings::file,
    buf: *const kernel::ffi::c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position.
    let (mm, pos) = unsafe { (file_mm(file), &mut *ppos) };
    let buf = UserSlice::new(buf as usize, count);
    match T::write(mm, buf, count, pos) {
        Ok(n) => n as isize,
        Err(e) => e.to_errno() as isize,
    }
}

impl Mm {
    /// `arg_start`, `arg_end`, `env_start`, `env_end`, under `arg_lock`.
    pub(crate) fn arg_area(&self) -> [usize; 4] {
        // SAFETY: The mm struct is held; its `arg_lock` guards the four fields.
        unsafe { crate::wrap::task::arg_area(self.as_ptr()) }
    }

    /// `saved_auxv` up to and including the `AT_NULL` pair, as the words of the
    /// returned array before the returned count.
    pub(crate) fn saved_auxv(&self) -> ([usize; bindings::AT_VECTOR_SIZE as usize], usize) {
        // SAFETY: The mm struct is held; `saved_auxv` is written once, at exec.
        unsafe { crate::wrap::task::saved_auxv(self.as_ptr()) }
    }
}

impl MmWithUser {
    /// Copies `buf.len()` bytes of this address space at `addr` into `buf`
    /// (`access_remote_vm(mm, ..., FOLL_ANON)`, as fs/proc's cmdline and environ
    /// readers); returns how many were read.
    pub(crate) fn read(&self, addr: usize, buf: &mut [u8]) -> usize {
        // SAFETY: `mm_users` is held (type invariant).
        unsafe { access_remote_vm(self.as_ptr(), addr, buf, bindings::FOLL_ANON) }
    }
}

/// `mem_rw`: page by page through a kernel buffer, with `mm_users` taken for the
/// call; `EIO` if nothing could be transferred. Never with `FOLL_FORCE` (README).
pub(crate) fn mem_rw(
    mm: &Mm,
    buf: UserSlice,
    mut count: usize,
    pos: &mut i64,
    write: bool,
) -> Result<usize> {
    let mut page = KVec::from_elem(0u8, bindings::PAGE_SIZE, GFP_KERNEL)?;
    let Some(users) = mm.mmget_not_zero() else {
        return Ok(0);
    };
    let (mut reader, mut writer) = buf.reader_writer();
    let mut addr = *pos as u64 as usize;
    let mut copied: Result<usize> = Ok(0);
    while count > 0 {
        let len = count.min(bindings::PAGE_SIZE);
        if write && reader.read_slice(&mut page[..len]).is_err() {
            copied = Err(EFAULT);
            break;
        }
        // SAFETY: `users` holds `mm_users`.
        let n = unsafe {
            access_remote_vm(
                users.as_ptr(),
                addr,
                &mut page[..len],
                if write { bindings::FOLL_WRITE } else { 0 },
            )
        };
        if n == 0 {
            if copied == Ok(0) {
                copied = Err(EIO);
            }
            break;
        }
        if !write && writer.write_slice(&page[..n]).is_err() {
            copied = Err(EFAULT);
            break;
        }
        addr = addr.wrapping_add(n);
        // `n <= len <= count`: `access_remote_vm` never says more than it was given.
        copied = copied.map(|c| c + n);
        count -= n;
    }
    *pos = addr as i64;
    copied
}

/// `access_remote_vm` (not exported; `__access_remote_vm` step by step): the bytes
/// of `mm` at `addr` into `buf`, or `buf` into them with `FOLL_WRITE`, a page at a time
/// (`get_user_pages_remote`), or through the mapping's own `access` for `VM_IO`
/// and `VM_PFNMAP` mappings; how many were transferred. A stack is not grown to
/// reach an address below it (`expand_stack` is not exported).
///
/// # Safety
///
/// The caller holds `mm_users` on `mm`.
pub(in crate::wrap) unsafe fn access_remote_vm(
    mm: *mut bindings::mm_struct,
    addr: usize,
    buf: &mut [u8],
    gup_flags: u32,
) -> usize {
    let write = gup_flags & bindings::FOLL_WRITE != 0;
    let flags = gup_flags as c_int;
    // SAFETY: Per the caller.
    if unsafe { shim::procfs2_mmap_read_lock_killable(mm) } != 0 {
        return 0;
    }
    // SAFETY: The mm is locked.
    let mut addr = unsafe { shim::procfs2_untagged_addr_remote(mm, addr) };
    let mut done = 0;
    // SAFETY: The mm is locked.
    if !unsafe { shim::procfs2_vma_lookup(mm, addr) }.is_null() {
        while done < buf.len() {
            let mut vma: *mut bindings::vm_area_struct = core::ptr::null_mut();
            // SAFETY: The mm is locked; a page comes back counted, with its VMA.
            let page = unsafe { shim::procfs2_get_user_page_vma_remote(mm, addr, flags, &mut vma) };
            let bytes = if kernel::error::from_err_ptr(page).is_err() {
                // SAFETY: The mm is locked.
                let vma = unsafe { shim::procfs2_vma_lookup(mm, addr) };
                // SAFETY: A VMA of the locked mm; `access` copies at most the
                // length it is given into or out of `buf`.
                let n = unsafe {
                    match vma
                        .as_ref()
                        .and_then(|v| v.vm_ops.as_ref())
                        .and_then(|o| o.access)
                    {
                        Some(access) => access(
                            vma,
                            addr,
                            buf[done..].as_mut_ptr().cast(),
                            c_int::try_from(buf.len() - done).unwrap_or(c_int::MAX),
                            c_int::from(write),
                        ),
                        None => 0,
                    }
                };
                if n <= 0 {
                    break;
                }
                // C subtracts what `access` says from `len`; one that claims more
                // than it was given must not take `done` past the buffer.
                (n as usize).min(buf.len() - done)
            } else {
                let offset = addr & (bindings::PAGE_SIZE - 1);
                let bytes = (buf.len() - done).min(bindings::PAGE_SIZE - offset);
                // SAFETY: A counted page, mapped for the copy of `bytes` bytes at
                // `offset`, within it; dirtied after a write; then unmapped and
                // released.
                unsafe {
                    let maddr = bindings::kmap_local_page(page);
                    let p = maddr.cast::<u8>().add(offset);
                    if write {
                        core::ptr::copy_nonoverlapping(buf[done..].as_ptr(), p, bytes);
                        bindings::set_page_dirty_lock(page);
                    } else {
                        core::ptr::copy_nonoverlapping(p, buf[done..].as_mut_ptr(), bytes);
                    }
                    shim::procfs2_unmap_and_put_page(page, maddr);
                }
                bytes
            };
            done += bytes;
            addr = addr.wrapping_add(bytes);
        }
    }
    // SAFETY: Locked above.
    unsafe { shim::procfs2_mmap_read_unlock(mm) };
    done
}
