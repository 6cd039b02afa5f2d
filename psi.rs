// SPDX-License-Identifier: GPL-2.0

//! `/proc/pressure/{io,memory,cpu}` (and `irq` with `CONFIG_IRQ_TIME_ACCOUNTING`):
//! kernel/sched/psi.c's `psi_show` for `psi_system`, which first folds the time
//! since the last sample into the totals and averages (`collect_percpu_times`,
//! `get_recent_times`, `update_averages`, `calc_avgs`), under the group's
//! `avgs_lock`, as a read of /proc's file does. Triggers (writes, poll) are not
//! exported (`psi_trigger_create`): a write fails with `EOPNOTSUPP`.

use crate::{
    globals::{load_frac, load_int, FIXED_1, FSHIFT},
    pde::{self, ProcDirEntry, ProcOps},
    wrap::{
        cpu::possible_cpus,
        cpu::CpuId,
        psi::{self, Avgs, NR_PSI_STATES, PSI_NONIDLE},
        seq::SeqFile,
    },
};
use kernel::{bindings, fmt, prelude::*};

/// `psi_proc_init`: the directory and a file per resource, mode 0666 as /proc's.
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    pde::mkdir(root, b"pressure")?;
    pde::create(root, b"pressure/io", 0o666, &IO_OPS)?;
    pde::create(root, b"pressure/memory", 0o666, &MEMORY_OPS)?;
    pde::create(root, b"pressure/cpu", 0o666, &CPU_OPS)?;
    #[cfg(CONFIG_IRQ_TIME_ACCOUNTING)]
    pde::create(root, b"pressure/irq", 0o666, &IRQ_OPS)?;
    Ok(())
}

static IO_OPS: ProcOps = ProcOps {
    show: psi_io_show,
    write: psi_write,
};
static MEMORY_OPS: ProcOps = ProcOps {
    show: psi_memory_show,
    write: psi_write,
};
static CPU_OPS: ProcOps = ProcOps {
    show: psi_cpu_show,
    write: psi_write,
};
#[cfg(CONFIG_IRQ_TIME_ACCOUNTING)]
static IRQ_OPS: ProcOps = ProcOps {
    show: psi_irq_show,
    write: psi_write,
};

fn psi_io_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    psi_show(m, bindings::psi_res_PSI_IO as usize)
}

fn psi_memory_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    psi_show(m, bindings::psi_res_PSI_MEM as usize)
}

fn psi_cpu_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    psi_show(m, bindings::psi_res_PSI_CPU as usize)
}

#[cfg(CONFIG_IRQ_TIME_ACCOUNTING)]
fn psi_irq_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    psi_show(m, bindings::psi_res_PSI_IRQ as usize)
}

/// `psi_write`: a trigger needs `psi_trigger_create`, which is not exported.
fn psi_write(_de: &ProcDirEntry, _buf: &[u8]) -> Result {
    Err(eopnotsupp())
}

/// `EOPNOTSUPP`, which the kernel crate of 6.12 does not name.
fn eopnotsupp() -> Error {
    Error::from_errno(-(bindings::EOPNOTSUPP as i32))
}

/// `div_u64`: a `u64` divided by a `u32` (the divisor is truncated as C passes it;
/// where the kernel would trap on 0, 0).
fn div_u64(dividend: u64, divisor: u64) -> u64 {
    dividend.checked_div(u64::from(divisor as u32)).unwrap_or(0)
}

/// `calc_load` (include/linux/sched/loadavg.h), in `unsigned long`.
fn calc_load(load: u64, exp: u64, active: u64) -> u64 {
    let mut newload = load
        .wrapping_mul(exp)
        .wrapping_add(active.wrapping_mul(FIXED_1.wrapping_sub(exp)));
    if active >= load {
        newload = newload.wrapping_add(FIXED_1 - 1);
    }
    newload / FIXED_1
}

/// `fixed_power_int` (kernel/sched/loadavg.c, static): `x` to the `n`, fixed point.
fn fixed_power_int(mut x: u64, frac_bits: u32, mut n: u32) -> u64 {
    let mut result = 1u64 << frac_bits;
    if n != 0 {
        loop {
            if n & 1 != 0 {
                result = result.wrapping_mul(x);
                result = result.wrapping_add(1 << (frac_bits - 1));
                result >>= frac_bits;
            }
            n >>= 1;
            if n == 0 {
                break;
            }
            x = x.wrapping_mul(x);
            x = x.wrapping_add(1 << (frac_bits - 1));
            x >>= frac_bits;
        }
    }
    result
}

/// `calc_load_n` (kernel/sched/loadavg.c, not exported).
fn calc_load_n(load: u64, exp: u64, active: u64, n: u32) -> u64 {
    calc_load(load, fixed_power_int(exp, FSHIFT, n), active)
}

/// `get_recent_times` for the averages' aggregator: each state's time on `cpu`
/// since the last sample, the live state included; moves `times_prev` on. (The
/// worker's re-arming flags are not this reader's.)
fn get_recent_times(g: &mut Avgs, cpu: CpuId) -> [u32; NR_PSI_STATES] {
    let snap = g.snapshot(cpu);
    let mut times = snap.times;
    let mut prev = g.times_prev(cpu);
    for s in 0..NR_PSI_STATES {
        // `times[s] += now - state_start`, in a u32.
        if snap.state_mask & (1 << s) != 0 {
            times[s] = times[s].wrapping_add(snap.now.wrapping_sub(snap.state_start) as u32);
        }
        let delta = times[s].wrapping_sub(prev[s]);
        prev[s] = times[s];
        times[s] = delta;
    }
    g.set_times_prev(cpu, prev);
    times
}

