// SPDX-License-Identifier: GPL-2.0

//! Slab caches as mm/slab_common.c's `/proc/slabinfo` lists them: every cache on
//! `slab_caches`, newest first, with `get_slabinfo`'s counts (mm/slub.c).
//!
//! `slab_caches` and `slab_mutex` are not exported, and the list has no RCU: a walk
//! without the mutex races with `kmem_cache_destroy`. But every cache on it since
//! `slab_late_init` (a late initcall, under the mutex) is also a kobject of
//! `slab_kset`, the kset of the exported kmalloc caches' kobjects, and leaves that
//! list (`kobject_del`, under the kset's `list_lock`) before it is freed. A cache
//! made in full is freed only by its kobject's release (`kmem_cache_release`, which
//! frees its name and node structures too); one whose making fails after it joined
//! the kset is freed directly, while its count (`refcount`) is still 0. So the walk
//! takes `list_lock` only to step, and holds a reference (`kobject_get_unless_zero`)
//! on the cache it shows, taken only while its count is not 0, with no lock held.
//!
//! The order: `slab_late_init` added the caches of boot in `slab_caches` order
//! (newest first) to the kset, whose list is in order of addition; later caches go
//! to the head of `slab_caches` and the tail of the kset. The oldest cache of boot,
//! the last one added then, is `kmem_cache` itself (`bootstrap`), found as the cache
//! of a kmalloc cache's structure. So `/proc`'s order is the kset's entries after
//! that cache from the tail back, then its entries from the head up to that cache.

use super::{lock::SpinGuard, shim::*};
use core::{
    ptr::NonNull,
    sync::atomic::{AtomicPtr, Ordering},
};
use kernel::{
    bindings,
    ffi::{c_long, c_ulong},
    prelude::*,
    str::CStr,
};

/// A slab cache, kept by a reference on its sysfs kobject.
///
/// # Invariants
///
/// `self.0` is a cache on `slab_kset` whose kobject this holds a reference on, so
/// the cache, its name and its node structures stay allocated.
pub(crate) struct SlabCache(NonNull<bindings::kmem_cache>);

impl Drop for SlabCache {
    fn drop(&mut self) {
        // SAFETY: The reference this holds (type invariant); its release frees the
        // cache if it was destroyed meanwhile. Never called under a spinlock.
        unsafe { bindings::kobject_put(procfs2_kmem_cache_kobj(self.0.as_ptr())) };
    }
}

/// `struct slabinfo` as SLUB fills it (`limit`, `batchcount`, `shared` and
/// `shared_avail` are 0; `active_slabs` is `num_slabs`).
pub(crate) struct SlabInfo {
    pub(crate) active_objs: c_ulong,
    pub(crate) num_objs: c_ulong,
    pub(crate) num_slabs: c_ulong,
    pub(crate) objects_per_slab: u32,
    pub(crate) cache_order: u32,
}

impl SlabCache {
    /// The cache's name (`s->name`).
    pub(crate) fn name(&self) -> &CStr {
        // SAFETY: A held cache (type invariant); its name is a NUL-terminated
        // string freed only with the cache.
        unsafe { CStr::from_char_ptr(procfs2_kmem_cache_name(self.0.as_ptr())) }
    }

    /// The object size with metadata (`s->size`).
    pub(crate) fn size(&self) -> u32 {
        // SAFETY: A held cache (type invariant).
        unsafe { procfs2_kmem_cache_size(self.0.as_ptr()) }
    }

