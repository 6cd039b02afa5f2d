// SPDX-License-Identifier: GPL-2.0

//! `/proc/schedstat` (kernel/sched/stats.c `show_schedstat`, with
//! `CONFIG_SCHEDSTATS`): a header, then a record per online CPU, its runqueue's
//! counters and a line per scheduling domain.

use crate::{
    pde::{ProcDirEntry, SeqOps},
    wrap::{cpu, lock::Rcu, rq, seq::SeqFile, sync},
};
use kernel::{fmt, prelude::*};

/// `SCHEDSTAT_VERSION`: shim/sched.c checks it against the one Kbuild cuts out of
/// kernel/sched/stats.c, for the lines below are that version's.
const SCHEDSTAT_VERSION: u32 = 16;

/// `schedstat_sops`: position 0 is the header, position `n + 1` CPU `n` (nothing
/// when it is offline; `schedstat_start` skips to the next online CPU, whose record
/// is the same).
pub(crate) static SCHEDSTAT_OPS: SeqOps = SeqOps {
    has: schedstat_has,
    show: show_schedstat,
};

/// `schedstat_start`: the header, then while an online CPU remains at or after
/// `pos - 1`.
fn schedstat_has(_de: &ProcDirEntry, pos: u64) -> bool {
    pos == 0 || i32::try_from(pos).is_ok_and(|p| cpu::next_online(p - 2).is_some())
}

fn show_schedstat(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    if pos == 0 {
        m.print(fmt!(
            "version {}\ntimestamp {}\n",
            SCHEDSTAT_VERSION,
            sync::jiffies()
        ));
        return Ok(());
    }
    let Some(c) = u32::try_from(pos - 1).ok().and_then(cpu::CpuId::from_u32) else {
        return Ok(());
    };
    if !cpu::cpu_online(c) {
        return Ok(());
    }
    // runqueue-specific stats
    let s = rq::rq_stats(c);
    m.print(fmt!(
        "cpu{} {} 0 {} {} {} {} {} {} {}\n",
        c,
        s.yld_count,
        s.sched_count,
        s.sched_goidle,
        s.ttwu_count,
        s.ttwu_local,
        s.rq_cpu_time,
        s.run_delay,
        s.pcount
    ));
    // domain-specific stats
    #[cfg(CONFIG_SMP)]
    {
        let rcu = Rcu::read_lock();
        for (n, sd) in rq::domains(c, &rcu).enumerate() {
            m.print(fmt!("domain{} ", n));
            sd.print_span(m);
            for itype in 0.. {
                let Some(lb) = sd.lb(itype) else { break };
                for v in lb {
                    m.print(fmt!(" {}", v));
                }
            }
            for v in sd.others() {
                m.print(fmt!(" {}", v));
            }
            m.write(b"\n");
        }
    }
    Ok(())
}
