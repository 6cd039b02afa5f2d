// SPDX-License-Identifier: GPL-2.0

//! The `extern "C"` functions the operation tables point at: each turns the VFS's
//! raw arguments into the wrapper types and calls the trait method of `T`.

use super::*;

/// `from_result` for the trampolines of every path walk (`d_revalidate`,
/// `getattr`), inlined: the kernel crate's is a call, and its closure another.
#[inline(always)]
fn c_result(r: Result<c_int>) -> c_int {
    match r {
        Ok(v) => v,
        Err(e) => e.to_errno(),
    }
}

// ---------------------------------------------------------------------------
// Trampolines. Each one's safety contract is the kernel's for that callback: it is
// called with the valid arguments the callback's documentation names, on objects
// of a procfs2 superblock (or, for `single_show` and the record iterators, on a
// seq_file opened by `ProcFile::single_open`/`ProcFile::seq_open`).
// ---------------------------------------------------------------------------

/// # Safety
///
/// `inode_operations.lookup` of a procfs2 directory.
pub(super) unsafe extern "C" fn lookup<T: InodeOperations>(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the directory inode and the dentry being looked up
    // (unhashed, negative, under its parent's inode lock), both valid for the call.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Unhashed::from_raw(dentry)) };
    match T::lookup(dir, dentry) {
        Ok(l) => l.into_raw(),
        Err(e) => e.to_ptr(),
    }
}

/// `empty_dir_setattr`: `EPERM`, whatever is asked.
///
/// # Safety
///
/// `inode_operations.setattr` of a procfs2 inode (nothing is read).
pub(super) unsafe extern "C" fn refuse_setattr(
    _idmap: *mut bindings::mnt_idmap,
    _dentry: *mut bindings::dentry,
    _attr: *mut bindings::iattr,
) -> c_int {
    EPERM.to_errno()
}

/// `proc_nochmod_setattr`: `EPERM` for a mode change; anything else is checked by
/// `setattr_prepare` (ownership, `CAP_CHOWN`, ...) and copied to the inode.
///
/// # Safety
///
/// `inode_operations.setattr` of a procfs2 inode: `dentry` is positive and `attr`
/// valid for the call.
pub(super) unsafe extern "C" fn nochmod_setattr(
    _idmap: *mut bindings::mnt_idmap,
    dentry: *mut bindings::dentry,
    attr: *mut bindings::iattr,
) -> c_int {
    // SAFETY: Valid per the VFS contract.
    if unsafe { (*attr).ia_valid } & bindings::ATTR_MODE != 0 {
        return EPERM.to_errno();
    }
    // SAFETY: As above; `nop_mnt_idmap` is the kernel's static identity mapping,
    // which these functions only read.
    unsafe {
        let idmap = &raw mut bindings::nop_mnt_idmap;
        let err = bindings::setattr_prepare(idmap, dentry, attr);
        if err != 0 {
            return err;
        }
        bindings::setattr_copy(idmap, (*dentry).d_inode, attr);
    }
    0
}

/// # Safety
///
/// `inode_operations.getattr` of a procfs2 inode.
pub(super) unsafe extern "C" fn getattr<T: InodeOperations>(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    c_result(T::getattr(&stat).map(|()| 0))
}

/// # Safety
///
/// `inode_operations.permission` of a procfs2 inode.
pub(super) unsafe extern "C" fn permission<T: InodeOperations>(
    _idmap: *mut bindings::mnt_idmap,
    inode: *mut bindings::inode,
    mask: c_int,
) -> c_int {
    // SAFETY: The VFS passes an inode of ours, pinned for the call.
    let inode = unsafe { Inode::from_raw(inode) };
    from_result(|| T::permission(inode, mask).map(|()| 0))
}

/// # Safety
///
/// `inode_operations.get_link` of a procfs2 symlink.
pub(super) unsafe extern "C" fn get_link<T: InodeOperations>(
    dentry: *mut bindings::dentry,
    inode: *mut bindings::inode,
    done: *mut bindings::delayed_call,
) -> *const c_char {
    // SAFETY: The VFS passes the link's inode, and its dentry outside RCU walk mode.
    let (dentry, inode) = unsafe {
        (
            (!dentry.is_null()).then(|| Dentry::from_raw(dentry)),
            Inode::from_raw(inode),
        )
    };
    match T::get_link(dentry, inode) {
        // SAFETY: `done` is this call's argument.
        Ok(link) => unsafe { link.into_raw(done) },
        Err(e) => e.to_ptr(),
    }
}

