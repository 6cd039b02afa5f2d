// SPDX-License-Identifier: GPL-2.0

//! Mount options and per-superblock state (fs/proc/root.c: `proc_fs_parameters`,
//! `struct proc_fs_context`, `proc_parse_param`, `struct proc_fs_info`,
//! `proc_apply_options`, `proc_show_options`).

use crate::{
    wrap::seq::SeqFile,
    wrap::{
        cred::{self, Kgid, PidNamespace},
        fs::{FsContext, FsParameter},
        super_block::SuperBlock,
    },
};
use core::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed};
use kernel::{fmt, prelude::*, str::BStr, types::ARef};

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

/// Mount option numbers, in the order of `shim/fs.c`'s `procfs2_fs_parameters`.
const OPT_GID: u32 = 0;
const OPT_HIDEPID: u32 = 1;
const OPT_SUBSET: u32 = 2;

/// The options of a mount or remount being set up (`struct proc_fs_context`).
pub(crate) struct MountContext {
    pub(crate) pid_ns: ARef<PidNamespace>,
    /// Which options were given: bit `OPT_*`.
    mask: u32,
    hidepid: HidePid,
    gid: u32,
    pidonly: bool,
}

impl MountContext {
    /// A context for a mount by the caller (`proc_init_fs_context`): it shows the
    /// caller's pid namespace.
    pub(crate) fn new() -> Self {
        Self {
            pid_ns: PidNamespace::current(),
            mask: 0,
            hidepid: HidePid::Off,
            gid: 0,
            pidonly: false,
        }
    }

    /// Takes one option (`proc_parse_param`).
    pub(crate) fn parse_param(&mut self, fc: &FsContext, param: &FsParameter) -> Result {
        let (opt, uint_32) = fc.parse(param)?;
        match opt {
            OPT_GID => self.gid = uint_32,
            OPT_HIDEPID => self.hidepid = parse_hidepid(fc, param)?,
            OPT_SUBSET => self.pidonly = parse_subset(fc, param, self.pidonly)?,
            _ => return Err(EINVAL),
        }
        self.mask |= 1 << opt;
        Ok(())
    }
}

/// `hidepid=`: a number (any base `kstrtouint` takes) that is a valid mode, or a name
/// (`proc_parse_hidepid_param`).
fn parse_hidepid(fc: &FsContext, param: &FsParameter) -> Result<HidePid> {
    let Some(value) = param.string() else {
        return Err(fc.invalf(fmt!("procfs2: unexpected type of hidepid value\n")));
    };
    let parsed = match cred::kstrtouint(value, 0) {
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

/// Per-superblock state (`struct proc_fs_info`). The options change on remount while
/// readers look at them, hence the atomics.
pub(crate) struct FsInfo {
    pid_ns: ARef<PidNamespace>,
    hide_pid: AtomicU32,
    pid_gid: AtomicU32,
    pidonly: AtomicBool,
}

impl FsInfo {
    /// The state of a new superblock for the mount `ctx` describes.
    pub(crate) fn new(ctx: &MountContext) -> Self {
        let info = Self {
            pid_ns: ctx.pid_ns.clone(),
            hide_pid: AtomicU32::new(HidePid::Off as u32),
            pid_gid: AtomicU32::new(0),
            pidonly: AtomicBool::new(false),
        };
        info.apply_options(ctx);
        info
    }

    /// `proc_apply_options`: the options given in `ctx` replace the current ones; the
    /// gid is read in the caller's user namespace.
    pub(crate) fn apply_options(&self, ctx: &MountContext) {
        if ctx.mask & (1 << OPT_GID) != 0 {
            self.pid_gid
                .store(cred::make_kgid_current(ctx.gid).val(), Relaxed);
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
    pub(crate) fn pid_gid(&self) -> Kgid {
        Kgid::new(self.pid_gid.load(Relaxed))
    }

    /// The pid namespace the mount shows (`proc_pid_ns`).
    pub(crate) fn pid_ns(&self) -> &PidNamespace {
        &self.pid_ns
    }

    /// `/proc/mounts` options (`proc_show_options`).
    pub(crate) fn show_options(&self, m: &SeqFile) {
        let gid = self.pid_gid();
        if gid != Kgid::ROOT {
            m.print(fmt!(",gid={}", cred::from_kgid_munged_init(gid)));
        }
        let hide_pid = self.hide_pid();
        if hide_pid != HidePid::Off {
            m.print(fmt!(",hidepid={}", hide_pid.name()));
        }
        if self.pidonly() {
            m.print(fmt!(",subset=pid"));
        }
    }
}

/// The state of the superblock `sb` belongs to.
pub(crate) fn fs_info(sb: &SuperBlock) -> Result<&FsInfo> {
    sb.info::<FsInfo>().ok_or(EINVAL)
}