    /// `get_slabinfo`: the node counts summed, with C's unsigned arithmetic.
    pub(crate) fn info(&self) -> SlabInfo {
        let s = self.0.as_ptr();
        let (mut nr_slabs, mut nr_objs, mut nr_free): (c_ulong, c_ulong, c_ulong) = (0, 0, 0);
        // SAFETY: `nr_node_ids` is set at boot.
        for node in 0..unsafe { procfs2_nr_node_ids() } {
            // SAFETY: A held cache (type invariant) has `nr_node_ids` node slots.
            let Some(n) = NonNull::new(unsafe { procfs2_kmem_cache_get_node(s, node) }) else {
                continue;
            };
            // SAFETY: A node structure of a held cache, freed only with it.
            let n = unsafe { KmemCacheNode::new(n) };
            nr_slabs = nr_slabs.wrapping_add(n.nr_slabs());
            nr_objs = nr_objs.wrapping_add(n.nr_objs());
            nr_free = nr_free.wrapping_add(n.count_partial_free_approx());
        }
        SlabInfo {
            active_objs: nr_objs.wrapping_sub(nr_free),
            num_objs: nr_objs,
            num_slabs: nr_slabs,
            // SAFETY: A held cache; `oo` is read as `get_slabinfo` reads it.
            objects_per_slab: unsafe { procfs2_kmem_cache_oo_objects(s) },
            // SAFETY: As above.
            cache_order: unsafe { procfs2_kmem_cache_oo_order(s) },
        }
    }
}

/// A cache's structure for one node (`struct kmem_cache_node`).
///
/// # Invariants
///
/// `self.0` is a node structure of a cache a [`SlabCache`] holds, for the life of
/// this value.
struct KmemCacheNode(NonNull<kmem_cache_node>);

impl KmemCacheNode {
    /// # Safety
    ///
    /// `n` is a node structure of a held cache, which stays held while this lives.
    unsafe fn new(n: NonNull<kmem_cache_node>) -> Self {
        Self(n)
    }

    /// `node_nr_slabs`.
    fn nr_slabs(&self) -> c_ulong {
        // SAFETY: Valid (type invariant); an atomic read.
        unsafe { procfs2_node_nr_slabs(self.0.as_ptr()) }
    }

    /// `node_nr_objs`.
    fn nr_objs(&self) -> c_ulong {
        // SAFETY: As in `nr_slabs`.
        unsafe { procfs2_node_nr_objs(self.0.as_ptr()) }
    }

    /// `count_partial_free_approx`: the free objects of the partial slabs, under the
    /// node's `list_lock`; past `MAX_PARTIAL_TO_SCAN` slabs, that many from both
    /// ends, scaled to the list's length.
    fn count_partial_free_approx(&self) -> c_ulong {
        const MAX: c_ulong = PROCFS2_MAX_PARTIAL_TO_SCAN as c_ulong;
        let n = self.0.as_ptr();
        // SAFETY: Valid (type invariant); released below.
        let flags = unsafe { procfs2_kmem_cache_node_lock(n) };
        // SAFETY: Under `list_lock`, which guards `partial` and `nr_partial`; every
        // entry of `partial` is a slab's `slab_list`. `free` keeps C's int result
        // and its conversion on the addition to an unsigned long.
        let x = unsafe {
            let head = procfs2_node_partial(n);
            let nr_partial = procfs2_node_nr_partial(n);
            let free = |e| procfs2_partial_slab_free(e) as c_long as c_ulong;
            let mut x: c_ulong = 0;
            if nr_partial <= MAX {
                let mut e = (*head).next;
                while e != head {
                    x = x.wrapping_add(free(e));
                    e = (*e).next;
                }
            } else {
                let mut scanned: c_ulong = 0;
                let mut e = (*head).next;
                while e != head {
                    x = x.wrapping_add(free(e));
                    scanned += 1;
                    if scanned == MAX / 2 {
                        break;
                    }
                    e = (*e).next;
                }
                let mut e = (*head).prev;
                while e != head {
                    x = x.wrapping_add(free(e));
                    scanned += 1;
                    if scanned == MAX {
                        break;
                    }
                    e = (*e).prev;
                }
                // mult_frac(x, nr_partial, scanned); an empty list despite
                // `nr_partial` (never, under the lock) counts nothing.
                if let (Some(q), Some(r)) = (x.checked_div(scanned), x.checked_rem(scanned)) {
                    x = q
                        .wrapping_mul(nr_partial)
                        .wrapping_add(r.wrapping_mul(nr_partial) / scanned);
                } else {
                    x = 0;
                }
                x = x.min(procfs2_node_nr_objs(n));
            }
            x
        };
        // SAFETY: Taken above, with these flags.
        unsafe { procfs2_kmem_cache_node_unlock(n, flags) };
        x
    }
}

