// SPDX-License-Identifier: GPL-2.0

//! A task's address space: `mm_access`, the mm held by a reader, the argument and
//! environment areas, the saved auxv, and the tasks that share an mm.

use super::*;
use crate::wrap::mm::{Mm, MmWithUser};

/// `arg_start`, `arg_end`, `env_start`, `env_end` of `mm`, under its `arg_lock`.
///
/// # Safety
///
/// `mm` must be a valid mm struct (held by `mm_users` or `mm_count`).
pub(in crate::wrap) unsafe fn arg_area(mm: *mut bindings::mm_struct) -> [usize; 4] {
    // SAFETY: Per the caller; the `arg_lock` guards the four fields.
    unsafe {
        let m = &raw mut (*mm).__bindgen_anon_1;
        let _lock = SpinGuard::lock(&raw mut (*m).arg_lock);
        [(*m).arg_start, (*m).arg_end, (*m).env_start, (*m).env_end]
    }
}

/// `saved_auxv` of `mm` up to and including the `AT_NULL` pair, as the words of the
/// returned array before the returned count.
///
/// # Safety
///
/// `mm` must be a valid mm struct (held by `mm_users` or `mm_count`).
pub(in crate::wrap) unsafe fn saved_auxv(
    mm: *mut bindings::mm_struct,
) -> ([usize; bindings::AT_VECTOR_SIZE as usize], usize) {
    // SAFETY: Per the caller; `saved_auxv` is written once, at exec.
    let v = unsafe { (*mm).__bindgen_anon_1.saved_auxv };
    let mut n = 0;
    loop {
        n += 2;
        if n >= v.len() || v[n - 2] == 0 {
            break;
        }
    }
    (v, n.min(v.len()))
}

/// The layout fields `stat` shows of an address space, each read once.
pub(crate) struct MmLayout {
    pub(crate) start_code: usize,
    pub(crate) end_code: usize,
    pub(crate) start_stack: usize,
    pub(crate) start_data: usize,
    pub(crate) end_data: usize,
    pub(crate) start_brk: usize,
    pub(crate) arg_start: usize,
    pub(crate) arg_end: usize,
    pub(crate) env_start: usize,
    pub(crate) env_end: usize,
}

/// The counters `status` shows of an address space (`task_mem`), each read once.
pub(crate) struct MmCounters {
    /// `MM_ANONPAGES`, `MM_FILEPAGES`, `MM_SHMEMPAGES`, `MM_SWAPENTS` (summed over
    /// CPUs, `get_mm_counter_sum`).
    pub(crate) anon: u64,
    pub(crate) file: u64,
    pub(crate) shmem: u64,
    pub(crate) swap: u64,
    pub(crate) total_vm: u64,
    pub(crate) hiwater_vm: u64,
    pub(crate) hiwater_rss: u64,
    pub(crate) locked_vm: u64,
    pub(crate) pinned_vm: i64,
    pub(crate) data_vm: u64,
    pub(crate) stack_vm: u64,
    pub(crate) exec_vm: u64,
    pub(crate) pgtables_bytes: u64,
    /// `hugetlb_usage`, with `CONFIG_HUGETLB_PAGE`.
    pub(crate) hugetlb: Option<u64>,
    pub(crate) thp_enabled: bool,
    pub(crate) untag_mask: u64,
}

/// The KSM counters of an address space (`ksm_stat`), each read once.
#[cfg(CONFIG_KSM)]
pub(crate) struct KsmStat {
    pub(crate) rmap_items: u64,
    /// `mm_ksm_zero_pages`.
    pub(crate) zero_pages: i64,
    pub(crate) merging_pages: u64,
    /// `ksm_process_profit` (mm/ksm.c, not exported), in bytes.
    pub(crate) profit: i64,
}

/// What a reader holding a task's address space (`mm_users`) reads of it.
impl MmWithUser {
    /// `ksm_merging_pages`, read once.
    #[cfg(CONFIG_KSM)]
    pub(crate) fn ksm_merging_pages(&self) -> u64 {
        // SAFETY: The mm is held (type invariant); a word read once, unlocked, as
        // fs/proc reads it.
        unsafe { read_once(&raw const (*self.as_ptr()).__bindgen_anon_1.ksm_merging_pages) as u64 }
    }

