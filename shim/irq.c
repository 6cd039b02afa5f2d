// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts, for interrupts, softirqs and stat (wrap/irq.rs, wrap/sys.rs), as
 * kernel/irq/proc.c's show_interrupts reads them. irq_to_desc() is not exported
 * but irq_get_irq_data() is, and the descriptor holds its irq_data; the caller
 * holds RCU (sparse descriptors are freed after a grace period) and takes
 * desc->lock for the chip and the actions.
 */
#include <asm/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/kernel_stat.h>
#include <linux/seq_file.h>

#include "shim.h"

/* The names globals.rs prints are softirq_to_name[] of this kernel (not exported). */
static_assert(NR_SOFTIRQS == 10 && HI_SOFTIRQ == 0 && RCU_SOFTIRQ == 9);

unsigned int procfs2_softirqs_cpu(unsigned int irq, int cpu)
{
	return kstat_softirqs_cpu(irq, cpu);
}

static_assert(IRQ_NOREQUEST == (1 << 11) && IRQ_HIDDEN == (1 << 20));

struct irq_data *procfs2_irq_get_irq_data(unsigned int irq)
{
	return irq_get_irq_data(irq);
}

struct irq_desc *procfs2_irq_data_to_desc(struct irq_data *data)
{
	return irq_data_to_desc(data);
}

unsigned int procfs2_irq_desc_status(struct irq_desc *desc)
{
	return desc->status_use_accessors;
}

bool procfs2_irq_desc_has_kstat(struct irq_desc *desc)
{
	return desc->kstat_irqs;
}

unsigned int procfs2_irq_desc_kstat_cpu(struct irq_desc *desc, int cpu)
{
	return per_cpu(desc->kstat_irqs->cnt, cpu);
}

raw_spinlock_t *procfs2_irq_desc_lock(struct irq_desc *desc)
{
	return &desc->lock;
}

struct irqaction *procfs2_irq_desc_action(struct irq_desc *desc)
{
	return desc->action;
}

const char *procfs2_irq_desc_name(struct irq_desc *desc)
{
	return desc->name;
}

struct irq_chip *procfs2_irq_data_chip(struct irq_data *data)
{
	return data->chip;
}

bool procfs2_irq_chip_has_print(struct irq_chip *chip)
{
	return chip->irq_print_chip;
}

void procfs2_irq_chip_print(struct irq_data *data, struct seq_file *m)
{
	data->chip->irq_print_chip(data, m);
}

const char *procfs2_irq_chip_name(struct irq_chip *chip)
{
	return chip->name;
}

bool procfs2_irq_data_has_domain(struct irq_data *data)
{
	return data->domain;
}

unsigned long procfs2_irq_data_hwirq(struct irq_data *data)
{
	return data->hwirq;
}

bool procfs2_irq_show_level(void)
{
	return IS_ENABLED(CONFIG_GENERIC_IRQ_SHOW_LEVEL);
}

bool procfs2_irqd_is_level_type(struct irq_data *data)
{
	return irqd_is_level_type(data);
}

/* irq_stats(cpu) of arch/x86/kernel/irq.c; irq_stat is exported. */
const irq_cpustat_t *procfs2_irq_stat(int cpu)
{
	return &per_cpu(irq_stat, cpu);
}

/* wrap/irq.rs tests these settings for kstat_irqs_desc(). */
static_assert(IRQ_PER_CPU == (1 << 9) && IRQ_PER_CPU_DEVID == (1 << 17));

/* kstat_irqs_desc(): the total of an interrupt that is not per-CPU. */
unsigned int procfs2_irq_desc_tot_count(struct irq_desc *desc)
{
	/* Counted by the handler without a lock; read as kstat_irqs_desc() reads it. */
	return data_race(desc->tot_count);
}

/* kstat_cpu_irqs_sum(): every interrupt a CPU took, for stat's intr total. */
unsigned long procfs2_kstat_cpu_irqs_sum(int cpu)
{
	return kstat_cpu_irqs_sum(cpu);
}

/* kernel/irq/proc.c's /proc/irq/N/ files (irq.rs), read as it reads them. */
const struct cpumask *procfs2_irq_desc_affinity(struct irq_desc *desc)
{
	return desc->irq_common_data.affinity;
}

/* irq_move_pending() of kernel/irq/internals.h, with CONFIG_GENERIC_PENDING_IRQ */
bool procfs2_irq_move_pending(struct irq_data *data)
{
	return irqd_is_setaffinity_pending(data);
}

#ifdef CONFIG_GENERIC_PENDING_IRQ
/* irq_desc_get_pending_mask() of kernel/irq/internals.h */
const struct cpumask *procfs2_irq_desc_pending_mask(struct irq_desc *desc)
{
	return desc->pending_mask;
}
#endif

const struct cpumask *procfs2_irq_data_effective_affinity(struct irq_data *data)
{
	return irq_data_get_effective_affinity_mask(data);
}

/* irq_desc_get_node() of kernel/irq/internals.h */
int procfs2_irq_desc_node(struct irq_desc *desc)
{
	return irq_common_data_get_node(&desc->irq_common_data);
}

const struct cpumask *procfs2_irq_desc_affinity_hint(struct irq_desc *desc)
{
	return desc->affinity_hint;
}

void procfs2_cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	cpumask_copy(dst, src);
}

void procfs2_seq_cpumask(struct seq_file *m, const struct cpumask *mask)
{
	seq_printf(m, "%*pb\n", cpumask_pr_args(mask));
}

void procfs2_seq_cpumask_list(struct seq_file *m, const struct cpumask *mask)
{
	seq_printf(m, "%*pbl\n", cpumask_pr_args(mask));
}

unsigned int procfs2_irq_desc_irq_count(struct irq_desc *desc)
{
	return READ_ONCE(desc->irq_count);
}

unsigned int procfs2_irq_desc_irqs_unhandled(struct irq_desc *desc)
{
	return READ_ONCE(desc->irqs_unhandled);
}

unsigned long procfs2_irq_desc_last_unhandled(struct irq_desc *desc)
{
	return READ_ONCE(desc->last_unhandled);
}

/* The pieces of irq_can_set_affinity_usr() (kernel/irq/manage.c, not exported). */
bool procfs2_irqd_can_balance(struct irq_data *data)
{
	return irqd_can_balance(data);
}

bool procfs2_irq_chip_has_set_affinity(struct irq_chip *chip)
{
	return chip->irq_set_affinity;
}

bool procfs2_irqd_affinity_is_managed(struct irq_data *data)
{
	return irqd_affinity_is_managed(data);
}