/// Which part of the kset's list a position is in.
#[derive(Clone, Copy)]
enum Part {
    /// After the oldest cache of boot: walked from the tail back.
    Later,
    /// Up to the oldest cache of boot: walked from the head.
    Boot,
}

/// A kobject on `slab_kset` and the part of the list it is in.
#[derive(Clone, Copy)]
struct Pos {
    kobj: *mut bindings::kobject,
    part: Part,
}

/// `slab_kset`, locked, and the oldest cache of boot.
///
/// # Invariants
///
/// `kset` is `slab_kset`, whose `list_lock` this holds; `boot_last` is the
/// `kmem_cache` cache, which is never destroyed.
struct LockedKset<'a> {
    kset: *mut bindings::kset,
    boot_last: *const bindings::kmem_cache,
    _lock: SpinGuard<'a>,
}

impl LockedKset<'_> {
    /// Locks `slab_kset`; `None` if the kmalloc caches have no kset (sysfs failed).
    fn lock() -> Option<Self> {
        // SAFETY: The kmalloc caches are made at boot and never destroyed.
        let kset = unsafe { procfs2_slab_kset() };
        if kset.is_null() {
            return None;
        }
        // SAFETY: As above; `kmem_cache` is never destroyed either.
        let boot_last = unsafe { procfs2_kmem_cache_cache() };
        // SAFETY: `slab_kset` is never freed; released in `drop`.
        let lock = unsafe { SpinGuard::lock(procfs2_kset_list_lock(kset)) };
        // INVARIANT: Locked just above.
        Some(Self {
            kset,
            boot_last,
            _lock: lock,
        })
    }

    /// Whether `kobj`, on the list, is the oldest cache of boot.
    fn is_boot_last(&self, kobj: *mut bindings::kobject) -> bool {
        // SAFETY: Every kobject of `slab_kset` is a cache's; only its address is used.
        core::ptr::eq(unsafe { procfs2_kobj_kmem_cache(kobj) }, self.boot_last)
    }

    /// The head of the list, in the boot part.
    fn boot_first(&self) -> Option<Pos> {
        // SAFETY: The list is locked (type invariant).
        let kobj = unsafe { procfs2_kset_first(self.kset) };
        (!kobj.is_null()).then_some(Pos {
            kobj,
            part: Part::Boot,
        })
    }

    /// The newest cache.
    fn first(&self) -> Option<Pos> {
        let head = self.boot_first()?;
        // SAFETY: The list is locked (type invariant) and not empty.
        let kobj = unsafe { procfs2_kset_last(self.kset) };
        if self.is_boot_last(kobj) {
            return Some(head);
        }
        Some(Pos {
            kobj,
            part: Part::Later,
        })
    }

    /// The cache after `p` in `/proc`'s order.
    ///
    /// # Safety
    ///
    /// `p.kobj` is on the list, and `p.part` its part.
    unsafe fn next(&self, p: Pos) -> Option<Pos> {
        // SAFETY: The list is locked (type invariant) and `p.kobj` on it, as are its
        // neighbours.
        unsafe {
            match p.part {
                Part::Later => {
                    if procfs2_kset_is_first(self.kset, p.kobj) {
                        // The oldest cache of boot is not on the list: no boot part.
                        return None;
                    }
                    let prev = procfs2_kset_prev(p.kobj);
                    if self.is_boot_last(prev) {
                        self.boot_first()
                    } else {
                        Some(Pos {
                            kobj: prev,
                            part: Part::Later,
                        })
                    }
                }
                Part::Boot => {
                    if self.is_boot_last(p.kobj) || procfs2_kset_is_last(self.kset, p.kobj) {
                        None
                    } else {
                        Some(Pos {
                            kobj: procfs2_kset_next(p.kobj),
                            part: Part::Boot,
                        })
                    }
                }
            }
        }
    }

    /// Whether the cache of `kobj`, on the list, is on `slab_caches`: made in full
    /// (`create_cache` sets its count to 1 last; `kmem_cache` and `kmem_cache_node`
    /// keep -1) and not being destroyed (`kmem_cache_destroy` drops the count to 0
    /// as it takes the cache off `slab_caches`). A cache whose making fails after
    /// `sysfs_slab_add` put it on the kset is freed without its kobject's release,
    /// so only a live cache may be held.
    ///
    /// # Safety
    ///
    /// `kobj` is on the locked list.
    unsafe fn is_live(&self, kobj: *mut bindings::kobject) -> bool {
        // SAFETY: Under the list's lock a listed cache is allocated (per the
        // caller); its count is read once (`slab_mutex` guards it, which is not
        // reachable).
        unsafe { procfs2_kmem_cache_live(procfs2_kobj_kmem_cache(kobj)) }
    }

    /// `p` if its cache is live, or the first live one after it.
    ///
    /// # Safety
    ///
    /// As for [`LockedKset::next`], if `p` is `Some`.
    unsafe fn live_from(&self, mut p: Option<Pos>) -> Option<Pos> {
        while let Some(pos) = p {
            // SAFETY: Per the caller, `pos` is on the locked list.
            if unsafe { self.is_live(pos.kobj) } {
                return Some(pos);
            }
            // SAFETY: Per the caller.
            p = unsafe { self.next(pos) };
        }
        None
    }

    /// The live cache `n` places after the first (`seq_list_start(&slab_caches, n)`).
    fn nth(&self, n: usize) -> Option<Pos> {
        // SAFETY: `first` gives a position of this locked list.
        let mut p = unsafe { self.live_from(self.first()) }?;
        for _ in 0..n {
            // SAFETY: `p` came from this locked list.
            p = unsafe { self.live_from(self.next(p)) }?;
        }
        Some(p)
    }

    /// The live cache at `p` or the first after it whose reference can be taken
    /// (a kobject whose count is 0 is being released).
    ///
    /// # Safety
    ///
    /// As for [`LockedKset::next`], if `p` is `Some`.
    unsafe fn pin(&self, p: Option<Pos>) -> Option<(SlabCache, Pos)> {
        // SAFETY: Per the caller.
        let mut p = unsafe { self.live_from(p) };
        while let Some(pos) = p {
            // SAFETY: `pos.kobj` is on the locked list, so allocated.
            if !unsafe { bindings::kobject_get_unless_zero(pos.kobj) }.is_null() {
                // SAFETY: A cache's kobject (every one on `slab_kset` is).
                let s = unsafe { procfs2_kobj_kmem_cache(pos.kobj) };
                // INVARIANT: The reference was just taken on a live cache, which
                // only the kobject's release frees; `s` is not NULL.
                return Some((SlabCache(NonNull::new(s)?), pos));
            }
            // SAFETY: Per the caller.
            p = unsafe { self.live_from(self.next(pos)) };
        }
        None
    }
}

