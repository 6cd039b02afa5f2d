// SPDX-License-Identifier: GPL-2.0

//! System V IPC objects as ipc/util.c's `/proc/sysvipc` interface reads them: the
//! opener's ipc and pid namespaces, taken at open and kept until release (`struct
//! ipc_proc_iter`); at each record, one kind's id table (`struct ipc_ids`)
//! read-locked (`ids->rwsem`, which `ipc_rmid` needs for writing, so that no object
//! leaves the table meanwhile), its object found by index in its idr
//! (`idr_get_next`, `idr_find`) and read under its own lock (`rcu_read_lock` and
//! `ipc_lock_object`, as `sysvipc_find_ipc` takes them).
//!
//! Position 0 is the header and position `n` the object at index `n - 1`; a position
//! with no object moves on to the next index, as `sysvipc_find_ipc` does. The table
//! is locked for each record, not from `start` to `stop`: nothing is held between
//! two callbacks.

use super::{
    cred::UserNamespace,
    file::ProcFile,
    ops::{sealed, SeqKind, SeqOpened},
    seq::SeqFile,
    shim::{self, procfs2_ipc_perm_row, procfs2_msg_row, procfs2_shm_row},
};
use core::{ffi::c_void, marker::PhantomData, ptr::NonNull};
use kernel::{bindings, error::to_result, ffi::c_int, prelude::*};

/// The kinds of object, each with its table (`IPC_*_IDS`), and what a feature shows
/// of them.
pub(crate) trait IpcKind: private::Sealed + Sized + 'static {
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

/// What a file of `K` objects shows: its header, and a line per object
/// (`sysvipc_proc_show` and the kind's show function).
pub(crate) trait IpcShow: IpcKind {
    /// The first line (position 0).
    const HEADER: &'static [u8];
    /// Writes an object's line.
    fn show(m: &SeqFile, obj: &IpcLocked<'_, Self>);
}

/// The private data of an open file (`struct ipc_proc_iter`): references on the
/// opener's namespaces, dropped at release.
#[repr(C)]
struct IpcPrivate {
    ipc_ns: *mut bindings::ipc_namespace,
    pid_ns: *mut bindings::pid_namespace,
}

/// Opened by [`ProcFile::sysvipc_open`]; released by `sysvipc_proc_release`.
pub(crate) struct IpcRecords;

impl sealed::Sealed for IpcRecords {}

impl SeqKind for IpcRecords {
    unsafe fn release(file: &ProcFile) -> Result {
        // SAFETY: Per the caller, `sysvipc_open` opened the file: its seq_file's
        // private data is an `IpcPrivate` whose references are ours to drop;
        // `seq_release_private` frees the rest.
        unsafe {
            let p = private((*file.as_ptr()).private_data.cast::<bindings::seq_file>());
            shim::procfs2_put_ipc_ns((*p).ipc_ns);
            shim::put_pid_ns((*p).pid_ns);
            to_result(bindings::seq_release_private(
                file.inode().as_ptr(),
                file.as_ptr(),
            ))
        }
    }
}

/// # Safety
///
/// `m` is the seq_file of a file `sysvipc_open` opened.
unsafe fn private(m: *mut bindings::seq_file) -> *mut IpcPrivate {
    // SAFETY: Per the caller.
    unsafe { (*m).private.cast::<IpcPrivate>() }
}

impl ProcFile {
    /// Opens the file as a seq_file of the opener's `K` objects
    /// (`sysvipc_proc_open`): its ipc namespace and active pid namespace are kept
    /// until release. `ESRCH` for an opener past `exit_task_namespaces`.
    pub(crate) fn sysvipc_open<K: IpcShow>(&self) -> Result<SeqOpened<'_, IpcRecords>> {
        self.unopened()?;
        // SAFETY: The caller's own namespace proxy, which only it changes.
        let nsproxy = unsafe { shim::procfs2_current_nsproxy() };
        if nsproxy.is_null() {
            return Err(ESRCH);
        }
        // SAFETY: The file is being opened; `__seq_open_private` makes its seq_file
        // with a zeroed private area of the size asked for.
        let p = unsafe {
            bindings::__seq_open_private(
                self.as_ptr(),
                &IpcTable::<K>::TABLE,
                core::mem::size_of::<IpcPrivate>() as c_int,
            )
        }
        .cast::<IpcPrivate>();
        if p.is_null() {
            return Err(ENOMEM);
        }
        // SAFETY: A zeroed `IpcPrivate` that this open owns until release; the
        // references taken here are dropped there. `nsproxy` is the caller's.
        unsafe {
            (*p).ipc_ns = shim::procfs2_nsproxy_get_ipc_ns(nsproxy);
            (*p).pid_ns = shim::procfs2_current_active_pid_ns_get();
        }
        // SAFETY: Opened just above as this kind.
        Ok(unsafe { SeqOpened::new() })
    }
}

