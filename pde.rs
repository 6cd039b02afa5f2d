// SPDX-License-Identifier: GPL-2.0

//! The proc_dir_entry tree and its inodes (fs/proc/generic.c and fs/proc/inode.c).
//!
//! Entries are reference counted like fs/proc's (`pde_get`/`pde_put`): the parent's
//! red-black tree holds one reference, every inode another. The trees of all
//! directories are guarded by one global rwlock (`proc_subdir_lock`), never held
//! across anything that sleeps or copies to user space. Calls into an entry's
//! operations are counted (`use_pde`/`unuse_pde`) so that removal can wait for the
//! calls in flight and refuse new ones.

#[cfg(CONFIG_SYSVIPC)]
use crate::wrap::ipc::{IpcRecords, IpcShow};
use crate::{
    mount::fs_info,
    wrap::seq::SeqFile,
    wrap::{
        dentry::{Lookup, Unhashed, Unpinned},
        file::{DirContext, ProcFile},
        inode::{self, Inode, Kstat, NewInode, WithData},
        ops::{
            DentryOperations, DentryOps, FileOperations, FileOps, InodeOperations, InodeOps,
            ReadFileOperations, Records, SeqFileOperations, SeqOpened, SeqRecords, Single,
        },
        subdir::{self, Counted, Guarded, NameKey, Named, StaticCounted},
        super_block::SuperBlock,
        sync::Rundown,
        LOOKUP_RCU,
    },
};
#[cfg(CONFIG_SYSVIPC)]
use core::marker::PhantomData;
use core::sync::atomic::{AtomicU32, Ordering::*};
use kernel::{
    bindings,
    ffi::c_int,
    prelude::*,
    rbtree::{RBTree, RBTreeNode},
    str::BStr,
    types::ARef,
    uaccess::UserSlice,
};

/// Writes an entry's whole content (`single_show`).
pub(crate) type ShowFn = fn(&SeqFile, &ProcDirEntry) -> Result;

/// Takes what a user wrote to an entry (`proc_write`): at most a page, in one piece.
pub(crate) type WriteFn = fn(&ProcDirEntry, &[u8]) -> Result;

/// A file read record by record (`struct seq_operations` of `proc_create_seq`),
/// addressed by position (see [`SeqRecords`]).
pub(crate) struct SeqOps {
    /// Whether there is a record at `pos`.
    pub(crate) has: fn(&ProcDirEntry, u64) -> bool,
    /// Writes the record at `pos`.
    pub(crate) show: fn(&SeqFile, &ProcDirEntry, u64) -> Result,
}

/// Reads an entry's bytes at `*pos` into the user's buffer, at most `count`, moving
/// `*pos` (the `proc_read` of a `proc_ops` that seeks with `mem_lseek`).
pub(crate) type ReadFn = fn(&ProcDirEntry, UserSlice, usize, &mut i64) -> Result<usize>;

/// A file whose content is one show call and which takes writes (a `proc_ops` with
/// `single_open` and `proc_write`).
pub(crate) struct ProcOps {
    /// Writes the whole content.
    pub(crate) show: ShowFn,
    /// Takes a write.
    pub(crate) write: WriteFn,
}

/// Inode number of the root (`PROC_ROOT_INO`).
pub(crate) const PROC_ROOT_INO: u32 = 1;
/// First inode number of dynamically created entries (`PROC_DYNAMIC_FIRST`).
const PROC_DYNAMIC_FIRST: u32 = 0xF000_0000;
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

type Subdir = RBTree<NameKey<ProcDirEntry>, ARef<ProcDirEntry>>;

