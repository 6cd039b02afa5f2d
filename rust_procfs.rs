// SPDX-License-Identifier: GPL-2.0

//! procfs2: the core of /proc as a loadable module.
//!
//! This file mirrors fs/proc/root.c: the file system type, `fill_super`, `kill_sb`,
//! and the root directory (`proc_root`); the mount options and the per-superblock
//! state are in mount.rs. The layers, imports going down only:
//!
//! ```text
//!   rust_procfs  (root.c: module, fs type, root directory)
//!   globals      (version, uptime, loadavg, meminfo, stat, softirqs, execdomains)   selftest
//!   cpuinfo      (arch/x86/kernel/cpu/proc.c)  vmstat (mm/vmstat.c: vmstat, buddyinfo)
//!   crypto       (crypto/proc.c)  interrupts (interrupts.c, kernel/irq/proc.c)  page (page.c)
//!   schedstat    (kernel/sched/stats.c)  psi (kernel/sched/psi.c: pressure/)
//!   pid_base     (base.c: per-process dirs)  array (array.c)
//!   fd           (fd.c: fd/, fdinfo/)  map_files (base.c: map_files/)  mem (base.c)
//!   task_mmu     (task_mmu.c: maps)  namespaces (namespaces.c: ns/)  cgroup (cgroup.c)
//!   user_namespace (base.c, user_namespace.c: uid_map, gid_map, projid_map, setgroups)
//!   pid_inode    (base.c: per-process inodes and dentries)
//!   pde          (generic.c, inode.c: the entry tree)
//!   mount        (root.c: options, proc_fs_info)
//!   wrap/        (the wrapper layer: kernel objects, locks, operation traits)
//!   seq          (seq_file glue)
//! ```

use core::sync::atomic::{AtomicU32, Ordering::Relaxed};
use kernel::{bindings, c_str, fmt, prelude::*, types::ARef};

mod array;
mod cgroup;
mod cpuinfo;
mod crypto;
mod fd;
mod filesystems;
mod genhd;
mod globals;
mod interrupts;
mod irq;
mod map_files;
mod mem;
mod misc;
mod modules;
mod mount;
mod namespaces;
mod page;
mod pde;
mod pid_base;
mod pid_inode;
#[cfg(CONFIG_PSI)]
mod psi;
mod ptrace;
#[cfg(CONFIG_PROC_CPU_RESCTRL)]
mod resctrl;
#[cfg(CONFIG_SCHEDSTATS)]
mod schedstat;
mod selftest;
mod slabinfo;
#[cfg(CONFIG_SYSVIPC)]
mod sysvipc;
mod task_mmu;
mod user_namespace;
mod vmstat;
mod wrap;

use mount::{fs_info, FsInfo, MountContext};
use pde::{Entry, ProcDirEntry};
use wrap::seq::SeqFile;
use wrap::subdir::StaticCounted;
use wrap::{
    cred::PidNamespace,
    dentry::{Dentry, Lookup, Pins, Unhashed},
    file::{DirContext, Link, ProcFile},
    fs::{FileSystem, FileSystemType, FsContext, FsParameter, Registration},
    inode::{Inode, InodeCache, Kstat, NewInode},
    ops::{FileOperations, FileOps, InodeOperations, InodeOps, SuperOperations},
    super_block::{New, SuperBlock, SB_NODIRATIME, SB_NOEXEC, SB_NOSUID},
    task,
};

module! {
    type: Procfs2,
    name: "procfs2",
    author: "procfs2 developers",
    description: "The core of /proc, re-implemented as a module",
    license: "GPL",
    alias: ["fs-procfs2"],
}

/// The module: fields are dropped in order, so the file system type goes first, then
/// the entries, then the inode cache.
struct Procfs2 {
    _fs: Registration,
    /// The tests' control file, only with `selftest=1`.
    _control: Option<wrap::debugfs::Control>,
    /// The tests' slab caches, destroyed once the control file is gone.
    _test_caches: selftest::SlabCleanup,
    _entries: Entries,
    _inode_cache: InodeCache,
}

impl kernel::Module for Procfs2 {
    fn init(module: &'static ThisModule) -> Result<Self> {
        wrap::cred::lsm::init();
        wrap::cred::yama::init();
        let inode_cache = InodeCache::new()?;
        let entries = Entries::new()?;
        Ok(Self {
            _fs: Registration::new(&PROCFS2_FS_TYPE, module)?,
            _control: wrap::debugfs::Control::new::<selftest::Control>(),
            _test_caches: selftest::SlabCleanup,
            _entries: entries,
            _inode_cache: inode_cache,
        })
    }
}

/// The entries made at load time (`proc_root_init`), and the inode numbers of `self`
/// and `thread-self` (`proc_self_init`, `proc_thread_self_init`); all removed on unload.
struct Entries;

