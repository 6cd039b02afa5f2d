// SPDX-License-Identifier: GPL-2.0

//! `/proc2/irq/` (kernel/irq/proc.c): a directory per interrupt, `N/`, with its
//! affinity, node and spurious-interrupt files and an empty directory named after
//! each handler.
//!
//! fs/proc makes these entries as the irq core calls `register_irq_proc` (at boot
//! for every descriptor, and when a handler is requested) and
//! `register_handler_proc`, and removes them when the descriptor or the handler is
//! freed; whether one exists is known only from fs/proc's own entry pointers
//! (`desc->dir`, `action->dir`), which procfs2 does not read. procfs2 decides from
//! the descriptor instead:
//!
//! - `N/` exists while descriptor N exists and its chip is not `no_irq_chip`, the
//!   test `register_irq_proc` makes. A descriptor allocated after boot that never
//!   had a handler has no `N/` on /proc, and has one here.
//! - `N/<name>/` exists for each distinct name of the descriptor's requested
//!   actions that `proc_mkdir` accepts (cut to 127 bytes; not one of the files'
//!   names; no `/`). fs/proc has none for an action requested before /proc/irq was
//!   made at boot (x86's "timer" on IRQ 0, the 8259's "cascade"), and, when two
//!   actions share a name, none once the first of them is freed.
//!
//! Descriptors are used under RCU (see the wrapper), so what is allocated while one is
//! held (the handler names, the affinity hint's copy) is allocated with
//! `GFP_ATOMIC`.
//!
//! Reads are as kernel/irq/proc.c's; a file whose interrupt no longer qualifies
//! reads `EIO`, as fs/proc's removed entries do. Writes to `smp_affinity` and
//! `smp_affinity_list` fail with `EPERM`, the answer fs/proc gives where the
//! affinity may not be set (`irq_can_set_affinity_usr`); the parsers
//! (`cpumask_parse_user`) and `no_irq_affinity` are not exported. The file modes
//! are computed at lookup from the descriptor's state, where fs/proc fixes them
//! when the directory is made. `default_smp_affinity` (`irq_default_affinity`, not
//! exported) is left out (tests/missing-root-entries.txt).

use crate::{
    pde::{self, name_to_int, ProcDirEntry},
    wrap::seq::SeqFile,
    wrap::{
        dentry::{Lookup, Unhashed, Unpinned},
        file::{DirContext, ProcFile},
        inode::{Inode, Kstat},
        irq::{self, IrqDesc},
        ops::{
            DentryOperations, DentryOps, FileOperations, FileOps, InodeOperations, InodeOps,
            SeqFileOperations, SeqOpened, Single,
        },
        LOOKUP_RCU,
    },
};
use kernel::{bindings, fmt, prelude::*};

/// Creates `irq` under `root` (`init_irq_proc`).
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    pde::mkdir_ops(root, b"irq", &IRQ_ROOT_IOPS, &IRQ_ROOT_FOPS).map(drop)
}

