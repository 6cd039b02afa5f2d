// SPDX-License-Identifier: GPL-2.0
/*
 * The module's parameters (wrap/debugfs.rs): module! in 6.12's kernel crate takes
 * no params, so moduleparam.h's macro declares them here and Rust reads them. And
 * the loaded modules (wrap/module.rs).
 */
#include <linux/cred.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/rculist.h>
#include <linux/sprintf.h>

#include "shim.h"

/* insmod procfs2.ko selftest=1: the tests' control file is created only then. */
static bool selftest;
module_param(selftest, bool, 0444);
MODULE_PARM_DESC(selftest, "create /sys/kernel/debug/procfs2/entries, which adds and removes entries (tests only; default off)");

bool procfs2_selftest_param(void)
{
	return selftest;
}

/*
 * The loaded modules (wrap/module.rs): fields of struct module, the list node of
 * this module, and kallsyms' pointer policy as %pK applies it.
 */
static_assert(MODULE_STATE_LIVE == 0 && MODULE_STATE_COMING == 1 &&
	      MODULE_STATE_GOING == 2 && MODULE_STATE_UNFORMED == 3);

struct list_head *procfs2_this_module_list(void)
{
	return &THIS_MODULE->list;
}

struct list_head *procfs2_list_next_rcu(struct list_head *l)
{
	return rcu_dereference(list_next_rcu(l));
}

struct module *procfs2_module_of(struct list_head *l)
{
	return list_entry(l, struct module, list);
}

int procfs2_module_state(struct module *mod)
{
	return READ_ONCE(mod->state);
}

const char *procfs2_module_name(struct module *mod)
{
	return mod->name;
}

unsigned int procfs2_module_mem_size(struct module *mod, int type)
{
	return READ_ONCE(mod->mem[type].size);
}

void *procfs2_module_text_base(struct module *mod)
{
	return mod->mem[MOD_TEXT].base;
}

bool procfs2_module_has_users(struct module *mod)
{
	return !list_empty(&mod->source_list);
}

bool procfs2_module_permanent(struct module *mod)
{
	return mod->init && !mod->exit;
}

unsigned long procfs2_module_taints(struct module *mod)
{
	return READ_ONCE(mod->taints);
}

int procfs2_format_pk(char *buf, size_t size, const void *p)
{
	return snprintf(buf, size, "%pK", p);
}

bool procfs2_current_cred_is(const struct cred *cred)
{
	return current_cred() == cred && current_real_cred() == cred;
}
