// SPDX-License-Identifier: GPL-2.0
/*
 * The helpers that read headers and tables private to other directories of the
 * kernel tree. The module is built against the same tree as the kernel it loads
 * into, so these describe that kernel exactly; Kbuild adds the include paths for
 * this file only, and generates vmstat_text.h and migratetype_names.h next to it.
 *
 * - fs/mount.h: struct mount, for the mnt_id of an open file (real_mount() is an
 *   inline with no symbol).
 * - fs/proc/internal.h: struct proc_fs_info, whose layout super_block.rs mirrors
 *   (pidfs and others read it from a proc superblock), PROC_I() for a proc sysctl
 *   file's table, and folio_precise_page_mapcount() for kpagecount.
 * - mm/internal.h: MAX_RECLAIM_RETRIES, for zoneinfo's node_unreclaimable.
 * - kernel/irq/internals.h: irq_is_nmi(), which stat's intr column asks of each
 *   descriptor (kstat_irqs_desc).
 * - crypto/internal.h: crypto_alg_list and crypto_alg_sem (exported) and struct
 *   crypto_type, for the crypto file.
 * - arch/x86/kernel/cpu capflags.c (generated in the kernel build directory by
 *   mkcapflags.sh) and powerflags.c: cpuinfo's flag names; the arrays are not
 *   exported, so the module carries its own copy under another name.
 * - vmstat_text[] of mm/vmstat.c, migratetype_names[] of mm/page_alloc.c and
 *   policy_modes[] of mm/mempolicy.c: not exported; Kbuild cuts their
 *   definitions out of this tree's sources at build time, #ifdefs and all;
 *   likewise struct ksm_rmap_item of mm/ksm.c, for its size.
 */
#include <linux/crypto.h>
#include <linux/fs.h>
#include <linux/irq.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <../crypto/internal.h>
#include <../mm/internal.h>
#include <../kernel/irq/internals.h>
#include "mount.h"
#include "proc/internal.h"

#include "shim.h"

/*
 * super_block.rs's ProcFsInfo: procfs2's s_fs_info starts with fs/proc's
 * struct proc_fs_info, which pidfs and others read from a file's superblock.
 */
static_assert(sizeof(struct proc_fs_info) == 56);
static_assert(offsetof(struct proc_fs_info, pid_ns) == 0);
static_assert(offsetof(struct proc_fs_info, proc_self) == 8);
static_assert(offsetof(struct proc_fs_info, proc_thread_self) == 16);
static_assert(offsetof(struct proc_fs_info, pid_gid) == 24);
static_assert(offsetof(struct proc_fs_info, hide_pid) == 28);
static_assert(offsetof(struct proc_fs_info, pidonly) == 32);
static_assert(offsetof(struct proc_fs_info, rcu) == 40);

/*
 * mnt_id of the file's mount (real_mount(mnt)->mnt_id). struct mount is private to
 * fs/, but this module is built against the same tree as the kernel it loads into,
 * so fs/mount.h describes it exactly (Kbuild adds the include path).
 */
int procfs2_file_mnt_id(struct file *f)
{
	return real_mount(f->f_path.mnt)->mnt_id;
}

/* mntns_get()'s namespace's inode number (struct mnt_namespace of fs/mount.h). */
unsigned int procfs2_mnt_ns_inum(struct mnt_namespace *ns)
{
	return ns->ns.inum;
}

/* The sysctl table of a file of proc's /proc/sys (NULL for other proc files). */
const struct ctl_table *procfs2_proc_sysctl_entry(struct file *f)
{
	return PROC_I(file_inode(f))->sysctl_entry;
}

int procfs2_page_precise_mapcount(struct page *page)
{
	return folio_precise_page_mapcount(page_folio(page), page);
}

#ifdef CONFIG_KSM
/*
 * sizeof(struct ksm_rmap_item), by which ksm_process_profit() (not exported)
 * charges a process's rmap items: the definition Kbuild cuts out of mm/ksm.c.
 */
#include "ksm_rmap_item.h"

unsigned long procfs2_ksm_rmap_item_size(void)
{
	return sizeof(struct ksm_rmap_item);
}
#endif

/* MAX_RECLAIM_RETRIES of mm/internal.h, a private header of the same tree. */
bool procfs2_pgdat_unreclaimable(int nid)
{
	return READ_ONCE(NODE_DATA(nid)->kswapd_failures) >= MAX_RECLAIM_RETRIES;
}

