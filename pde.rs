// SPDX-License-Identifier: GPL-2.0

//! The proc_dir_entry tree and its inodes (fs/proc/generic.c and fs/proc/inode.c).
//!
//! Entries are reference counted like fs/proc's (`pde_get`/`pde_put`): the parent's
//! red-black tree holds one reference, every inode another. The trees of all
//! directories are guarded by one global rwlock (`proc_subdir_lock`), never held
//! across anything that sleeps or copies to user space. Calls into an entry's
//! operations are counted (`use_pde`/`unuse_pde`) so that removal can wait for the
//! calls in flight and refuse new ones.

use crate::{
    fs_info,
    seq::{self, ProcOps, SeqOps, ShowFn},
    subdir::{self, Guarded, NameKey, Named},
    vfs::{self, Completion, Dentry, DirContext, Inode, Kstat, NewInode, OpsTable, SuperBlock},
};
use core::{
    ptr::NonNull,
    sync::atomic::{AtomicI32, AtomicPtr, AtomicU32, AtomicUsize, Ordering::*},
};
use kernel::{
    bindings,
    ffi::c_int,
    prelude::*,
    rbtree::{RBTree, RBTreeNode},
    str::BStr,
    types::{ARef, AlwaysRefCounted},
};

/// Inode number of the root (`PROC_ROOT_INO`).
pub(crate) const PROC_ROOT_INO: u32 = 1;
/// First inode number of dynamically created entries (`PROC_DYNAMIC_FIRST`).
const PROC_DYNAMIC_FIRST: u32 = 0xF000_0000;
/// Added to `in_use` when an entry is being removed (`BIAS`).
const BIAS: i32 = i32::MIN;
/// Longest entry name (`NAME_MAX`).
const NAME_MAX: usize = 255;

/// An entry's name: static for the built-in root, else owned.
enum Name {
    Static(&'static [u8]),
    Owned(KVec<u8>),
}

impl Name {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Name::Static(s) => s,
            Name::Owned(v) => v,
        }
    }
}

type Subdir = RBTree<NameKey<'static>, ARef<ProcDirEntry>>;