    /// The KSM counters and the profit `ksm_process_profit` computes from them:
    /// `(long)(merging + zero) * PAGE_SIZE - rmap_items * sizeof(struct
    /// ksm_rmap_item)`, in C's `unsigned long` arithmetic.
    #[cfg(CONFIG_KSM)]
    pub(crate) fn ksm_stat(&self) -> KsmStat {
        let m = self.as_ptr();
        // SAFETY: The mm is held (type invariant); each field is a word read once,
        // unlocked, as fs/proc reads them (`mm_ksm_zero_pages` is an atomic read);
        // the size is a constant of shim/private.c.
        let (rmap_items, zero_pages, merging_pages, item_size) = unsafe {
            let f = &raw const (*m).__bindgen_anon_1;
            (
                read_once(&raw const (*f).ksm_rmap_items) as u64,
                read_once(&raw const (*f).ksm_zero_pages.counter),
                read_once(&raw const (*f).ksm_merging_pages) as u64,
                shim::procfs2_ksm_rmap_item_size() as u64,
            )
        };
        let pages = merging_pages.wrapping_add(zero_pages as u64);
        let profit = pages
            .wrapping_mul(bindings::PAGE_SIZE as u64)
            .wrapping_sub(rmap_items.wrapping_mul(item_size)) as i64;
        KsmStat {
            rmap_items,
            zero_pages,
            merging_pages,
            profit,
        }
    }

    /// The counters of `task_mem`, read unlocked, as fs/proc reads them.
    pub(crate) fn counters(&self) -> MmCounters {
        let p = self.as_ptr();
        // SAFETY: The mm is held (type invariant); each field is a word read once;
        // the helpers read the per-CPU counters and flags as fs/proc does.
        unsafe {
            let m = &raw const (*p).__bindgen_anon_1;
            let sum = |c: u32| shim::procfs2_mm_counter_sum(p, c as c_int) as u64;
            #[cfg(CONFIG_HUGETLB_PAGE)]
            let hugetlb = Some(shim::procfs2_mm_hugetlb_usage(p) as u64);
            #[cfg(not(CONFIG_HUGETLB_PAGE))]
            let hugetlb = None;
            MmCounters {
                anon: sum(bindings::MM_ANONPAGES),
                file: sum(bindings::MM_FILEPAGES),
                shmem: sum(bindings::MM_SHMEMPAGES),
                swap: sum(bindings::MM_SWAPENTS),
                total_vm: read_once(&raw const (*m).total_vm) as u64,
                hiwater_vm: read_once(&raw const (*m).hiwater_vm) as u64,
                hiwater_rss: read_once(&raw const (*m).hiwater_rss) as u64,
                locked_vm: read_once(&raw const (*m).locked_vm) as u64,
                pinned_vm: shim::procfs2_mm_pinned_vm(p),
                data_vm: read_once(&raw const (*m).data_vm) as u64,
                stack_vm: read_once(&raw const (*m).stack_vm) as u64,
                exec_vm: read_once(&raw const (*m).exec_vm) as u64,
                pgtables_bytes: shim::procfs2_mm_pgtables_bytes(p) as u64,
                hugetlb,
                thp_enabled: shim::procfs2_mm_thp_enabled(p),
                untag_mask: shim::procfs2_mm_untag_mask(p) as u64,
            }
        }
    }

    /// `total_vm` in pages, read once.
    pub(crate) fn total_vm(&self) -> usize {
        // SAFETY: The mm is held (type invariant); a word read once.
        unsafe { read_once(&raw const (*self.as_ptr()).__bindgen_anon_1.total_vm) }
    }

    /// `get_mm_rss`: resident pages.
    pub(crate) fn rss(&self) -> usize {
        // SAFETY: The mm is held; the helper sums its counters.
        unsafe { shim::procfs2_mm_rss(self.as_ptr()) as usize }
    }