/// The `K` table of a namespace, read-locked while this lives.
///
/// # Invariants
///
/// `ids` is that table of a namespace an open file holds, whose `rwsem` this holds
/// for reading. Not `Send`.
struct IpcIds<K: IpcKind> {
    ids: *mut shim::ipc_ids,
    pid_ns: *mut bindings::pid_namespace,
    _p: PhantomData<(K, *mut ())>,
}

impl<K: IpcKind> IpcIds<K> {
    /// Read-locks the `K` table of the file's namespace (`down_read(&ids->rwsem)`).
    ///
    /// # Safety
    ///
    /// `p` is the private data of a file `sysvipc_open` opened, during a callback.
    unsafe fn lock(p: *mut IpcPrivate) -> Self {
        // SAFETY: Per the caller the namespace is held; `K::IDS` indexes its tables.
        let ids = unsafe { shim::procfs2_ipc_ids((*p).ipc_ns, K::IDS) };
        // SAFETY: The table's rwsem, released in `drop`.
        unsafe { shim::procfs2_ipc_ids_down_read(ids) };
        // INVARIANT: Locked above.
        Self {
            ids,
            // SAFETY: As above.
            pid_ns: unsafe { (*p).pid_ns },
            _p: PhantomData,
        }
    }

    /// The lowest index at or above `idx` with an object (`idr_get_next`).
    fn next_index(&self, idx: u32) -> Option<u32> {
        let mut idx = i32::try_from(idx).ok()?;
        // SAFETY: The table is read-locked (type invariant); `idr_get_next` reads
        // the idr under it and sets `idx`.
        let perm = unsafe { shim::procfs2_ipc_get_next(self.ids, &mut idx) };
        (!perm.is_null()).then_some(idx as u32)
    }

    /// Runs `f` on the object at index `idx`, locked, if there is one (`idr_find`).
    fn with_object(&self, idx: u32, f: impl FnOnce(&IpcLocked<'_, K>)) {
        let Ok(idx) = i32::try_from(idx) else { return };
        // SAFETY: As in `next_index`.
        let Some(perm) = NonNull::new(unsafe { shim::procfs2_ipc_find(self.ids, idx) }) else {
            return;
        };
        // SAFETY: An object of the locked table, which keeps it; its lock is a
        // spinlock, released in `IpcLocked::drop`.
        unsafe { shim::procfs2_ipc_lock(perm.as_ptr()) };
        // INVARIANT: Locked above.
        f(&IpcLocked {
            perm,
            pid_ns: self.pid_ns,
            _p: PhantomData,
        });
    }
}

impl<K: IpcKind> Drop for IpcIds<K> {
    fn drop(&mut self) {
        // SAFETY: Taken in `lock` (type invariant).
        unsafe { shim::procfs2_ipc_ids_up_read(self.ids) };
    }
}

/// A locked `K` object.
///
/// # Invariants
///
/// `perm` is the `kern_ipc_perm` of a `K` object of a read-locked table, which keeps
/// it, with RCU and the object's lock held; `pid_ns` is the opener's pid namespace,
/// held by the open file. Not `Send`.
pub(crate) struct IpcLocked<'a, K: IpcKind> {
    perm: NonNull<bindings::kern_ipc_perm>,
    pid_ns: *mut bindings::pid_namespace,
    _p: PhantomData<(&'a IpcIds<K>, *mut ())>,
}

impl<K: IpcKind> Drop for IpcLocked<'_, K> {
    fn drop(&mut self) {
        // SAFETY: Taken in `with_object` (type invariant).
        unsafe { shim::procfs2_ipc_unlock(self.perm.as_ptr()) };
    }
}