/// What an entry serves.
pub(crate) enum Kind {
    /// A directory with these operations (`proc_dir_ops`, `proc_iops`).
    Dir {
        iops: &'static OpsTable<bindings::inode_operations>,
        fops: &'static OpsTable<bindings::file_operations>,
    },
    /// A permanently empty directory (`proc_create_mount_point`).
    MountPoint,
    /// A file whose content is one call of the show function (`proc_create_single`).
    Single(ShowFn),
    /// A file read record by record (`proc_create_seq`).
    Seq(&'static SeqOps),
    /// A file with its own operations: shown in one call, and written (`proc_create`).
    Ops(&'static ProcOps),
    /// A symbolic link to this NUL-terminated target (`proc_symlink`).
    Link(KVec<u8>),
}

/// A registered entry (`struct proc_dir_entry`).
pub(crate) struct ProcDirEntry {
    refcnt: AtomicUsize,
    /// Calls in flight, or negative (`BIAS` added) once the entry is being removed.
    in_use: AtomicI32,
    /// Completed by the last call that leaves a removed entry.
    unload: AtomicPtr<bindings::completion>,
    /// Inode number, stable for the entry's life (`low_ino`).
    pub(crate) low_ino: u32,
    name: Name,
    /// `S_IF*` type and permission bits.
    pub(crate) mode: u16,
    /// Link count: 2 plus sub-directories for a directory, 1 otherwise.
    nlink: AtomicU32,
    parent: Option<ARef<ProcDirEntry>>,
    /// Children, in `proc_match` order; guarded by `proc_subdir_lock`.
    subdir: Guarded<Option<Subdir>>,
    pub(crate) kind: Kind,
}

// SAFETY: `refcnt` counts the references; a dynamic entry is freed at zero, and the
// static root starts at one that is never dropped.
unsafe impl AlwaysRefCounted for ProcDirEntry {
    fn inc_ref(&self) {
        self.refcnt.fetch_add(1, Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller owns a reference, so the entry is alive.
        let de = unsafe { obj.as_ref() };
        if de.refcnt.fetch_sub(1, Release) != 1 {
            return;
        }
        core::sync::atomic::fence(Acquire);
        vfs::ida_free(de.low_ino - PROC_DYNAMIC_FIRST);
        // SAFETY: The count reached zero, so this was the last reference, and only
        // dynamic entries (made by `into_aref` in `register`) can get there.
        unsafe { subdir::free_boxed(obj) };
    }
}

impl Named for ProcDirEntry {
    fn name_bytes(&self) -> &[u8] {
        self.name.as_bytes()
    }
}

impl ProcDirEntry {
    /// The root entry (`proc_root`), for a `static`.
    pub(crate) const fn root(
        iops: &'static OpsTable<bindings::inode_operations>,
        fops: &'static OpsTable<bindings::file_operations>,
    ) -> Self {
        Self {
            refcnt: AtomicUsize::new(1),
            in_use: AtomicI32::new(0),
            unload: AtomicPtr::new(core::ptr::null_mut()),
            low_ino: PROC_ROOT_INO,
            name: Name::Static(b"/proc"),
            mode: (bindings::S_IFDIR | 0o555) as u16,
            nlink: AtomicU32::new(2),
            parent: None,
            subdir: Guarded::new(None),
            kind: Kind::Dir { iops, fops },
        }
    }

    /// The entry's name.
    pub(crate) fn name(&self) -> &[u8] {
        self.name.as_bytes()
    }

    /// The link count stat shows.
    pub(crate) fn nlink(&self) -> u32 {
        self.nlink.load(Relaxed)
    }

    /// The `d_type` readdir reports (`mode >> 12`).
    fn dtype(&self) -> u32 {
        u32::from(self.mode) >> 12
    }

    fn is_dir(&self) -> bool {
        u32::from(self.mode) & bindings::S_IFMT == bindings::S_IFDIR
    }

    fn is_root(&self) -> bool {
        self.parent.is_none()
    }

    fn subdir<'a>(&'a self, lock: &'a impl subdir::Held) -> Option<&'a Subdir> {
        self.subdir.get(lock).as_ref()
    }

    fn subdir_mut<'a>(&'a self, lock: &'a mut subdir::WriteGuard) -> &'a mut Option<Subdir> {
        self.subdir.get_mut(lock)
    }

    fn find<'a>(&'a self, lock: &'a impl subdir::Held, name: &[u8]) -> Option<&'a ARef<Self>> {
        let tree = self.subdir(lock)?;
        NameKey::probe(name, |k| tree.get(k))
    }

    /// The child called `name`, with a reference.
    pub(crate) fn lookup_child(&self, name: &[u8]) -> Option<ARef<Self>> {
        let lock = subdir::read();
        self.find(&lock, name).cloned()
    }

    /// Counts a call into the entry (`use_pde`); `false` once it is being removed.
    fn use_pde(&self) -> bool {
        let mut v = self.in_use.load(Relaxed);
        while v >= 0 {
            match self
                .in_use
                .compare_exchange_weak(v, v + 1, Acquire, Relaxed)
            {
                Ok(_) => return true,
                Err(now) => v = now,
            }
        }
        false
    }

    /// Ends a call counted by `use_pde` (`unuse_pde`).
    fn unuse_pde(&self) {
        if self.in_use.fetch_sub(1, Release).wrapping_sub(1) == BIAS {
            vfs::complete(self.unload.load(Acquire));
        }
    }

    /// Runs `f` as a counted call; `EIO` once the entry is being removed, as fs/proc's
    /// `proc_reg_*` wrappers answer.
    pub(crate) fn with_use<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        if !self.use_pde() {
            return Err(EIO);
        }
        let r = f();
        self.unuse_pde();
        r
    }

    /// Whether the entry is being or has been removed.
    fn is_removed(&self) -> bool {
        self.in_use.load(Relaxed) < 0
    }

    /// Refuses new calls and waits for those in flight (`proc_entry_rundown`). Open
    /// files stay open; every further call on them fails with `EIO`.
    fn rundown(&self) {
        let done = Completion::new();
        self.unload.store(done.as_ptr(), Release);
        if self.in_use.fetch_add(BIAS, AcqRel).wrapping_add(BIAS) != BIAS {
            done.wait();
        }
    }
}

/// Splits `path` at its last `/` and finds the directory it names under `base`
/// (`xlate_proc_name`). `ENOENT` if a component is missing.
fn xlate<'a>(base: &ProcDirEntry, path: &'a [u8]) -> Result<(ARef<ProcDirEntry>, &'a [u8])> {
    let lock = subdir::read();
    let mut dir = base;
    let mut rest = path;
    while let Some(slash) = rest.iter().position(|&b| b == b'/') {
        dir = dir.find(&lock, &rest[..slash]).ok_or(ENOENT)?;
        rest = &rest[slash + 1..];
    }
    Ok((ARef::from(dir), rest))
}

/// Whether `name` reads as a pid, as fs/proc's `name_to_int` decides: digits only, no
/// leading zero, and no overflow of an unsigned int.
pub(crate) fn name_to_int(name: &[u8]) -> Option<u32> {
    if name.is_empty() || (name.len() > 1 && name[0] == b'0') {
        return None;
    }
    let mut n: u32 = 0;
    for &c in name {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(d))?;
    }
    (n < u32::MAX).then_some(n)
}

