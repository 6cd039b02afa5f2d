// SPDX-License-Identifier: GPL-2.0

//! System V IPC objects as ipc/util.c's `/proc/sysvipc` interface reads them: one
//! kind's id table (`struct ipc_ids`) of the caller's ipc namespace, read-locked
//! (`ids->rwsem`, which `ipc_rmid` needs for writing, so that no object leaves the
//! table meanwhile), its objects found by id in its idr (`idr_get_next`,
//! `idr_find`), each read under its own lock (`rcu_read_lock` and
//! `ipc_lock_object`, as `sysvipc_find_ipc` takes them).
//!
//! fs/proc reads the ipc and pid namespaces of whoever opened the file (kept in
//! the iterator from open to release); here they are the reader's at each read.

use super::{
    cred::UserNamespace,
    shim::{self, procfs2_ipc_perm_row, procfs2_msg_row, procfs2_shm_row},
};
use core::{marker::PhantomData, ptr::NonNull};
use kernel::bindings;

/// The kinds of object, each with its table (`IPC_*_IDS`).
pub(crate) trait IpcKind: private::Sealed {
    /// The index of its table in `ipc_namespace.ids`.
    const IDS: u32;
}

mod private {
    pub(crate) trait Sealed {}
}

/// Semaphore sets (`struct sem_array`).
pub(crate) struct Sem;
/// Message queues (`struct msg_queue`).
pub(crate) struct Msg;
/// Shared memory segments (`struct shmid_kernel`).
pub(crate) struct Shm;

impl private::Sealed for Sem {}
impl private::Sealed for Msg {}
impl private::Sealed for Shm {}
impl IpcKind for Sem {
    const IDS: u32 = shim::PROCFS2_IPC_SEM_IDS;
}
impl IpcKind for Msg {
    const IDS: u32 = shim::PROCFS2_IPC_MSG_IDS;
}
impl IpcKind for Shm {
    const IDS: u32 = shim::PROCFS2_IPC_SHM_IDS;
}

/// The `K` table of the caller's ipc namespace, read-locked while this lives.
///
/// # Invariants
///
/// `ids` is that table, whose `rwsem` this holds for reading; the caller's
/// `nsproxy` keeps the namespace (only the caller itself changes it, with
/// `setns` or `unshare`, and not from inside a read). Not `Send`.
pub(crate) struct IpcIds<K: IpcKind> {
    ids: *mut shim::ipc_ids,
    _p: PhantomData<(K, *mut ())>,
}

/// Runs `f` with the caller's `K` table read-locked (`down_read(&ids->rwsem)`, as
/// `sysvipc_proc_start` takes it).
pub(crate) fn with_ipc_ids<K: IpcKind, R>(f: impl FnOnce(&IpcIds<K>) -> R) -> R {
    // SAFETY: The caller's namespace proxy holds its ipc namespace; `K::IDS` is an
    // index of its table array.
    let ids = unsafe { shim::procfs2_current_ipc_ids(K::IDS) };
    // SAFETY: The table's rwsem, taken for reading and released in `drop`.
    unsafe { shim::procfs2_ipc_ids_down_read(ids) };
    // INVARIANT: Locked above.
    let guard = IpcIds::<K> {
        ids,
        _p: PhantomData,
    };
    f(&guard)
}

impl<K: IpcKind> Drop for IpcIds<K> {
    fn drop(&mut self) {
        // SAFETY: Taken in `with_ipc_ids` (type invariant).
        unsafe { shim::procfs2_ipc_ids_up_read(self.ids) };
    }
}

impl<K: IpcKind> IpcIds<K> {
    /// The object with the lowest id at or above `id`, and that id (`idr_get_next`).
    pub(crate) fn get_next(&self, id: u32) -> Option<(u32, IpcObject<'_, K>)> {
        let mut id = i32::try_from(id).ok()?;
        // SAFETY: The table is read-locked (type invariant); `idr_get_next` reads
        // the idr under it and sets `id`.
        let perm = unsafe { shim::procfs2_ipc_get_next(self.ids, &mut id) };
        let perm = NonNull::new(perm)?;
        // INVARIANT: An object of the locked table.
        Some((id as u32, IpcObject(perm, PhantomData)))
    }

    /// The object with id `id` (`idr_find`).
    pub(crate) fn find(&self, id: u32) -> Option<IpcObject<'_, K>> {
        let id = i32::try_from(id).ok()?;
        // SAFETY: As in `get_next`.
        let perm = unsafe { shim::procfs2_ipc_find(self.ids, id) };
        // INVARIANT: An object of the locked table.
        NonNull::new(perm).map(|p| IpcObject(p, PhantomData))
    }
}

/// An object of a read-locked `K` table.
///
/// # Invariants
///
/// The `kern_ipc_perm` of a `K` object in the table `'a` borrows, which keeps it.
pub(crate) struct IpcObject<'a, K: IpcKind>(
    NonNull<bindings::kern_ipc_perm>,
    PhantomData<&'a IpcIds<K>>,
);

