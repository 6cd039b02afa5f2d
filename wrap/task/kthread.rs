// SPDX-License-Identifier: GPL-2.0

//! The name fs/proc shows for a task (fs/proc/array.c `proc_task_name`): a
//! workqueue worker's as `wq_worker_comm` makes it (kernel/workqueue.c), a kernel
//! thread's full name (`get_kthread_comm`, kernel/kthread.c), else the comm. Neither
//! function is exported; `shim/kthread.c` reads the structures they read, and says
//! why each is alive where it is read.

use super::*;

/// `tcomm[64]` of `proc_task_name`: at most 63 bytes.
const TCOMM_LEN: usize = 64;
/// `WORKER_DESC_LEN` of include/linux/workqueue.h (shim/kthread.c checks it).
const WORKER_DESC_LEN: usize = 32;
/// `WQ_NAME_LEN` of kernel/workqueue.c (shim/kthread.c checks it).
const WQ_NAME_LEN: usize = 32;

/// The name `proc_task_name` prints, up to its NUL.
pub(crate) struct TaskName {
    buf: [u8; TCOMM_LEN],
    len: usize,
}

impl core::ops::Deref for TaskName {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl TaskName {
    fn new() -> Self {
        Self {
            buf: [0; TCOMM_LEN],
            len: 0,
        }
    }

    /// Appends `s` as `scnprintf` into the rest of the buffer does: what fits
    /// before the last byte, which stays for the NUL.
    fn push(&mut self, s: &[u8]) {
        let n = s.len().min(TCOMM_LEN - 1 - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
    }

    fn push_fmt(&mut self, args: core::fmt::Arguments<'_>) {
        let _ = core::fmt::Write::write_fmt(self, args);
    }

    /// The bytes at `p` up to their NUL, at most `max`, appended.
    ///
    /// # Safety
    ///
    /// `p` must point to `max` readable bytes or to a NUL before them.
    unsafe fn push_cstr(&mut self, p: *const c_char, max: usize) {
        let mut i = 0;
        while i < max {
            // SAFETY: Per the caller, byte `i` is readable until the NUL.
            let c = unsafe { p.add(i).read_volatile() };
            if c == 0 {
                break;
            }
            if self.len == TCOMM_LEN - 1 {
                break;
            }
            self.buf[self.len] = c;
            self.len += 1;
            i += 1;
        }
    }

    fn from_comm(task: &Task) -> Self {
        let mut n = Self::new();
        n.push(&task.comm());
        n
    }
}

impl core::fmt::Write for TaskName {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

impl Task {
    /// The name `proc_task_name` shows: `wq_worker_comm` for a `PF_WQ_WORKER` (tested
    /// first: workers are kernel threads), `get_kthread_comm` for a `PF_KTHREAD`,
    /// else `__get_task_comm`.
    pub(crate) fn proc_task_name(&self) -> TaskName {
        let flags = self.flags();
        if flags & bindings::PF_WQ_WORKER != 0 {
            self.wq_worker_comm()
        } else if flags & bindings::PF_KTHREAD != 0 {
            self.kthread_comm()
        } else {
            TaskName::from_comm(self)
        }
    }

    /// `get_kthread_comm`: the full name the thread was created with (the comm if
    /// it has none, or is not a kernel thread).
    fn kthread_comm(&self) -> TaskName {
        if self.flags() & bindings::PF_KTHREAD == 0 {
            return TaskName::from_comm(self);
        }
        // `PF_KTHREAD` is gained by no task after it is made: its `worker_private` is
        // NULL (`dup_task_struct`) or the struct kthread `set_kthread_struct`
        // allocated for it (io_uring's workers, which also use it, are not
        // `PF_KTHREAD`). That and its `full_name` (a NUL-terminated string written
        // before the pointer, which the thread sets once as it starts) are freed
        // with the task struct (`free_kthread_struct` from `free_task`).
        // SAFETY: The task is valid and has `PF_KTHREAD`; the reference `self`
        // stands for keeps its struct kthread and name (above).
        unsafe {
            let k = shim::procfs2_task_kthread(self.as_ptr());
            if k.is_null() {
                return TaskName::from_comm(self);
            }
            let name = shim::procfs2_kthread_full_name(k);
            if name.is_null() {
                return TaskName::from_comm(self);
            }
            let mut n = TaskName::new();
            n.push_cstr(name, usize::MAX);
            n
        }
    }

