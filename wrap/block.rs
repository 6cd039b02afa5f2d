// SPDX-License-Identifier: GPL-2.0

//! Disks and their partitions (`struct gendisk`, `struct block_device`) as
//! block/genhd.c's `diskstats` and `partitions` walk them: the disks on
//! `block_class` of `disk_type`, through the exported `class_dev_iter_*`, and each
//! disk's `part_tbl` under RCU.
//!
//! `block_class` and `disk_type` are static in block/genhd.c and not exported.
//! Every block device's inode is on the exported `blockdev_superblock`'s inode
//! list, and `__alloc_disk_node` sets a whole disk's `bd_device.class` to
//! `&block_class` and its `type` to `&disk_type` (the only values either field of a
//! whole disk's device is ever given; a partition's device gets `&part_type`), so
//! the first whole disk on that list gives both pointers. They point at statics of
//! vmlinux and are kept once found.

use super::{
    cpu::possible_cpus, device::ClassDevIter, lock::Rcu, lock::SpinGuard, seq::SeqFile, shim::*,
};
use core::sync::atomic::{AtomicPtr, Ordering};
use kernel::{bindings, prelude::*};

/// `&block_class` and `&disk_type`, once a whole disk has shown them.
static CLASS: AtomicPtr<bindings::class> = AtomicPtr::new(core::ptr::null_mut());
static DISK_TYPE: AtomicPtr<bindings::device_type> = AtomicPtr::new(core::ptr::null_mut());

/// `&block_class` and `&disk_type`, read from the first whole disk on
/// `blockdev_superblock`'s inode list; `None` while there is no disk (then
/// `block_class` has no device of `disk_type` either).
fn block_class() -> Option<(*const bindings::class, *const bindings::device_type)> {
    let (class, ty) = (
        CLASS.load(Ordering::Acquire),
        DISK_TYPE.load(Ordering::Acquire),
    );
    if !class.is_null() && !ty.is_null() {
        return Some((class, ty));
    }
    // SAFETY: Set once by `bdev_cache_init` before any module loads, never changed.
    let sb = unsafe { bindings::blockdev_superblock };
    // SAFETY: `sb` is the bdev pseudo file system's superblock, which is never freed
    // (`kern_mount` at boot, no unmount); its `s_inode_list_lock` guards `s_inodes`.
    let _lock = unsafe { SpinGuard::lock(procfs2_sb_inode_list_lock(sb)) };
    // SAFETY: Under `s_inode_list_lock`: an inode stays on the list, and its memory
    // valid, until `evict` takes it off under this lock.
    let mut inode = unsafe { procfs2_sb_inodes_first(sb) };
    while !inode.is_null() {
        // Every inode of the bdev file system is a `bdev_inode`, whose block device
        // `I_BDEV` returns; the partition number and the device's class and type are in
        // that same allocation, each read once (`READ_ONCE`) as `__alloc_disk_node`
        // may be setting them.
        // SAFETY: `inode` is on the list, so valid, and a `bdev_inode` (above).
        let (partition, class, ty) = unsafe {
            let bdev = bindings::I_BDEV(inode);
            (
                procfs2_bdev_is_partition(bdev),
                procfs2_bdev_class(bdev),
                procfs2_bdev_type(bdev),
            )
        };
        // The root inode's device is zeroed; a disk being set up may show NULLs.
        if !partition && !class.is_null() && !ty.is_null() {
            CLASS.store(class.cast_mut(), Ordering::Release);
            DISK_TYPE.store(ty.cast_mut(), Ordering::Release);
            return Some((class, ty));
        }
        // SAFETY: As above.
        inode = unsafe {
            if procfs2_sb_inode_is_last(sb, inode) {
                core::ptr::null_mut()
            } else {
                procfs2_sb_inode_next(inode)
            }
        };
    }
    None
}

/// A disk, held by the class iterator's reference on its device while
/// [`for_each_disk`] runs the callback.
///
/// # Invariants
///
/// `self.0` is a valid gendisk for the life of the reference.
pub(crate) struct Disk(*mut bindings::gendisk);

