// SPDX-License-Identifier: GPL-2.0

//! The superblock (`struct super_block`) of a procfs2 mount.

use super::{
    cred::PidNamespace,
    dentry::{NewRoot, Pins},
    inode::NewInode,
    ops::SuperOps,
};
use core::{any::TypeId, marker::PhantomData, ptr::NonNull};
use kernel::{
    bindings,
    error::to_result,
    ffi::c_int,
    prelude::*,
    types::{ARef, Opaque},
};

/// `SB_*` flags from `include/linux/fs.h`, which bindgen cannot evaluate (`BIT()`);
/// `shim/private.c` asserts at build time that they match.
pub(crate) const SB_NOSUID: usize = 1 << 1;
pub(crate) const SB_NOEXEC: usize = 1 << 3;
pub(crate) const SB_NODIRATIME: usize = 1 << 11;

/// fs/proc's `struct proc_fs_info` (include/linux/proc_fs.h), field for field;
/// `shim/private.c` asserts at build time that its size and offsets are these.
///
/// Kernel code that procfs2 hands one of its files to takes the file's superblock
/// for fs/proc's and reads this structure from `s_fs_info`: pidfs's
/// `pidfd_show_fdinfo` (`proc_pid_ns(file_inode(m->file)->i_sb)`), which fdinfo
/// reaches through `show_fdinfo`; fs/locks.c's `lock_get_status` and the keys'
/// `request_key_auth_describe` do the same from the seq_files of fs/proc's `locks`
/// and `keys`, and TOMOYO's `tomoyo_get_absolute_path` from any superblock with
/// `PROC_SUPER_MAGIC`. Each of them reads `pid_ns` alone (a grep of the tree for
/// `proc_sb_info` and `proc_pid_ns` outside fs/proc finds no other field), so
/// procfs2's state starts with this structure holding the mount's pid namespace,
/// counted, and zeroes in the fields only fs/proc itself reads.
#[repr(C)]
struct ProcFsInfo {
    pid_ns: *mut bindings::pid_namespace,
    proc_self: *mut bindings::dentry,
    proc_thread_self: *mut bindings::dentry,
    pid_gid: bindings::kgid_t,
    hide_pid: c_int,
    pidonly: c_int,
    rcu: bindings::callback_head,
}

/// The layout `shim/private.c` asserts for `struct proc_fs_info`.
const _: () = {
    assert!(core::mem::size_of::<ProcFsInfo>() == 56);
    assert!(core::mem::offset_of!(ProcFsInfo, pid_ns) == 0);
    assert!(core::mem::offset_of!(ProcFsInfo, proc_self) == 8);
    assert!(core::mem::offset_of!(ProcFsInfo, proc_thread_self) == 16);
    assert!(core::mem::offset_of!(ProcFsInfo, pid_gid) == 24);
    assert!(core::mem::offset_of!(ProcFsInfo, hide_pid) == 28);
    assert!(core::mem::offset_of!(ProcFsInfo, pidonly) == 32);
    assert!(core::mem::offset_of!(ProcFsInfo, rcu) == 40);
};

/// The part of what `s_fs_info` points to that does not depend on the state's type:
/// fs/proc's structure first, then the state's type.
#[repr(C)]
struct Head {
    proc: ProcFsInfo,
    ty: TypeId,
    pins: Pins,
}

/// What `s_fs_info` points to: the head, then the file system's state, read back
/// only as the type the head names.
#[repr(C)]
struct Tagged<T> {
    head: Head,
    info: T,
}

/// A superblock.
///
/// # Invariants
///
/// The object is a valid `struct super_block` of procfs2 while a reference to it
/// exists; its `s_fs_info` is null or a [`Tagged`] value set by
/// [`SuperBlock::set_info`], whose `pid_ns` holds a reference.
///
/// `S` is [`Live`] for a superblock anyone may use, [`New`] for one in `fill_super`:
/// only that one can be set up, and it derefs to the live kind for everything else.
#[repr(transparent)]
pub(crate) struct SuperBlock<S = Live>(Opaque<bindings::super_block>, PhantomData<S>);

