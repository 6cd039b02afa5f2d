// SPDX-License-Identifier: GPL-2.0

//! A task's credentials and namespaces: the owner fs/proc gives its files
//! (`task_dump_owner`), the ptrace check's locked view (`PtraceTarget`), groups, id
//! maps, namespace ids and capabilities over its user namespace.

use super::*;

/// Which id the `NS*` lines of `status` show.
#[derive(Clone, Copy)]
pub(crate) enum NsIdKind {
    Tgid,
    Pid,
    Pgrp,
    Session,
}

impl NsIdKind {
    pub(super) fn pid_type(self) -> bindings::pid_type {
        match self {
            Self::Tgid => bindings::pid_type_PIDTYPE_TGID,
            Self::Pid => bindings::pid_type_PIDTYPE_PID,
            Self::Pgrp => bindings::pid_type_PIDTYPE_PGID,
            Self::Session => bindings::pid_type_PIDTYPE_SID,
        }
    }
}

/// The namespaces of a task that `ns/` names.
#[derive(Clone, Copy)]
pub(crate) enum NsKind {
    Net,
    Uts,
    Ipc,
    Pid,
    PidForChildren,
    User,
    Mnt,
    Cgroup,
    #[cfg(CONFIG_TIME_NS)]
    Time,
    #[cfg(CONFIG_TIME_NS)]
    TimeForChildren,
}

/// Whether `mode` is that of a per-process directory (0555), whose owner
/// `task_dump_owner` takes from the credentials alone.
pub(super) fn is_pid_dir(mode: u16) -> bool {
    u32::from(mode) == bindings::S_IFDIR | 0o555
}

/// A task under `task_lock`, as `ptrace_may_access` holds it while it decides: its
/// `mm` can neither change (exec) nor go (exit) meanwhile. What the decision reads
/// of the task.
pub(crate) struct PtraceTarget<'a> {
    task: &'a Task,
    _lock: SpinGuard<'a>,
}

impl PtraceTarget<'_> {
    /// Whether the caller belongs to the task's thread group (`same_thread_group`).
    pub(crate) fn same_thread_group(&self) -> bool {
        self.task.is_current_group()
    }

    /// Calls `f` with the task's credentials (`__task_cred`, under RCU).
    pub(crate) fn with_cred<R>(&self, f: impl FnOnce(&cred::RcuCredential) -> R) -> R {
        let _rcu = Rcu::read_lock();
        // SAFETY: `real_cred` is read as `rcu_dereference` does; the credentials it
        // points to are freed only after a grace period, and `f` runs under RCU.
        f(unsafe {
            cred::RcuCredential::from_raw(read_once(&raw const (*self.task.as_ptr()).real_cred))
        })
    }

    /// The task's mm (`task->mm`), stable under the lock; `None` for a kernel
    /// thread or a task past `exit_mm`.
    pub(crate) fn mm(&self) -> Option<LockedMm<'_>> {
        // SAFETY: `mm` is stable under `task_lock`, which `self` holds; a task
        // holds an mm_users reference on it while it is set.
        let mm = NonNull::new(unsafe { (*self.task.as_ptr()).mm })?;
        // INVARIANT: As above: the mm lives while the lock is held.
        Some(LockedMm(mm, PhantomData))
    }

    /// The dumpability `exit_mm` saved (`task->user_dumpable`), written under the
    /// lock `self` holds.
    pub(crate) fn user_dumpable(&self) -> bool {
        // SAFETY: The task is valid; the bit is written under `task_lock`.
        unsafe { bindings::task_struct::user_dumpable_raw(self.task.as_ptr()) != 0 }
    }

    /// Whether the task has not been released (`pid_alive`: `thread_pid` is set).
    pub(crate) fn pid_alive(&self) -> bool {
        // SAFETY: The task is valid; the pointer is read once, as `pid_alive` does.
        !unsafe { read_once(&raw const (*self.task.as_ptr()).thread_pid) }.is_null()
    }

    /// Whether the task descends from the caller's process (Yama's
    /// `task_is_descendant(current, task)`): the chain of its group leaders'
    /// `real_parent`, under RCU, reaches the caller's group leader before pid 0.
    pub(crate) fn descends_from_current(&self) -> bool {
        let _rcu = Rcu::read_lock();
        // SAFETY: `current` is valid while it runs; `group_leader` and
        // `real_parent` are read once, as `rcu_dereference` does, and the tasks
        // they name stay valid under RCU; the chain ends at the idle task (pid 0).
        unsafe {
            let me = read_once(&raw const (*bindings::get_current()).group_leader);
            let mut walker = self.task.as_ptr();
            while (*walker).pid > 0 {
                walker = read_once(&raw const (*walker).group_leader);
                if walker == me {
                    return true;
                }
                walker = read_once(&raw const (*walker).real_parent);
            }
        }
        false
    }
}

