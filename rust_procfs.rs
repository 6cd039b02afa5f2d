// SPDX-License-Identifier: GPL-2.0

//! procfs2: the core of /proc as a loadable module.
//!
//! This file mirrors fs/proc/root.c: the file system type, mount options and their
//! parsing, `fill_super`, `kill_sb`, and the root directory (`proc_root`).

use core::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
use kernel::{
    bindings, c_str,
    error::{code::*, from_result},
    ffi::c_int,
    fmt,
    prelude::*,
    str::BStr,
    types::ARef,
};

mod array;
mod fd;
mod globals;
mod pde;
mod pid_base;
mod selftest;
mod seq;
mod subdir;
mod task;
mod vfs;

use pde::ProcDirEntry;
use seq::SeqFile;
use vfs::{
    Dentry, DentryRef, DirContext, FsContext, FsParameter, Inode, Kstat, OpsTable, PidNamespace,
    SuperBlock,
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
    _fs: vfs::Registration,
    _control: selftest::Control,
    _entries: Entries,
    _inode_cache: vfs::InodeCache,
}

impl kernel::Module for Procfs2 {
    fn init(module: &'static ThisModule) -> Result<Self> {
        let inode_cache = vfs::InodeCache::new()?;
        let entries = Entries::new()?;
        Ok(Self {
            _fs: vfs::Registration::new(&PROCFS2_FS_TYPE, module)?,
            _control: selftest::Control::new(),
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
        globals::register(&PROC_ROOT)?;
        Ok(this)
    }
}

impl Drop for Entries {
    fn drop(&mut self) {
        pde::remove_children(&PROC_ROOT);
        for inum in [&SELF_INUM, &THREAD_SELF_INUM] {
            let n = inum.swap(0, Relaxed);
            if n != 0 {
                pde::free_inum(n);
            }
        }
    }
}

static PROCFS2_FS_TYPE: vfs::FileSystemType = vfs::FileSystemType::new(
    c_str!("procfs2"),
    bindings::FS_USERNS_MOUNT | bindings::FS_DISALLOW_NOTIFY_PERM,
    init_fs_context,
    kill_sb,
);

/// `hidepid=`: who may see other users' processes (`enum proc_hidepid`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u32)]
pub(crate) enum HidePid {
    Off = 0,
    NoAccess = 1,
    Invisible = 2,
    NotPtraceable = 4,
}

impl HidePid {
    const ALL: [HidePid; 4] = [
        Self::Off,
        Self::NoAccess,
        Self::Invisible,
        Self::NotPtraceable,
    ];

    fn from_u32(v: u32) -> Option<Self> {
        Self::ALL.into_iter().find(|h| *h as u32 == v)
    }

    fn from_name(name: &[u8]) -> Option<Self> {
        Self::ALL.into_iter().find(|h| h.name().as_bytes() == name)
    }

    /// The name `show_options` prints (`hidepid2str`).
    fn name(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::NoAccess => "noaccess",
            Self::Invisible => "invisible",
            Self::NotPtraceable => "ptraceable",
        }
    }
}

/// Mount option numbers, in the order of `shim.c`'s `procfs2_fs_parameters`.
const OPT_GID: u32 = 0;
const OPT_HIDEPID: u32 = 1;
const OPT_SUBSET: u32 = 2;

/// The options of a mount or remount being set up (`struct proc_fs_context`).
struct MountContext {
    pid_ns: ARef<PidNamespace>,
    /// Which options were given: bit `OPT_*`.
    mask: u32,
    hidepid: HidePid,
    gid: u32,
    pidonly: bool,
}

/// Per-superblock state (`struct proc_fs_info`). The options change on remount while
/// readers look at them, hence the atomics.
pub(crate) struct FsInfo {
    pid_ns: ARef<PidNamespace>,
    hide_pid: AtomicU32,
    pid_gid: AtomicU32,
    pidonly: AtomicBool,
    /// The root's process count (`proc_root_getattr`).
    nr_processes: pid_base::ProcessCount,
    /// The `self` and `thread-self` dentries, made at mount time and kept.
    proc_self: Option<DentryRef>,
    proc_thread_self: Option<DentryRef>,
}

impl FsInfo {
    /// `proc_apply_options`: the options given in `ctx` replace the current ones; the
    /// gid is read in the caller's user namespace.
    fn apply_options(&self, ctx: &MountContext) {
        if ctx.mask & (1 << OPT_GID) != 0 {
            self.pid_gid.store(vfs::make_kgid_current(ctx.gid), Relaxed);
        }
        if ctx.mask & (1 << OPT_HIDEPID) != 0 {
            self.hide_pid.store(ctx.hidepid as u32, Relaxed);
        }
        if ctx.mask & (1 << OPT_SUBSET) != 0 {
            self.pidonly.store(ctx.pidonly, Relaxed);
        }
    }