/// What a file of `N/` shows.
type ShowFn = fn(&SeqFile, &IrqDesc<'_>) -> Result;

/// A file of `N/`: name, whether it may take an affinity, and its show function.
struct IrqFile {
    name: &'static [u8],
    affinity: bool,
    show: ShowFn,
}

/// The files `register_irq_proc` makes, in `proc_match` order (shorter names
/// first), the order of fs/proc's readdir.
static IRQ_FILES: &[IrqFile] = &[
    #[cfg(CONFIG_SMP)]
    IrqFile {
        name: b"node",
        affinity: false,
        show: |m, d| {
            m.print(fmt!("{}\n", d.node()));
            Ok(())
        },
    },
    IrqFile {
        name: b"spurious",
        affinity: false,
        show: irq_spurious_proc_show,
    },
    #[cfg(CONFIG_SMP)]
    IrqFile {
        name: b"smp_affinity",
        affinity: true,
        show: |m, d| {
            d.affinity().seq_print(m, false);
            Ok(())
        },
    },
    #[cfg(CONFIG_SMP)]
    IrqFile {
        name: b"affinity_hint",
        affinity: false,
        show: irq_affinity_hint_proc_show,
    },
    #[cfg(CONFIG_SMP)]
    IrqFile {
        name: b"smp_affinity_list",
        affinity: true,
        show: |m, d| {
            d.affinity().seq_print(m, true);
            Ok(())
        },
    },
    #[cfg(all(CONFIG_SMP, CONFIG_GENERIC_IRQ_EFFECTIVE_AFF_MASK))]
    IrqFile {
        name: b"effective_affinity",
        affinity: false,
        show: |m, d| {
            d.effective_affinity().seq_print(m, false);
            Ok(())
        },
    },
    #[cfg(all(CONFIG_SMP, CONFIG_GENERIC_IRQ_EFFECTIVE_AFF_MASK))]
    IrqFile {
        name: b"effective_affinity_list",
        affinity: false,
        show: |m, d| {
            d.effective_affinity().seq_print(m, true);
            Ok(())
        },
    },
];

/// `irq_spurious_proc_show`.
fn irq_spurious_proc_show(m: &SeqFile, d: &IrqDesc<'_>) -> Result {
    let s = d.spurious();
    m.print(fmt!(
        "count {}\nunhandled {}\nlast_unhandled {} ms\n",
        s.count,
        s.unhandled,
        s.last_unhandled_ms
    ));
    Ok(())
}

/// `irq_affinity_hint_proc_show`: the hint is copied under `desc->lock`.
fn irq_affinity_hint_proc_show(m: &SeqFile, d: &IrqDesc<'_>) -> Result {
    let mut mask = KBox::new(bindings::cpumask::default(), GFP_ATOMIC)?;
    d.lock().copy_affinity_hint(&mut mask).seq_print(m, false);
    Ok(())
}

/// Whether interrupt `irq` has an `N/` directory (see the module comment).
fn irq_listed(d: &IrqDesc<'_>) -> bool {
    !d.lock().chip_is_none()
}

/// Longest handler directory name (`MAX_NAMELEN` of `register_handler_proc`, less
/// the NUL).
const HANDLER_NAME: usize = 128;

/// Handler directory names: bytes and length.
type Names = KVec<([u8; HANDLER_NAME], usize)>;

/// The handler directories of `d`, in `proc_match` order, without duplicates.
fn handler_names(d: &IrqDesc<'_>) -> Result<Names> {
    let mut all = d.action_names_copy::<HANDLER_NAME>()?;
    all.sort_unstable_by(|(a, an), (b, bn)| proc_match(&a[..*an], &b[..*bn]));
    let mut names = KVec::with_capacity(all.len(), GFP_ATOMIC)?;
    for (b, n) in all.iter() {
        let name = &b[..*n];
        let ok = !name.is_empty()
            && name != b"."
            && name != b".."
            && !name.contains(&b'/')
            && !IRQ_FILES.iter().any(|f| f.name == name);
        let dup = names
            .last()
            .is_some_and(|(p, pn): &([u8; HANDLER_NAME], usize)| &p[..*pn] == name);
        if ok && !dup {
            names.push((*b, *n), GFP_ATOMIC)?;
        }
    }
    Ok(names)
}

/// fs/proc's entry order: shorter names first, then bytewise.
fn proc_match(a: &[u8], b: &[u8]) -> core::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

// Inode numbers: `IRQ_INO_KIND << 60 | irq << 16 | slot`, with slot 0 the `N/`
// directory, `1 + i` file `i` and `0x100 + k` the `k`-th handler directory; above
// the entry tree's 32-bit numbers, and apart from the per-process kinds (1, 2, 3,
// 5) and map_files' bit 63.
const IRQ_INO_KIND: u64 = 6;
const SLOT_HANDLER: u64 = 0x100;

fn irq_ino(irq: u32, slot: u64) -> u64 {
    (IRQ_INO_KIND << 60) | (u64::from(irq) << 16) | slot
}

/// The interrupt and slot an inode number of [`irq_ino`] names.
fn ino_parts(ino: u64) -> Option<(u32, u64)> {
    (ino >> 60 == IRQ_INO_KIND).then_some((((ino >> 16) & 0xffff_ffff) as u32, ino & 0xffff))
}

const S_IFDIR: u16 = bindings::S_IFDIR as u16;
const S_IFREG: u16 = bindings::S_IFREG as u16;

/// Runs `f` on the descriptor of `irq` if it still has an `N/` directory.
fn with_listed<R>(irq: u32, f: impl FnOnce(&IrqDesc<'_>) -> R) -> Option<R> {
    irq::with_desc(irq, |d| irq_listed(d).then(|| f(d))).flatten()
}

// ---------------------------------------------------------------------------
// irq/
// ---------------------------------------------------------------------------

struct IrqRoot;

static IRQ_ROOT_IOPS: InodeOps = InodeOps::new::<IrqRoot>();
static IRQ_ROOT_FOPS: FileOps = FileOps::new::<IrqRoot>();

#[vtable]
impl InodeOperations for IrqRoot {
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let irq = name_to_int(dentry.name()).ok_or(ENOENT)?;
        let nlink =
            with_listed(irq, |d| handler_names(d).map(|n| 2 + n.len() as u32)).ok_or(ENOENT)??;
        let mut inode = dir.super_block().new_inode()?;
        inode.set_ino(irq_ino(irq, 0));
        inode.set_attrs(S_IFDIR | 0o555, nlink, &IRQ_DIR_IOPS, Some(&IRQ_DIR_FOPS));
        dentry.splice_alias(&IRQ_DOPS, inode)
    }

    /// The link count: 2 and one per `N/`, as `proc_mkdir` counts them.
    fn getattr(stat: &Kstat<'_>) -> Result {
        let n = (0..irq::nr_irqs())
            .filter(|&i| with_listed(i, |_| ()).is_some())
            .count();
        stat.set_nlink(2 + n as u32);
        Ok(())
    }
}

#[vtable]
impl FileOperations for IrqRoot {
    /// Positions: `2 + N` for `N/`, so that a resumed readdir neither skips nor
    /// repeats one.
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let inode = file.inode();
        if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
            return Ok(());
        }
        let mut irq = u32::try_from(ctx.pos() - 2).unwrap_or(u32::MAX);
        while irq < irq::nr_irqs() {
            if with_listed(irq, |_| ()).is_some() {
                let mut buf = [0; 20];
                let name = crate::wrap::seq::decimal(&mut buf, irq.into());
                if !ctx.emit(name, irq_ino(irq, 0), u32::from(S_IFDIR) >> 12) {
                    return Ok(());
                }
            }
            irq += 1;
            ctx.set_pos(2 + i64::from(irq));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// irq/N/
// ---------------------------------------------------------------------------

struct IrqDir;

static IRQ_DIR_IOPS: InodeOps = InodeOps::new::<IrqDir>();
static IRQ_DIR_FOPS: FileOps = FileOps::new::<IrqDir>();

/// One name of `N/`: a file (its index) or a handler directory (its index).
enum Child {
    File(usize),
    Handler(usize),
}

/// The children of `N/` in `proc_match` order.
fn children(d: &IrqDesc<'_>) -> Result<(Names, KVec<Child>)> {
    let names = handler_names(d)?;
    let mut out = KVec::with_capacity(IRQ_FILES.len() + names.len(), GFP_ATOMIC)?;
    let (mut i, mut k) = (0, 0);
    while i < IRQ_FILES.len() || k < names.len() {
        let take_file = k >= names.len()
            || (i < IRQ_FILES.len()
                && proc_match(IRQ_FILES[i].name, &names[k].0[..names[k].1]).is_lt());
        if take_file {
            out.push(Child::File(i), GFP_ATOMIC)?;
            i += 1;
        } else {
            out.push(Child::Handler(k), GFP_ATOMIC)?;
            k += 1;
        }
    }
    Ok((names, out))
}

/// The mode of file `f` of `d`: writable by its owner where the affinity may be set
/// (`register_irq_proc`).
fn file_mode(f: &IrqFile, d: &IrqDesc<'_>) -> u16 {
    if f.affinity && d.can_set_affinity_usr() {
        S_IFREG | 0o644
    } else {
        S_IFREG | 0o444
    }
}

#[vtable]
impl InodeOperations for IrqDir {
    fn lookup(dir: &Inode, dentry: &Unhashed) -> Result<Lookup> {
        let (irq, _) = ino_parts(dir.ino()).ok_or(ENOENT)?;
        let name = dentry.name();
        let found = with_listed(irq, |d| -> Result<Option<(u64, u16)>> {
            if let Some(i) = IRQ_FILES.iter().position(|f| f.name == name) {
                return Ok(Some((1 + i as u64, file_mode(&IRQ_FILES[i], d))));
            }
            let names = handler_names(d)?;
            Ok(names
                .iter()
                .position(|(b, n)| &b[..*n] == name)
                .map(|k| (SLOT_HANDLER + k as u64, S_IFDIR | 0o555)))
        })
        .ok_or(ENOENT)??;
        let (slot, mode) = found.ok_or(ENOENT)?;
        let mut inode = dir.super_block().new_inode()?;
        inode.set_ino(irq_ino(irq, slot));
        if slot >= SLOT_HANDLER {
            inode.set_attrs(mode, 2, &IRQ_HANDLER_IOPS, Some(&IRQ_HANDLER_FOPS));
        } else {
            inode.set_attrs(mode, 1, &IRQ_FILE_IOPS, Some(&IRQ_FILE_FOPS));
        }
        dentry.splice_alias(&IRQ_DOPS, inode)
    }

    /// The link count: 2 and one per handler directory.
    fn getattr(stat: &Kstat<'_>) -> Result {
        if let Some((irq, _)) = ino_parts(stat.inode().ino()) {
            if let Some(Ok(names)) = with_listed(irq, handler_names) {
                stat.set_nlink(2 + names.len() as u32);
            }
        }
        Ok(())
    }
}

#[vtable]
impl FileOperations for IrqDir {
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        let inode = file.inode();
        if !ctx.emit_dots(inode.ino(), file.parent_ino()) {
            return Ok(());
        }
        let Some((irq, _)) = ino_parts(inode.ino()) else {
            return Ok(());
        };
        let Some((names, list)) = with_listed(irq, children).transpose()? else {
            return Ok(());
        };
        let start = usize::try_from(ctx.pos() - 2).unwrap_or(usize::MAX);
        for child in list.iter().skip(start) {
            let (name, slot, dtype): (&[u8], u64, u16) = match *child {
                Child::File(i) => (IRQ_FILES[i].name, 1 + i as u64, S_IFREG),
                Child::Handler(k) => (&names[k].0[..names[k].1], SLOT_HANDLER + k as u64, S_IFDIR),
            };
            if !ctx.emit(name, irq_ino(irq, slot), u32::from(dtype) >> 12) {
                return Ok(());
            }
            ctx.set_pos(ctx.pos() + 1);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// irq/N/<handler>/: empty directories
// ---------------------------------------------------------------------------

struct IrqHandlerDir;

static IRQ_HANDLER_IOPS: InodeOps = InodeOps::new::<IrqHandlerDir>();
static IRQ_HANDLER_FOPS: FileOps = FileOps::new::<IrqHandlerDir>();

#[vtable]
impl InodeOperations for IrqHandlerDir {
    fn lookup(_dir: &Inode, _dentry: &Unhashed) -> Result<Lookup> {
        Err(ENOENT)
    }
}

#[vtable]
impl FileOperations for IrqHandlerDir {
    fn readdir(file: &ProcFile, ctx: &DirContext) -> Result {
        ctx.emit_dots(file.inode().ino(), file.parent_ino());
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// irq/N/<file>
// ---------------------------------------------------------------------------

struct IrqFileOps;

static IRQ_FILE_IOPS: InodeOps = InodeOps::empty();
static IRQ_FILE_FOPS: FileOps = FileOps::seq::<IrqFileOps>();

/// The interrupt and file an inode of `N/` shows.
fn irq_file(inode: &Inode) -> Result<(u32, &'static IrqFile)> {
    let (irq, slot) = ino_parts(inode.ino()).ok_or(EIO)?;
    let f = usize::try_from(slot)
        .ok()
        .and_then(|s| s.checked_sub(1))
        .and_then(|i| IRQ_FILES.get(i))
        .ok_or(EIO)?;
    Ok((irq, f))
}

#[vtable]
impl SeqFileOperations for IrqFileOps {
    type Kind = Single;

    fn open<'a>(inode: &Inode, file: &'a ProcFile) -> Result<SeqOpened<'a>> {
        let (irq, _) = irq_file(inode)?;
        with_listed(irq, |_| ()).ok_or(EIO)?;
        file.single_open::<Self>()
    }

    fn show(m: &SeqFile, inode: &Inode) -> Result {
        let (irq, f) = irq_file(inode)?;
        with_listed(irq, |d| (f.show)(m, d)).ok_or(EIO)?
    }

    /// `write_irq_affinity` cannot be rebuilt (see the module comment): `EPERM`,
    /// its answer where the affinity may not be set. Files without a `proc_write`
    /// answer `EIO` (`proc_reg_write`).
    fn write(inode: &Inode, _buf: kernel::uaccess::UserSlice, _count: usize) -> Result<usize> {
        let (irq, f) = irq_file(inode)?;
        with_listed(irq, |_| ()).ok_or(EIO)?;
        Err(if f.affinity { EPERM } else { EIO })
    }

    /// `proc_reg_mmap`: `EIO`.
    fn mmap(_inode: &Inode) -> Result {
        Err(EIO)
    }
}

// ---------------------------------------------------------------------------
// Dentries: valid while the interrupt keeps its directory
// ---------------------------------------------------------------------------

struct IrqDentry;

static IRQ_DOPS: DentryOps = DentryOps::new::<IrqDentry>();

impl IrqDentry {
    fn valid(dentry: &Unpinned) -> bool {
        let Some((irq, slot)) = dentry.inode().and_then(|i| ino_parts(i.ino())) else {
            return false;
        };
        with_listed(irq, |d| {
            slot < SLOT_HANDLER
                || handler_names(d).is_ok_and(|n| n.iter().any(|(b, l)| &b[..*l] == dentry.name()))
        })
        .unwrap_or(false)
    }
}

#[vtable]
impl DentryOperations for IrqDentry {
    fn revalidate(dentry: &Unpinned, flags: u32) -> Result<bool> {
        if flags & LOOKUP_RCU != 0 {
            return Err(ECHILD);
        }
        Ok(Self::valid(dentry))
    }

    fn delete(dentry: &Unpinned) -> bool {
        !Self::valid(dentry)
    }
}