/// Runs `f` on each disk in `block_class`'s order, as `disk_seqf_start` and
/// `disk_seqf_next` walk them.
pub(crate) fn for_each_disk(mut f: impl FnMut(&Disk) -> Result) -> Result {
    let Some((class, ty)) = block_class() else {
        return Ok(());
    };
    // SAFETY: `class` is `&block_class` and `ty` is `&disk_type` (statics of vmlinux).
    let mut iter = unsafe { ClassDevIter::new(class, ty) };
    while let Some(dev) = iter.next_dev() {
        // A device of `disk_type` is a whole disk's `part0->bd_device`; its `bd_disk`
        // is the gendisk, freed with that block device's inode only after the
        // device's last reference is gone.
        // INVARIANT: Held until the next `class_dev_iter_next`.
        // SAFETY: `dev` is such a device, held by the iterator (above).
        f(&Disk(unsafe { procfs2_dev_to_disk(dev.as_ptr()) }))?;
    }
    Ok(())
}

impl Disk {
    /// `get_capacity`: the whole disk's size in 512-byte sectors.
    pub(crate) fn capacity(&self) -> u64 {
        // SAFETY: By the type invariant.
        unsafe { procfs2_disk_capacity(self.0) }
    }

    /// `disk->flags & GENHD_FL_HIDDEN`.
    pub(crate) fn hidden(&self) -> bool {
        // SAFETY: By the type invariant.
        unsafe { procfs2_disk_hidden(self.0) }
    }

    /// Runs `f` on each block device of the disk's `part_tbl` (the whole disk first,
    /// then its partitions by number) under RCU (`xa_for_each`); `f` must not sleep.
    pub(crate) fn for_each_part(&self, mut f: impl FnMut(&Part)) {
        let _rcu = Rcu::read_lock();
        let mut idx: kernel::ffi::c_ulong = 0;
        // SAFETY: By the type invariant the disk and its table are valid.
        let mut bdev = unsafe { procfs2_disk_part_find(self.0, &mut idx) };
        while !bdev.is_null() {
            // INVARIANT: A partition erased from the table is freed only after a
            // grace period (`bdev_free_inode` runs from `i_callback`, an RCU callback),
            // and its disk is held by the caller.
            f(&Part(bdev));
            // SAFETY: As above.
            bdev = unsafe { procfs2_disk_part_find_after(self.0, &mut idx) };
        }
    }
}

/// One block device of a disk, valid while [`Disk::for_each_part`] runs the
/// callback.
///
/// # Invariants
///
/// `self.0` is a valid block device whose disk is held.
pub(crate) struct Part(*mut bindings::block_device);

/// A block device's I/O counters summed over the possible CPUs
/// (`part_stat_read_all`), indexed by `STAT_READ`, `STAT_WRITE`, `STAT_DISCARD`,
/// `STAT_FLUSH`.
#[derive(Default)]
pub(crate) struct DiskStats {
    pub(crate) nsecs: [u64; 4],
    pub(crate) sectors: [u64; 4],
    pub(crate) ios: [u64; 4],
    pub(crate) merges: [u64; 4],
    pub(crate) io_ticks: u64,
}

impl Part {
    /// `MAJOR(bd_dev)` and `MINOR(bd_dev)`.
    pub(crate) fn dev(&self) -> (u32, u32) {
        // SAFETY: By the type invariant; `bd_dev` is set before the device is added.
        let dev = unsafe { procfs2_bdev_dev(self.0) };
        (dev >> 20, dev & ((1 << 20) - 1))
    }

    /// `bdev_nr_sectors`.
    pub(crate) fn nr_sectors(&self) -> u64 {
        // SAFETY: By the type invariant.
        unsafe { procfs2_bdev_nr_sectors(self.0) }
    }

    /// `bdev_is_partition`.
    pub(crate) fn is_partition(&self) -> bool {
        // SAFETY: By the type invariant.
        unsafe { procfs2_bdev_is_partition(self.0) }
    }

    /// What `diskstats_show` does first for a device: `part_in_flight` (reads and
    /// writes in flight, summed over the possible CPUs into an `unsigned int`,
    /// negative read as 0) and, when some are, `update_io_ticks(part, jiffies,
    /// true)`; returns the count in flight.
    pub(crate) fn diskstats_in_flight(&self) -> u32 {
        let inflight = self.in_flight();
        if inflight != 0 {
            self.update_io_ticks(super::sync::jiffies());
        }
        inflight
    }