/// What an entry serves.
pub(crate) enum Kind {
    /// A directory with these operations (`proc_dir_ops`, `proc_iops`).
    Dir {
        iops: &'static InodeOps,
        fops: &'static FileOps,
    },
    /// A permanently empty directory (`proc_create_mount_point`).
    MountPoint,
    /// A file whose content is one call of the show function (`proc_create_single`),
    /// into a buffer of this many bytes first (`single_open_size`; 0: a page).
    Single(ShowFn, usize),
    /// A file read record by record (`proc_create_seq`).
    Seq(&'static SeqOps),
    /// A file with its own operations: shown in one call, and written (`proc_create`).
    Ops(&'static ProcOps),
    /// A file read at byte positions by its own function, without a seq_file
    /// (`proc_create` with a `proc_read` and `mem_lseek`).
    Read(ReadFn),
    /// A symbolic link to this NUL-terminated target (`proc_symlink`).
    Link(KVec<u8>),
    /// A System V IPC file with these operations (`ipc_init_proc_interface`): the
    /// objects of the opener's ipc namespace ([`create_ipc`]).
    #[cfg(CONFIG_SYSVIPC)]
    Ipc(&'static FileOps),
}

/// A registered entry (`struct proc_dir_entry`): counted, in a `static` (the root)
/// or on the heap, never a value of its own (see [`Counted`]).
pub(crate) type ProcDirEntry = Counted<Entry>;

/// The fields of a [`ProcDirEntry`].
pub(crate) struct Entry {
    /// Calls in flight (`in_use`, `pde_unload_completion`).
    rundown: Rundown,
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

impl Drop for Entry {
    /// The last reference of a dynamic entry is gone: its inode number is free again
    /// (`pde_free`).
    fn drop(&mut self) {
        if self.low_ino >= PROC_DYNAMIC_FIRST {
            inode::ida_free(self.low_ino - PROC_DYNAMIC_FIRST);
        }
    }
}

impl Named for Entry {
    fn name_bytes(&self) -> &[u8] {
        self.name.as_bytes()
    }
}

impl ProcDirEntry {
    /// The root entry (`proc_root`), for a `static`.
    pub(crate) const fn root(
        iops: &'static InodeOps,
        fops: &'static FileOps,
    ) -> StaticCounted<Entry> {
        StaticCounted::new(Entry {
            rundown: Rundown::new(),
            low_ino: PROC_ROOT_INO,
            name: Name::Static(b"/proc"),
            mode: (bindings::S_IFDIR | 0o555) as u16,
            nlink: AtomicU32::new(2),
            parent: None,
            subdir: Guarded::new(None),
            kind: Kind::Dir { iops, fops },
        })
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

    /// Runs `f` as a counted call; `EIO` once the entry is being removed, as fs/proc's
    /// `proc_reg_*` wrappers answer.
    pub(crate) fn with_use<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let _use = self.rundown.enter().ok_or(EIO)?;
        f()
    }

    /// Whether the entry is being or has been removed.
    fn is_removed(&self) -> bool {
        self.rundown.is_closed()
    }

    /// Refuses new calls and waits for those in flight (`proc_entry_rundown`). Open
    /// files stay open; every further call on them fails with `EIO`.
    fn rundown(&self) {
        self.rundown.close();
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

    let id = inode::ida_alloc(u32::MAX - PROC_DYNAMIC_FIRST)?;
    let mut owned =
        KVec::with_capacity(name.len(), GFP_KERNEL).inspect_err(|_| inode::ida_free(id))?;
    owned
        .extend_from_slice(name, GFP_KERNEL)
        .inspect_err(|_| inode::ida_free(id))?;
    let entry = Entry {
        rundown: Rundown::new(),
        low_ino: PROC_DYNAMIC_FIRST + id,
        name: Name::Owned(owned),
        mode,
        nlink: AtomicU32::new(nlink),
        parent: Some(parent.clone()),
        subdir: Guarded::new(None),
        kind,
    };
    // Dropping the entry, from here on, frees its inode number.
    let de = Counted::new_boxed(entry)?;

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

/// A directory at `path` under `parent` (mode 0555) whose content its own
/// operations make (a `proc_mkdir` whose children are not entries of the tree).
pub(crate) fn mkdir_ops(
    parent: &ProcDirEntry,
    path: &[u8],
    iops: &'static InodeOps,
    fops: &'static FileOps,
) -> Result<ARef<ProcDirEntry>> {
    register(
        parent,
        path,
        bindings::S_IFDIR as u16 | 0o555,
        2,
        Kind::Dir { iops, fops },
    )
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
    register(parent, path, file_mode(mode), 1, Kind::Single(show, 0))
}

/// [`create_single`] for a file whose content is about `size` bytes: its buffer is
/// that large from the start (`single_open_size`, as fs/proc's `stat` does), so
/// that the show function runs once and not again for each doubling.
pub(crate) fn create_single_size(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    show: ShowFn,
    size: usize,
) -> Result<ARef<ProcDirEntry>> {
    register(parent, path, file_mode(mode), 1, Kind::Single(show, size))
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

/// A System V IPC file of `K` objects (`ipc_init_proc_interface`, mode 0444).
#[cfg(CONFIG_SYSVIPC)]
pub(crate) fn create_ipc<K: IpcShow>(
    parent: &ProcDirEntry,
    path: &[u8],
) -> Result<ARef<ProcDirEntry>> {
    register(
        parent,
        path,
        file_mode(0),
        1,
        Kind::Ipc(&IpcEntryFile::<K>::FOPS),
    )
}

/// `proc_create` of a file read at byte positions by `read` (mode 0444 when 0).
pub(crate) fn create_read(
    parent: &ProcDirEntry,
    path: &[u8],
    mode: u16,
    read: ReadFn,
) -> Result<ARef<ProcDirEntry>> {
    register(parent, path, file_mode(mode), 1, Kind::Read(read))
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
    Ok(PROC_DYNAMIC_FIRST + inode::ida_alloc(u32::MAX - PROC_DYNAMIC_FIRST)?)
}

/// Gives back a number from [`alloc_inum`] (`proc_free_inum`).
pub(crate) fn free_inum(inum: u32) {
    inode::ida_free(inum - PROC_DYNAMIC_FIRST);
}

// ---------------------------------------------------------------------------
// Inodes and dentries of entries (fs/proc/inode.c, generic.c)
// ---------------------------------------------------------------------------

/// The inode of `de` in `sb` (`proc_get_inode`); the inode keeps a reference.
pub(crate) fn get_inode(sb: &SuperBlock, de: ARef<ProcDirEntry>) -> Result<NewInode<WithData>> {
    let mut inode = sb.new_inode()?;
    inode.set_ino(de.low_ino.into());
    match &de.kind {
        Kind::MountPoint => {
            // `make_empty_dir_inode` is not exported: the same inode, root's, with
            // `empty_dir_inode_operations`' and `empty_dir_operations`' behaviour.
            inode.set_attrs(de.mode, 2, &PROC_EMPTY_DIR_IOPS, Some(&PROC_EMPTY_DIR_FOPS));
            inode.set_owner(0, 0);
        }
        Kind::Dir { iops, fops } => inode.set_attrs(de.mode, de.nlink(), iops, Some(fops)),
        Kind::Single(..) | Kind::Ops(_) => {
            inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, Some(&PROC_REG_FOPS))
        }
        Kind::Seq(_) => inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, Some(&PROC_SEQ_FOPS)),
        Kind::Read(_) => inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, Some(&PROC_READ_FOPS)),
        #[cfg(CONFIG_SYSVIPC)]
        Kind::Ipc(fops) => inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, Some(fops)),
        Kind::Link(_) => {
            inode.set_attrs(de.mode, 1, &PROC_FILE_IOPS, None);
            return inode.set_link(de, |de| match &de.kind {
                Kind::Link(target) => target,
                _ => &[],
            });
        }
    }
    Ok(inode.set_data(de))
}

/// The entry an inode of the tree shows (`PDE`).
fn pde(inode: &Inode) -> Option<&ProcDirEntry> {
    inode.data::<ARef<ProcDirEntry>>()
}

/// The entry of an open file or an inode being opened; `EIO` for any other inode.
fn pde_of(inode: &Inode) -> Result<&ProcDirEntry> {
    pde(inode).ok_or(EIO)
}

/// Looks up `dentry` among the children of `de` (`proc_lookup_de`). No negative
/// dentries: a missing name is `ENOENT`.
pub(crate) fn lookup_de(dir: &Inode, dentry: &Unhashed, de: &ProcDirEntry) -> Result<Lookup> {
    let child = de.lookup_child(dentry.name()).ok_or(ENOENT)?;
    let inode = get_inode(dir.super_block(), child)?;
    dentry.splice_alias(&PROC_MISC_DOPS, inode)
}

/// Emits the children of `de` from position 2 on (`proc_readdir_de`). Returns `true`
/// when it reached the end, `false` when the reader's buffer filled up.
pub(crate) fn readdir_de(ctx: &DirContext, de: &ProcDirEntry) -> bool {
    let Ok(mut i) = usize::try_from(ctx.pos().wrapping_sub(2)) else {
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
        ctx.set_pos(ctx.pos().wrapping_add(1));
        i += 1;
    }
}

/// The inode number of the parent directory of `de`.
fn parent_ino(de: &ProcDirEntry) -> u64 {
    de.parent.as_ref().map_or(de.low_ino, |p| p.low_ino).into()
}

/// Inode operations of regular entry files and links (`proc_file_inode_operations`
/// has none that procfs2 needs).
static PROC_FILE_IOPS: InodeOps = InodeOps::empty();

/// Entry directories (`proc_dir_inode_operations`, `proc_dir_operations`).
struct EntryDir;

static PROC_DIR_IOPS: InodeOps = InodeOps::new::<EntryDir>();
static PROC_DIR_FOPS: FileOps = FileOps::new::<EntryDir>();

#[vtable]
impl InodeOperations for EntryDir {
    /// `proc_lookup`: nothing but pids is visible with `subset=pid`.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let de = pde(dir).ok_or(ENOENT)?;
        if fs_info(dir.super_block())?.pidonly() {
            return Err(ENOENT);
        }
        lookup_de(dir, dentry, de)
    }

    /// `proc_getattr`: the link count comes from the entry, which subdirectories
    /// change.
    fn getattr(stat: &Kstat<'_>) -> Result {
        if let Some(de) = pde(stat.inode()) {
            stat.set_nlink(de.nlink());
        }
        Ok(())
    }
}

#[vtable]
impl FileOperations for EntryDir {
    /// `proc_readdir`.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let inode = file.inode();
        let Some(de) = pde(inode) else {
            return Ok(());
        };
        if fs_info(inode.super_block())?.pidonly() {
            return Ok(());
        }
        if ctx.emit_dots(inode.ino(), parent_ino(de)) {
            readdir_de(ctx, de);
        }
        Ok(())
    }
}

/// Permanently empty directories (`empty_dir_operations`): only `.` and `..`, at
/// offsets 0 and 1.
struct EmptyDir;

static PROC_EMPTY_DIR_FOPS: FileOps = FileOps::new::<EmptyDir>();
static PROC_EMPTY_DIR_IOPS: InodeOps = InodeOps::new::<EmptyDir>();

/// `empty_dir_inode_operations`: nothing to look up, no attribute to change.
#[vtable]
impl InodeOperations for EmptyDir {
    const NOSETATTR: bool = true;