    /// `wq_worker_comm`: the worker's id (`format_worker_id`), then `+` or `-` and its
    /// description. fs/proc holds `wq_pool_attach_mutex` (private), which keeps the
    /// worker and its pool association; here the task's `task_lock` with its
    /// `vfork_done` still pending keeps the worker (shim/kthread.c), and RCU its pool,
    /// read once: a worker being detached shows its last pool, as a read just before
    /// the detach would.
    fn wq_worker_comm(&self) -> TaskName {
        let _lock = self.lock();
        let _rcu = Rcu::read_lock();
        // `PF_WQ_WORKER` is set only by a worker's or rescuer's own thread
        // (`set_pf_worker`), after `kthread()` set its struct kthread's `data` to the
        // worker (read once: NULL if not seen yet), and only on a `PF_KTHREAD` task,
        // whose struct kthread lives with the task. A worker is freed only after
        // `kthread_stop` of its thread returned (`reap_dying_workers`,
        // `destroy_workqueue`), that is after the thread's `complete_vfork_done`,
        // which clears `vfork_done` under `task_lock`.
        // SAFETY: The task is valid and locked; a worker seen with `vfork_done`
        // pending under that lock lives until the lock is dropped (above).
        unsafe {
            let t = self.as_ptr();
            if self.flags() & bindings::PF_WQ_WORKER == 0 || !shim::procfs2_task_vfork_pending(t) {
                return TaskName::from_comm(self);
            }
            let k = shim::procfs2_task_kthread(t);
            if k.is_null() {
                return TaskName::from_comm(self);
            }
            let w = shim::procfs2_kthread_worker(k);
            if w.is_null() {
                return TaskName::from_comm(self);
            }
            let mut n = TaskName::new();
            let pool = shim::procfs2_worker_pool(w);
            let rescue_wq = shim::procfs2_worker_rescue_wq(w);
            let id = shim::procfs2_worker_id(w);
            // format_worker_id
            if !rescue_wq.is_null() {
                n.push(b"kworker/R-");
                // The workqueue outlives its rescuer (`destroy_workqueue` frees it
                // after `kthread_stop` of the rescuer); `name` is an array of
                // `WQ_NAME_LEN` bytes (shim/kthread.c checks it).
                n.push_cstr(shim::procfs2_wq_name(rescue_wq), WQ_NAME_LEN);
            } else if !pool.is_null() {
                // A per-CPU pool is never freed. An unbound one is freed with its
                // attrs an RCU grace period after `put_unbound_pool`, which first
                // reaps its workers (so not while this one's thread lives); a
                // rescuer sets its `pool` to NULL (`worker_detach_from_pool`)
                // before it drops the pwq reference that keeps the pool: a pool
                // read under RCU outlives the read. `cpu`, `id` and `attrs` are set
                // when the pool is made.
                let cpu = shim::procfs2_pool_cpu(pool);
                if cpu >= 0 {
                    let high = if shim::procfs2_pool_nice(pool) < 0 {
                        "H"
                    } else {
                        ""
                    };
                    n.push_fmt(format_args!("kworker/{}:{}{}", cpu, id, high));
                } else {
                    n.push_fmt(format_args!(
                        "kworker/u{}:{}",
                        shim::procfs2_pool_id(pool),
                        id
                    ));
                }
            } else {
                n.push(b"kworker/dying");
            }
            if !pool.is_null() {
                // The description and the current work under the pool's lock, as
                // fs/proc reads them (a worker sets its description unlocked);
                // `task_lock` leaves interrupts on, and nothing takes a `task_lock`
                // under a pool's lock.
                let _pool = RawSpinIrqGuard::lock(shim::procfs2_pool_lock(pool));
                let desc = shim::procfs2_worker_desc(w);
                if desc.read_volatile() != 0 {
                    n.push(if shim::procfs2_worker_busy(w) {
                        b"+"
                    } else {
                        b"-"
                    });
                    n.push_cstr(desc, WORKER_DESC_LEN);
                }
            }
            n
        }
    }
}
