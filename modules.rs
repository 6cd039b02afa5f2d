// SPDX-License-Identifier: GPL-2.0

//! `modules` (kernel/module/procfs.c `m_show`): a line per loaded module: name,
//! size, reference count, the modules that use it, state, address and taints.

use crate::{
    pde::ProcDirEntry,
    wrap::{module, seq::SeqFile},
};
use kernel::{fmt, prelude::*};

/// `m_show` for every module (`modules_op`), with `modules_open`'s address policy
/// ([`module::show_addresses`]). The "used by" names are not reachable (see
/// [`module::Module::has_users`]): a module that others use shows `?,` where /proc
/// lists them.
pub(crate) fn modules_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let show_value = module::show_addresses(m.opener_cred());
    module::for_each_module(|md| {
        let state = md.state();
        if state == module::MODULE_STATE_UNFORMED {
            return;
        }
        m.write(md.name().as_bytes());
        m.print(fmt!(" {}", md.total_size()));
        // print_unload_info
        m.print(fmt!(" {} ", md.refcount()));
        let mut printed_something = false;
        if md.has_users() {
            printed_something = true;
            m.write(b"?,");
        }
        if md.permanent() {
            printed_something = true;
            m.write(b"[permanent],");
        }
        if !printed_something {
            m.write(b"-");
        }
        m.write(match state {
            module::MODULE_STATE_GOING => b" Unloading",
            module::MODULE_STATE_COMING => b" Loading",
            _ => b" Live",
        });
        let value = if show_value { md.text_base() } else { 0 };
        m.print(fmt!(" 0x{:016x}", value));
        // module_flags(mod, buf, true)
        if md.tainted() {
            m.write(b" (");
            for c in md.taint_letters() {
                m.write(&[c]);
            }
            if state == module::MODULE_STATE_GOING {
                m.write(b"-");
            }
            if state == module::MODULE_STATE_COMING {
                m.write(b"+");
            }
            m.write(b")");
        }
        m.write(b"\n");
    });
    Ok(())
}