    /// `empty_dir_lookup`.
    fn lookup(_dir: &Inode, _dentry: &Unhashed) -> Result<Lookup> {
        Err(ENOENT)
    }
}

#[vtable]
impl FileOperations for EmptyDir {
    /// `empty_dir_llseek`.
    fn llseek(file: &ProcFile, offset: i64, whence: c_int) -> Result<i64> {
        file.llseek_size(offset, whence, 2, 2)
    }

    /// `empty_dir_readdir`.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        ctx.emit_dots(file.inode().ino(), file.parent_ino());
        Ok(())
    }
}

/// Entry files shown in one call (fs/proc's `proc_iter_file_ops` and `proc_reg_*`
/// over `single_open`): every call but release is counted on the entry, and fails
/// with `EIO` once the entry is removed.
struct EntryFile;

static PROC_REG_FOPS: FileOps = FileOps::seq::<EntryFile>();

#[vtable]
impl SeqFileOperations for EntryFile {
    type Kind = Single;

    /// `proc_reg_open` of a `proc_create_single` or `proc_create` entry.
    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        match pde_of(inode)?.kind {
            Kind::Single(_, 0) | Kind::Ops(_) => file.single_open::<Self>(),
            Kind::Single(_, size) => file.single_open_size::<Self>(size),
            _ => Err(EIO),
        }
    }

    /// `single_show` of `proc_create_single` and `proc_create` entries.
    fn show(m: &SeqFile, inode: &Inode) -> Result {
        let de = pde_of(inode)?;
        match de.kind {
            Kind::Single(show, _) => show(m, de),
            Kind::Ops(ops) => (ops.show)(m, de),
            _ => Err(EIO),
        }
    }

    /// `proc_reg_write`: the entry's write function gets the user's bytes in one
    /// piece (at most a page; `EINVAL` for more); entries without one answer `EIO`.
    fn write(inode: &Inode, buf: UserSlice, count: usize) -> Result<usize> {
        let de = pde_of(inode)?;
        let Kind::Ops(ops) = de.kind else {
            return Err(EIO);
        };
        if count >= bindings::PAGE_SIZE {
            return Err(EINVAL);
        }
        let mut bytes = KVec::new();
        buf.read_all(&mut bytes, GFP_KERNEL)?;
        (ops.write)(de, &bytes)?;
        Ok(count)
    }

    /// `proc_reg_mmap`: no entry maps, so `EIO` (`pde_mmap` without `proc_mmap`).
    fn mmap(_inode: &Inode) -> Result {
        Err(EIO)
    }

    /// Every call but release is counted on the entry (`use_pde`), and fails with
    /// `EIO` once the entry is removed.
    fn call<R>(inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        pde_of(inode)?.with_use(f)
    }
}