/// An mm read under its task's `task_lock` ([`PtraceTarget::mm`]), through its
/// pointer (other CPUs change its counters and flags: no Rust reference is made).
///
/// # Invariants
///
/// `self.0` is the locked task's mm, live for `'a`.
pub(crate) struct LockedMm<'a>(NonNull<bindings::mm_struct>, PhantomData<&'a ()>);

impl LockedMm<'_> {
    /// `get_dumpable(mm)`: `SUID_DUMP_DISABLE`, `SUID_DUMP_USER` or `SUID_DUMP_ROOT`.
    pub(crate) fn dumpable(&self) -> u32 {
        // SAFETY: The mm is live (type invariant); `get_dumpable` reads its flags
        // once.
        unsafe { get_dumpable(self.0.as_ptr()) as u32 }
    }

    /// The user namespace the mm was made in (`mm->user_ns`), which it keeps alive.
    pub(crate) fn user_ns(&self) -> &cred::UserNamespace {
        // SAFETY: The mm is live (type invariant); `user_ns` is set at creation and
        // never changes.
        let ns = unsafe { (*self.0.as_ptr()).__bindgen_anon_1.user_ns };
        // SAFETY: An mm holds a reference on its `user_ns` while it lives.
        unsafe { cred::UserNamespace::from_raw(ns) }
    }
}

impl Task {
    /// The owner fs/proc gives the task's files of `mode` (`task_dump_owner`): root
    /// for kernel threads; else the task's euid/egid, but root (of the mm's user
    /// namespace) for files other than 0555 directories when the task is not
    /// dumpable or has no mm. Like fs/proc it reads no more than the answer needs:
    /// a directory's owner never looks at the mm. Nothing here sleeps.
    pub(crate) fn dump_owner(&self, mode: u16) -> (u32, u32) {
        self.dump_owner_rcu(mode, &Rcu::read_lock())
    }

    /// [`Task::dump_owner`] inside an RCU section the caller holds.
    #[inline]
    pub(super) fn dump_owner_rcu(&self, mode: u16, rcu: &Rcu) -> (u32, u32) {
        if self.is_kthread() {
            return (GLOBAL_ROOT, GLOBAL_ROOT);
        }
        let c = self.cred(rcu);
        let (euid, egid) = (c.euid().val(), c.egid().val());
        if is_pid_dir(mode) {
            return (euid, egid);
        }
        let _lock = self.lock();
        // SAFETY: `mm` is stable under `task_lock`, and its `user_ns` with it.
        unsafe {
            let mm = (*self.as_ptr()).mm;
            if mm.is_null() {
                return (GLOBAL_ROOT, GLOBAL_ROOT);
            }
            if get_dumpable(mm) as u32 == SUID_DUMP_USER {
                return (euid, egid);
            }
            let ns = (*mm).__bindgen_anon_1.user_ns;
            let or_root = |id: u32| if id == INVALID_ID { GLOBAL_ROOT } else { id };
            (
                or_root(bindings::make_kuid(ns, 0).val),
                or_root(bindings::make_kgid(ns, 0).val),
            )
        }
    }