/// Calls `f` on every cache in `/proc/slabinfo`'s order, each held while `f` runs
/// and no lock held. When the cache `f` ran on was destroyed meanwhile, the walk
/// goes on at its position counted again from the newest, as `seq_list_start` finds
/// a reader's position.
pub(crate) fn for_each_cache(mut f: impl FnMut(&SlabCache)) {
    let mut cur: Option<(SlabCache, Pos)> = None;
    let mut shown = 0usize;
    loop {
        let next = {
            let Some(k) = LockedKset::lock() else { return };
            match &cur {
                // SAFETY: `first` and `nth` return positions of the locked list.
                None => unsafe { k.pin(k.first()) },
                Some((_held, pos)) => {
                    // SAFETY: `_held` holds the kobject, so it is allocated; under
                    // the lock, off the list is final (`kobject_del`).
                    if unsafe { procfs2_kobj_unlisted(pos.kobj) } {
                        // Counted from the newest without it, its successor is
                        // where it was (`shown` counts it).
                        // SAFETY: As above.
                        unsafe { k.pin(k.nth(shown.saturating_sub(1))) }
                    } else {
                        // SAFETY: `pos` is on the locked list, in its part (the
                        // part of a listed entry does not change: later caches are
                        // added at the tail).
                        unsafe { k.pin(k.next(*pos)) }
                    }
                }
            }
        };
        // The previous cache's reference goes here, with no lock held.
        cur = next;
        let Some((c, _)) = &cur else { return };
        f(c);
        shown += 1;
    }
}