/// Entry files read record by record (`proc_create_seq`, `proc_reg_*` over
/// `seq_open`): counted on the entry like [`EntryFile`]'s calls.
struct SeqEntryFile;

static PROC_SEQ_FOPS: FileOps = FileOps::seq::<SeqEntryFile>();

#[vtable]
impl SeqFileOperations for SeqEntryFile {
    type Kind = Records;

    /// `proc_reg_open` of a `proc_create_seq` entry.
    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, Records>> {
        match pde_of(inode)?.kind {
            Kind::Seq(_) => file.seq_open::<Self>(),
            _ => Err(EIO),
        }
    }

    /// `proc_reg_write`: a `proc_create_seq` entry has no write function (`EIO`).
    fn write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
        Err(EIO)
    }

    /// `proc_reg_mmap`, as for [`EntryFile`].
    fn mmap(_inode: &Inode) -> Result {
        Err(EIO)
    }

    fn call<R>(inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        pde_of(inode)?.with_use(f)
    }
}

/// System V IPC entry files (`sysvipc_proc_ops` under `proc_reg_*`): counted on
/// the entry like [`EntryFile`]'s calls.
#[cfg(CONFIG_SYSVIPC)]
struct IpcEntryFile<K>(PhantomData<K>);

#[cfg(CONFIG_SYSVIPC)]
impl<K: IpcShow> IpcEntryFile<K> {
    const FOPS: FileOps = FileOps::seq::<Self>();
}