    /// The code, stack, data, brk, argument and environment bounds, each read once
    /// and unlocked, as `do_task_stat` reads them.
    pub(crate) fn layout(&self) -> MmLayout {
        let m = self.as_ptr();
        // SAFETY: The mm is held (type invariant); each field is a word read once.
        unsafe {
            let f = &raw const (*m).__bindgen_anon_1;
            MmLayout {
                start_code: read_once(&raw const (*f).start_code),
                end_code: read_once(&raw const (*f).end_code),
                start_stack: read_once(&raw const (*f).start_stack),
                start_data: read_once(&raw const (*f).start_data),
                end_data: read_once(&raw const (*f).end_data),
                start_brk: read_once(&raw const (*f).start_brk),
                arg_start: read_once(&raw const (*f).arg_start),
                arg_end: read_once(&raw const (*f).arg_end),
                env_start: read_once(&raw const (*f).env_start),
                env_end: read_once(&raw const (*f).env_end),
            }
        }
    }

    /// The core dump filter bits (`(mm->flags & MMF_DUMP_FILTER_MASK) >>
    /// MMF_DUMP_FILTER_SHIFT`).
    #[cfg(CONFIG_ELF_CORE)]
    pub(crate) fn coredump_filter(&self) -> u32 {
        // SAFETY: The mm is counted; `flags` changes with atomic bit operations.
        let flags = unsafe { read_once(&raw const (*self.as_ptr()).__bindgen_anon_1.flags) };
        ((flags >> bindings::MMF_DUMP_FILTER_SHIFT) & ((1 << bindings::MMF_DUMP_FILTER_BITS) - 1))
            as u32
    }

    /// Sets the core dump filter bits to `val`'s low `MMF_DUMP_FILTER_BITS`, bit by
    /// bit with atomic operations (`set_bit`/`clear_bit`), as
    /// `proc_coredump_filter_write` does.
    #[cfg(CONFIG_ELF_CORE)]
    pub(crate) fn set_coredump_filter(&self, val: u32) {
        // SAFETY: The mm is counted; its `flags` word is changed only atomically.
        let flags = unsafe {
            core::sync::atomic::AtomicUsize::from_ptr(
                &raw mut (*self.as_ptr()).__bindgen_anon_1.flags,
            )
        };
        for i in 0..bindings::MMF_DUMP_FILTER_BITS {
            let bit = 1usize << (i + bindings::MMF_DUMP_FILTER_SHIFT);
            if val & (1 << i) != 0 {
                flags.fetch_or(bit, core::sync::atomic::Ordering::SeqCst);
            } else {
                flags.fetch_and(!bit, core::sync::atomic::Ordering::SeqCst);
            }
        }
    }

    /// Whether this is the caller's own address space (`mm == current->mm`).
    pub(crate) fn is_current(&self) -> bool {
        // SAFETY: `current` is valid while it runs; its `mm` is only read.
        self.as_ptr() == unsafe { (*bindings::get_current()).mm }
    }

    /// `arg_start`, `arg_end`, `env_start`, `env_end`, under `arg_lock`.
    pub(crate) fn arg_area(&self) -> [usize; 4] {
        // SAFETY: The mm is counted.
        unsafe { arg_area(self.as_ptr()) }
    }

    /// `task_statm`: size, resident, shared, text and data, in pages.
    pub(crate) fn statm(&self) -> [usize; 5] {
        let p = self.as_ptr();
        // SAFETY: The mm is counted; the counters are read as fs/proc reads them.
        unsafe {
            let m = &(*p).__bindgen_anon_1;
            let sum = |c| shim::procfs2_mm_counter_sum(p, c as c_int);
            // All `unsigned long` in C, which wraps: `start_code` is ~0 and
            // `end_code` 0 in an ELF without an executable segment.
            let shared = sum(bindings::MM_FILEPAGES).wrapping_add(sum(bindings::MM_SHMEMPAGES));
            let text = page_align(m.end_code).wrapping_sub(m.start_code & PAGE_MASK)
                >> bindings::PAGE_SHIFT;
            [
                m.total_vm,
                shared.wrapping_add(sum(bindings::MM_ANONPAGES)),
                shared,
                text,
                m.data_vm.wrapping_add(m.stack_vm),
            ]
        }
    }

