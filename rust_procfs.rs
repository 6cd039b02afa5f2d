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

mod pde;
mod seq;
mod vfs;

use pde::ProcDirEntry;
use seq::SeqFile;
use vfs::{DirContext, FsContext, FsParameter, Kstat, OpsTable, PidNamespace, SuperBlock};

module! {
    type: Procfs2,
    name: "procfs2",
    author: "procfs2 developers",
    description: "The core of /proc, re-implemented as a module",
    license: "GPL",
    alias: ["fs-procfs2"],
}

struct Procfs2 {
    _fs: vfs::Registration,
}

impl kernel::Module for Procfs2 {
    fn init(module: &'static ThisModule) -> Result<Self> {
        Ok(Self {
            _fs: vfs::Registration::new(&PROCFS2_FS_TYPE, module)?,
        })
    }
}

static PROCFS2_FS_TYPE: vfs::FileSystemType = vfs::FileSystemType::new(
    c_str!("procfs2"),
    bindings::FS_USERNS_MOUNT | bindings::FS_DISALLOW_NOTIFY_PERM,
    init_fs_context,
    kill_sb,
);

/// `hidepid=`: who may see other users' processes (`enum proc_hidepid`).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
enum HidePid {
    Off = 0,
    NoAccess = 1,
    Invisible = 2,
    NotPtraceable = 4,
}

impl HidePid {
    const ALL: [HidePid; 4] = [Self::Off, Self::NoAccess, Self::Invisible, Self::NotPtraceable];

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
struct FsInfo {
    #[expect(dead_code, reason = "held for self/ and the pid walk, which come next")]
    pid_ns: ARef<PidNamespace>,
    hide_pid: AtomicU32,
    pid_gid: AtomicU32,
    pidonly: AtomicBool,
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

    fn hide_pid(&self) -> HidePid {
        HidePid::from_u32(self.hide_pid.load(Relaxed)).unwrap_or(HidePid::Off)
    }
}

/// The state of the superblock `sb` belongs to.
fn fs_info(sb: &SuperBlock) -> &FsInfo {
    // SAFETY: Every procfs2 superblock gets an `FsInfo` in `fill_super` before it goes
    // live, and keeps it until `kill_sb`.
    unsafe { sb.fs_info::<FsInfo>() }
}

/// The options being parsed for `fc`.
fn mount_context(fc: &FsContext) -> &mut MountContext {
    // SAFETY: `init_fs_context` gave every procfs2 context a `MountContext`, and the
    // VFS runs one callback of a context at a time.
    unsafe { fc.private::<MountContext>() }
}

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
    for item in value.as_bytes().split(|&b| b == b',').filter(|i| !i.is_empty()) {
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
    let info = KBox::new(
        FsInfo {
            pid_ns: ctx.pid_ns.clone(),
            hide_pid: AtomicU32::new(HidePid::Off as u32),
            pid_gid: AtomicU32::new(0),
            pidonly: AtomicBool::new(false),
        },
        GFP_KERNEL,
    )?;
    info.apply_options(ctx);
    sb.set_fs_info(info);

    // User space would break if executables or devices appeared here.
    sb.setup(
        vfs::SB_NODIRATIME | vfs::SB_NOSUID | vfs::SB_NOEXEC,
        (bindings::SB_I_USERNS_VISIBLE | bindings::SB_I_NOEXEC | bindings::SB_I_NODEV) as usize,
        10,
        bindings::PROC_SUPER_MAGIC as usize,
        &PROCFS2_SOPS,
    );
    sb.make_root(pde::get_inode(sb, &PROC_ROOT)?)
}

/// Ends a superblock (`proc_kill_sb`). The state is freed after an RCU grace period,
/// as fs/proc's `kfree_rcu` does, because lockless path walks may still look at it.
unsafe extern "C" fn kill_sb(sb: *mut bindings::super_block) {
    // SAFETY: The VFS passes the superblock being destroyed.
    let sb = unsafe { SuperBlock::from_raw(sb) };
    // SAFETY: The state is an `FsInfo` (see `fill_super`), and this is its last use.
    let info = unsafe { sb.take_fs_info::<FsInfo>() };
    // SAFETY: This is `kill_sb`; `sb` is not used afterwards.
    unsafe { sb.kill_anon() };
    if info.is_some() {
        vfs::synchronize_rcu();
    }
    drop(info);
}

/// `/proc/mounts` options (`proc_show_options`).
unsafe extern "C" fn show_options(m: *mut bindings::seq_file, root: *mut bindings::dentry) -> c_int {
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
static PROC_ROOT: ProcDirEntry = ProcDirEntry {
    low_ino: pde::PROC_ROOT_INO,
    name: b"/proc",
    mode: (bindings::S_IFDIR | 0o555) as u16,
    nlink: 2,
    iops: &PROC_ROOT_IOPS,
    fops: &PROC_ROOT_FOPS,
};

static PROC_ROOT_IOPS: OpsTable<bindings::inode_operations> = OpsTable(bindings::inode_operations {
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

/// Root lookup (`proc_root_lookup`): nothing is registered yet. Like fs/proc, no
/// negative dentry is made.
unsafe extern "C" fn proc_root_lookup(
    _dir: *mut bindings::inode,
    _dentry: *mut bindings::dentry,
    _flags: u32,
) -> *mut bindings::dentry {
    ENOENT.to_ptr()
}

/// Root getattr (`proc_root_getattr`): link count of the root entry.
unsafe extern "C" fn proc_root_getattr(
    _idmap: *mut bindings::mnt_idmap,
    path: *const bindings::path,
    stat: *mut bindings::kstat,
    request_mask: u32,
    _query_flags: u32,
) -> c_int {
    // SAFETY: The VFS passes a valid path and kstat to fill.
    let stat = unsafe { Kstat::fill(path, stat, request_mask) };
    stat.set_nlink(PROC_ROOT.nlink);
    0
}

/// Root readdir (`proc_root_readdir`): `.` and `..` so far.
unsafe extern "C" fn proc_root_readdir(
    _file: *mut bindings::file,
    ctx: *mut bindings::dir_context,
) -> c_int {
    // SAFETY: The VFS passes a valid dir_context for this call.
    let ctx = unsafe { DirContext::from_raw(ctx) };
    ctx.emit_dots(PROC_ROOT.low_ino, PROC_ROOT.low_ino);
    0
}