/// Creates and registers an entry (`__proc_create` + `proc_register`). The names
/// fs/proc refuses with a WARN are refused here with `EINVAL` and a warning in the
/// log; a duplicate gives `EEXIST`.
fn register(
    base: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    nlink: u32,
    kind: Kind,
) -> Result<ARef<ProcDirEntry>> {
    let (parent, name) = xlate(base, path)?;
    let why = if name.is_empty() || name.len() > NAME_MAX {
        Some("bad name length")
    } else if name == b"." || name == b".." {
        Some("name '.' or '..'")
    } else if parent.is_root() && name_to_int(name).is_some() {
        Some("numeric name at the root")
    } else if matches!(parent.kind, Kind::MountPoint) {
        Some("adding to a permanently empty directory")
    } else if !parent.is_dir() {
        Some("parent is not a directory")
    } else {
        None
    };
    if let Some(why) = why {
        pr_warn!("cannot create '{}': {}\n", BStr::from_bytes(path), why);
        return Err(EINVAL);
    }

    let id = vfs::ida_alloc(u32::MAX - PROC_DYNAMIC_FIRST)?;
    let mut owned =
        KVec::with_capacity(name.len(), GFP_KERNEL).inspect_err(|_| vfs::ida_free(id))?;
    owned
        .extend_from_slice(name, GFP_KERNEL)
        .inspect_err(|_| vfs::ida_free(id))?;
    let entry = ProcDirEntry {
        refcnt: AtomicUsize::new(1),
        in_use: AtomicI32::new(0),
        unload: AtomicPtr::new(core::ptr::null_mut()),
        low_ino: PROC_DYNAMIC_FIRST + id,
        name: Name::Owned(owned),
        mode,
        nlink: AtomicU32::new(nlink),
        parent: Some(parent.clone()),
        subdir: Guarded::new(None),
        kind,
    };
    // SAFETY: `refcnt` starts at one for this reference, and `dec_ref` frees with
    // `free_boxed`.
    let de = unsafe { subdir::into_aref(entry) }.inspect_err(|_| vfs::ida_free(id))?;
    // From here on dropping `de` frees the entry and its inode number.

    let node = RBTreeNode::new(NameKey::of(&de), de.clone(), GFP_KERNEL)?;
    let mut lock = subdir::write();
    let is_dir = de.is_dir();
    let tree = parent.subdir_mut(&mut lock).get_or_insert_with(RBTree::new);
    if NameKey::probe(de.name(), |k| tree.get(k).is_some()) {
        drop(lock);
        pr_warn!("'{}' already registered\n", BStr::from_bytes(path));
        return Err(EEXIST);
    }
    tree.insert(node);
    if is_dir {
        parent.nlink.fetch_add(1, Relaxed);
    }
    Ok(de)
}

/// `proc_mkdir_mode`: a directory at `path` under `parent` (mode 0555 when 0).
pub(crate) fn mkdir_mode(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
) -> Result<ARef<ProcDirEntry>> {
    let mode = if mode == 0 { 0o555 } else { mode };
    let kind = Kind::Dir {
        iops: &PROC_DIR_IOPS,
        fops: &PROC_DIR_FOPS,
    };
    register(parent, path, bindings::S_IFDIR as u16 | mode, 2, kind)
}

/// `proc_mkdir`: a directory at `path` under `parent`.
pub(crate) fn mkdir(parent: &ProcDirEntry, path: &[u8]) -> Result<ARef<ProcDirEntry>> {
    mkdir_mode(parent, path, 0)
}