    /// Locks the address space for reading (`mmap_read_lock_killable`; `EINTR`).
    pub(crate) fn read_lock(&self) -> Result<crate::wrap::mm::MmapRead<'_>> {
        // SAFETY: This reference holds `mm_users` while the guard borrows it.
        unsafe { crate::wrap::mm::MmapRead::lock(NonNull::new_unchecked(self.as_ptr())) }
    }

    /// Holds the address space beyond this reference without pinning its memory
    /// (`mmgrab`), as an open file of fs/proc does (`proc_mem_open`).
    pub(crate) fn grab(&self) -> ARef<Mm> {
        ARef::from(&**self)
    }

    /// The executable's path (`get_mm_exe_file`), counted.
    pub(crate) fn exe_path(&self) -> Option<Path> {
        let f = {
            let _rcu = Rcu::read_lock();
            // SAFETY: The mm is counted; `exe_file` is read and counted under RCU.
            NonNull::new(unsafe {
                shim::procfs2_get_file_rcu(&raw mut (*self.as_ptr()).__bindgen_anon_1.exe_file)
            })?
        };
        // SAFETY: The reference `get_file_rcu` took is handed over.
        Some(unsafe { crate::wrap::file::File::from_counted(f) }.path())
    }
}

/// A task whose ptrace read check passed while its `exec_update_lock` is held for
/// reading, held until this is dropped ([`Task::read_access`]).
///
/// # Invariants
///
/// `task` passed a [`PtraceCheck`] after `_exec` was taken.
pub(crate) struct ReadAccess<'a> {
    task: &'a Task,
    _exec: ExecUpdate<'a>,
}

impl<'a> ReadAccess<'a> {
    /// The task checked. Its `exec_update_lock` is held: what this is passed to must
    /// not take it again (a reader's second `down_read` waits behind a writer).
    pub(crate) fn task(&self) -> &'a Task {
        self.task
    }

    /// The I/O counters of `io` (`do_io_accounting`), the group's when `whole`.
    pub(crate) fn io(&self, whole: bool) -> [u64; 7] {
        self.task.io(whole)
    }
}

