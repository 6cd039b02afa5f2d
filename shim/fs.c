// SPDX-License-Identifier: GPL-2.0
/*
 * Mounting, the entry tree, readdir, the inode cache and the tests' debugfs file
 * (wrap/fs.rs, wrap/subdir.rs, wrap/inode.rs, wrap/file.rs, wrap/dentry.rs,
 * wrap/debugfs.rs): fs_context.h, fs_parser.h, fs.h, dcache.h, slab.h, idr.h.
 * The mount parameter table and the context operations are here because their
 * types are C tables that point at the Rust callbacks.
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/fs_struct.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/namei.h>
#include <linux/pid_namespace.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/user_namespace.h>

#include "shim.h"

/* Rust mirrors these flag values (vfs.rs); bindgen cannot evaluate BIT(). */
static_assert(SB_NOSUID == 2);
static_assert(SB_NOEXEC == 8);
static_assert(SB_NODIRATIME == 2048);
/* fd.rs mirrors these. */
static_assert((__force unsigned int)FMODE_READ == 1 && (__force unsigned int)FMODE_WRITE == 2);
static_assert(LOOKUP_RCU == 0x40);

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

bool procfs2_param_is_string(struct fs_parameter *param)
{
	return param->type == fs_value_is_string;
}

const char *procfs2_param_string(struct fs_parameter *param)
{
	return param->string;
}

int procfs2_invalf(struct fs_context *fc, const char *msg)
{
	return invalf(fc, "%s", msg);
}

void procfs2_put_filesystem(struct file_system_type *fs)
{
	module_put(fs->owner);
}

bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type)
{
	return dir_emit(ctx, name, len, ino, type);
}

/* d_parent_ino(file->f_path.dentry), for the ".." of a readdir (dir_emit_dots). */
unsigned long procfs2_file_parent_ino(struct file *file)
{
	return d_parent_ino(file->f_path.dentry);
}

/* dont_mount(): nothing may be mounted on an fd entry (proc_splice_unmountable). */
void procfs2_dont_mount(struct dentry *d)
{
	dont_mount(d);
}

static DEFINE_RWLOCK(procfs2_subdir_lock);

void procfs2_subdir_read_lock(void)
{
	read_lock(&procfs2_subdir_lock);
}

void procfs2_subdir_read_unlock(void)
{
	read_unlock(&procfs2_subdir_lock);
}

void procfs2_subdir_write_lock(void)
{
	write_lock(&procfs2_subdir_lock);
}

void procfs2_subdir_write_unlock(void)
{
	write_unlock(&procfs2_subdir_lock);
}

static DEFINE_IDA(procfs2_inum_ida);

int procfs2_ida_alloc(unsigned int max)
{
	return ida_alloc_max(&procfs2_inum_ida, max, GFP_KERNEL);
}

void procfs2_ida_free(unsigned int id)
{
	ida_free(&procfs2_inum_ida, id);
}

struct kmem_cache *procfs2_kmem_cache_create(const char *name, unsigned int size,
					     unsigned int align, void (*ctor)(void *))
{
	return kmem_cache_create(name, size, align,
				 SLAB_RECLAIM_ACCOUNT | SLAB_ACCOUNT, ctor);
}

void *procfs2_alloc_inode_sb(struct super_block *sb, struct kmem_cache *cache)
{
	return alloc_inode_sb(sb, cache, GFP_KERNEL);
}

void procfs2_get_fs_root(struct fs_struct *fs, struct path *path)
{
	get_fs_root(fs, path);
}

void procfs2_get_fs_pwd(struct fs_struct *fs, struct path *path)
{
	get_fs_pwd(fs, path);
}

/* struct fs_struct is not in the bindings. */
unsigned int procfs2_fs_umask(struct fs_struct *fs)
{
	return fs->umask;
}

struct file *procfs2_file_open_root_mnt(struct vfsmount *mnt, const char *name, int flags)
{
	return file_open_root_mnt(mnt, name, flags, 0);
}