/// The columns every kind prints first: key, id, mode, and the owner's and
/// creator's ids mapped into a user namespace.
pub(crate) type PermRow = procfs2_ipc_perm_row;
/// A message queue's columns (`sysvipc_msg_proc_show`), pids in the opener's pid
/// namespace.
pub(crate) type MsgRow = procfs2_msg_row;
/// A segment's columns but rss and swap (`sysvipc_shm_proc_show`), pids in the
/// opener's pid namespace.
pub(crate) type ShmRow = procfs2_shm_row;

impl<K: IpcKind> IpcLocked<'_, K> {
    /// Key, id, mode and ids (`from_kuid_munged` and `from_kgid_munged` into `ns`).
    pub(crate) fn perm_row(&self, ns: &UserNamespace) -> PermRow {
        let mut r = PermRow::default();
        // SAFETY: The object is locked (type invariant); `ns` is a live namespace.
        unsafe { shim::procfs2_ipc_perm_row(self.perm.as_ptr(), ns.as_ptr(), &mut r) };
        r
    }
}

impl IpcLocked<'_, Msg> {
    /// The queue's columns.
    pub(crate) fn msg_row(&self) -> MsgRow {
        let mut r = MsgRow::default();
        // SAFETY: A locked message queue (type invariant: a `Msg` table's object);
        // the pid namespace is held.
        unsafe { shim::procfs2_msg_row(self.perm.as_ptr(), self.pid_ns, &mut r) };
        r
    }
}

impl IpcLocked<'_, Shm> {
    /// The segment's columns.
    pub(crate) fn shm_row(&self) -> ShmRow {
        let mut r = ShmRow::default();
        // SAFETY: A locked segment (type invariant: a `Shm` table's object); the pid
        // namespace is held.
        unsafe { shim::procfs2_shm_row(self.perm.as_ptr(), self.pid_ns, &mut r) };
        r
    }

    /// `shm_add_rss_swap`: the pages of the segment's file, and its swapped pages
    /// (none counted for a hugetlbfs segment).
    pub(crate) fn rss_swap(&self) -> (u64, u64) {
        let mut rss = 0;
        // SAFETY: A locked segment; its file is held while it exists.
        let hugetlb = unsafe { shim::procfs2_shm_rss_hugetlb(self.perm.as_ptr(), &mut rss) };
        let swap = if cfg!(CONFIG_SHMEM) && !hugetlb {
            // SAFETY: A segment not of hugetlbfs has a shmem file.
            unsafe { shim::procfs2_shm_swapped(self.perm.as_ptr()) }
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
                shim::procfs2_sem_nsems(self.perm.as_ptr()),
                shim::procfs2_sem_ctime(self.perm.as_ptr()),
            )
        }
    }

    /// `get_semotime`: the latest `semop` time of its semaphores, each read once
    /// without its own lock (fs/proc enters the set's complex mode to take them all,
    /// which moves the set's later operations to its global lock for a while; a read
    /// here changes nothing).
    pub(crate) fn otime(&self) -> i64 {
        let (nsems, _) = self.nsems_ctime();
        let mut stride = 0usize;
        // SAFETY: A locked semaphore set; `sems[0]` exists (`newary` refuses 0).
        let first = unsafe { shim::procfs2_sem_otime_first(self.perm.as_ptr(), &mut stride) };
        let (mut res, mut p) = (0, first);
        for i in 0..nsems.max(0) {
            // SAFETY: `sem_otime` of `sems[i]`, `i` below `sem_nsems` (fixed at
            // creation), `stride` bytes (`sizeof(struct sem)`) apart; read once, as a
            // writer changes it under that semaphore's lock (or the set's, held here).
            let t = unsafe { core::ptr::read_volatile(p) };
            if i == 0 || t > res {
                res = t;
            }
            p = p.wrapping_byte_add(stride);
        }
        res
    }
}