    /// `part_in_flight`.
    fn in_flight(&self) -> u32 {
        let bdev = self.0;
        let mut inflight = 0u32;
        for cpu in possible_cpus() {
            // SAFETY: By the type invariant; `cpu` is a possible CPU.
            let (r, w) = unsafe {
                (
                    procfs2_bdev_stat_in_flight(bdev, cpu.raw(), 0),
                    procfs2_bdev_stat_in_flight(bdev, cpu.raw(), 1),
                )
            };
            // `inflight += a + b`: a `long` sum added into an `unsigned int`.
            inflight = inflight.wrapping_add(r.wrapping_add(w) as u32);
        }
        if (inflight as i32) < 0 {
            0
        } else {
            inflight
        }
    }

    /// `update_io_ticks(part, now, true)` (block/blk-core.c, not exported), as
    /// `diskstats_show` calls it for a device with I/O in flight: the time since the
    /// device's last stamp is added to its `io_ticks`, and the stamp moved to `now`,
    /// then the same for the whole disk of a partition. This is what /proc's reader
    /// does to the counters, so `io_ticks` reads the same through both.
    /// (`part_stat_lock` is `preempt_disable`; the per-CPU add is `this_cpu_add`,
    /// which needs no preemption guard.)
    fn update_io_ticks(&self, now: u64) {
        let now = now as kernel::ffi::c_ulong;
        let mut part = self.0;
        loop {
            // SAFETY: `part` is valid: `self.0` by the type invariant, or its whole
            // disk, held with the disk.
            unsafe {
                let stamp = procfs2_bdev_stamp(part);
                // `time_after(now, stamp)`.
                if ((stamp as isize).wrapping_sub(now as isize)) < 0
                    && procfs2_bdev_stamp_cmpxchg(part, stamp, now)
                {
                    procfs2_bdev_add_io_ticks(part, now.wrapping_sub(stamp));
                }
                if !procfs2_bdev_is_partition(part) {
                    return;
                }
                part = procfs2_bdev_whole(part);
            }
        }
    }

    /// `part_stat_read_all`.
    pub(crate) fn stats(&self) -> DiskStats {
        let mut s = DiskStats::default();
        for cpu in possible_cpus() {
            let c = cpu.raw();
            for g in 0..4 {
                // SAFETY: By the type invariant; `c` is a possible CPU and `g` below
                // `NR_STAT_GROUPS` (checked in shim/block.c).
                unsafe {
                    s.nsecs[g] =
                        s.nsecs[g].wrapping_add(procfs2_bdev_stat_nsecs(self.0, c, g as i32));
                    s.sectors[g] = s.sectors[g]
                        .wrapping_add(procfs2_bdev_stat_sectors(self.0, c, g as i32) as u64);
                    s.ios[g] =
                        s.ios[g].wrapping_add(procfs2_bdev_stat_ios(self.0, c, g as i32) as u64);
                    s.merges[g] = s.merges[g]
                        .wrapping_add(procfs2_bdev_stat_merges(self.0, c, g as i32) as u64);
                }
            }
            // SAFETY: As above.
            s.io_ticks = s
                .io_ticks
                .wrapping_add(unsafe { procfs2_bdev_stat_io_ticks(self.0, c) } as u64);
        }
        s
    }

    /// Writes the device's name as `%pg` does (`bdev_name`): the disk's name, then
    /// for a partition its number (with a `p` after a name ending in a digit).
    pub(crate) fn print_name(&self, m: &SeqFile) {
        // SAFETY: By the type invariant; `m` is the seq_file being shown.
        unsafe { procfs2_seq_put_bdev_name(m.as_ptr().cast(), self.0) };
    }
}

/// `jiffies_to_msecs`.
pub(crate) fn jiffies_to_msecs(j: u64) -> u32 {
    // SAFETY: Pure arithmetic on `HZ`.
    unsafe { bindings::jiffies_to_msecs(j as kernel::ffi::c_ulong) }
}
