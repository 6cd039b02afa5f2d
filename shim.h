/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim.h - the C side of procfs2: one-line wrappers for static inlines, macros and
 * structures that Rust cannot reach in 6.12 (fs_context.h, fs_parser.h,
 * pid_namespace.h are not in the kernel crate's bindings), and the Rust callbacks
 * the C tables point at.
 */
#ifndef PROCFS2_SHIM_H
#define PROCFS2_SHIM_H

#include <linux/types.h>

struct dir_context;
struct fs_context;
struct fs_parameter;
struct fs_parameter_spec;
struct pid_namespace;
struct super_block;
struct user_namespace;

/* Mount option numbers, fs/proc/root.c enum proc_param. */
enum procfs2_param {
	PROCFS2_OPT_GID,
	PROCFS2_OPT_HIDEPID,
	PROCFS2_OPT_SUBSET,
};

extern const struct fs_parameter_spec procfs2_fs_parameters[];

/* Implemented in Rust (rust_procfs.rs). */
int procfs2_fill_super(struct super_block *sb, struct fs_context *fc);
int procfs2_parse_param(struct fs_context *fc, struct fs_parameter *param);
int procfs2_reconfigure(struct fs_context *fc);
void procfs2_fc_free(struct fs_context *fc);

/* fs_context.h and fs_parser.h */
void procfs2_fc_init(struct fs_context *fc, void *fs_private, struct pid_namespace *ns);
void *procfs2_fc_private(struct fs_context *fc);
struct super_block *procfs2_fc_root_sb(struct fs_context *fc);
int procfs2_fs_parse(struct fs_context *fc, struct fs_parameter *param, u32 *uint_32);
const char *procfs2_param_string(struct fs_parameter *param);
int procfs2_invalf(struct fs_context *fc, const char *msg);

/* pid_namespace.h, cred.h */
struct pid_namespace *procfs2_get_pid_ns(struct pid_namespace *ns);
struct pid_namespace *procfs2_get_current_pid_ns(void);
struct user_namespace *procfs2_current_user_ns(void);

/* fs.h */
bool procfs2_dir_emit(struct dir_context *ctx, const char *name, int len, u64 ino,
		      unsigned int type);

#endif /* PROCFS2_SHIM_H */