/// `proc_create_mount_point`: a permanently empty directory, for mounting on.
pub(crate) fn create_mount_point(parent: &ProcDirEntry, path: &[u8]) -> Result<ARef<ProcDirEntry>> {
    register(
        parent,
        path,
        (bindings::S_IFDIR | 0o555) as u16,
        2,
        Kind::MountPoint,
    )
}

/// `proc_create_single`: a read-only seq_file whose content `show` writes in one go
/// (mode 0444 when 0).
pub(crate) fn create_single(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    show: ShowFn,
) -> Result<ARef<ProcDirEntry>> {
    register(parent, path, file_mode(mode), 1, Kind::Single(show))
}

/// The mode of a regular file entry: 0444 when no permission bits are given.
fn file_mode(mode: u16) -> u16 {
    let mode = if mode & 0o7777 == 0 {
        mode | 0o444
    } else {
        mode
    };
    bindings::S_IFREG as u16 | mode
}

/// `proc_create_seq`: a read-only seq_file read record by record through `ops`
/// (mode 0444 when 0).
pub(crate) fn create_seq(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    ops: &'static SeqOps,
) -> Result<ARef<ProcDirEntry>> {
    register(parent, path, file_mode(mode), 1, Kind::Seq(ops))
}

/// `proc_create`: a file with its own operations, here a show function and a write
/// function (mode 0444 when 0; give write permission in `mode` for writers).
pub(crate) fn create(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    ops: &'static ProcOps,
) -> Result<ARef<ProcDirEntry>> {
    register(parent, path, file_mode(mode), 1, Kind::Ops(ops))
}

/// `proc_symlink`: a symbolic link at `path` pointing to `target`.
pub(crate) fn symlink(
    parent: &ProcDirEntry,
    path: &[u8],
    target: &[u8],
) -> Result<ARef<ProcDirEntry>> {
    let mut t = KVec::with_capacity(target.len() + 1, GFP_KERNEL)?;
    t.extend_from_slice(target, GFP_KERNEL)?;
    t.push(0, GFP_KERNEL)?;
    register(
        parent,
        path,
        (bindings::S_IFLNK | 0o777) as u16,
        1,
        Kind::Link(t),
    )
}

/// Unlinks the child `name` of `dir` (`pde_erase`), handing back the tree's reference.
fn erase(
    dir: &ProcDirEntry,
    lock: &mut subdir::WriteGuard,
    name: &[u8],
) -> Option<ARef<ProcDirEntry>> {
    let tree = dir.subdir_mut(lock).as_mut()?;
    let node = NameKey::probe(name, |k| tree.remove_node(k))?;
    let (_, de) = node.to_key_value();
    if de.is_dir() {
        dir.nlink.fetch_sub(1, Relaxed);
    }
    Some(de)
}

/// `remove_proc_entry`: removes the entry at `path` under `parent` once the calls in
/// flight are done. A directory must be empty (`ENOTEMPTY` otherwise, where fs/proc
/// warns and leaks the children).
pub(crate) fn remove(parent: &ProcDirEntry, path: &[u8]) -> Result {
    let (dir, name) = xlate(parent, path)?;
    let de = {
        let mut lock = subdir::write();
        let de = dir.find(&lock, name).ok_or(ENOENT)?;
        if de.subdir(&lock).is_some_and(|t| t.iter().next().is_some()) {
            return Err(Error::from_errno(-(bindings::ENOTEMPTY as i32)));
        }
        erase(&dir, &mut lock, name).ok_or(ENOENT)?
    };
    de.rundown();
    Ok(())
}

/// `remove_proc_subtree`: removes the entry at `path` and everything below it.
pub(crate) fn remove_subtree(parent: &ProcDirEntry, path: &[u8]) -> Result {
    let (dir, name) = xlate(parent, path)?;
    let root = {
        let mut lock = subdir::write();
        erase(&dir, &mut lock, name).ok_or(ENOENT)?
    };
    // Depth first: detach a child under the lock, run it down without the lock.
    let mut de = root.clone();
    loop {
        let mut lock = subdir::write();
        let first = de
            .subdir(&lock)
            .and_then(|t| t.iter().next().map(|(_, c)| c.clone()));
        if let Some(child) = first {
            let child_name = child.name();
            drop(erase(&de, &mut lock, child_name));
            drop(lock);
            de = child;
            continue;
        }
        drop(lock);
        de.rundown();
        if core::ptr::eq(&*de, &*root) {
            return Ok(());
        }
        de = de.parent.clone().ok_or(EINVAL)?;
    }
}