/// `collect_percpu_times(group, PSI_AVGS, NULL)`: each CPU's recent times, weighed
/// by its non-idle time, added to the totals.
fn collect_percpu_times(g: &mut Avgs) {
    let mut deltas = [0u64; PSI_NONIDLE];
    let mut nonidle_total: u64 = 0;
    for cpu in possible_cpus() {
        let times = get_recent_times(g, cpu);
        let nonidle = psi::nsecs_to_jiffies(u64::from(times[PSI_NONIDLE])) as u32;
        nonidle_total = nonidle_total.wrapping_add(u64::from(nonidle));
        for s in 0..PSI_NONIDLE {
            deltas[s] =
                deltas[s].wrapping_add(u64::from(times[s]).wrapping_mul(u64::from(nonidle)));
        }
    }
    for (s, delta) in deltas.iter().enumerate() {
        let total = g
            .total(s)
            .wrapping_add(div_u64(*delta, nonidle_total.max(1)));
        g.set_total(s, total);
    }
}

/// `calc_avgs`: decays `avg` over the missed periods, then samples `time` of
/// `period`.
fn calc_avgs(avg: &mut [u64; 3], missed_periods: i32, time: u64, period: u64) {
    let exps = psi::exps();
    if missed_periods != 0 {
        for (a, exp) in avg.iter_mut().zip(exps) {
            *a = calc_load_n(*a, exp, 0, missed_periods as u32);
        }
    }
    let pct = div_u64(time.wrapping_mul(100), period).wrapping_mul(FIXED_1);
    for (a, exp) in avg.iter_mut().zip(exps) {
        *a = calc_load(*a, exp, pct);
    }
}

/// `update_averages`: folds the totals' growth since the last update into the
/// averages; returns the next update's time.
fn update_averages(g: &mut Avgs, now: u64) -> u64 {
    let psi_period = psi::psi_period();
    let mut missed_periods: u64 = 0;
    let expires = g.avg_next_update();
    if now.wrapping_sub(expires) >= psi_period {
        missed_periods = div_u64(now.wrapping_sub(expires), psi_period);
    }
    let avg_next_update =
        expires.wrapping_add(missed_periods.wrapping_add(1).wrapping_mul(psi_period));
    let period = now.wrapping_sub(
        g.avg_last_update()
            .wrapping_add(missed_periods.wrapping_mul(psi_period)),
    );
    g.set_avg_last_update(now);
    for s in 0..PSI_NONIDLE {
        let mut sample = g.total(s).wrapping_sub(g.avg_total(s)) as u32;
        if u64::from(sample) > period {
            sample = period as u32;
        }
        g.set_avg_total(s, g.avg_total(s).wrapping_add(u64::from(sample)));
        let mut avg = g.avg(s);
        calc_avgs(&mut avg, missed_periods as i32, u64::from(sample), period);
        g.set_avg(s, avg);
    }
    avg_next_update
}

/// `psi_show(m, &psi_system, res)`: `EOPNOTSUPP` when `psi_system` cannot be
/// reached (see the wrapper: no cgroup, `cgroup_disable=pressure` or `psi=0`; /proc
/// answers `EOPNOTSUPP` for the last, when it has the file at all).
fn psi_show(m: &SeqFile, res: usize) -> Result {
    let group = psi::System::get().ok_or_else(eopnotsupp)?;
    #[cfg(CONFIG_IRQ_TIME_ACCOUNTING)]
    let only_full = res == bindings::psi_res_PSI_IRQ as usize;
    #[cfg(not(CONFIG_IRQ_TIME_ACCOUNTING))]
    let only_full = false;
    let lines = if only_full { 1 } else { 2 };
    // Update averages before reporting them; copied under the lock (psi_show reads
    // them after unlocking).
    let mut shown = [([0u64; 3], 0u64); 2];
    {
        let mut g = group.lock_avgs();
        let now = psi::sched_clock();
        collect_percpu_times(&mut g);
        if now >= g.avg_next_update() {
            let next = update_averages(&mut g, now);
            g.set_avg_next_update(next);
        }
        for (full, line) in shown.iter_mut().enumerate().take(lines) {
            // CPU FULL is undefined at the system level.
            if !(res == bindings::psi_res_PSI_CPU as usize && full == 1) {
                let s = res * 2 + full;
                *line = (g.avg(s), g.total(s) / u64::from(bindings::NSEC_PER_USEC));
            }
        }
    }
    for (full, (avg, total)) in shown.iter().enumerate().take(lines) {
        m.print(fmt!(
            "{} avg10={}.{:02} avg60={}.{:02} avg300={}.{:02} total={}\n",
            if full == 1 || only_full {
                "full"
            } else {
                "some"
            },
            load_int(avg[0]),
            load_frac(avg[0]),
            load_int(avg[1]),
            load_frac(avg[1]),
            load_int(avg[2]),
            load_frac(avg[2]),
            total
        ));
    }
    Ok(())
}
