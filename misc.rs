// SPDX-License-Identifier: GPL-2.0

//! `misc` (drivers/char/misc.c `misc_seq_show`): a line per miscellaneous character
//! device, its minor number and name, the latest registered first (`misc_register`
//! adds to the front of `misc_list`).

use crate::{
    pde::ProcDirEntry,
    wrap::{device, seq::SeqFile},
};
use kernel::{fmt, prelude::*};

/// `misc_seq_show` over `misc_list`: the devices collected in the class's order,
/// printed backwards.
pub(crate) fn misc_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let mut names: KVec<u8> = KVec::new();
    let mut lines: KVec<(u32, usize, usize)> = KVec::new();
    device::for_each_misc_device(|minor, name| {
        let start = names.len();
        // The device's name is `misc->name` as the driver core stores it: a `/` of it
        // (xen/evtchn, ...) turned into `!` (no misc name has a `!`), and a NULL
        // name printed "(null)", which /proc shows empty.
        if name.as_bytes() != b"(null)" {
            for &b in name.as_bytes() {
                names.push(if b == b'!' { b'/' } else { b }, GFP_KERNEL)?;
            }
        }
        lines.push((minor, start, names.len()), GFP_KERNEL)?;
        Ok(())
    })?;
    for &(minor, start, end) in lines.iter().rev() {
        m.print(fmt!("{:3} ", minor as i32));
        m.write(&names[start..end]);
        m.write(b"\n");
    }
    Ok(())
}
