// SPDX-License-Identifier: GPL-2.0

//! Loaded modules (`struct module` on kernel/module's `modules` list), walked under
//! RCU from this module's own list node, and kallsyms' policy for showing their
//! addresses.
//!
//! The list head `modules` and its `module_mutex` are not exported. The list is
//! RCU-safe: a module is linked with `list_add_rcu` and unlinked with
//! `list_del_rcu` followed by `synchronize_rcu()` before its memory is freed
//! (`free_module`). Every `struct module` lives in its module's memory (the
//! `.gnu.linkonce.this_module` section, placed in the module area), so the one node
//! of the ring outside module and vmalloc memory (`is_vmalloc_or_module_addr`,
//! exported) is the head.

use super::{cred::Credential, lock::Rcu, shim::*};
use kernel::{bindings, str::CStr};

/// `MODULE_STATE_*` (checked in shim/module.c; `MODULE_STATE_LIVE` is 0).
pub(crate) const MODULE_STATE_COMING: i32 = 1;
pub(crate) const MODULE_STATE_GOING: i32 = 2;
pub(crate) const MODULE_STATE_UNFORMED: i32 = 3;

/// One module, valid while [`for_each_module`] runs the callback.
///
/// # Invariants
///
/// `self.0` is a module on the list, reached in the walk's RCU read section.
pub(crate) struct Module(*mut bindings::module);

/// The list node after `l`, read as `list_next_rcu` under RCU.
///
/// # Safety
///
/// `l` must be a node of the modules list reached in the current RCU read section.
unsafe fn next(l: *mut bindings::list_head) -> *mut bindings::list_head {
    // SAFETY: Per the caller.
    unsafe { procfs2_list_next_rcu(l) }
}

/// Runs `f` on each module in the list's order (the newest first), as `m_start` and
/// `m_next` walk it under `module_mutex`, here under RCU (`f` must not sleep).
pub(crate) fn for_each_module(mut f: impl FnMut(&Module)) {
    let _rcu = Rcu::read_lock();
    // SAFETY: This module's node is on the list while the module runs.
    let mine = unsafe { procfs2_this_module_list() };
    // The head: the first node after this one that is not in module memory. The
    // ring always holds it, so the walk ends.
    let mut head = mine;
    // SAFETY: `head` is this module's node, then nodes reached from it in this
    // read section, which stay valid until it ends (`synchronize_rcu` before a
    // module's memory is freed); a node unlinked meanwhile keeps its `next`.
    while unsafe { bindings::is_vmalloc_or_module_addr(head.cast()) } != 0 {
        // SAFETY: As above.
        head = unsafe { next(head) };
    }
    // SAFETY: As above.
    let mut node = unsafe { next(head) };
    while node != head {
        // INVARIANT: `node` is a module's node reached in this read section.
        // SAFETY: Every node but the head is a `struct module`'s `list`.
        f(&Module(unsafe { procfs2_module_of(node) }));
        // SAFETY: As above.
        node = unsafe { next(node) };
    }
}

impl Module {
    /// `mod->state`.
    pub(crate) fn state(&self) -> i32 {
        // SAFETY: By the type invariant.
        unsafe { procfs2_module_state(self.0) }
    }

    /// `mod->name`.
    pub(crate) fn name(&self) -> &CStr {
        // SAFETY: By the type invariant; `name` is a NUL-terminated array of the
        // module, set before it is listed.
        unsafe { CStr::from_char_ptr(procfs2_module_name(self.0)) }
    }

    /// `module_total_size`: the sizes of its memory regions summed in an `int`.
    pub(crate) fn total_size(&self) -> u32 {
        (0..bindings::mod_mem_type_MOD_MEM_NUM_TYPES).fold(0u32, |size, t| {
            // SAFETY: By the type invariant; `t` is a memory type.
            size.wrapping_add(unsafe { procfs2_module_mem_size(self.0, t) })
        })
    }

    /// `module_refcount`.
    pub(crate) fn refcount(&self) -> i32 {
        // SAFETY: By the type invariant.
        unsafe { bindings::module_refcount(self.0) }
    }

    /// Whether another module uses this one (`source_list` not empty). Only the
    /// list head, part of the module, is read: the `module_use` entries are freed
    /// under `module_mutex` without a grace period, so they cannot be read here.
    pub(crate) fn has_users(&self) -> bool {
        // SAFETY: By the type invariant.
        unsafe { procfs2_module_has_users(self.0) }
    }

    /// `mod->init && !mod->exit`: loaded with no way to unload.
    pub(crate) fn permanent(&self) -> bool {
        // SAFETY: By the type invariant; both are set at load.
        unsafe { procfs2_module_permanent(self.0) }
    }

    /// `mod->mem[MOD_TEXT].base`.
    pub(crate) fn text_base(&self) -> usize {
        // SAFETY: By the type invariant.
        unsafe { procfs2_module_text_base(self.0) as usize }
    }

    /// `module_flags_taint`: the letters of the module's taints that
    /// `taint_flags[]` marks as module taints, in table order.
    pub(crate) fn taint_letters(&self) -> impl Iterator<Item = u8> {
        // SAFETY: By the type invariant.
        let taints = unsafe { procfs2_module_taints(self.0) } as u64;
        (0..bindings::TAINT_FLAGS_COUNT.min(64)).filter_map(move |i| {
            if taints & (1 << i) == 0 {
                return None;
            }
            // SAFETY: `i` is below `TAINT_FLAGS_COUNT`, the table's size.
            let (module, c) = unsafe { (procfs2_taint_is_module(i), procfs2_taint_char(i)) };
            module.then_some(c)
        })
    }

    /// `mod->taints != 0`.
    pub(crate) fn tainted(&self) -> bool {
        // SAFETY: By the type invariant.
        unsafe { procfs2_module_taints(self.0) != 0 }
    }
}

/// Whether `/proc/modules` shows addresses to this reader of a file opened with
/// `opener` (`kallsyms_show_value(file->f_cred)`, which reads the unexported
/// `kptr_restrict` and `sysctl_perf_event_paranoid`). Never when it would not:
/// only when the reader runs with the opener's credentials, has CAP_SYSLOG
/// (`has_capability_noaudit`, the same `security_capable` check, not audited), and
/// `%pK` does not print zeros for it (`kptr_restrict` is not 2). Stricter than
/// /proc where `kptr_restrict` is 0 and `perf_event_paranoid` at most 1 (/proc
/// shows addresses to all), where `kptr_restrict` is 1 and the reader's uid or gid
/// differs from its effective one, and for a reader other than the opener.
pub(crate) fn show_addresses(opener: &Credential) -> bool {
    // SAFETY: `opener` is valid; only its address is compared.
    if !unsafe { procfs2_current_cred_is(opener.as_ptr()) } {
        return false;
    }
    if !super::cred::current_has_capability_noaudit(bindings::CAP_SYSLOG) {
        return false;
    }
    let mut buf = [0u8; 24];
    // SAFETY: `buf` is writable for its length; `%pK` formats the address of `buf`
    // itself, which is not NULL.
    let n = unsafe { procfs2_format_pk(buf.as_mut_ptr().cast(), buf.len(), buf.as_ptr().cast()) };
    let n = (n.max(0) as usize).min(buf.len() - 1);
    !buf[..n].iter().all(|&c| c == b'0')
}