/// Removes every child of `de`, with their subtrees (module unload).
pub(crate) fn remove_children(de: &ProcDirEntry) {
    loop {
        let first = {
            let lock = subdir::read();
            de.subdir(&lock).and_then(|t| t.values().next().cloned())
        };
        let Some(child) = first else { return };
        if remove_subtree(de, child.name()).is_err() {
            return;
        }
    }
}

/// An inode number from the dynamic range (`proc_alloc_inum`), for the inodes that
/// have no entry (`self`, `thread-self`).
pub(crate) fn alloc_inum() -> Result<u32> {
    Ok(PROC_DYNAMIC_FIRST + vfs::ida_alloc(u32::MAX - PROC_DYNAMIC_FIRST)?)
}

/// Gives back a number from [`alloc_inum`] (`proc_free_inum`).
pub(crate) fn free_inum(inum: u32) {
    vfs::ida_free(inum - PROC_DYNAMIC_FIRST);
}

// ---------------------------------------------------------------------------
// Inodes and dentries of entries (fs/proc/inode.c, generic.c)
// ---------------------------------------------------------------------------

/// The inode of `de` in `sb` (`proc_get_inode`); the inode keeps a reference.
pub(crate) fn get_inode(sb: &SuperBlock, de: ARef<ProcDirEntry>) -> Result<NewInode> {
    let mut inode = sb.new_inode()?;
    inode.set_ino(de.low_ino.into());
    match &de.kind {
        Kind::MountPoint => {
            // `make_empty_dir_inode` is not exported: an empty tree directory with
            // `empty_dir_operations`' behaviour, owned, like fs/proc's, by whoever
            // looked it up first.
            inode.set_attrs(de.mode, 2, &PROC_DIR_IOPS, Some(&PROC_EMPTY_DIR_FOPS));
            inode.set_owner_current_fs();
        }
        Kind::Dir { iops, fops } => inode.set_attrs(de.mode, de.nlink(), iops, Some(fops)),
        Kind::Single(_) | Kind::Seq(_) | Kind::Ops(_) => {
            inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, Some(&seq::PROC_REG_FOPS))
        }
        Kind::Link(target) => {
            inode.set_attrs(de.mode, 1, vfs::simple_symlink_iops(), None);
            inode.set_size((target.len() - 1) as i64);
            inode.set_link(target.as_ptr());
        }
    }
    inode.set_pde(de);
    Ok(inode)
}

/// Looks up `dentry` among the children of `de` (`proc_lookup_de`). No negative
/// dentries: a missing name is `ENOENT`.
pub(crate) fn lookup_de(
    dir: &Inode,
    dentry: &Dentry,
    de: &ProcDirEntry,
) -> Result<*mut bindings::dentry> {
    let child = de.lookup_child(dentry.name()).ok_or(ENOENT)?;
    let inode = get_inode(dir.super_block(), child)?;
    dentry.set_ops(&PROC_MISC_DOPS);
    dentry.splice_alias(inode)
}

/// Emits the children of `de` from position 2 on (`proc_readdir_de`). Returns `true`
/// when it reached the end, `false` when the reader's buffer filled up.
pub(crate) fn readdir_de(ctx: &DirContext, de: &ProcDirEntry) -> bool {
    let Ok(mut i) = usize::try_from(ctx.pos() - 2) else {
        return true;
    };
    loop {
        let child = {
            let lock = subdir::read();
            match de.subdir(&lock).and_then(|t| t.values().nth(i)) {
                Some(c) => c.clone(),
                None => return true,
            }
        };
        if !ctx.emit(child.name(), child.low_ino.into(), child.dtype()) {
            return false;
        }
        ctx.set_pos(ctx.pos() + 1);
        i += 1;
    }
}

/// Inode operations of regular entry files (fs/proc: `proc_file_inode_operations`).
static PROC_FILE_IOPS: OpsTable<bindings::inode_operations> =
    // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
    OpsTable(unsafe { OpsTable::<bindings::inode_operations>::zeroed() });

