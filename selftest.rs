// SPDX-License-Identifier: GPL-2.0

//! A debugfs file through which the tests drive the entry API from user space, since
//! nothing else creates or removes entries at run time. The file exists only when the
//! module is loaded with `insmod procfs2.ko selftest=1` (root could otherwise remove
//! built-in entries):
//!
//! ```text
//! echo 'mkdir a/b'          > /sys/kernel/debug/procfs2/entries
//! echo 'file a/b/f'         > ...   # create_single; shows one line naming itself
//! echo 'bigfile a/b/g'      > ...   # create_single; shows 20,000 numbered lines
//! echo 'seqfile a/b/s'      > ...   # create_seq; one numbered line per record
//! echo 'knob a/b/k'         > ...   # create (0644): shows and sets the number of
//!                                   # records of every seqfile (20,000 at first)
//! echo 'symlink a/l target' > ...
//! echo 'mountpoint a/m'     > ...
//! echo 'rm a/b/f'           > ...   # remove
//! echo 'rmtree a'           > ...   # remove_subtree
//! echo 'slab 3 procfs2_x'   > ...   # a slab cache "procfs2_x" in slot 3 of 8
//!                                   # (slabinfo; names start with "procfs2_")
//! echo 'rmslab 3'           > ...   # kmem_cache_destroy of slot 3
//! ```
//!
//! Paths are relative to the root. A write fails with the errno of the call.

use crate::{
    pde::{self, ProcOps, SeqOps},
    proc_root,
    wrap::debugfs::ControlWrite,
    wrap::seq::SeqFile,
    wrap::slab::TestCaches,
};
use core::sync::atomic::{AtomicU64, Ordering::Relaxed};
use kernel::{
    fmt,
    prelude::*,
    str::{BStr, CStr},
};

/// The commands of the control file.
pub(crate) struct Control;

/// The caches of `slab` and `rmslab`.
static TEST_CACHES: TestCaches = TestCaches::new();

/// Destroys the tests' caches when dropped (at unload, after the control file).
pub(crate) struct SlabCleanup;

impl Drop for SlabCleanup {
    fn drop(&mut self) {
        TEST_CACHES.destroy_all();
    }
}

impl ControlWrite for Control {
    fn write(bytes: &[u8]) -> Result {
        run(bytes.strip_suffix(b"\n").unwrap_or(bytes))
    }
}

fn run(cmd: &[u8]) -> Result {
    let mut words = cmd.split(|&b| b == b' ');
    let verb = words.next().unwrap_or_default();
    let path = words.next().ok_or(EINVAL)?;
    let root = proc_root();
    match verb {
        b"mkdir" => pde::mkdir(root, path).map(drop),
        b"file" => pde::create_single(root, path, 0, test_show).map(drop),
        b"bigfile" => pde::create_single(root, path, 0, big_show).map(drop),
        b"seqfile" => pde::create_seq(root, path, 0, &TEST_SEQ_OPS).map(drop),
        b"knob" => pde::create(root, path, 0o644, &KNOB_OPS).map(drop),
        b"symlink" => pde::symlink(root, path, words.next().ok_or(EINVAL)?).map(drop),
        b"mountpoint" => pde::create_mount_point(root, path).map(drop),
        b"rm" => pde::remove(root, path),
        b"rmtree" => pde::remove_subtree(root, path),
        b"slab" | b"rmslab" => {
            let slot = core::str::from_utf8(path)
                .ok()
                .and_then(|s| s.parse::<usize>().ok())
                .ok_or(EINVAL)?;
            if verb == b"rmslab" {
                return TEST_CACHES.destroy(slot);
            }
            let name = words.next().ok_or(EINVAL)?;
            let mut buf = KVec::with_capacity(name.len() + 1, GFP_KERNEL)?;
            buf.extend_from_slice(name, GFP_KERNEL)?;
            buf.push(0, GFP_KERNEL)?;
            let name = CStr::from_bytes_with_nul(&buf).map_err(|_| EINVAL)?;
            TEST_CACHES.create(slot, name, 64)
        }
        _ => Err(EINVAL),
    }
}

fn test_show(m: &SeqFile, de: &pde::ProcDirEntry) -> Result {
    m.print(fmt!("procfs2 test entry {}\n", BStr::from_bytes(de.name())));
    Ok(())
}

fn big_show(m: &SeqFile, de: &pde::ProcDirEntry) -> Result {
    for i in 0..20000 {
        m.print(fmt!("{:05} {}\n", i, BStr::from_bytes(de.name())));
    }
    Ok(())
}

/// Records of every `seqfile`, set through a `knob`.
static SEQ_RECORDS: AtomicU64 = AtomicU64::new(20000);

static TEST_SEQ_OPS: SeqOps = SeqOps {
    has: |_, pos| pos < SEQ_RECORDS.load(Relaxed),
    show: |m, de, pos| {
        m.print(fmt!("{:05} {}\n", pos, BStr::from_bytes(de.name())));
        Ok(())
    },
};

static KNOB_OPS: ProcOps = ProcOps {
    show: |m, _| {
        m.print(fmt!("{}\n", SEQ_RECORDS.load(Relaxed)));
        Ok(())
    },
    write: |_, bytes| {
        let text = core::str::from_utf8(bytes).map_err(|_| EINVAL)?;
        let n = text.trim().parse::<u64>().map_err(|_| EINVAL)?;
        SEQ_RECORDS.store(n, Relaxed);
        Ok(())
    },
};