/// # Safety
///
/// `inode_operations.readlink` of a procfs2 symlink.
pub(super) unsafe extern "C" fn readlink<T: InodeOperations>(
    dentry: *mut bindings::dentry,
    buffer: *mut c_char,
    buflen: c_int,
) -> c_int {
    // SAFETY: The VFS passes the link's dentry, pinned for the call.
    let dentry = unsafe { Dentry::from_raw(dentry) };
    from_result(|| {
        let link = T::readlink(dentry)?;
        let text = link.text();
        let n = text.len().min(usize::try_from(buflen).unwrap_or(0));
        UserSlice::new(buffer as usize, n)
            .writer()
            .write_slice(&text[..n])?;
        Ok(n as c_int)
    })
}

/// # Safety
///
/// `file_operations.llseek` of a procfs2 directory.
pub(super) unsafe extern "C" fn llseek<T: FileOperations>(
    file: *mut bindings::file,
    offset: i64,
    whence: c_int,
) -> i64 {
    // SAFETY: The VFS passes an open file of ours.
    let file = unsafe { ProcFile::from_raw(file) };
    from_result(|| T::llseek(file, offset, whence))
}

/// # Safety
///
/// `file_operations.open` of a procfs2 seq_file.
pub(super) unsafe extern "C" fn seq_open<T: SeqFileOperations>(
    inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened and its new file.
    let (inode, file) = unsafe { (Inode::from_raw(inode), ProcFile::from_raw(file)) };
    from_result(|| T::call(inode, || T::open(inode, file)).map(|SeqOpened(_)| 0))
}

/// # Safety
///
/// `file_operations.read_iter` of a file `seq_open::<T>` opened.
pub(super) unsafe extern "C" fn seq_read_iter<T: SeqFileOperations>(
    iocb: *mut bindings::kiocb,
    iter: *mut bindings::iov_iter,
) -> isize {
    // SAFETY: The VFS passes a valid kiocb of the open file and its iterator.
    let io = unsafe { Kiocb::new(iocb, iter) };
    let inode = io.file().inode();
    // SAFETY: `open` returned `SeqOpened`, so the file is a seq_file.
    from_result(|| T::call(inode, || unsafe { io.seq_read() }).map(|n| n as isize))
}

/// # Safety
///
/// `file_operations.llseek` of a file `seq_open::<T>` opened.
pub(super) unsafe extern "C" fn seq_llseek<T: SeqFileOperations>(
    file: *mut bindings::file,
    offset: i64,
    whence: c_int,
) -> i64 {
    // SAFETY: The VFS passes an open file of ours.
    let file = unsafe { ProcFile::from_raw(file) };
    from_result(|| {
        T::call(file.inode(), || match T::SEEK {
            // SAFETY: `open` returned `SeqOpened`, so the file is a seq_file.
            Seek::Seq => unsafe { file.seq_lseek(offset, whence) },
            Seek::Generic => file.generic_llseek(offset, whence),
            Seek::Default => file.default_llseek(offset, whence),
            Seek::Mem => file.mem_lseek(offset, whence),
        })
    })
}

/// # Safety
///
/// `file_operations.open` of a file of `T`.
pub(super) unsafe extern "C" fn read_open<T: ReadFileOperations>(
    inode: *mut bindings::inode,
    _file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the inode being opened.
    let inode = unsafe { Inode::from_raw(inode) };
    from_result(|| T::call(inode, || Ok(0)))
}

/// # Safety
///
/// `file_operations.read` of a file of `T`.
pub(super) unsafe extern "C" fn read_read<T: ReadFileOperations>(
    file: *mut bindings::file,
    buf: *mut c_char,
    count: usize,
    ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours and its position, which it
    // serializes for the call.
    let (file, pos) = unsafe { (ProcFile::from_raw(file), &mut *ppos) };
    let inode = file.inode();
    let buf = UserSlice::new(buf as usize, count);
    from_result(|| T::call(inode, || T::read(inode, buf, count, pos)).map(|n| n as isize))
}

/// `file_operations.write` of an entry without a writer: `EIO`.
pub(super) extern "C" fn eio_write(
    _file: *mut bindings::file,
    _buf: *const c_char,
    _count: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    EIO.to_errno() as isize
}

