// SPDX-License-Identifier: GPL-2.0

//! The security modules as procfs2 sees them: which run (`lsm`), Yama's
//! `ptrace_scope` (`yama`) and whether AppArmor confines the caller. ptrace.rs
//! decides with them; `wrap::cred` re-exports them.

use kernel::bindings;

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

    /// Finds the variable (`procfs2` init, after [`super::lsm::init`]). Without it,
    /// attach checks are refused while Yama runs.
    pub(crate) fn init() {
        if !super::lsm::active(super::lsm::Lsm::Yama) {
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

/// The security modules that run. Built-in modules need not run: the boot's order
/// (`CONFIG_LSM`, `lsm=`) picks them, and only one of AppArmor, SELinux and Smack.
/// The list of running ones (`lsm_names`, securityfs's `lsm`) is neither exported
/// nor readable from the kernel (that file has no `read_iter`), so each is asked
/// its own way, once at load time: SELinux and Smack answer the exported
/// `security_ismaclabel` for their attribute name only while they run; AppArmor
/// makes securityfs's `apparmor` directory only when it starts (looked up on a
/// mount of securityfs procfs2 makes, which no caller can reach). A module that
/// cannot be asked (Yama, Landlock, the BPF LSM) counts as running when built in;
/// so does AppArmor if the lookup cannot be made.
pub(crate) mod lsm {
    use core::sync::atomic::{AtomicU32, Ordering};
    use kernel::{bindings, c_str, str::CStr};

    /// A security module whose running changes what procfs2 may show.
    #[derive(Clone, Copy)]
    pub(crate) enum Lsm {
        SeLinux,
        Smack,
        AppArmor,
        Yama,
        Landlock,
        Bpf,
    }

    impl Lsm {
        const ALL: [Lsm; 6] = [
            Lsm::SeLinux,
            Lsm::Smack,
            Lsm::AppArmor,
            Lsm::Yama,
            Lsm::Landlock,
            Lsm::Bpf,
        ];

        /// Its name (as `lsm=` and securityfs's `lsm` spell it).
        pub(crate) fn name(self) -> &'static str {
            match self {
                Lsm::SeLinux => "selinux",
                Lsm::Smack => "smack",
                Lsm::AppArmor => "apparmor",
                Lsm::Yama => "yama",
                Lsm::Landlock => "landlock",
                Lsm::Bpf => "bpf",
            }
        }

        fn built_in(self) -> bool {
            cfg!(CONFIG_SECURITY)
                && match self {
                    Lsm::SeLinux => cfg!(CONFIG_SECURITY_SELINUX),
                    Lsm::Smack => cfg!(CONFIG_SECURITY_SMACK),
                    Lsm::AppArmor => cfg!(CONFIG_SECURITY_APPARMOR),
                    Lsm::Yama => cfg!(CONFIG_SECURITY_YAMA),
                    Lsm::Landlock => cfg!(CONFIG_SECURITY_LANDLOCK),
                    Lsm::Bpf => cfg!(CONFIG_BPF_LSM),
                }
        }

        /// Whether a built-in module runs, asked of the kernel now.
        fn runs(self) -> bool {
            match self {
                Lsm::SeLinux => ismaclabel(c_str!("selinux")),
                Lsm::Smack => ismaclabel(c_str!("SMACK64")),
                Lsm::AppArmor => {
                    super::super::file::securityfs_has(c_str!("apparmor")) != Some(false)
                }
                Lsm::Yama | Lsm::Landlock | Lsm::Bpf => true,
            }
        }

        fn bit(self) -> u32 {
            1 << self as u32
        }
    }

    /// `security_ismaclabel(name)`: whether a running module names its inode label
    /// attribute `name` (SELinux "selinux", Smack "SMACK64").
    fn ismaclabel(name: &CStr) -> bool {
        // SAFETY: `name` is NUL-terminated; the hooks only compare it.
        unsafe { bindings::security_ismaclabel(name.as_char_ptr()) != 0 }
    }

    /// Bit `KNOWN`: [`init`] ran; the others: [`Lsm::bit`] of each running module.
    const KNOWN: u32 = 1 << 31;
    static ACTIVE: AtomicU32 = AtomicU32::new(0);

    /// Asks each built-in module whether it runs (`procfs2` init, before any
    /// mount).
    pub(crate) fn init() {
        let mut bits = KNOWN;
        for l in Lsm::ALL {
            if l.built_in() && l.runs() {
                bits |= l.bit();
            }
        }
        ACTIVE.store(bits, Ordering::Relaxed);
    }

    /// Whether `l` runs (or may: see the module's text).
    pub(crate) fn active(l: Lsm) -> bool {
        let bits = ACTIVE.load(Ordering::Relaxed);
        l.built_in() && (bits & KNOWN == 0 || bits & l.bit() != 0)
    }
}

/// Whether the caller runs under AppArmor's unconfined label of the root policy
/// namespace: its secid is the one of the kernel's initial credentials, which
/// AppArmor gives that label when it starts (`set_init_ctx`) and which no task can
/// change. That label lives as long as the kernel, so its secid never names another
/// one; a profile named "unconfined", a label of another policy namespace or a
/// stack is another secid and is refused. Asked anew on every call: nothing is
/// cached that could go stale.
#[cfg(CONFIG_SECURITY)]
pub(crate) fn apparmor_current_unconfined() -> bool {
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
pub(crate) fn apparmor_current_unconfined() -> bool {
    true
}