/// A superblock that may be visible to others: nothing in it is set up any more.
pub(crate) struct Live;
/// A superblock in `fill_super`: locked and not yet visible to anyone else.
pub(crate) struct New;

impl<S> SuperBlock<S> {
    fn as_ptr(&self) -> *mut bindings::super_block {
        self.0.get()
    }
}

impl core::ops::Deref for SuperBlock<New> {
    type Target = SuperBlock;

    fn deref(&self) -> &SuperBlock {
        // SAFETY: The two kinds differ only in a zero-sized marker; a new superblock
        // may be used as any other.
        unsafe { &*core::ptr::from_ref(self).cast::<SuperBlock>() }
    }
}

impl SuperBlock<New> {
    /// # Safety
    ///
    /// `ptr` must be the superblock of a running `fill_super`, valid for `'a`.
    pub(super) unsafe fn from_raw_new<'a>(ptr: *mut bindings::super_block) -> &'a Self {
        // SAFETY: Transparent over the C struct (the marker is zero-sized); per the
        // caller.
        unsafe { &*ptr.cast() }
    }

    /// Sets up the fields `proc_fill_super` sets: flags, block size, magic, time
    /// granularity and stacking depth. Called from `fill_super`, before the
    /// superblock is visible to anyone else.
    pub(crate) fn setup(&self, flags: usize, iflags: usize, blocksize_bits: u8, magic: usize) {
        let sb = self.as_ptr();
        // SAFETY: `fill_super` runs with the superblock locked and not yet live, so
        // these plain writes race with nothing; `s_shrink` is allocated by `sget_fc`
        // before `fill_super` is called.
        unsafe {
            (*sb).s_flags |= flags;
            (*sb).s_iflags |= iflags;
            (*sb).s_blocksize_bits = blocksize_bits;
            (*sb).s_blocksize = 1 << blocksize_bits;
            (*sb).s_magic = magic;
            (*sb).s_time_gran = 1;
            (*sb).s_stack_depth = bindings::FILESYSTEM_MAX_STACK_DEPTH as c_int;
            // Nothing here needs I/O to recreate.
            (*(*sb).s_shrink).seeks = 0;
        }
    }

    /// Installs the superblock operations (`s_op`), from `fill_super`.
    pub(super) fn set_ops(&self, ops: &'static SuperOps) {
        // SAFETY: `fill_super` runs before the superblock is live.
        unsafe { (*self.as_ptr()).s_op = ops.as_ptr() };
    }

    /// Hands `info` to the superblock as its state, behind fs/proc's `proc_fs_info`
    /// holding the reference `pid_ns`; `kill_sb` takes both back.
    pub(super) fn set_info<T: Send + Sync + 'static>(
        &self,
        pid_ns: ARef<PidNamespace>,
        info: T,
        pins: Pins,
    ) -> Result {
        let b = KBox::new(
            Tagged {
                head: Head {
                    proc: ProcFsInfo {
                        pid_ns: ARef::into_raw(pid_ns).as_ptr().cast(),
                        proc_self: core::ptr::null_mut(),
                        proc_thread_self: core::ptr::null_mut(),
                        pid_gid: bindings::kgid_t { val: 0 },
                        hide_pid: 0,
                        pidonly: 0,
                        // SAFETY: An unqueued `rcu_head` is all zeroes.
                        rcu: unsafe { core::mem::zeroed() },
                    },
                    ty: TypeId::of::<T>(),
                    pins,
                },
                info,
            },
            GFP_KERNEL,
        )?;
        // SAFETY: Called once from `fill_super`, before anything reads `s_fs_info`.
        unsafe { (*self.as_ptr()).s_fs_info = KBox::into_raw(b).cast() };
        Ok(())
    }

    /// Makes `inode` the root (`d_make_root`).
    pub(crate) fn make_root<D>(&self, inode: NewInode<D>) -> Result<&NewRoot> {
        let raw = inode.into_raw();
        // SAFETY: `d_make_root` consumes our reference to `raw`, also on failure.
        let root = unsafe { bindings::d_make_root(raw) };
        if root.is_null() {
            return Err(ENOMEM);
        }
        // SAFETY: `fill_super` owns the superblock; the VFS drops `s_root` on teardown,
        // and the root lives as long as the superblock, which is in `fill_super`.
        unsafe {
            (*self.as_ptr()).s_root = root;
            Ok(NewRoot::from_raw(root))
        }
    }
}

