// SPDX-License-Identifier: GPL-2.0

//! The wrapper layer: one safe type per kernel object procfs2 touches, lock guards,
//! and the operation traits whose generic trampolines the VFS calls. Every `unsafe`
//! block of procfs2 but seq.rs's lives here; nothing here imports a feature module.
//!
//! | file            | objects                                                     |
//! |-----------------|-------------------------------------------------------------|
//! | `shim.rs`       | the C shim's declarations (shim.h)                          |
//! | `fs.rs`         | `file_system_type`, `fs_context`, `fs_parameter`            |
//! | `super_block.rs`| `super_block`                                               |
//! | `inode.rs`      | `proc_inode` and its slab cache, `inode`, `kstat`           |
//! | `dentry.rs`     | `dentry`, the result of `lookup`                            |
//! | `file.rs`       | open `file`, `dir_context`, `kiocb`, link targets           |
//! | `ops.rs`        | inode, file and dentry operation traits and their tables    |
//! | `cred.rs`       | `pid_namespace`, credentials, ids                           |
//! | `lock.rs`       | guards: RCU, `task_lock`, `siglock`, `exec_update_lock`, seqlock |
//! | `sync.rs`       | use counts with rundown, completion, RCU grace periods, jiffies |
//! | `subdir.rs`     | the entry tree's lock and keys (`proc_subdir_lock`)         |
//! | `mm.rs`         | address spaces held by open files, the walk over mappings |
//! | `mmzone.rs`     | zones of the online nodes, their free lists                 |
//! | `task.rs`       | `task_struct`, `pid`, `mm_struct`, open files, `path`       |
//! | `sys.rs`        | system-wide counters of the global files                    |
//! | `console.rs`    | `struct console` on `console_list`                          |
//! | `crypto.rs`     | `struct crypto_alg` on `crypto_alg_list`                    |
//! | `cpu.rs`        | `cpuinfo_x86` of each CPU, flag names, frequency            |
//! | `irq.rs`        | `irq_desc` of each interrupt, x86 `irq_stat`                |
//! | `page.rs`       | page frames by number, their map counts                     |
//! | `posix_timers.rs` | a process's POSIX timers, walked under its `siglock`      |
//! | `debugfs.rs`    | the tests' debugfs control file                             |

pub(crate) mod console;
pub(crate) mod cpu;
pub(crate) mod cred;
pub(crate) mod crypto;
pub(crate) mod debugfs;
pub(crate) mod dentry;
pub(crate) mod file;
pub(crate) mod fs;
pub(crate) mod inode;
pub(crate) mod irq;
pub(crate) mod lock;
pub(crate) mod mm;
pub(crate) mod mmzone;
pub(crate) mod ops;
pub(crate) mod page;
pub(crate) mod posix_timers;
mod shim;
pub(crate) mod subdir;
pub(crate) mod super_block;
pub(crate) mod sync;
pub(crate) mod sys;
pub(crate) mod task;

/// `LOOKUP_RCU` from `include/linux/namei.h`, which the bindings do not include
/// (`shim.c` checks it).
pub(crate) const LOOKUP_RCU: u32 = 0x40;

/// `DT_*` directory entry types for [`file::DirContext::emit`].
pub(crate) const DT_DIR: u32 = kernel::bindings::DT_DIR;
pub(crate) const DT_LNK: u32 = kernel::bindings::DT_LNK;
pub(crate) const DT_REG: u32 = kernel::bindings::DT_REG;
