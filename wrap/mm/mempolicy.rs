// SPDX-License-Identifier: GPL-2.0

//! Memory policies for `numa_maps` (mm/mempolicy.c): a mapping's policy as
//! `__get_vma_policy` finds it, read under the lock that keeps it instead of with a
//! reference (`mpol_cond_put` drops one through `__mpol_put`, not exported), and the
//! pieces `mpol_to_str` prints.

use super::*;

/// A memory policy, kept for `'a` by the lock its reader holds.
///
/// # Invariants
///
/// Points to a live `struct mempolicy` for `'a`.
pub(crate) struct Mempolicy<'a>(NonNull<bindings::mempolicy>, PhantomData<&'a ()>);

impl Mempolicy<'_> {
    /// # Safety
    ///
    /// `pol` is NULL or a policy that stays live for `'a`.
    pub(in crate::wrap) unsafe fn from_raw<'a>(
        pol: *mut bindings::mempolicy,
    ) -> Option<Mempolicy<'a>> {
        // INVARIANT: Per the caller.
        NonNull::new(pol).map(|p| Mempolicy(p, PhantomData))
    }

    /// `pol->mode`.
    pub(crate) fn mode(&self) -> u16 {
        // SAFETY: Live (type invariant); the mode is set when the policy is made.
        unsafe { shim::procfs2_mpol_mode(self.0.as_ptr()) }
    }

    /// `pol->flags`.
    pub(crate) fn flags(&self) -> u16 {
        // SAFETY: As above.
        unsafe { shim::procfs2_mpol_flags(self.0.as_ptr()) }
    }

    /// `nodes_empty(pol->nodes)`.
    pub(crate) fn nodes_empty(&self) -> bool {
        // SAFETY: As above; a policy's nodes change only under the writer's locks.
        unsafe { shim::procfs2_mpol_nodes_empty(self.0.as_ptr()) }
    }

    /// `%*pbl` of `pol->nodes` into `buf` (`scnprintf`): the bytes written.
    pub(crate) fn nodelist<'b>(&self, buf: &'b mut [u8]) -> &'b [u8] {
        // SAFETY: As above; `scnprintf` writes at most `buf.len()` bytes, NUL included,
        // and returns how many it wrote before the NUL.
        let n = unsafe {
            shim::procfs2_mpol_nodelist(buf.as_mut_ptr().cast(), buf.len(), self.0.as_ptr())
        };
        &buf[..(n.max(0) as usize).min(buf.len())]
    }
}

/// `MPOL_DEFAULT` and the other modes and flags of uapi/linux/mempolicy.h (the
/// kernel crate's bindings lack them; checked in shim/pagewalk.c).
pub(crate) const MPOL_DEFAULT: u16 = 0;
/// `MPOL_LOCAL`.
pub(crate) const MPOL_LOCAL: u16 = 4;
/// `MPOL_MAX`: the modes lie below it.
pub(crate) const MPOL_MAX: u16 = 7;
/// `MPOL_F_STATIC_NODES`.
pub(crate) const MPOL_F_STATIC_NODES: u16 = 1 << 15;
/// `MPOL_F_RELATIVE_NODES`.
pub(crate) const MPOL_F_RELATIVE_NODES: u16 = 1 << 14;
/// `MPOL_F_NUMA_BALANCING`.
pub(crate) const MPOL_F_NUMA_BALANCING: u16 = 1 << 13;
/// `MPOL_MODE_FLAGS`.
pub(crate) const MPOL_MODE_FLAGS: u16 =
    MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING;

/// `policy_modes[mode]` (mm/mempolicy.c, cut out of the tree by Kbuild), for a mode
/// below `MPOL_MAX`.
pub(crate) fn policy_mode_name(mode: u16) -> Option<&'static [u8]> {
    if mode >= MPOL_MAX {
        return None;
    }
    // SAFETY: The table has `MPOL_MAX` entries (checked in shim/private.c), each a
    // static string.
    let name = unsafe {
        kernel::str::CStr::from_char_ptr(*shim::procfs2_policy_modes_table().add(mode.into()))
    };
    Some(name.as_bytes())
}