static SELF_INUM: AtomicU32 = AtomicU32::new(0);
static THREAD_SELF_INUM: AtomicU32 = AtomicU32::new(0);

impl Entries {
    fn new() -> Result<Self> {
        // From here on, dropping `this` undoes whatever was done.
        let this = Self;
        SELF_INUM.store(pde::alloc_inum()?, Relaxed);
        THREAD_SELF_INUM.store(pde::alloc_inum()?, Relaxed);
        globals::register(proc_root())?;
        #[cfg(CONFIG_PSI)]
        psi::register(proc_root())?;
        Ok(this)
    }
}

impl Drop for Entries {
    fn drop(&mut self) {
        pde::remove_children(proc_root());
        for inum in [&SELF_INUM, &THREAD_SELF_INUM] {
            let n = inum.swap(0, Relaxed);
            if n != 0 {
                pde::free_inum(n);
            }
        }
    }
}

/// The file system (`proc_fs_type`).
struct ProcFs;

static PROCFS2_FS_TYPE: FileSystemType = FileSystemType::new::<ProcFs>();

impl FileSystem for ProcFs {
    const NAME: &'static CStr = c_str!("procfs2");
    const FLAGS: u32 = bindings::FS_USERNS_MOUNT | bindings::FS_DISALLOW_NOTIFY_PERM;
    type Context = MountContext;
    type Info = FsInfo;

    /// `proc_init_fs_context`: the mount shows, and belongs to the user namespace
    /// of, the caller's pid namespace.
    /// While a security module that labels fs/proc's per-task inodes runs,
    /// procfs2 is not mounted (`EPERM`, and why in dmesg): see
    /// `ptrace::inode_labelling_lsm`.
    fn init_context() -> Result<(MountContext, ARef<PidNamespace>)> {
        if let Some(lsm) = ptrace::inode_labelling_lsm() {
            pr_err!(
                "not mounted: {} runs, and labels /proc's per-process inodes by a hook a module cannot call (security_task_to_inode); its policy would not see the same labels here\n",
                lsm.name()
            );
            return Err(EPERM);
        }
        let ctx = MountContext::new();
        let ns = ctx.pid_ns.clone();
        Ok((ctx, ns))
    }

    fn parse_param(fc: &FsContext, ctx: &mut MountContext, param: &FsParameter) -> Result {
        ctx.parse_param(fc, param)
    }

    /// `proc_fill_super`.
    fn fill_super(sb: &SuperBlock<New>, ctx: &MountContext, pins: &mut Pins) -> Result<FsInfo> {
        // User space would break if executables or devices appeared here.
        sb.setup(
            SB_NODIRATIME | SB_NOSUID | SB_NOEXEC,
            (bindings::SB_I_USERNS_VISIBLE | bindings::SB_I_NOEXEC | bindings::SB_I_NODEV) as usize,
            10,
            bindings::PROC_SUPER_MAGIC as usize,
        );
        let root = sb.make_root(pde::get_inode(sb, ARef::from(proc_root()))?)?;
        root.add_child(
            c_str!("self"),
            self_inode(sb, &SELF_INUM, &PROC_SELF_IOPS)?,
            pins,
        )?;
        root.add_child(
            c_str!("thread-self"),
            self_inode(sb, &THREAD_SELF_INUM, &PROC_THREAD_SELF_IOPS)?,
            pins,
        )?;
        Ok(FsInfo::new(ctx))
    }

    /// `proc_reconfigure`.
    fn reconfigure(sb: &SuperBlock, ctx: &MountContext) -> Result {
        sb.sync()?;
        fs_info(sb)?.apply_options(ctx);
        Ok(())
    }

    fn pid_ns(info: &FsInfo) -> &PidNamespace {
        info.pid_ns()
    }
}

impl SuperOperations for ProcFs {
    fn show_options(m: &SeqFile, root: &Dentry) -> Result {
        fs_info(root.super_block())?.show_options(m);
        Ok(())
    }
}

/// The root directory entry (`proc_root`).
static PROC_ROOT: StaticCounted<Entry> = ProcDirEntry::root(&PROC_ROOT_IOPS, &PROC_ROOT_FOPS);

/// The root entry, counted (its `static` holds a reference of its own).
pub(crate) fn proc_root() -> &'static ProcDirEntry {
    PROC_ROOT.get()
}

/// The root directory's operations (`proc_root_inode_operations`,
/// `proc_root_operations`).
struct ProcRoot;

static PROC_ROOT_IOPS: InodeOps = InodeOps::new::<ProcRoot>();
static PROC_ROOT_FOPS: FileOps = FileOps::new::<ProcRoot>();