    /// Whether `check` lets the caller at the task, asked with the task under
    /// `task_lock`, as `ptrace_may_access` asks it.
    pub(crate) fn may_access(&self, check: &impl PtraceCheck) -> bool {
        let target = PtraceTarget {
            task: self,
            _lock: self.lock(),
        };
        check.may_access(&target)
    }

    /// Calls `f` with the supplementary groups, as `user_ns` sees them. Up to 32 are
    /// mapped into a buffer on the stack; more need an allocation.
    pub(crate) fn with_groups(
        &self,
        user_ns: &cred::UserNamespace,
        f: impl FnOnce(&[u32]),
    ) -> Result {
        const ON_STACK: usize = 32;
        // SAFETY: The task is valid; `get_task_cred` returns a counted reference,
        // never NULL, handed over.
        let cred = unsafe {
            cred::Credential::from_counted(NonNull::new_unchecked(
                bindings::get_task_cred(self.as_ptr()).cast_mut(),
            ))
        };
        // SAFETY: A counted `cred` keeps its `group_info`, whose `gid` has `ngroups`
        // entries.
        let gids = unsafe {
            let gi = cred.group_info();
            core::slice::from_raw_parts((*gi).gid.as_ptr(), (*gi).ngroups as usize)
        };
        let map = |g: &bindings::kgid_t| user_ns.kgid_munged(cred::Kgid::new(g.val));
        if gids.len() <= ON_STACK {
            let mut small = [0u32; ON_STACK];
            for (d, g) in small.iter_mut().zip(gids) {
                *d = map(g);
            }
            f(&small[..gids.len()]);
        } else {
            let mut v = KVec::with_capacity(gids.len(), GFP_KERNEL)?;
            for g in gids {
                v.push(map(g), GFP_KERNEL)?;
            }
            f(&v);
        }
        Ok(())
    }

    /// The task's ids of `kind` in `ns` and each namespace below it down to the
    /// level of `pid` (the `NS*` lines).
    pub(crate) fn ns_ids(
        &self,
        pid: &Pid,
        ns: &PidNamespace,
        kind: NsIdKind,
    ) -> ([u32; MAX_PID_NS_LEVEL], usize) {
        let mut buf = [0u32; MAX_PID_NS_LEVEL];
        let p = pid.as_ptr();
        // SAFETY: Both valid; a pid has `level + 1` numbers, each naming the
        // namespace it is seen from.
        let (from, to) = unsafe {
            (
                shim::procfs2_pid_ns_level(ns.as_ptr()) as usize,
                (*p).level as usize,
            )
        };
        let mut n = 0;
        for level in from..=to {
            if n == buf.len() {
                break;
            }
            // SAFETY: `level` is at most the pid's own (see above).
            let in_ns = unsafe { (*(*p).numbers.as_ptr().add(level)).ns };
            buf[n] = self.nr_ns(kind.pid_type(), in_ns);
            n += 1;
        }
        (buf, n)
    }

    /// The inode number of the task's namespace of `kind`, as the namespace's
    /// `get` operation finds it: `None` when there is none (an exited task; a
    /// `pid_for_children` namespace without its first process yet).
    pub(crate) fn ns_inum(&self, kind: NsKind) -> Option<u32> {
        let p = self.as_ptr();
        match kind {
            NsKind::Pid => {
                let _rcu = Rcu::read_lock();
                // SAFETY: The task is valid; its pid's namespace lives while the pid
                // does, under RCU.
                unsafe {
                    let ns = shim::task_active_pid_ns(p);
                    (!ns.is_null()).then(|| shim::procfs2_pid_ns_inum(ns))
                }
            }
            NsKind::User => {
                let rcu = Rcu::read_lock();
                // SAFETY: The credentials pin their user namespace.
                Some(unsafe { (*self.cred(&rcu).user_ns_ptr()).ns.inum })
            }
            _ => {
                let _lock = self.lock();
                // SAFETY: `nsproxy` and the namespaces it holds are stable under
                // `task_lock`.
                unsafe {
                    let nsp = (*p).nsproxy.as_ref()?;
                    Some(match kind {
                        NsKind::Net => shim::procfs2_net_inum(nsp.net_ns.as_mut()?),
                        NsKind::Uts => shim::procfs2_uts_ns_inum(nsp.uts_ns.as_mut()?),
                        NsKind::Ipc => shim::procfs2_ipc_ns_inum(nsp.ipc_ns.as_mut()?),
                        // `mntns_get`: `&nsproxy->mnt_ns->ns` under `task_lock`.
                        NsKind::Mnt => shim::procfs2_mnt_ns_inum(nsp.mnt_ns.as_mut()?),
                        NsKind::PidForChildren => {
                            let ns = nsp.pid_ns_for_children.as_mut()?;
                            shim::procfs2_pid_ns_child_reaper(ns).as_ref()?;
                            shim::procfs2_pid_ns_inum(ns)
                        }
                        NsKind::Cgroup => nsp.cgroup_ns.as_ref()?.ns.inum,
                        #[cfg(CONFIG_TIME_NS)]
                        NsKind::Time => shim::procfs2_time_ns_inum(nsp.time_ns.as_mut()?),
                        #[cfg(CONFIG_TIME_NS)]
                        NsKind::TimeForChildren => {
                            shim::procfs2_time_ns_inum(nsp.time_ns_for_children.as_mut()?)
                        }
                        NsKind::Pid | NsKind::User => return None,
                    })
                }
            }
        }
    }