    pub(crate) fn hide_pid(&self) -> HidePid {
        HidePid::from_u32(self.hide_pid.load(Relaxed)).unwrap_or(HidePid::Off)
    }

    /// `subset=pid`: only the process directories, `self` and `thread-self` are shown.
    pub(crate) fn pidonly(&self) -> bool {
        self.pidonly.load(Relaxed)
    }

    /// The group exempt from `hidepid` (`gid=`), a kernel gid.
    pub(crate) fn pid_gid(&self) -> vfs::Kgid {
        self.pid_gid.load(Relaxed)
    }

    /// The pid namespace the mount shows (`proc_pid_ns`).
    pub(crate) fn pid_ns(&self) -> &PidNamespace {
        &self.pid_ns
    }
}

/// The state of the superblock `sb` belongs to.
pub(crate) fn fs_info(sb: &SuperBlock) -> &FsInfo {
    // SAFETY: Every procfs2 superblock gets an `FsInfo` in `fill_super` before it goes
    // live, and keeps it until `kill_sb`.
    unsafe { sb.fs_info::<FsInfo>() }
}

/// The options being parsed for `fc`.
#[expect(
    clippy::mut_from_ref,
    reason = "the VFS serialises a context's callbacks"
)]
fn mount_context(fc: &FsContext) -> &mut MountContext {
    // SAFETY: `init_fs_context` gave every procfs2 context a `MountContext`, and the
    // VFS runs one callback of a context at a time.
    unsafe { fc.private::<MountContext>() }
}

/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn init_fs_context(fc: *mut bindings::fs_context) -> c_int {
    // SAFETY: The VFS passes a valid context being created.
    let fc = unsafe { FsContext::from_raw(fc) };
    from_result(|| {
        let pid_ns = PidNamespace::current();
        let ctx = KBox::new(
            MountContext {
                pid_ns: pid_ns.clone(),
                mask: 0,
                hidepid: HidePid::Off,
                gid: 0,
                pidonly: false,
            },
            GFP_KERNEL,
        )?;
        fc.init(ctx, &pid_ns);
        Ok(0)
    })
}

/// Frees a context's options (`proc_fs_context_free`).
///
/// # Safety
///
/// Called by the VFS with a valid context that procfs2 initialised.
#[no_mangle]
unsafe extern "C" fn procfs2_fc_free(fc: *mut bindings::fs_context) {
    // SAFETY: Valid per the VFS contract; this is the context's last callback.
    let fc = unsafe { FsContext::from_raw(fc) };
    // SAFETY: The private data is a `MountContext` (see `init_fs_context`).
    drop(unsafe { fc.take_private::<MountContext>() });
}

/// Parses one mount option (`proc_parse_param`).
///
/// # Safety
///
/// Called by the VFS with a valid context and parameter.
#[no_mangle]
unsafe extern "C" fn procfs2_parse_param(
    fc: *mut bindings::fs_context,
    param: *mut bindings::fs_parameter,
) -> c_int {
    // SAFETY: Both are valid for this callback per the VFS contract.
    let (fc, param) = unsafe { (FsContext::from_raw(fc), FsParameter::from_raw(param)) };
    from_result(|| {
        parse_param(fc, param)?;
        Ok(0)
    })
}

fn parse_param(fc: &FsContext, param: &FsParameter) -> Result {
    let (opt, uint_32) = fc.parse(param)?;
    let ctx = mount_context(fc);
    match opt {
        OPT_GID => ctx.gid = uint_32,
        OPT_HIDEPID => ctx.hidepid = parse_hidepid(fc, param)?,
        OPT_SUBSET => ctx.pidonly = parse_subset(fc, param, ctx.pidonly)?,
        _ => return Err(EINVAL),
    }
    ctx.mask |= 1 << opt;
    Ok(())
}

