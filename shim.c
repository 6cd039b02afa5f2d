// SPDX-License-Identifier: GPL-2.0
/*
 * shim.c - C glue for procfs2. Every function here is a wrapper around a static
 * inline, a macro or a structure field that Rust cannot reach; the decisions are
 * all made in Rust. The parameter and context tables are here because their types
 * are not in the bindings.
 */
#include <linux/build_bug.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/pid_namespace.h>
#include <linux/sched.h>
#include <linux/user_namespace.h>

#include "shim.h"

/* Rust mirrors these flag values (vfs.rs); bindgen cannot evaluate BIT(). */
static_assert(SB_NOSUID == 2);
static_assert(SB_NOEXEC == 8);
static_assert(SB_NODIRATIME == 2048);

/* fs/proc/root.c proc_fs_parameters */
const struct fs_parameter_spec procfs2_fs_parameters[] = {
	fsparam_u32("gid", PROCFS2_OPT_GID),
	fsparam_string("hidepid", PROCFS2_OPT_HIDEPID),
	fsparam_string("subset", PROCFS2_OPT_SUBSET),
	{}
};

static int procfs2_get_tree(struct fs_context *fc)
{
	return get_tree_nodev(fc, procfs2_fill_super);
}

static const struct fs_context_operations procfs2_context_ops = {
	.free		= procfs2_fc_free,
	.parse_param	= procfs2_parse_param,
	.get_tree	= procfs2_get_tree,
	.reconfigure	= procfs2_reconfigure,
};

/* The tail of fs/proc's proc_init_fs_context: the mount belongs to @ns's user ns. */
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns)
{
	put_user_ns(fc->user_ns);
	fc->user_ns = get_user_ns(ns->user_ns);
	fc->fs_private = fs_private;
	fc->ops = &procfs2_context_ops;
}

void *procfs2_fc_private(struct fs_context *fc)
{
	return fc->fs_private;
}

struct super_block *procfs2_fc_root_sb(struct fs_context *fc)
{
	return fc->root->d_sb;
}

int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32)
{
	struct fs_parse_result result = {};
	int opt = fs_parse(fc, procfs2_fs_parameters, param, &result);

	*uint_32 = result.uint_32;
	return opt;
}

const char *procfs2_param_string(struct fs_parameter *param)
{
	return param->type == fs_value_is_string ? param->string : NULL;
}

int procfs2_invalf(struct fs_context *fc, const char *msg)
{
	return invalf(fc, "%s", msg);
}

struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns)
{
	return get_pid_ns(ns);
}

struct pid_namespace *procfs2_get_current_pid_ns(void)
{
	return get_pid_ns(task_active_pid_ns(current));
}

struct user_namespace *procfs2_current_user_ns(void)
{
	return current_user_ns();
}

bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type)
{
	return dir_emit(ctx, name, len, ino, type);
}