    /// Calls `f` with the user namespace of the task's credentials, under RCU (the
    /// namespace is the task's now; fs/proc takes it at open).
    pub(crate) fn with_user_ns<R>(&self, f: impl FnOnce(&cred::UserNamespace) -> R) -> R {
        let rcu = Rcu::read_lock();
        f(self.cred(&rcu).user_ns())
    }

    /// Whether the task's user namespace allows `setgroups` (`proc_setgroups_show`).
    pub(crate) fn setgroups_allowed(&self) -> bool {
        let rcu = Rcu::read_lock();
        // SAFETY: The credentials pin their namespace under RCU; `flags` is read once.
        let flags = unsafe { read_once(&raw const (*self.cred(&rcu).user_ns_ptr()).flags) };
        flags & bindings::USERNS_SETGROUPS_ALLOWED as c_ulong != 0
    }

    /// Whether the caller has `cap` over the task's user namespace (`ns_capable`).
    pub(crate) fn user_ns_capable(&self, cap: u32) -> bool {
        let rcu = Rcu::read_lock();
        // SAFETY: The credentials pin their namespace under RCU.
        unsafe { bindings::ns_capable(self.cred(&rcu).user_ns_ptr(), cap as c_int) }
    }

    /// The path of the task's cgroup on the default hierarchy as the caller's cgroup
    /// namespace sees it (`cgroup_path_ns`), written into `buf`, and whether that
    /// cgroup was removed; `ENAMETOOLONG` if it does not fit.
    pub(crate) fn dfl_cgroup_path(&self, buf: &mut [u8]) -> Result<(usize, bool)> {
        let css = {
            let _rcu = Rcu::read_lock();
            // SAFETY: `task_css_set`: the task's css_set and its default cgroup are
            // valid under RCU; `css_tryget` counts the cgroup if it still lives.
            unsafe {
                let cset = read_once(&raw const (*self.as_ptr()).cgroups);
                let css = &raw mut (*(*cset).dfl_cgrp).self_;
                if !shim::procfs2_css_tryget(css) {
                    return Err(ENOENT);
                }
                css
            }
        };
        // SAFETY: `css` is counted (above).
        let (len, flags) = unsafe { css_path(css, buf) }?;
        Ok((len, flags & bindings::CSS_ONLINE == 0))
    }