/// `hidepid=`: a number (any base `kstrtouint` takes) that is a valid mode, or a name
/// (`proc_parse_hidepid_param`).
fn parse_hidepid(fc: &FsContext, param: &FsParameter) -> Result<HidePid> {
    let Some(value) = param.string() else {
        return Err(fc.invalf(fmt!("procfs2: unexpected type of hidepid value\n")));
    };
    let parsed = match vfs::kstrtouint(value, 0) {
        Some(n) => HidePid::from_u32(n),
        None => HidePid::from_name(value.as_bytes()),
    };
    parsed.ok_or_else(|| fc.invalf(fmt!("procfs2: unknown value of hidepid - {}\n", value)))
}

/// `subset=`: a comma-separated list of which only `pid` exists
/// (`proc_parse_subset_param`). Empty items are skipped.
fn parse_subset(fc: &FsContext, param: &FsParameter, pidonly: bool) -> Result<bool> {
    let value = param.string().ok_or(EINVAL)?;
    let mut pidonly = pidonly;
    for item in value
        .as_bytes()
        .split(|&b| b == b',')
        .filter(|i| !i.is_empty())
    {
        if item != b"pid" {
            let item = BStr::from_bytes(item);
            return Err(fc.invalf(fmt!("procfs2: unsupported subset option - {}\n", item)));
        }
        pidonly = true;
    }
    Ok(pidonly)
}

/// Applies the options of a remount (`proc_reconfigure`).
///
/// # Safety
///
/// Called by the VFS with a valid reconfiguration context.
#[no_mangle]
unsafe extern "C" fn procfs2_reconfigure(fc: *mut bindings::fs_context) -> c_int {
    // SAFETY: Valid per the VFS contract; `fc->root` is set for a reconfiguration.
    let fc = unsafe { FsContext::from_raw(fc) };
    from_result(|| {
        let sb = fc.root_sb();
        sb.sync()?;
        fs_info(sb).apply_options(mount_context(fc));
        Ok(0)
    })
}

static PROCFS2_SOPS: OpsTable<bindings::super_operations> = OpsTable(bindings::super_operations {
    alloc_inode: Some(vfs::alloc_inode),
    free_inode: Some(vfs::free_inode),
    evict_inode: Some(vfs::evict_inode),
    drop_inode: Some(bindings::generic_delete_inode),
    statfs: Some(bindings::simple_statfs),
    show_options: Some(show_options),
    // SAFETY: All-zero is a valid `super_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::super_operations>::zeroed() }
});

/// Sets up a new superblock (`proc_fill_super`), called through `get_tree_nodev`.
///
/// # Safety
///
/// Called by the VFS with a new, locked superblock and the mount's context.
#[no_mangle]
unsafe extern "C" fn procfs2_fill_super(
    sb: *mut bindings::super_block,
    fc: *mut bindings::fs_context,
) -> c_int {
    // SAFETY: Both are valid for this callback per the VFS contract.
    let (sb, fc) = unsafe { (SuperBlock::from_raw(sb), FsContext::from_raw(fc)) };
    from_result(|| {
        fill_super(sb, mount_context(fc))?;
        Ok(0)
    })
}

fn fill_super(sb: &SuperBlock, ctx: &MountContext) -> Result {
    // User space would break if executables or devices appeared here.
    sb.setup(
        vfs::SB_NODIRATIME | vfs::SB_NOSUID | vfs::SB_NOEXEC,
        (bindings::SB_I_USERNS_VISIBLE | bindings::SB_I_NOEXEC | bindings::SB_I_NODEV) as usize,
        10,
        bindings::PROC_SUPER_MAGIC as usize,
        &PROCFS2_SOPS,
    );
    sb.make_root(pde::get_inode(sb, ARef::from(&PROC_ROOT))?)?;
    let root = sb.root();
    let proc_self = root.add_child(c_str!("self"), self_inode(sb, &SELF_INUM, &PROC_SELF_IOPS)?)?;
    let proc_thread_self = root.add_child(
        c_str!("thread-self"),
        self_inode(sb, &THREAD_SELF_INUM, &PROC_THREAD_SELF_IOPS)?,
    )?;

    let info = KBox::new(
        FsInfo {
            pid_ns: ctx.pid_ns.clone(),
            hide_pid: AtomicU32::new(HidePid::Off as u32),
            pid_gid: AtomicU32::new(0),
            pidonly: AtomicBool::new(false),
            nr_processes: pid_base::ProcessCount::new(),
            proc_self: Some(proc_self),
            proc_thread_self: Some(proc_thread_self),
        },
        GFP_KERNEL,
    )?;
    info.apply_options(ctx);
    sb.set_fs_info(info);
    Ok(())
}

