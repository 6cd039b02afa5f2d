// SPDX-License-Identifier: GPL-2.0

//! Who may get at another process: the decisions fs/proc leaves to kernel/ptrace.c
//! (`ptrace_may_access`), security/commoncap.c (`cap_ptrace_access_check`) and the
//! security modules (security/yama/yama_lsm.c, AppArmor), in one place, step by
//! step in their order, each step named after the function it mirrors. Of the
//! modules, procfs2 answers only for those whose answer it can know; for the others
//! it refuses (README, Security). The files ask through [`PtraceCheck`], which the
//! wrapper applies under the locks fs/proc holds (`exec_update_lock` where fs/proc
//! takes it, then `task_lock`), so every step reads the state of the moment.

use crate::wrap::{
    cred::{self, lsm::Lsm, yama, Cap, UserNamespace},
    task::{self, PtraceTarget},
};
use core::sync::atomic::{fence, Ordering};

/// `PTRACE_MODE_READ_FSCREDS` or `PTRACE_MODE_ATTACH_FSCREDS`: fs/proc always asks
/// with the caller's filesystem ids.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Read,
    Attach,
}

/// One `ptrace_may_access(task, mode)` question.
pub(crate) struct PtraceCheck {
    mode: Mode,
}

impl PtraceCheck {
    /// `PTRACE_MODE_READ_FSCREDS` (links, `environ`, `io`, `fd/`, `stat`'s private
    /// fields, `hidepid=`).
    pub(crate) fn read() -> Self {
        Self::new(Mode::Read)
    }

    /// `PTRACE_MODE_ATTACH_FSCREDS` (`mem`, `personality`, `syscall`, `stack`).
    pub(crate) fn attach() -> Self {
        Self::new(Mode::Attach)
    }

    fn new(mode: Mode) -> Self {
        Self { mode }
    }
}

impl task::PtraceCheck for PtraceCheck {
    /// `ptrace_may_access`: the wrapper holds `task_lock(task)` around this.
    fn may_access(&self, t: &PtraceTarget<'_>) -> bool {
        ptrace_may_access_locked(t, self)
    }
}

/// `__ptrace_may_access` (kernel/ptrace.c), for the FSCREDS modes fs/proc uses.
/// Capabilities are asked without an audit record (`ns_capable_noaudit`): the
/// answer is the same, only the log differs.
fn ptrace_may_access_locked(t: &PtraceTarget<'_>, check: &PtraceCheck) -> bool {
    // "Don't let security modules deny introspection".
    if t.same_thread_group() {
        return true;
    }
    // The caller's fsuid/fsgid against all of the target's uids and gids, else
    // `ptrace_has_cap(tcred->user_ns, mode)`.
    let (caller_uid, caller_gid) = cred::with_current(|c| (c.fsuid(), c.fsgid()));
    let ok = t.with_cred(|tcred| {
        (caller_uid == tcred.euid()
            && caller_uid == tcred.suid()
            && caller_uid == tcred.uid()
            && caller_gid == tcred.egid()
            && caller_gid == tcred.sgid()
            && caller_gid == tcred.gid())
            || ptrace_has_cap(tcred.user_ns())
    });
    if !ok {
        return false;
    }
    // `smp_rmb()`: the dumpability is read after the credentials, pairing with
    // the write barrier of `commit_creds`, so that a task that drops privileges
    // and becomes non-dumpable is not seen with its old credentials and its new
    // dumpability.
    fence(Ordering::Acquire);
    if !task_still_dumpable(t) {
        return false;
    }
    security_ptrace_access_check(t, check)
}

/// `ptrace_has_cap`: CAP_SYS_PTRACE over `ns`.
fn ptrace_has_cap(ns: &UserNamespace) -> bool {
    ns.capable_noaudit(Cap::SysPtrace)
}

/// `task_still_dumpable`: with an mm, its dumpability or CAP_SYS_PTRACE over the
/// mm's user namespace; without one (a kernel thread, a zombie, a group leader
/// that exited first, a task past `exit_mm`), what `exit_mm` saved, or
/// CAP_SYS_PTRACE over the initial user namespace.
fn task_still_dumpable(t: &PtraceTarget<'_>) -> bool {
    match t.mm() {
        Some(mm) => mm.dumpable() == task::SUID_DUMP_USER || ptrace_has_cap(mm.user_ns()),
        None => t.user_dumpable() || ptrace_has_cap(UserNamespace::init()),
    }
}