/// The seq_file operations of a `K` file: the cookie is the position plus one.
struct IpcTable<K>(PhantomData<K>);

impl<K: IpcShow> IpcTable<K> {
    const TABLE: bindings::seq_operations = bindings::seq_operations {
        start: Some(ipc_start::<K>),
        next: Some(ipc_next::<K>),
        stop: Some(ipc_stop),
        show: Some(ipc_show::<K>),
    };
}

/// The cookie of the header or the first object at or after `*pos`, whose position
/// `*pos` becomes (`sysvipc_find_ipc`); NULL past the last one (`*pos` unchanged).
///
/// # Safety
///
/// `m` is the seq_file of a file `sysvipc_open::<K>` opened, during a callback.
unsafe fn ipc_cookie<K: IpcShow>(m: *mut bindings::seq_file, pos: &mut i64) -> *mut c_void {
    let found = match u64::try_from(*pos) {
        Ok(0) => Some(0),
        Ok(p) => u32::try_from(p - 1).ok().and_then(|idx| {
            // SAFETY: Per the caller.
            let ids = unsafe { IpcIds::<K>::lock(private(m)) };
            ids.next_index(idx).map(|i| u64::from(i) + 1)
        }),
        Err(_) => None,
    };
    match found {
        Some(p) => {
            *pos = p as i64;
            (p as usize + 1) as *mut c_void
        }
        None => core::ptr::null_mut(),
    }
}

/// # Safety
///
/// `seq_operations.start` of a file `sysvipc_open::<K>` opened.
unsafe extern "C" fn ipc_start<K: IpcShow>(
    m: *mut bindings::seq_file,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position.
    unsafe { ipc_cookie::<K>(m, &mut *pos) }
}

/// # Safety
///
/// `seq_operations.next` of a file `sysvipc_open::<K>` opened.
unsafe extern "C" fn ipc_next<K: IpcShow>(
    m: *mut bindings::seq_file,
    _v: *mut c_void,
    pos: *mut bindings::loff_t,
) -> *mut c_void {
    // SAFETY: The seq_file core passes our seq_file and its position, which `next`
    // must always advance.
    unsafe {
        *pos = (*pos).wrapping_add(1);
        ipc_cookie::<K>(m, &mut *pos)
    }
}

/// # Safety
///
/// `seq_operations.stop`: nothing is held between `start` and `stop`.
unsafe extern "C" fn ipc_stop(_m: *mut bindings::seq_file, _v: *mut c_void) {}

/// `sysvipc_proc_show`: the header, or the object at the cookie's position if it is
/// still there.
///
/// # Safety
///
/// `seq_operations.show` of a file `sysvipc_open::<K>` opened.
unsafe extern "C" fn ipc_show<K: IpcShow>(m: *mut bindings::seq_file, v: *mut c_void) -> c_int {
    // SAFETY: The seq_file core passes our seq_file, valid during the call.
    let seq = unsafe { SeqFile::from_raw(m) };
    match (v as usize).checked_sub(1) {
        Some(0) => seq.write(K::HEADER),
        Some(pos) => {
            if let Ok(idx) = u32::try_from(pos - 1) {
                // SAFETY: Per the caller.
                let ids = unsafe { IpcIds::<K>::lock(private(m)) };
                ids.with_object(idx, |obj| K::show(seq, obj));
            }
        }
        None => {}
    }
    0
}