/// Inode operations of entry directories (`proc_dir_inode_operations`).
static PROC_DIR_IOPS: OpsTable<bindings::inode_operations> = OpsTable(bindings::inode_operations {
    lookup: Some(proc_lookup),
    getattr: Some(proc_getattr),
    // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
});

/// File operations of entry directories (`proc_dir_operations`).
static PROC_DIR_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    llseek: Some(bindings::generic_file_llseek),
    read: Some(bindings::generic_read_dir),
    iterate_shared: Some(proc_readdir),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// File operations of permanently empty directories (`empty_dir_operations`): only
/// `.` and `..`, at offsets 0 and 1.
static PROC_EMPTY_DIR_FOPS: OpsTable<bindings::file_operations> =
    OpsTable(bindings::file_operations {
        llseek: Some(empty_dir_llseek),
        read: Some(bindings::generic_read_dir),
        iterate_shared: Some(empty_dir_readdir),
        // SAFETY: All-zero is a valid `file_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
    });

/// `empty_dir_llseek`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn empty_dir_llseek(
    file: *mut bindings::file,
    offset: i64,
    whence: c_int,
) -> i64 {
    // SAFETY: The VFS passes an open file; the two positions are `.` and `..`.
    unsafe { bindings::generic_file_llseek_size(file, offset, whence, 2, 2) }
}

/// `empty_dir_readdir`: the dots.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn empty_dir_readdir(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory of ours and a context for this call.
    let (inode, ctx, parent) = unsafe { vfs::readdir_args(file, ctx) };
    ctx.emit_dots(inode.ino(), parent);
    0
}

/// Dentry operations of entries (`proc_misc_dentry_ops`): a removed entry's dentry
/// is invalid and not kept.
static PROC_MISC_DOPS: OpsTable<bindings::dentry_operations> =
    OpsTable(bindings::dentry_operations {
        d_revalidate: Some(proc_misc_d_revalidate),
        d_delete: Some(proc_misc_d_delete),
        // SAFETY: All-zero is a valid `dentry_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::dentry_operations>::zeroed() }
    });

/// `proc_lookup`: nothing but pids is visible with `subset=pid`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_lookup(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the directory inode and the dentry being looked up.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Dentry::from_raw(dentry)) };
    vfs::lookup_result((|| {
        let de = dir.pde().ok_or(ENOENT)?;
        if fs_info(dir.super_block()).pidonly() {
            return Err(ENOENT);
        }
        lookup_de(dir, dentry, de)
    })())
}

/// `proc_getattr`: the link count comes from the entry, which subdirectories change.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_getattr(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    if let Some(de) = stat.inode().pde() {
        stat.set_nlink(de.nlink());
    }
    0
}

/// `proc_readdir`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_readdir(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open directory and a context for this call.
    let (inode, ctx) = unsafe { (vfs::file_inode(file), DirContext::from_raw(ctx)) };
    let Some(de) = inode.pde() else { return 0 };
    if fs_info(inode.super_block()).pidonly() {
        return 1;
    }
    if !ctx.emit_dots(inode.ino(), parent_ino(de)) {
        return 0;
    }
    c_int::from(readdir_de(ctx, de))
}

/// The inode number of the parent directory of `de`.
fn parent_ino(de: &ProcDirEntry) -> u64 {
    de.parent.as_ref().map_or(de.low_ino, |p| p.low_ino).into()
}

/// `proc_misc_d_revalidate`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_misc_d_revalidate(dentry: *mut bindings::dentry, flags: u32) -> c_int {
    if flags & vfs::LOOKUP_RCU != 0 {
        return ECHILD.to_errno();
    }
    // SAFETY: The VFS passes a positive dentry of ours.
    let dentry = unsafe { Dentry::from_raw(dentry) };
    c_int::from(
        !dentry
            .inode()
            .and_then(Inode::pde)
            .is_some_and(ProcDirEntry::is_removed),
    )
}

/// `proc_misc_d_delete`.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_misc_d_delete(dentry: *const bindings::dentry) -> c_int {
    // SAFETY: The VFS passes a dentry of ours.
    let dentry = unsafe { Dentry::from_raw(dentry.cast_mut()) };
    c_int::from(
        dentry
            .inode()
            .and_then(Inode::pde)
            .is_some_and(ProcDirEntry::is_removed),
    )
}