/// `file_operations.mmap` of an entry that does not map: `EIO`.
pub(super) extern "C" fn eio_mmap(
    _file: *mut bindings::file,
    _vma: *mut bindings::vm_area_struct,
) -> c_int {
    EIO.to_errno()
}

/// # Safety
///
/// `file_operations.llseek` of a file of `T`.
pub(super) unsafe extern "C" fn read_llseek<T: ReadFileOperations>(
    file: *mut bindings::file,
    offset: i64,
    whence: c_int,
) -> i64 {
    // SAFETY: The VFS passes an open file of ours.
    let file = unsafe { ProcFile::from_raw(file) };
    from_result(|| {
        T::call(file.inode(), || match T::SEEK {
            Seek::Generic => file.generic_llseek(offset, whence),
            Seek::Default => file.default_llseek(offset, whence),
            Seek::Mem => file.mem_lseek(offset, whence),
            // `task_read` refuses this at build time.
            Seek::Seq => Err(EINVAL),
        })
    })
}

/// # Safety
///
/// `file_operations.release` of a file `seq_open::<T>` opened.
pub(super) unsafe extern "C" fn seq_release<T: SeqFileOperations>(
    _inode: *mut bindings::inode,
    file: *mut bindings::file,
) -> c_int {
    // SAFETY: The VFS passes the file being released, which `T::open` opened as a
    // seq_file of kind `T::Kind` (it returned `SeqOpened<T::Kind>`).
    from_result(|| unsafe { T::Kind::release(ProcFile::from_raw(file)) }.map(|()| 0))
}

/// # Safety
///
/// `file_operations.write` of a file `seq_open::<T>` opened.
pub(super) unsafe extern "C" fn seq_write<T: SeqFileOperations>(
    file: *mut bindings::file,
    buf: *const c_char,
    count: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { ProcFile::from_raw(file) }.inode();
    let buf = UserSlice::new(buf as usize, count);
    from_result(|| T::call(inode, || T::write(inode, buf, count)).map(|n| n as isize))
}

/// # Safety
///
/// `file_operations.mmap` of a file `seq_open::<T>` opened.
pub(super) unsafe extern "C" fn seq_mmap<T: SeqFileOperations>(
    file: *mut bindings::file,
    _vma: *mut bindings::vm_area_struct,
) -> c_int {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { ProcFile::from_raw(file) }.inode();
    from_result(|| T::call(inode, || T::mmap(inode)).map(|()| 0))
}

/// # Safety
///
/// `file_operations.iterate_shared` of a procfs2 directory.
pub(super) unsafe extern "C" fn readdir<T: FileOperations>(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory of ours and a context for this call.
    let (file, ctx) = unsafe { (ProcFile::from_raw(file), DirContext::from_raw(ctx)) };
    from_result(|| T::readdir(file, ctx).map(|()| 0))
}

/// # Safety
///
/// `seq_operations.show` of a seq_file opened by `ProcFile::single_open::<T>`.
pub(in crate::wrap) unsafe extern "C" fn single_show<T: SeqFileOperations>(
    m: *mut bindings::seq_file,
    _v: *mut c_void,
) -> c_int {
    // SAFETY: `single_open` made `private` the inode, pinned by the open file, and
    // the seq_file core passes its valid seq_file.
    let (seq, inode) = unsafe { (SeqFile::from_raw(m), Inode::from_raw((*m).private.cast())) };
    from_result(|| T::show(seq, inode).map(|()| 0))
}

/// The seq_file operations of `T`'s records: the iterator cookie is the position
/// plus one, so that position 0 is not NULL.
pub(in crate::wrap) fn seq_operations<T: SeqRecords>() -> &'static bindings::seq_operations {
    &SeqTable::<T>::TABLE
}

pub(super) struct SeqTable<T>(PhantomData<T>);

impl<T: SeqRecords> SeqTable<T> {
    const TABLE: bindings::seq_operations = bindings::seq_operations {
        start: Some(seq_start::<T>),
        next: Some(seq_next::<T>),
        stop: Some(seq_stop),
        show: Some(seq_show::<T>),
    };
}

