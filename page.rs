// SPDX-License-Identifier: GPL-2.0

//! `/proc/kpagecount` (fs/proc/page.c): for each page frame, a u64 of how many user
//! mappings map its page (0 for frames without an online page), up to `max_pfn`
//! rounded up to a memory section. Positions are byte offsets; reads and their
//! sizes must be whole entries (`EINVAL`); the file seeks with `mem_lseek`.

use crate::{
    pde::ProcDirEntry,
    wrap::{page, sync},
};
use kernel::{prelude::*, uaccess::UserSlice};

/// Bytes per entry (`KPMSIZE`).
const KPMSIZE: usize = core::mem::size_of::<u64>();

/// Entries gathered before each copy to user space.
const CHUNK: usize = 64;

/// `kpagecount_read`.
pub(crate) fn kpagecount_read(
    _de: &ProcDirEntry,
    buf: UserSlice,
    count: usize,
    pos: &mut i64,
) -> Result<usize> {
    // `max_dump_pfn * KPMSIZE` in `unsigned long`, as C computes it.
    let max = page::max_dump_pfn().wrapping_mul(KPMSIZE as u64);
    // `unsigned long src = *ppos`: the VFS refuses negative positions before this is
    // called, and one would read as past the end here, as there.
    let src = *pos as u64;
    if src % KPMSIZE as u64 != 0 || count % KPMSIZE != 0 {
        return Err(EINVAL);
    }
    if src >= max {
        return Ok(0);
    }
    let count = count.min((max - src) as usize);
    let mut out = buf.writer();
    let mut pfn = src / KPMSIZE as u64;
    let mut done = 0;
    let mut res = Ok(());
    while done < count && res.is_ok() {
        let n = CHUNK.min((count - done) / KPMSIZE);
        let mut bytes = [0u8; CHUNK * KPMSIZE];
        for (i, e) in bytes.chunks_exact_mut(KPMSIZE).take(n).enumerate() {
            e.copy_from_slice(&page::precise_mapcount(pfn + i as u64).to_ne_bytes());
        }
        let chunk = &bytes[..n * KPMSIZE];
        if out.write_slice(chunk).is_ok() {
            done += chunk.len();
        } else {
            // fs/proc stores entry by entry: the entries before a fault count.
            for e in chunk.chunks_exact(KPMSIZE) {
                res = out.write_slice(e);
                if res.is_err() {
                    break;
                }
                done += KPMSIZE;
            }
        }
        pfn += n as u64;
        sync::cond_resched();
    }
    // `*ppos += out - buf`: bounded by the size of the file.
    *pos = pos.wrapping_add(done as i64);
    res.map(|()| done)
}