/// Ends a superblock (`proc_kill_sb`). The state is freed after an RCU grace period,
/// as fs/proc's `kfree_rcu` does, because lockless path walks may still look at it.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn kill_sb(sb: *mut bindings::super_block) {
    // SAFETY: The VFS passes the superblock being destroyed.
    let sb = unsafe { SuperBlock::from_raw(sb) };
    // SAFETY: The state is an `FsInfo` (see `fill_super`), and this is its last use.
    let mut info = unsafe { sb.take_fs_info::<FsInfo>() };
    if let Some(info) = info.as_mut() {
        drop(info.proc_self.take());
        drop(info.proc_thread_self.take());
    }
    // SAFETY: This is `kill_sb`; `sb` is not used afterwards.
    unsafe { sb.kill_anon() };
    if info.is_some() {
        vfs::synchronize_rcu();
    }
    drop(info);
}

/// `/proc/mounts` options (`proc_show_options`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn show_options(
    m: *mut bindings::seq_file,
    root: *mut bindings::dentry,
) -> c_int {
    // SAFETY: The VFS passes a valid seq_file and the mount's root dentry.
    let (m, root) = unsafe { (SeqFile::from_raw(m), vfs::Dentry::from_raw(root)) };
    let info = fs_info(root.super_block());
    let gid = info.pid_gid.load(Relaxed);
    if gid != 0 {
        m.print(fmt!(",gid={}", vfs::from_kgid_munged_init(gid)));
    }
    let hide_pid = info.hide_pid();
    if hide_pid != HidePid::Off {
        m.print(fmt!(",hidepid={}", hide_pid.name()));
    }
    if info.pidonly.load(Relaxed) {
        m.print(fmt!(",subset=pid"));
    }
    0
}

/// The root directory entry (`proc_root`).
pub(crate) static PROC_ROOT: ProcDirEntry = ProcDirEntry::root(&PROC_ROOT_IOPS, &PROC_ROOT_FOPS);

static PROC_ROOT_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        lookup: Some(proc_root_lookup),
        getattr: Some(proc_root_getattr),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

static PROC_ROOT_FOPS: OpsTable<bindings::file_operations> = OpsTable(bindings::file_operations {
    read: Some(bindings::generic_read_dir),
    iterate_shared: Some(proc_root_readdir),
    llseek: Some(bindings::generic_file_llseek),
    // SAFETY: All-zero is a valid `file_operations` (no callbacks).
    ..unsafe { OpsTable::<bindings::file_operations>::zeroed() }
});

/// Readdir position of `self`; `thread-self` follows, then the processes at
/// `tgid + TGID_OFFSET` (fs/proc's `FIRST_PROCESS_ENTRY`, `TGID_OFFSET`).
const FIRST_PROCESS_ENTRY: i64 = 256;
const TGID_OFFSET: i64 = FIRST_PROCESS_ENTRY + 2;
/// `PID_MAX_LIMIT` on 64-bit (`shim.c` checks it): the end of the root directory.
const PID_MAX_LIMIT: i64 = 4 * 1024 * 1024;

/// Root lookup (`proc_root_lookup`): process directories first (they come with the
/// per-process work), then the entry tree. `self` and `thread-self` are dentries made
/// at mount time and never get here.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_root_lookup(
    dir: *mut bindings::inode,
    dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    // SAFETY: The VFS passes the root inode and the dentry being looked up.
    let (dir, dentry) = unsafe { (Inode::from_raw(dir), Dentry::from_raw(dentry)) };
    vfs::lookup_result((|| {
        match pid_base::proc_pid_lookup(dentry) {
            Err(e) if e == ENOENT => {}
            r => return r,
        }
        if fs_info(dir.super_block()).pidonly() {
            return Err(ENOENT);
        }
        pde::lookup_de(dir, dentry, &PROC_ROOT)
    })())
}

/// Root getattr (`proc_root_getattr`): link count of the root entry.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_root_getattr(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    let info = fs_info(stat.inode().super_block());
    stat.set_nlink(PROC_ROOT.nlink() + info.nr_processes.get(info.pid_ns()));
    0
}

