// SPDX-License-Identifier: GPL-2.0
/*
 * Open files (wrap/task.rs, wrap/file.rs, wrap/mm.rs): fdtable.h, file.h and fs.h.
 */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>

#include "shim.h"

/* struct fdtable is not in the bindings. */
unsigned int procfs2_files_max_fds(struct files_struct *files)
{
	return files_fdtable(files)->max_fds;
}

/* proc_readfd_count(): the open fds; called under RCU. */
unsigned int procfs2_files_open_count(struct files_struct *files)
{
	return bitmap_weight(files_fdtable(files)->open_fds, files_fdtable(files)->max_fds);
}

/* Called with files->file_lock held. */
struct file *procfs2_files_lookup_fd_locked(struct files_struct *files, unsigned int fd)
{
	return files_lookup_fd_locked(files, fd);
}

spinlock_t *procfs2_files_file_lock(struct files_struct *files)
{
	return &files->file_lock;
}

bool procfs2_close_on_exec(unsigned int fd, struct files_struct *files)
{
	return close_on_exec(fd, files);
}

void procfs2_get_file(struct file *f)
{
	get_file(f);
}

/* Called under RCU. */
struct file *procfs2_get_file_rcu(struct file __rcu **f)
{
	return get_file_rcu(f);
}

const struct path *procfs2_file_user_path(struct file *f)
{
	return file_user_path(f);
}

const struct inode *procfs2_file_user_inode(struct file *f)
{
	return file_user_inode(f);
}
