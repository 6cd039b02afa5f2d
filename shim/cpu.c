// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs, for stat and cpuinfo (wrap/sys.rs, wrap/cpu.rs): cpumask.h, tick.h,
 * kernel_stat.h and the x86 cpuinfo_x86 accessors.
 */
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <linux/cpumask.h>
#include <linux/kernel_stat.h>
#include <linux/tick.h>
#include <linux/topology.h>

#include "shim.h"

int procfs2_next_possible_cpu(int cpu)
{
	return cpumask_next(cpu, cpu_possible_mask);
}

int procfs2_next_online_cpu(int cpu)
{
	return cpumask_next(cpu, cpu_online_mask);
}

bool procfs2_cpu_online(int cpu)
{
	return cpu_online(cpu);
}

u64 procfs2_cpu_idle_time_us(int cpu)
{
	return get_cpu_idle_time_us(cpu, NULL);
}

u64 procfs2_cpu_iowait_time_us(int cpu)
{
	return get_cpu_iowait_time_us(cpu, NULL);
}

/* An export with CONFIG_VIRT_CPU_ACCOUNTING_GEN, a static inline without. */
void procfs2_kcpustat_cpu_fetch(struct kernel_cpustat *dst, int cpu)
{
	kcpustat_cpu_fetch(dst, cpu);
}

const struct cpuinfo_x86 *procfs2_cpu_data(unsigned int cpu)
{
	return &cpu_data(cpu);
}

/* The bug bits status reads: X86_BUG() is a function-like macro bindgen leaves out. */
unsigned int procfs2_x86_bug_spec_store_bypass(void)
{
	return X86_BUG_SPEC_STORE_BYPASS;
}

unsigned int procfs2_x86_bug_spectre_v2(void)
{
	return X86_BUG_SPECTRE_V2;
}

unsigned int procfs2_cpu_family(const struct cpuinfo_x86 *c)
{
	return c->x86;
}

unsigned int procfs2_cpu_model(const struct cpuinfo_x86 *c)
{
	return c->x86_model;
}

bool procfs2_cpu_has(const struct cpuinfo_x86 *c, unsigned int bit)
{
	return test_bit(bit, (unsigned long *)c->x86_capability);
}

#ifdef CONFIG_X86_VMX_FEATURE_NAMES
bool procfs2_cpu_vmx_has(const struct cpuinfo_x86 *c, unsigned int bit)
{
	return test_bit(bit, (unsigned long *)c->vmx_capability);
}
#endif

unsigned int procfs2_core_siblings(unsigned int cpu)
{
	return cpumask_weight(topology_core_cpumask(cpu));
}

unsigned int procfs2_cpu_khz(void)
{
	return cpu_khz;
}

bool procfs2_has_avx512f(void)
{
	return cpu_feature_enabled(X86_FEATURE_AVX512F);
}