impl<'a, K: IpcKind> IpcObject<'a, K> {
    /// Takes the object's lock (`rcu_read_lock`, `ipc_lock_object`) until the guard
    /// drops (`ipc_unlock`).
    pub(crate) fn lock(&self) -> IpcLocked<'_, K> {
        // SAFETY: The object is kept (type invariant); its lock is a spinlock.
        unsafe { shim::procfs2_ipc_lock(self.0.as_ptr()) };
        // INVARIANT: Locked above.
        IpcLocked(self.0, PhantomData)
    }
}

/// A locked object.
///
/// # Invariants
///
/// As [`IpcObject`], with RCU and the object's lock held. Not `Send`.
pub(crate) struct IpcLocked<'a, K: IpcKind>(
    NonNull<bindings::kern_ipc_perm>,
    PhantomData<(&'a IpcIds<K>, *mut ())>,
);

impl<K: IpcKind> Drop for IpcLocked<'_, K> {
    fn drop(&mut self) {
        // SAFETY: Taken in `lock` (type invariant).
        unsafe { shim::procfs2_ipc_unlock(self.0.as_ptr()) };
    }
}

/// The columns every kind prints first: key, id, mode, and the owner's and
/// creator's ids mapped into a user namespace.
pub(crate) type PermRow = procfs2_ipc_perm_row;
/// A message queue's columns (`sysvipc_msg_proc_show`), pids in the caller's pid
/// namespace.
pub(crate) type MsgRow = procfs2_msg_row;
/// A segment's columns but rss and swap (`sysvipc_shm_proc_show`), pids in the
/// caller's pid namespace.
pub(crate) type ShmRow = procfs2_shm_row;

impl<K: IpcKind> IpcLocked<'_, K> {
    /// Key, id, mode and ids (`from_kuid_munged` and `from_kgid_munged` into `ns`).
    pub(crate) fn perm_row(&self, ns: &UserNamespace) -> PermRow {
        let mut r = PermRow::default();
        // SAFETY: The object is locked (type invariant); `ns` is a live namespace.
        unsafe { shim::procfs2_ipc_perm_row(self.0.as_ptr(), ns.as_ptr(), &mut r) };
        r
    }
}

impl IpcLocked<'_, Msg> {
    /// The queue's columns.
    pub(crate) fn msg_row(&self) -> MsgRow {
        let mut r = MsgRow::default();
        // SAFETY: A locked message queue (type invariant: a `Msg` table's object).
        unsafe { shim::procfs2_msg_row(self.0.as_ptr(), &mut r) };
        r
    }
}

impl IpcLocked<'_, Shm> {
    /// The segment's columns.
    pub(crate) fn shm_row(&self) -> ShmRow {
        let mut r = ShmRow::default();
        // SAFETY: A locked segment (type invariant: a `Shm` table's object).
        unsafe { shim::procfs2_shm_row(self.0.as_ptr(), &mut r) };
        r
    }

    /// `shm_add_rss_swap`: the pages of the segment's file, and its swapped pages
    /// (none counted for a hugetlbfs segment).
    pub(crate) fn rss_swap(&self) -> (u64, u64) {
        let mut rss = 0;
        // SAFETY: A locked segment; its file is held while it exists.
        let hugetlb = unsafe { shim::procfs2_shm_rss_hugetlb(self.0.as_ptr(), &mut rss) };
        let swap = if cfg!(CONFIG_SHMEM) && !hugetlb {
            // SAFETY: A segment not of hugetlbfs has a shmem file.
            unsafe { shim::procfs2_shm_swapped(self.0.as_ptr()) }
        } else {
            0
        };
        (rss as u64, swap as u64)
    }
}

impl IpcLocked<'_, Sem> {
    /// The number of semaphores and the last `semctl` time.
    pub(crate) fn nsems_ctime(&self) -> (i32, i64) {
        // SAFETY: A locked semaphore set (type invariant: a `Sem` table's object).
        unsafe {
            (
                shim::procfs2_sem_nsems(self.0.as_ptr()),
                shim::procfs2_sem_ctime(self.0.as_ptr()),
            )
        }
    }

    /// `get_semotime`: the latest `semop` time of its semaphores, each read once
    /// without its own lock (fs/proc enters the set's complex mode to take them all,
    /// which changes how later operations lock; a read here changes nothing).
    pub(crate) fn otime(&self) -> i64 {
        let (nsems, _) = self.nsems_ctime();
        let mut res = 0;
        for i in 0..nsems {
            // SAFETY: `i` is below the set's `sem_nsems`, fixed at creation.
            let t = unsafe { shim::procfs2_sem_otime(self.0.as_ptr(), i) };
            if i == 0 || t > res {
                res = t;
            }
        }
        res
    }
}