void procfs2_crypto_alg_sem_read(void)
{
	down_read(&crypto_alg_sem);
}

void procfs2_crypto_alg_sem_read_unlock(void)
{
	up_read(&crypto_alg_sem);
}

struct crypto_alg *procfs2_crypto_alg_first(void)
{
	return list_first_entry_or_null(&crypto_alg_list, struct crypto_alg, cra_list);
}

bool procfs2_crypto_alg_is_last(struct crypto_alg *alg)
{
	return list_is_last(&alg->cra_list, &crypto_alg_list);
}

bool procfs2_crypto_type_has_show(const struct crypto_type *type)
{
	return type->show;
}

void procfs2_crypto_type_show(const struct crypto_type *type, struct seq_file *m,
			      struct crypto_alg *alg)
{
	type->show(m, alg);
}

#define x86_cap_flags procfs2_x86_cap_flags
#define x86_bug_flags procfs2_x86_bug_flags
#define x86_vmx_flags procfs2_x86_vmx_flags
#define x86_power_flags procfs2_x86_power_flags
#include "capflags.c"
#include "powerflags.c"
#undef x86_cap_flags
#undef x86_bug_flags
#undef x86_vmx_flags
#undef x86_power_flags

static_assert(ARRAY_SIZE(procfs2_x86_cap_flags) == NCAPINTS * 32);
const char *procfs2_x86_cap_flag(unsigned int bit)
{
	return procfs2_x86_cap_flags[bit];
}

static_assert(ARRAY_SIZE(procfs2_x86_bug_flags) == NBUGINTS * 32);
const char *procfs2_x86_bug_flag(unsigned int i)
{
	return procfs2_x86_bug_flags[i];
}

#ifdef CONFIG_X86_VMX_FEATURE_NAMES
static_assert(ARRAY_SIZE(procfs2_x86_vmx_flags) == NVMXINTS * 32);
const char *procfs2_x86_vmx_flag(unsigned int i)
{
	return procfs2_x86_vmx_flags[i];
}
#endif

static_assert(ARRAY_SIZE(procfs2_x86_power_flags) == 32);
const char *procfs2_x86_power_flag(unsigned int i)
{
	return procfs2_x86_power_flags[i];
}

#include "vmstat_text.h"
static_assert(ARRAY_SIZE(procfs2_vmstat_names) ==
	      NR_VM_ZONE_STAT_ITEMS + (IS_ENABLED(CONFIG_NUMA) ? NR_VM_NUMA_EVENT_ITEMS : 0) +
	      NR_VM_NODE_STAT_ITEMS + NR_VM_STAT_ITEMS +
	      (IS_ENABLED(CONFIG_VM_EVENT_COUNTERS) ? NR_VM_EVENT_ITEMS : 0));

const char *const *procfs2_vmstat_text_table(void)
{
	return procfs2_vmstat_names;
}

#include "migratetype_names.h"
static_assert(ARRAY_SIZE(procfs2_migratetype_names) == MIGRATE_TYPES);

const char *const *procfs2_migratetype_names_table(void)
{
	return procfs2_migratetype_names;
}

/* mm/mempolicy.c's policy_modes[] (mpol_to_str(); not exported), cut out by Kbuild. */
#include "policy_modes.h"
static_assert(ARRAY_SIZE(procfs2_policy_modes) == MPOL_MAX);

const char *const *procfs2_policy_modes_table(void)
{
	return procfs2_policy_modes;
}

/*
 * kernel/panic.c's taint_flags[] (not exported), cut out of the tree's source by
 * Kbuild: which taints a module shows in /proc/modules, and their letters.
 */
#define TAINT_FLAG(taint, _c_true, _c_false, _module) \
	[TAINT_##taint] = { .c_true = _c_true, .c_false = _c_false, .module = _module }
static const struct {
	char c_true;
	char c_false;
	bool module;
} procfs2_taint_flags[] = {
#include "taint_flags.h"
};
static_assert(ARRAY_SIZE(procfs2_taint_flags) == TAINT_FLAGS_COUNT);
#undef TAINT_FLAG

bool procfs2_taint_is_module(unsigned int i)
{
	return procfs2_taint_flags[i].module;
}

char procfs2_taint_char(unsigned int i)
{
	return procfs2_taint_flags[i].c_true;
}

/* kstat_irqs_desc(): an NMI's count is the sum of its per-CPU counts. */
bool procfs2_irq_desc_is_nmi(struct irq_desc *desc)
{
	return irq_is_nmi(desc);
}