impl SuperBlock {
    /// # Safety
    ///
    /// `ptr` must be a valid procfs2 superblock that outlives `'a`.
    pub(super) unsafe fn from_raw<'a>(ptr: *mut bindings::super_block) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The superblock's state, if it is a `T`.
    pub(crate) fn info<T: 'static>(&self) -> Option<&T> {
        // SAFETY: `s_fs_info` is null or a `Tagged` (type invariant) freed only in
        // `kill_sb`, after the last user of the superblock; its head, first in a
        // `repr(C)` struct, does not depend on the payload type.
        unsafe {
            let p = (*self.as_ptr()).s_fs_info;
            if p.is_null() || (*p.cast::<Head>()).ty != TypeId::of::<T>() {
                return None;
            }
            Some(&(*p.cast::<Tagged<T>>()).info)
        }
    }

    /// The pid namespace the state's head names (`proc_pid_ns`), if the state is set.
    pub(crate) fn pid_ns(&self) -> Option<&PidNamespace> {
        // SAFETY: `s_fs_info` is null or a `Tagged` (type invariant) whose head holds
        // a counted pid namespace until `kill_sb`, after the superblock's last user.
        unsafe {
            let p = (*self.as_ptr()).s_fs_info.cast::<Head>();
            if p.is_null() {
                return None;
            }
            Some(&*(*p).proc.pid_ns.cast::<PidNamespace>())
        }
    }

    /// Takes back the state set by [`SuperBlock::set_info`], if it is a `T`, and
    /// puts the pid namespace its head held.
    ///
    /// # Safety
    ///
    /// Only from `kill_sb`: no other user of the state is left.
    pub(super) unsafe fn take_info<T: 'static>(&self) -> Option<(T, Pins)> {
        self.info::<T>()?;
        let sb = self.as_ptr();
        // SAFETY: The state is a `Tagged<T>` (checked above) made by `KBox::into_raw`,
        // and the caller is its last user; its `pid_ns` holds the reference
        // `set_info` took.
        unsafe {
            let p = core::mem::take(&mut (*sb).s_fs_info);
            let tagged = KBox::into_inner(KBox::from_raw(p.cast::<Tagged<T>>()));
            drop(ARef::<PidNamespace>::from_raw(NonNull::new_unchecked(
                tagged.head.proc.pid_ns.cast(),
            )));
            Some((tagged.info, tagged.head.pins))
        }
    }

    /// A new inode of this superblock (`new_inode`).
    pub(crate) fn new_inode(&self) -> Result<NewInode> {
        // SAFETY: The superblock is valid.
        let inode = NonNull::new(unsafe { bindings::new_inode(self.as_ptr()) }).ok_or(ENOMEM)?;
        // SAFETY: `new_inode` returns an inode we hold the only reference to, made by
        // `alloc_inode`.
        Ok(unsafe { NewInode::from_raw(inode) })
    }

    /// Ends the superblock (`kill_anon_super`).
    ///
    /// # Safety
    ///
    /// Only from `kill_sb`; the superblock must not be used afterwards.
    pub(super) unsafe fn kill_anon(&self) {
        // SAFETY: Per the caller.
        unsafe { bindings::kill_anon_super(self.as_ptr()) };
    }

    /// Writes back whatever is dirty (`sync_filesystem`); nothing is, for procfs2, but
    /// fs/proc calls it on reconfiguration too.
    pub(crate) fn sync(&self) -> Result {
        // SAFETY: The superblock is valid and `s_umount` is held by the reconfigure path.
        to_result(unsafe { bindings::sync_filesystem(self.as_ptr()) })
    }
}