/// The inode a seq_file opened by `ProcFile::seq_open` reads.
///
/// # Safety
///
/// `m` must be such a seq_file, during one of its callbacks.
pub(super) unsafe fn seq_inode<'a>(m: *mut bindings::seq_file) -> &'a Inode {
    // SAFETY: `seq_open` made `private` the inode, pinned by the open file.
    unsafe { Inode::from_raw((*m).private.cast()) }
}

/// The cookie of the record at `pos`, or NULL past the last one.
pub(super) fn seq_cookie<T: SeqRecords>(inode: &Inode, pos: i64) -> *mut c_void {
    match u64::try_from(pos) {
        Ok(p) if p < u64::MAX && T::has_record(inode, p) => (p as usize + 1) as *mut c_void,
        _ => core::ptr::null_mut(),
    }
}

/// # Safety
///
/// `seq_operations.start` of a seq_file opened by `ProcFile::seq_open::<T>`.
pub(super) unsafe extern "C" fn seq_start<T: SeqRecords>(
    m: *mut bindings::seq_file,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    unsafe { seq_cookie::<T>(seq_inode(m), *pos) }
}

/// # Safety
///
/// `seq_operations.next` of a seq_file opened by `ProcFile::seq_open::<T>`.
pub(super) unsafe extern "C" fn seq_next<T: SeqRecords>(
    m: *mut bindings::seq_file,
    _v: *mut c_void,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position, which `next`
    // must always advance.
    unsafe {
        // `++*pos`: never near the top in practice, but no panic if it were.
        *pos = (*pos).wrapping_add(1);
        seq_cookie::<T>(seq_inode(m), *pos)
    }
}

/// # Safety
///
/// `seq_operations.stop`: nothing is held between `start` and `stop`.
pub(super) unsafe extern "C" fn seq_stop(_m: *mut bindings::seq_file, _v: *mut c_void) {}

/// # Safety
///
/// `seq_operations.show` of a seq_file opened by `ProcFile::seq_open::<T>`.
pub(super) unsafe extern "C" fn seq_show<T: SeqRecords>(
    m: *mut bindings::seq_file,
    v: *mut c_void,
) -> c_int {
    // SAFETY: The seq_file core passes our seq_file and a cookie from `start`/`next`.
    let (seq, inode) = unsafe { (SeqFile::from_raw(m), seq_inode(m)) };
    from_result(|| T::show_record(seq, inode, v as u64 - 1).map(|()| 0))
}

/// # Safety
///
/// `dentry_operations.d_revalidate` of a procfs2 dentry.
pub(super) unsafe extern "C" fn d_revalidate<T: DentryOperations>(
    dentry: *mut bindings::dentry,
    flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a dentry of ours; in RCU walk mode it may be killed
    // meanwhile, but stays readable (see `Dentry::inode`).
    let dentry = unsafe { Unpinned::from_raw(dentry) };
    c_result(T::revalidate(dentry, flags).map(c_int::from))
}

/// # Safety
///
/// `dentry_operations.d_delete` of a procfs2 dentry.
pub(super) unsafe extern "C" fn d_delete<T: DentryOperations>(
    dentry: *const bindings::dentry,
) -> c_int {
    // SAFETY: The VFS passes a dentry of ours, under its `d_lock`.
    let dentry = unsafe { Unpinned::from_raw(dentry.cast_mut()) };
    c_int::from(T::delete(dentry))
}

/// # Safety
///
/// `super_operations.show_options` of a procfs2 superblock.
pub(super) unsafe extern "C" fn show_options<T: SuperOperations>(
    m: *mut bindings::seq_file,
    root: *mut bindings::dentry,
) -> c_int {
    // SAFETY: The VFS passes a valid seq_file and the mount's root dentry.
    let (m, root) = unsafe { (SeqFile::from_raw(m), Dentry::from_raw(root)) };
    from_result(|| T::show_options(m, root).map(|()| 0))
}

/// # Safety
///
/// `file_operations.write` of a file of [`FileOps::write_only`].
pub(super) unsafe extern "C" fn wo_write<T: WriteFileOperations>(
    file: *mut bindings::file,
    buf: *const c_char,
    count: usize,
    _ppos: *mut bindings::loff_t,
) -> isize {
    // SAFETY: The VFS passes an open file of ours.
    let inode = unsafe { ProcFile::from_raw(file) }.inode();
    let buf = UserSlice::new(buf as usize, count);
    from_result(|| T::write(inode, buf, count).map(|n| n as isize))
}