/// `security_ptrace_access_check`: the capability module, then each other module
/// that runs, as far as procfs2 can answer for it.
fn security_ptrace_access_check(t: &PtraceTarget<'_>, check: &PtraceCheck) -> bool {
    cap_ptrace_access_check(t) && lsm_ptrace_access_check(t, check.mode)
}

/// `cap_ptrace_access_check` (security/commoncap.c), FSCREDS: the same user
/// namespace and every capability the target has permitted among the caller's
/// effective ones, or CAP_SYS_PTRACE over the target's user namespace.
fn cap_ptrace_access_check(t: &PtraceTarget<'_>) -> bool {
    cred::with_current(|c| {
        let (caller_ns, caller_caps) = (c.user_ns(), c.cap_effective());
        t.with_cred(|child| {
            (caller_ns == child.user_ns() && child.cap_permitted() & !caller_caps == 0)
                || ptrace_has_cap(child.user_ns())
        })
    })
}

/// `yama_ptrace_access_check` for attach mode at `ptrace_scope` `scope`: 0 lets
/// anyone; 1 (`YAMA_SCOPE_RELATIONAL`) a live task's ancestors and holders of
/// CAP_SYS_PTRACE over its user namespace (the exceptions `PR_SET_PTRACER`
/// declares are in Yama's private list: not counted, so refused); 2 only the
/// latter; 3 no one.
fn yama_ptrace_access_check(t: &PtraceTarget<'_>, scope: u32) -> bool {
    let capable = || t.with_cred(|c| ptrace_has_cap(c.user_ns()));
    match scope {
        0 => true,
        1 => t.pid_alive() && (t.descends_from_current() || capable()),
        2 => capable(),
        _ => false,
    }
}

/// What the security modules other than the capability one would say, as far as
/// procfs2 can tell (their hooks are reached only through the unexported
/// `security_ptrace_access_check`); where it cannot tell, no. Asked under the
/// task's lock, as the hooks are; nothing here sleeps.
///
/// - SELinux, Smack, Landlock and BPF programs decide by state procfs2 cannot
///   reach: while any of them runs, no.
/// - AppArmor lets an unconfined caller at anyone (`aa_may_ptrace`: an unconfined
///   tracer passes both sides of the check); a confined caller's profile cannot
///   be consulted: only a caller under the root namespace's unconfined label
///   passes.
/// - Yama restricts only attach mode, by `ptrace_scope` read now; if procfs2
///   could not find that variable, no.
fn lsm_ptrace_access_check(t: &PtraceTarget<'_>, mode: Mode) -> bool {
    if [Lsm::SeLinux, Lsm::Smack, Lsm::Landlock, Lsm::Bpf]
        .into_iter()
        .any(cred::lsm::active)
    {
        return false;
    }
    if cred::lsm::active(Lsm::AppArmor) && !cred::apparmor_current_unconfined() {
        return false;
    }
    if mode == Mode::Attach && cred::lsm::active(Lsm::Yama) {
        return yama::scope().is_some_and(|scope| yama_ptrace_access_check(t, scope));
    }
    true
}

/// Whether the security modules would let the caller read or set another task's
/// scheduling (`security_task_getscheduler`, `security_task_setscheduler`, not
/// exported), once CAP_SYS_NICE over it is checked. Of the modules, only SELinux,
/// Smack and BPF programs hook these, by state procfs2 cannot reach: while any of
/// them runs, no. (The capability module's `cap_safe_nice` passes whoever has
/// CAP_SYS_NICE over the task.)
pub(crate) fn lsm_may_schedule() -> bool {
    ![Lsm::SeLinux, Lsm::Smack, Lsm::Bpf]
        .into_iter()
        .any(cred::lsm::active)
}

/// The running security module, if any, that labels fs/proc's per-task inodes
/// with their task's label (`security_task_to_inode`, not exported): procfs2's
/// inodes would carry another label, so its policy would decide differently on
/// them; procfs2 refuses to be mounted while one runs.
pub(crate) fn inode_labelling_lsm() -> Option<Lsm> {
    [Lsm::SeLinux, Lsm::Smack]
        .into_iter()
        .find(|&l| cred::lsm::active(l))
}