/// A decision whether the caller may get at a task, as `ptrace_may_access` makes
/// it (ptrace.rs makes them). Any answer is safe: it only decides what is shown.
pub(crate) trait PtraceCheck {
    /// Whether the caller may get at `target`.
    fn may_access(&self, target: &PtraceTarget<'_>) -> bool;
}

impl Task {
    /// The task's own memory policy (`task->mempolicy`) handed to `f` under
    /// `task_lock`, which `do_set_mempolicy` replaces it under; `None` for none
    /// (`get_task_policy` then gives a policy `mpol_to_str` prints as "default").
    #[cfg(CONFIG_NUMA)]
    pub(crate) fn with_mempolicy<R>(
        &self,
        f: impl FnOnce(Option<&crate::wrap::mm::Mempolicy<'_>>) -> R,
    ) -> R {
        let _lock = self.lock();
        // SAFETY: `mempolicy` is stable under `task_lock`, held until `f` returns;
        // the policy it points to is put only after it is replaced under the lock.
        let pol = unsafe {
            crate::wrap::mm::Mempolicy::from_raw(shim::procfs2_task_mempolicy(self.as_ptr()))
        };
        f(pol.as_ref())
    }

    /// The task's mm if other processes share it (`MMF_MULTIPROCESS`) and the task
    /// is no vfork child, held (`__set_oom_adj` with `find_lock_task_mm`).
    pub(crate) fn multiprocess_mm(&self) -> Option<ARef<Mm>> {
        // SAFETY: The task is valid; `vfork_done` is read once, as fs/proc does.
        if !unsafe { read_once(&raw const (*self.as_ptr()).vfork_done) }.is_null() {
            return None;
        }
        let rcu = Rcu::read_lock();
        for t in self.threads(&rcu) {
            let _lock = t.lock();
            // SAFETY: `mm` is stable under `task_lock`.
            let mm = NonNull::new(unsafe { (*t.as_ptr()).mm });
            if let Some(mm) = mm {
                // SAFETY: The mm is live while its task holds it under `task_lock`;
                // `flags` changes with atomic bit operations.
                let flags = unsafe { read_once(&raw const (*mm.as_ptr()).__bindgen_anon_1.flags) };
                if flags & (1 << bindings::MMF_MULTIPROCESS) == 0 {
                    return None;
                }
                // SAFETY: As above: valid for the borrow, which `ARef::from` counts.
                return Some(ARef::from(unsafe { Mm::from_raw(mm.as_ptr()) }));
            }
        }
        None
    }

    /// Calls `f` on every process outside this one's group, not a kernel thread nor
    /// the global init, that uses `mm` and is no vfork child, each under its
    /// `task_lock` (`__set_oom_adj`'s walk with `process_shares_mm`).
    pub(crate) fn for_each_sharing_mm(&self, mm: &Mm, mut f: impl FnMut(&Task)) {
        let rcu = Rcu::read_lock();
        for p in processes(&rcu) {
            // SAFETY: A task valid under RCU; `flags` and `signal` are read as
            // fs/proc reads them.
            let (kthread, init) = unsafe {
                (
                    (*p.as_ptr()).flags & bindings::PF_KTHREAD != 0,
                    // `is_global_init`
                    (*p.as_ptr()).tgid == 1,
                )
            };
            if p.signal() == self.signal() || kthread || init {
                continue;
            }
            let _lock = p.lock();
            // SAFETY: `vfork_done` is read under `task_lock`.
            if !unsafe { (*p.as_ptr()).vfork_done }.is_null() {
                continue;
            }
            let shares = p.threads(&rcu).find_map(|t| {
                // SAFETY: `mm` is read once, as `process_shares_mm` does.
                NonNull::new(unsafe { read_once(&raw const (*t.as_ptr()).mm) })
            });
            if shares.map(NonNull::as_ptr) == Some(mm.as_ptr()) {
                f(p);
            }
        }
    }

    /// `task->personality`, read under `exec_update_lock` (`lock_trace`).
    pub(crate) fn personality(&self, check: &impl PtraceCheck) -> Result<u32> {
        let _exec = self.lock_trace(check)?;
        // SAFETY: The task is valid; exec, which changes it, is held off.
        Ok(unsafe { (*self.as_ptr()).personality })
    }

    /// The ptrace read check made under `exec_update_lock` held for reading, as
    /// fs/proc makes it for the links (`call_proc_get_link`), `ns/`
    /// (`proc_ns_get_link`), `wchan` and `io`: `EINTR` if killed while waiting,
    /// `None` when the caller may not read the task. What is read through the
    /// result belongs to the credentials checked: an `execve` (a setuid one) cannot
    /// swap the mm, files or credentials in between.
    pub(crate) fn read_access(&self, check: &impl PtraceCheck) -> Result<Option<ReadAccess<'_>>> {
        let exec = self.exec_update_read()?;
        Ok(self.may_access(check).then(|| ReadAccess {
            task: self,
            _exec: exec,
        }))
    }

    /// `lock_trace`: `exec_update_lock` for reading (`EINTR` if killed while
    /// waiting), and the ptrace check (`EPERM`), held while the caller reads.
    pub(crate) fn lock_trace(&self, check: &impl PtraceCheck) -> Result<ExecUpdate<'_>> {
        let exec = self.exec_update_read()?;
        if !self.may_access(check) {
            return Err(EPERM);
        }
        Ok(exec)
    }

    /// `mm_access(task, mode)`: the task's mm, taken and checked under
    /// `exec_update_lock`; `ESRCH` without one, `EACCES` unless it is the caller's
    /// own or `check` (made for the mode: read for `environ`, `auxv`, `maps`,
    /// attach for `mem`) lets the caller at the task.
    pub(crate) fn mm_access(&self, check: &impl PtraceCheck) -> Result<ARef<MmWithUser>> {
        let _exec = self.exec_update_read()?;
        let mm = self.mm().ok_or(ESRCH)?;
        if !mm.is_current() && !self.may_access(check) {
            return Err(EACCES);
        }
        Ok(mm)
    }

    /// The task's address space, counted (`get_task_mm`); `None` for kernel threads
    /// and exited tasks.
    pub(crate) fn mm(&self) -> Option<ARef<MmWithUser>> {
        // SAFETY: The task is valid; the result carries an mm_users reference.
        let mm = NonNull::new(unsafe { bindings::get_task_mm(self.as_ptr()) })?;
        // SAFETY: That reference is handed over.
        Some(unsafe { MmWithUser::from_counted(mm) })
    }
}
