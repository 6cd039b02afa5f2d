// SPDX-License-Identifier: GPL-2.0

//! Pid namespaces and the caller's credentials: the ids and checks mount options
//! and `hidepid=` need.

use super::shim;
use core::ptr::NonNull;
use kernel::{
    bindings,
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// A pid namespace.
///
/// # Invariants
///
/// The object is a valid `struct pid_namespace`, and while an [`ARef`] to it exists it
/// holds a reference taken with `get_pid_ns`.
#[repr(transparent)]
pub(crate) struct PidNamespace(Opaque<bindings::pid_namespace>);

// SAFETY: `get_pid_ns`/`put_pid_ns` may be called from any thread.
unsafe impl Send for PidNamespace {}
// SAFETY: Only reference counting is done through a shared reference.
unsafe impl Sync for PidNamespace {}

// SAFETY: The reference count is the one `get_pid_ns`/`put_pid_ns` manage, and the
// namespace is freed only when it reaches zero.
unsafe impl AlwaysRefCounted for PidNamespace {
    fn inc_ref(&self) {
        // SAFETY: By the type invariant `self.0` is a valid pid namespace.
        unsafe { shim::procfs2_get_pid_ns(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller owns one reference, which is given back here.
        unsafe { shim::put_pid_ns(obj.cast().as_ptr()) };
    }
}

impl PidNamespace {
    /// The active pid namespace of the calling task (`task_active_pid_ns(current)`).
    pub(crate) fn current() -> ARef<Self> {
        // SAFETY: `current` is alive while it runs; the helper takes a reference.
        let ns = unsafe { shim::procfs2_get_current_pid_ns() };
        // INVARIANT: `ns` is valid (a running task has an active pid namespace) and
        // carries the reference the helper took, which the `ARef` now owns.
        // SAFETY: See above; `ns` is not null.
        unsafe { ARef::from_raw(NonNull::new_unchecked(ns.cast())) }
    }

    /// The number of pids allocated in this namespace (`pid_allocated`): every fork
    /// and every release of a pid changes it.
    pub(crate) fn pid_allocated(&self) -> u32 {
        // SAFETY: The namespace is valid.
        unsafe { shim::procfs2_pid_allocated(self.as_ptr()) }
    }

    pub(crate) fn as_ptr(&self) -> *mut bindings::pid_namespace {
        self.0.get()
    }

    /// The calling task's thread group id as seen in this namespace, `None` if the
    /// task is not visible there (`task_tgid_nr_ns(current, ns)`).
    pub(crate) fn current_tgid(&self) -> Option<u32> {
        // SAFETY: `current` is alive and the namespace valid (type invariant).
        let nr = unsafe { shim::procfs2_current_tgid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
    }

    /// The last pid handed out in this namespace (`idr_get_cursor(&ns->idr) - 1`).
    pub(crate) fn last_pid(&self) -> i32 {
        // SAFETY: The namespace is valid (type invariant); the cursor is a plain read.
        unsafe { shim::procfs2_pid_ns_last_pid(self.as_ptr()) }
    }

    /// The calling thread's id as seen in this namespace (`task_pid_nr_ns`).
    pub(crate) fn current_pid(&self) -> Option<u32> {
        // SAFETY: As for `current_tgid`.
        let nr = unsafe { shim::procfs2_current_pid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
    }
}

/// Calls `f` with the calling task's credentials (`current_cred()`).
pub(super) fn with_current_cred<R>(f: impl FnOnce(&bindings::cred) -> R) -> R {
    // SAFETY: `current` is valid while it runs, and so are its own credentials,
    // which only it can replace; the borrow ends with `f`.
    f(unsafe { &*(*bindings::get_current()).cred })
}

/// The user namespace of the calling task's credentials (`current_user_ns()`).
fn current_user_ns() -> *mut bindings::user_namespace {
    with_current_cred(|c| c.user_ns)
}

/// A group id as the kernel stores it.
pub(crate) type Kgid = u32;

/// The kernel gid for `gid` as seen in the calling task's user namespace
/// (`make_kgid(current_user_ns(), gid)`); `u32::MAX` (`INVALID_GID`) if unmapped.
pub(crate) fn make_kgid_current(gid: u32) -> Kgid {
    // SAFETY: The user namespace of `current` is valid while it runs.
    unsafe { bindings::make_kgid(current_user_ns(), gid).val }
}

/// `gid` as seen from the initial user namespace, `overflowgid` if unmapped.
pub(crate) fn from_kgid_munged_init(gid: Kgid) -> u32 {
    // SAFETY: `init_user_ns` is a static object; only its address is taken.
    unsafe {
        bindings::from_kgid_munged(
            &raw mut bindings::init_user_ns,
            bindings::kgid_t { val: gid },
        )
    }
}

/// Whether the caller is in group `gid` (`in_group_p`).
pub(crate) fn in_group_p(gid: Kgid) -> bool {
    // SAFETY: Reads the caller's credentials.
    unsafe { bindings::in_group_p(bindings::kgid_t { val: gid }) != 0 }
}

/// Parses `s` like the kernel's `kstrtouint(s, base, ...)`; `None` if it is not a
/// number that fits.
pub(crate) fn kstrtouint(s: &CStr, base: u32) -> Option<u32> {
    let mut v = 0;
    // SAFETY: `s` is a valid NUL-terminated string and `v` a valid output location.
    let r = unsafe { bindings::kstrtouint(s.as_char_ptr(), base, &mut v) };
    (r == 0).then_some(v)
}

/// Whether the caller has `cap` over the initial user namespace (`capable`; audited).
pub(crate) fn capable(cap: u32) -> bool {
    // SAFETY: Reads the caller's own credentials.
    unsafe { bindings::capable(cap as kernel::ffi::c_int) }
}

/// Whether the caller has `cap` (`has_capability_noaudit(current, cap)`).
pub(crate) fn current_has_capability_noaudit(cap: u32) -> bool {
    // SAFETY: `current` is valid while it runs.
    unsafe { bindings::has_capability_noaudit(bindings::get_current(), cap as kernel::ffi::c_int) }
}

/// `kstrtoint(strstrip(buf), 0, ...)`, as fs/proc parses a number written to a
/// file: `buf` holds the bytes written, NUL-terminated by the caller.
pub(crate) fn kstrtoint_stripped(buf: &mut [u8]) -> Result<i32> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated; `strim` strips it in place and returns a
    // pointer into it, which `kstrtoint` reads up to the NUL.
    kernel::error::to_result(unsafe {
        let s = bindings::strim(buf.as_mut_ptr().cast());
        bindings::kstrtoint(s, 0, &mut v)
    })?;
    Ok(v)
}

/// `kstrtoull(buf, base, ...)` of a NUL-terminated `buf`.
pub(crate) fn kstrtoull(buf: &[u8], base: u32) -> Result<u64> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated.
    kernel::error::to_result(unsafe { bindings::kstrtoull(buf.as_ptr().cast(), base, &mut v) })?;
    Ok(v)
}

/// `checkpoint_restore_ns_capable(&init_user_ns)`: CAP_SYS_ADMIN or
/// CAP_CHECKPOINT_RESTORE over the initial user namespace.
pub(crate) fn checkpoint_restore_capable() -> bool {
    let ns = &raw mut bindings::init_user_ns;
    // SAFETY: The initial user namespace is static.
    unsafe {
        bindings::ns_capable(ns, bindings::CAP_SYS_ADMIN as kernel::ffi::c_int)
            || bindings::ns_capable(ns, bindings::CAP_CHECKPOINT_RESTORE as kernel::ffi::c_int)
    }
}

/// `kstrtouint(buf, base, ...)` of a NUL-terminated `buf`, with its errno.
#[cfg(CONFIG_ELF_CORE)]
pub(crate) fn kstrtouint_errno(buf: &[u8], base: u32) -> Result<u32> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated.
    kernel::error::to_result(unsafe { bindings::kstrtouint(buf.as_ptr().cast(), base, &mut v) })?;
    Ok(v)
}

/// What a `ptrace_may_access` check is for (`PTRACE_MODE_READ` or
/// `PTRACE_MODE_ATTACH`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PtraceMode {
    Read,
    Attach,
}

/// What the security modules would say about the caller getting at another
/// process (`security_ptrace_access_check`, which is not exported), as far as
/// procfs2 can tell; where it cannot tell, no. It is taken before any task lock
/// (AppArmor's label text is asked for, which allocates); [`LsmPtrace::allows`]
/// then answers for a task, after the capability module's own check.
///
/// - Without `CONFIG_SECURITY` there is no other module: yes.
/// - SELinux, Smack, Landlock and BPF programs decide by state procfs2 cannot
///   reach: with any of them built in, no.
/// - AppArmor lets an unconfined caller at anyone (`aa_may_ptrace`: an unconfined
///   tracer passes both sides of the check); a confined caller's profile cannot be
///   consulted: only a caller under the root namespace's unconfined label passes.
/// - Yama restricts only `PTRACE_MODE_ATTACH`, by `ptrace_scope` (a static of
///   security/yama/yama_lsm.c), read as Yama reads it ([`yama`]); if procfs2 could
///   not find it, no.
pub(crate) struct LsmPtrace {
    allowed: bool,
    /// Yama's `ptrace_scope`, for attach mode with Yama built in.
    yama_scope: Option<u32>,
}

impl LsmPtrace {
    /// The modules' answer for the caller now, for `mode`.
    pub(crate) fn now(mode: PtraceMode) -> Self {
        let no = Self {
            allowed: false,
            yama_scope: None,
        };
        if !cfg!(CONFIG_SECURITY) {
            return Self {
                allowed: true,
                yama_scope: None,
            };
        }
        if cfg!(CONFIG_SECURITY_SELINUX)
            || cfg!(CONFIG_SECURITY_SMACK)
            || cfg!(CONFIG_SECURITY_LANDLOCK)
            || cfg!(CONFIG_BPF_LSM)
        {
            return no;
        }
        if cfg!(CONFIG_SECURITY_APPARMOR) && !current_label_unconfined() {
            return no;
        }
        if cfg!(CONFIG_SECURITY_YAMA) && mode == PtraceMode::Attach {
            return match yama::scope() {
                Some(scope) => Self {
                    allowed: true,
                    yama_scope: Some(scope),
                },
                None => no,
            };
        }
        Self {
            allowed: true,
            yama_scope: None,
        }
    }

    /// Whether the modules let the caller at the task; `yama` answers Yama's
    /// question for the task given `ptrace_scope`.
    pub(crate) fn allows(&self, yama: impl FnOnce(u32) -> bool) -> bool {
        self.allowed && self.yama_scope.map_or(true, yama)
    }
}

/// Yama's `ptrace_scope`, a static of security/yama/yama_lsm.c, read where Yama reads
/// it: the `data` of the sysctl table Yama registers, found once at load time
/// through a mount of proc no caller can reach (the text of
/// /proc/sys/kernel/yama/ptrace_scope could be a file mounted over it).
pub(crate) mod yama {
    use core::{
        ffi::c_int,
        sync::atomic::{AtomicPtr, Ordering},
    };
    use kernel::{c_str, prelude::*};

    static SCOPE: AtomicPtr<c_int> = AtomicPtr::new(core::ptr::null_mut());

    /// Finds the variable (`procfs2` init). Without it, attach checks are refused.
    pub(crate) fn init() {
        if !cfg!(CONFIG_SECURITY_YAMA) {
            return;
        }
        match super::super::file::proc_sysctl_data(
            c_str!("sys/kernel/yama/ptrace_scope"),
            c_str!("ptrace_scope"),
            core::mem::size_of::<c_int>(),
        ) {
            Some(p) => SCOPE.store(p.cast(), Ordering::Release),
            None => pr_warn!("Yama's ptrace_scope not found: attach checks are refused\n"),
        }
    }

    /// The scope now, if [`init`] found it.
    pub(crate) fn scope() -> Option<u32> {
        let p = SCOPE.load(Ordering::Acquire);
        if p.is_null() {
            return None;
        }
        // A negative value (never stored: the table limits it to 0..3) refuses.
        // SAFETY: `init` stores nothing but the `data` of the `ptrace_scope` table,
        // and only with Yama built in (a bool option): it is Yama's static `int`,
        // which lives as long as the kernel. It is read once, as Yama reads it.
        let scope = unsafe { core::ptr::read_volatile(p) };
        Some(scope as u32)
    }
}

/// Whether the security modules would let the caller read or set another task's
/// scheduling (`security_task_getscheduler`, `security_task_setscheduler`, not
/// exported), once CAP_SYS_NICE over it is checked. Of the modules, only SELinux,
/// Smack and BPF programs hook these, by state procfs2 cannot reach: with any of
/// them built in, no. (The capability module's `cap_safe_nice` passes whoever has
/// CAP_SYS_NICE over the task.)
pub(crate) fn lsm_may_schedule() -> bool {
    !(cfg!(CONFIG_SECURITY_SELINUX) || cfg!(CONFIG_SECURITY_SMACK) || cfg!(CONFIG_BPF_LSM))
}

/// Whether the caller runs under AppArmor's unconfined label of the root policy
/// namespace: its secid is the one of the kernel's initial credentials, which
/// AppArmor gives that label when it starts (`set_init_ctx`) and which no task can
/// change. That label lives as long as the kernel, so its secid never names another
/// one; a profile named "unconfined", a label of another policy namespace or a
/// stack is another secid and is refused. Asked anew on every call: nothing is
/// cached that could go stale.
#[cfg(CONFIG_SECURITY)]
fn current_label_unconfined() -> bool {
    let (mut mine, mut init) = (0u32, 0u32);
    // SAFETY: Both are valid output locations; `init_task` is static and its
    // credentials are read under RCU by the callee.
    unsafe {
        bindings::security_current_getsecid_subj(&mut mine);
        bindings::security_task_getsecid_obj(&raw mut bindings::init_task, &mut init);
    }
    mine != 0 && mine == init
}

#[cfg(not(CONFIG_SECURITY))]
fn current_label_unconfined() -> bool {
    true
}