    /// The path of the cgroup of the task's cpuset (`task_css(tsk, cpuset_cgrp_id)`)
    /// as the caller's cgroup namespace sees it, written into `buf`
    /// (`proc_cpuset_show`); `ENAMETOOLONG` if it does not fit.
    #[cfg(CONFIG_CPUSETS)]
    pub(crate) fn cpuset_path(&self, buf: &mut [u8]) -> Result<usize> {
        let css = {
            let _rcu = Rcu::read_lock();
            // SAFETY: `task_css`: the task's css_set and its csses are valid under
            // RCU; `css_tryget` counts the css unless its last reference is gone,
            // which a css of a live css_set never is.
            unsafe {
                let cset = read_once(&raw const (*self.as_ptr()).cgroups);
                let css = read_once(
                    &raw const (*cset).subsys[bindings::cgroup_subsys_id_cpuset_cgrp_id as usize],
                );
                if !shim::procfs2_css_tryget(css) {
                    return Err(ENOENT);
                }
                css
            }
        };
        // SAFETY: `css` is counted (above).
        unsafe { css_path(css, buf) }.map(|(len, _)| len)
    }

    /// The monotonic and boot-time offsets (seconds, nanoseconds) of the time
    /// namespace the task's children get (`proc_timens_show_offsets`); `None`
    /// without one.
    #[cfg(CONFIG_TIME_NS)]
    pub(crate) fn timens_offsets(&self) -> Option<[(i64, i64); 2]> {
        let _lock = self.lock();
        // SAFETY: `nsproxy` and its namespaces are stable under `task_lock`.
        unsafe {
            let nsp = (*self.as_ptr()).nsproxy.as_ref()?;
            let ns = nsp.time_ns_for_children.as_mut()?;
            let offsets = &*shim::procfs2_time_ns_offsets(ns);
            let (mono, boot) = (offsets.monotonic, offsets.boottime);
            Some([
                (mono.tv_sec, mono.tv_nsec as i64),
                (boot.tv_sec, boot.tv_nsec as i64),
            ])
        }
    }

    /// The task's login uid as `ns` sees it (`audit_get_loginuid`, `from_kuid`).
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn loginuid(&self, ns: &cred::UserNamespace) -> u32 {
        // SAFETY: The task and the namespace are valid.
        unsafe { shim::procfs2_audit_loginuid(self.as_ptr(), ns.as_ptr()) }
    }

    /// The task's audit session id (`audit_get_sessionid`).
    #[cfg(CONFIG_AUDIT)]
    pub(crate) fn sessionid(&self) -> u32 {
        // SAFETY: The task is valid.
        unsafe { shim::procfs2_audit_sessionid(self.as_ptr()) }
    }

    /// Whether the caller has CAP_SYS_NICE in the task's user namespace.
    pub(crate) fn nice_capable(&self) -> bool {
        let rcu = Rcu::read_lock();
        let ns = self.cred(&rcu).user_ns_ptr();
        // SAFETY: The namespace is valid under RCU, with the credentials naming it.
        unsafe { bindings::ns_capable(ns, bindings::CAP_SYS_NICE as c_int) }
    }
}

/// `cgroup_path_ns` of `css`'s cgroup in the caller's cgroup namespace, into `buf`
/// (`E2BIG` becomes `ENAMETOOLONG`, as fs/proc turns it), and the css's flags read
/// after; drops the reference on `css`.
///
/// # Safety
///
/// `css` is a css the caller holds a reference on, which this call takes over.
unsafe fn css_path(
    css: *mut bindings::cgroup_subsys_state,
    buf: &mut [u8],
) -> Result<(usize, u32)> {
    // SAFETY: The css is counted (function contract), so its cgroup lives; the
    // caller's nsproxy is stable for the caller; `cgroup_path_ns` writes at most
    // `buf.len()` bytes, NUL included.
    let (r, flags) = unsafe {
        let ns = (*(*bindings::get_current()).nsproxy).cgroup_ns;
        let r = bindings::cgroup_path_ns(
            read_once(&raw const (*css).cgroup),
            buf.as_mut_ptr().cast(),
            buf.len(),
            ns,
        );
        let flags = read_once(&raw const (*css).flags);
        shim::procfs2_css_put(css);
        (r, flags)
    };
    let len = usize::try_from(r).map_err(|_| {
        if r == -(bindings::E2BIG as c_int) {
            Error::from_errno(-(bindings::ENAMETOOLONG as c_int))
        } else {
            Error::from_errno(r)
        }
    })?;
    Ok((len, flags))
}