/// `sp_lookup(sp, start, end)`: the first node of the shared policy's tree that
/// overlaps `start..end`.
///
/// # Safety
///
/// `sp` is a shared policy whose lock this thread holds for reading.
unsafe fn sp_lookup(sp: *mut shim::shared_policy, start: u64, end: u64) -> *mut shim::sp_node {
    // SAFETY: The tree is stable under the read lock (per the caller).
    let mut n = unsafe { shim::procfs2_sp_root(sp) };
    while !n.is_null() {
        // SAFETY: A node of the tree, which is an `sp_node`'s `nd`.
        let p = unsafe { shim::procfs2_sp_node(n) };
        // SAFETY: As above.
        let (ps, pe) = unsafe {
            (
                shim::procfs2_sp_node_start(p) as u64,
                shim::procfs2_sp_node_end(p) as u64,
            )
        };
        if start >= pe {
            // SAFETY: As above.
            n = unsafe { (*n).rb_right };
        } else if end <= ps {
            // SAFETY: As above.
            n = unsafe { (*n).rb_left };
        } else {
            break;
        }
    }
    if n.is_null() {
        return core::ptr::null_mut();
    }
    loop {
        // SAFETY: As above; `rb_prev` walks the same tree.
        let prev = unsafe { bindings::rb_prev(n) };
        if prev.is_null() {
            break;
        }
        // SAFETY: As above.
        let w = unsafe { shim::procfs2_sp_node(prev) };
        // SAFETY: As above.
        if unsafe { shim::procfs2_sp_node_end(w) } as u64 <= start {
            break;
        }
        n = prev;
    }
    // SAFETY: As above.
    unsafe { shim::procfs2_sp_node(n) }
}

impl Vma<'_> {
    /// `__get_vma_policy(vma, vma->vm_start)` handed to `f`, `None` for none (the
    /// task's policy then applies). The mapping's own `vm_policy` is stable under
    /// the mmap lock the walk holds (`vma_replace_policy` needs it for writing).
    /// The only `vm_ops->get_policy` of this tree are shmem's and ipc/shm's: a
    /// mapping of a shmem file (also SysV shm) gives the shared policy of its
    /// inode at `vm_pgoff` (`shmem_get_policy`), read under the policy's lock; SysV
    /// shm on hugetlbfs falls back to `vm_policy` (`shm_get_policy`).
    pub(crate) fn with_policy<R>(&self, f: impl FnOnce(Option<&Mempolicy<'_>>) -> R) -> R {
        let Vma::Area(v) = self else { return f(None) };
        let vma = v.as_ptr();
        // SAFETY: The VMA is kept under the mmap lock; its operations are set when
        // it is made.
        if unsafe { shim::procfs2_vma_has_get_policy(vma) } && self.is_shmem() {
            // SAFETY: A shmem mapping's file is a shmem inode's, counted by the VMA.
            let sp = unsafe { shim::procfs2_vma_shared_policy(vma) };
            // SAFETY: `mpol_shared_policy_lookup`'s unlocked first look.
            if unsafe { shim::procfs2_sp_root(sp) }.is_null() {
                return f(None);
            }
            // SAFETY: The policy's lock, part of the inode the VMA keeps.
            unsafe { shim::procfs2_sp_read_lock(sp) };
            let idx = self.pgoff();
            // SAFETY: Read-locked above.
            let sn = unsafe { sp_lookup(sp, idx, idx.wrapping_add(1)) };
            if sn.is_null() {
                // SAFETY: Locked above. `f` then runs unlocked (it may take the
                // task's lock for the task's policy).
                unsafe { shim::procfs2_sp_read_unlock(sp) };
                return f(None);
            }
            // SAFETY: A node's policy lives while the node is in the tree, which the
            // read lock keeps until the unlock below, after `f`.
            let pol = unsafe { Mempolicy::from_raw(shim::procfs2_sp_node_policy(sn)) };
            let r = f(pol.as_ref());
            // SAFETY: Locked above.
            unsafe { shim::procfs2_sp_read_unlock(sp) };
            return r;
        }
        // SAFETY: `vm_policy` is stable and kept under the mmap lock held for `'a`.
        let pol = unsafe { Mempolicy::from_raw(shim::procfs2_vma_policy(vma)) };
        f(pol.as_ref())
    }
}

/// The nodes with memory (`for_each_node_state(nid, N_MEMORY)`), in order.
pub(crate) fn memory_nodes() -> impl Iterator<Item = i32> {
    // SAFETY: Constants and a read of the exported `node_states`.
    let max = unsafe { shim::procfs2_max_numnodes() };
    // SAFETY: As above.
    let first = unsafe { shim::procfs2_next_memory_node(-1) };
    core::iter::successors(Some(first), move |&n| {
        // SAFETY: As above.
        Some(unsafe { shim::procfs2_next_memory_node(n) })
    })
    .take_while(move |&n| n < max)
}

/// `node_state(nid, N_MEMORY)` for a node below `MAX_NUMNODES`.
pub(crate) fn node_has_memory(nid: i32) -> bool {
    // SAFETY: A constant.
    let max = unsafe { shim::procfs2_max_numnodes() };
    // SAFETY: `nid` is a node number (checked); `node_states` is exported.
    (0..max).contains(&nid) && unsafe { shim::procfs2_node_has_memory(nid) }
}