#[cfg(CONFIG_SYSVIPC)]
#[vtable]
impl<K: IpcShow> SeqFileOperations for IpcEntryFile<K> {
    type Kind = IpcRecords;

    /// `proc_reg_open`, then `sysvipc_proc_open`.
    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a, IpcRecords>> {
        match pde_of(inode)?.kind {
            Kind::Ipc(_) => file.sysvipc_open::<K>(),
            _ => Err(EIO),
        }
    }

    /// `proc_reg_write`: no write function (`EIO`).
    fn write(_inode: &Inode, _buf: UserSlice, _count: usize) -> Result<usize> {
        Err(EIO)
    }

    /// `proc_reg_mmap`, as for [`EntryFile`].
    fn mmap(_inode: &Inode) -> Result {
        Err(EIO)
    }

    fn call<R>(inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        pde_of(inode)?.with_use(f)
    }
}

/// Entry files read at byte positions (`proc_reg_read`, `proc_reg_llseek` over a
/// `proc_read` and `mem_lseek`): counted on the entry like [`EntryFile`]'s calls.
struct ReadEntryFile;

static PROC_READ_FOPS: FileOps = FileOps::read::<ReadEntryFile>();

#[vtable]
impl ReadFileOperations for ReadEntryFile {
    fn read(inode: &Inode, buf: UserSlice, count: usize, pos: &mut i64) -> Result<usize> {
        let de = pde_of(inode)?;
        match de.kind {
            Kind::Read(read) => read(de, buf, count, pos),
            _ => Err(EIO),
        }
    }

    fn call<R>(inode: &Inode, f: impl FnOnce() -> Result<R>) -> Result<R> {
        pde_of(inode)?.with_use(f)
    }
}

impl SeqRecords for SeqEntryFile {
    fn has_record(inode: &Inode, pos: u64) -> bool {
        match pde(inode) {
            Some(de) => match &de.kind {
                Kind::Seq(ops) => (ops.has)(de, pos),
                _ => false,
            },
            None => false,
        }
    }

    fn show_record(m: &SeqFile, inode: &Inode, pos: u64) -> Result {
        match pde(inode) {
            Some(de) => match &de.kind {
                Kind::Seq(ops) => (ops.show)(m, de, pos),
                _ => Err(EIO),
            },
            None => Err(EIO),
        }
    }
}

/// Dentries of entries (`proc_misc_dentry_ops`): a removed entry's dentry is
/// invalid and not kept.
struct MiscDentry;

static PROC_MISC_DOPS: DentryOps = DentryOps::new::<MiscDentry>();

impl MiscDentry {
    fn removed(dentry: &Unpinned) -> bool {
        dentry
            .inode()
            .and_then(pde)
            .is_some_and(ProcDirEntry::is_removed)
    }
}

#[vtable]
impl DentryOperations for MiscDentry {
    /// `proc_misc_d_revalidate`.
    fn revalidate(dentry: &Unpinned, flags: u32) -> Result<bool> {
        if flags & LOOKUP_RCU != 0 {
            return Err(ECHILD);
        }
        Ok(!Self::removed(dentry))
    }

    /// `proc_misc_d_delete`.
    fn delete(dentry: &Unpinned) -> bool {
        Self::removed(dentry)
    }
}