/// Slab caches that the tests make and destroy through the control file
/// (selftest.rs), so that caches come and go while `slabinfo` is read: slots, each
/// empty or holding a cache made here, never merged with another and never given an
/// object.
pub(crate) struct TestCaches([AtomicPtr<bindings::kmem_cache>; TestCaches::SLOTS]);

impl TestCaches {
    /// The number of slots.
    pub(crate) const SLOTS: usize = 8;

    /// No caches.
    pub(crate) const fn new() -> Self {
        Self([const { AtomicPtr::new(core::ptr::null_mut()) }; TestCaches::SLOTS])
    }

    /// Makes a cache named `name` of `size`-byte objects in slot `slot`: `EINVAL` for
    /// no such slot or a name that does not start with `procfs2_`, `EBUSY` if it holds one, `ENOMEM` if `kmem_cache_create` fails.
    pub(crate) fn create(&self, slot: usize, name: &CStr, size: u32) -> Result {
        let cell = self.0.get(slot).ok_or(EINVAL)?;

        if !cell.load(Ordering::Acquire).is_null() {
            return Err(EBUSY);
        }
        // An unmergeable cache's sysfs directory takes its name, and
        // `sysfs_slab_add` first removes whatever entry of `slab_kset` has that
        // name: only names of procfs2's own are taken (kobject_add would also warn
        // of an empty one).
        if !name.as_bytes().starts_with(b"procfs2_") {
            return Err(EINVAL);
        }
        // SAFETY: `name` is NUL-terminated; the cache keeps its own copy
        // (`kstrdup_const`).
        let s = unsafe { procfs2_test_kmem_cache_create(name.as_char_ptr(), size) };
        if s.is_null() {
            return Err(ENOMEM);
        }
        if cell
            .compare_exchange(
                core::ptr::null_mut(),
                s,
                Ordering::AcqRel,
                Ordering::Acquire,
            )
            .is_err()
        {
            // SAFETY: Made just above, without objects, and seen by no one else.
            unsafe { bindings::kmem_cache_destroy(s) };
            return Err(EBUSY);
        }
        Ok(())
    }

    /// Destroys the cache of slot `slot`: `EINVAL` for no such slot, `ENOENT` if it
    /// is empty.
    pub(crate) fn destroy(&self, slot: usize) -> Result {
        let s = self
            .0
            .get(slot)
            .ok_or(EINVAL)?
            .swap(core::ptr::null_mut(), Ordering::AcqRel);
        if s.is_null() {
            return Err(ENOENT);
        }
        // SAFETY: A cache `create` made, without objects, taken out of its slot
        // above, so destroyed once.
        unsafe { bindings::kmem_cache_destroy(s) };
        Ok(())
    }

    /// Destroys every cache left.
    pub(crate) fn destroy_all(&self) {
        for slot in 0..Self::SLOTS {
            let _ = self.destroy(slot);
        }
    }
}