/// Readdir position of `self`; `thread-self` follows, then the processes at
/// `tgid + TGID_OFFSET` (fs/proc's `FIRST_PROCESS_ENTRY`, `TGID_OFFSET`).
const FIRST_PROCESS_ENTRY: i64 = 256;
const TGID_OFFSET: i64 = FIRST_PROCESS_ENTRY + 2;
/// `PID_MAX_LIMIT` on 64-bit (`shim/pid.c` checks it): the end of the root directory.
const PID_MAX_LIMIT: i64 = 4 * 1024 * 1024;

#[vtable]
impl InodeOperations for ProcRoot {
    /// `proc_root_lookup`: process directories first, then the entry tree. `self`
    /// and `thread-self` are dentries made at mount time and never get here.
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        match pid_base::proc_pid_lookup(dentry) {
            Err(e) if e == ENOENT => {}
            r => return r,
        }
        if fs_info(dir.super_block())?.pidonly() {
            return Err(ENOENT);
        }
        pde::lookup_de(dir, dentry, proc_root())
    }

    /// `proc_root_getattr`: the link count adds the processes of the whole system,
    /// in every pid namespace, as fs/proc's does.
    fn getattr(stat: &Kstat<'_>) -> Result {
        stat.set_nlink(proc_root().nlink().wrapping_add(task::nr_processes()));
        Ok(())
    }
}

#[vtable]
impl FileOperations for ProcRoot {
    /// `proc_root_readdir`: the entry tree below position 256, then `self`,
    /// `thread-self` and the processes (`proc_pid_readdir`).
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let info = fs_info(file.inode().super_block())?;
        if ctx.pos() < FIRST_PROCESS_ENTRY {
            // `proc_readdir`: with `subset=pid` not even `.` and `..`.
            if !info.pidonly() {
                let ino = proc_root().low_ino.into();
                if !ctx.emit_dots(ino, ino) || !pde::readdir_de(ctx, proc_root()) {
                    return Ok(());
                }
            }
            ctx.set_pos(FIRST_PROCESS_ENTRY);
        }
        if ctx.pos() >= PID_MAX_LIMIT + TGID_OFFSET {
            return Ok(());
        }
        for (pos, name, inum) in [
            (TGID_OFFSET - 2, b"self".as_slice(), &SELF_INUM),
            (
                TGID_OFFSET - 1,
                b"thread-self".as_slice(),
                &THREAD_SELF_INUM,
            ),
        ] {
            if ctx.pos() == pos {
                let ino = inum.load(Relaxed).into();
                if !ctx.emit(name, ino, wrap::DT_LNK) {
                    return Ok(());
                }
                ctx.set_pos(pos + 1);
            }
        }
        pid_base::proc_pid_readdir(ctx, info, TGID_OFFSET, PID_MAX_LIMIT + TGID_OFFSET);
        Ok(())
    }
}

/// The inode of `self` or `thread-self` (`proc_setup_self`): a root-owned symlink
/// whose target is computed for each reader.
fn self_inode(sb: &SuperBlock, inum: &AtomicU32, iops: &'static InodeOps) -> Result<NewInode> {
    let mut inode = sb.new_inode()?;
    inode.set_ino(inum.load(Relaxed).into());
    inode.set_attrs((bindings::S_IFLNK | 0o777) as u16, 1, iops, None);
    inode.set_owner(0, 0);
    Ok(inode)
}

/// `self` (`proc_self_inode_operations`).
struct ProcSelf;
/// `thread-self` (`proc_thread_self_inode_operations`).
struct ProcThreadSelf;

static PROC_SELF_IOPS: InodeOps = InodeOps::new::<ProcSelf>();
static PROC_THREAD_SELF_IOPS: InodeOps = InodeOps::new::<ProcThreadSelf>();

#[vtable]
impl InodeOperations for ProcSelf {
    /// `self` -> `<tgid>` in the superblock's pid namespace (`proc_self_get_link`);
    /// `ENOENT` for a caller that namespace cannot see.
    fn get_link(dentry: Option<&Dentry>, inode: &Inode) -> Result<Link> {
        let tgid = fs_info(inode.super_block())?
            .pid_ns()
            .current_tgid()
            .ok_or(ENOENT)?;
        Link::format(dentry.is_none(), fmt!("{}", tgid))
    }
}

#[vtable]
impl InodeOperations for ProcThreadSelf {
    /// `thread-self` -> `<tgid>/task/<tid>` (`proc_thread_self_get_link`).
    fn get_link(dentry: Option<&Dentry>, inode: &Inode) -> Result<Link> {
        let ns = fs_info(inode.super_block())?.pid_ns();
        let (Some(tgid), Some(pid)) = (ns.current_tgid(), ns.current_pid()) else {
            return Err(ENOENT);
        };
        Link::format(dentry.is_none(), fmt!("{}/task/{}", tgid, pid))
    }
}