/// Root readdir (`proc_root_readdir`): the entry tree below position 256, then
/// `self`, `thread-self` and the processes (`proc_pid_readdir`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_root_readdir(
    file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes an open root directory and a context for this call.
    let (inode, ctx) = unsafe { (vfs::file_inode(file), DirContext::from_raw(ctx)) };
    let info = fs_info(inode.super_block());
    if ctx.pos() < FIRST_PROCESS_ENTRY {
        // `proc_readdir`: with `subset=pid` not even `.` and `..`.
        if !info.pidonly() {
            if !ctx.emit_dots(PROC_ROOT.low_ino.into(), PROC_ROOT.low_ino.into()) {
                return 0;
            }
            if !pde::readdir_de(ctx, &PROC_ROOT) {
                return 0;
            }
        }
        ctx.set_pos(FIRST_PROCESS_ENTRY);
    }
    if ctx.pos() >= PID_MAX_LIMIT + TGID_OFFSET {
        return 0;
    }
    for (pos, name, d) in [
        (TGID_OFFSET - 2, b"self".as_slice(), &info.proc_self),
        (
            TGID_OFFSET - 1,
            b"thread-self".as_slice(),
            &info.proc_thread_self,
        ),
    ] {
        if ctx.pos() == pos {
            let ino = d
                .as_ref()
                .and_then(|d| d.dentry().inode())
                .map_or(0, Inode::ino);
            if !ctx.emit(name, ino, vfs::DT_LNK) {
                return 0;
            }
            ctx.set_pos(pos + 1);
        }
    }
    pid_base::proc_pid_readdir(ctx, info, TGID_OFFSET, PID_MAX_LIMIT + TGID_OFFSET);
    0
}

/// The inode of `self` or `thread-self` (`proc_setup_self`): a root-owned symlink
/// whose target is computed for each reader.
fn self_inode(
    sb: &SuperBlock,
    inum: &AtomicU32,
    iops: &'static OpsTable<bindings::inode_operations>,
) -> Result<vfs::NewInode> {
    let mut inode = sb.new_inode()?;
    inode.set_ino(inum.load(Relaxed).into());
    inode.set_attrs((bindings::S_IFLNK | 0o777) as u16, 1, iops, None);
    inode.set_owner(0, 0);
    Ok(inode)
}

static PROC_SELF_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        get_link: Some(proc_self_get_link),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

static PROC_THREAD_SELF_IOPS: OpsTable<bindings::inode_operations> =
    OpsTable(bindings::inode_operations {
        get_link: Some(proc_thread_self_get_link),
        // SAFETY: All-zero is a valid `inode_operations` (no callbacks).
        ..unsafe { OpsTable::<bindings::inode_operations>::zeroed() }
    });

/// `self` -> `<tgid>` in the superblock's pid namespace (`proc_self_get_link`);
/// `ENOENT` for a caller that namespace cannot see.
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_self_get_link(
    dentry: *mut bindings::dentry,
    inode: *mut bindings::inode,
    done: *mut bindings::delayed_call,
) -> *const kernel::ffi::c_char {
    // SAFETY: The VFS passes our `self` inode.
    let inode = unsafe { Inode::from_raw(inode) };
    let Some(tgid) = fs_info(inode.super_block()).pid_ns.current_tgid() else {
        return ENOENT.to_ptr();
    };
    // SAFETY: `dentry` and `done` are the VFS's arguments of this `get_link`.
    unsafe { vfs::link_target(dentry, done, fmt!("{}", tgid)) }
}

/// `thread-self` -> `<tgid>/task/<tid>` (`proc_thread_self_get_link`).
///
/// # Safety
///
/// Called by the kernel with the valid arguments of this callback.
unsafe extern "C" fn proc_thread_self_get_link(
    dentry: *mut bindings::dentry,
    inode: *mut bindings::inode,
    done: *mut bindings::delayed_call,
) -> *const kernel::ffi::c_char {
    // SAFETY: The VFS passes our `thread-self` inode.
    let inode = unsafe { Inode::from_raw(inode) };
    let ns = &fs_info(inode.super_block()).pid_ns;
    let (Some(tgid), Some(pid)) = (ns.current_tgid(), ns.current_pid()) else {
        return ENOENT.to_ptr();
    };
    // SAFETY: `dentry` and `done` are the VFS's arguments of this `get_link`.
    unsafe { vfs::link_target(dentry, done, fmt!("{}/task/{}", tgid, pid)) }
}
