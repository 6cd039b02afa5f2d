// SPDX-License-Identifier: GPL-2.0

//! Registered consoles (`struct console` on the exported `console_list`), walked
//! under the exported `console_list_lock`, each device looked up under
//! `console_lock`, as fs/proc/consoles.c does.

use super::shim::*;
use kernel::{alloc::KVec, ffi::c_int, prelude::*, str::CStr};

/// What `/proc/consoles` shows of one console.
pub(crate) struct ConsoleInfo {
    name: [u8; 16],
    name_len: usize,
    /// `con->index`.
    pub(crate) index: i16,
    /// `con->flags` (`enum cons_flags`).
    pub(crate) flags: i16,
    pub(crate) read: bool,
    pub(crate) write: bool,
    pub(crate) unblank: bool,
    /// The tty device's major and minor, if the console has one.
    pub(crate) dev: Option<(u32, u32)>,
}

impl ConsoleInfo {
    /// `con->name`.
    pub(crate) fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }
}

/// `enum cons_flags` values (checked in shim/console.c).
pub(crate) const CON_PRINTBUFFER: i16 = 1;
pub(crate) const CON_CONSDEV: i16 = 2;
pub(crate) const CON_ENABLED: i16 = 4;
pub(crate) const CON_BOOT: i16 = 8;
pub(crate) const CON_ANYTIME: i16 = 16;
pub(crate) const CON_BRL: i16 = 32;
pub(crate) const CON_NBCON: i16 = 256;

/// Holds `console_list_lock`.
struct ListLock;

impl ListLock {
    fn lock() -> Self {
        // SAFETY: A sleeping lock taken in process context, released in `drop`.
        unsafe { console_list_lock() };
        Self
    }
}

impl Drop for ListLock {
    fn drop(&mut self) {
        // SAFETY: Taken in `lock`.
        unsafe { console_list_unlock() };
    }
}

/// The registered consoles in list order (`for_each_console`), copied out under
/// `console_list_lock`.
pub(crate) fn consoles() -> Result<KVec<ConsoleInfo>> {
    let mut out = KVec::new();
    let _list = ListLock::lock();
    // SAFETY: `console_list_lock` is held, so the list and its consoles stay.
    let mut con = unsafe { procfs2_console_first() };
    while !con.is_null() {
        // SAFETY: `con` is on the list, which cannot change while the lock is held;
        // `name` is a NUL-terminated array of 16.
        let info = unsafe {
            let name = CStr::from_char_ptr(procfs2_console_name(con)).as_bytes();
            let mut buf = [0u8; 16];
            let name_len = name.len().min(buf.len());
            buf[..name_len].copy_from_slice(&name[..name_len]);
            let dev = if procfs2_console_has_device(con) {
                let mut index: c_int = 0;
                // fs/proc serialises the `device` callback with console_lock.
                console_lock();
                let driver = procfs2_console_device(con, &mut index);
                console_unlock();
                (!driver.is_null()).then(|| {
                    let devt = procfs2_tty_driver_devt(driver, index);
                    (devt >> 20, devt & ((1 << 20) - 1))
                })
            } else {
                None
            };
            ConsoleInfo {
                name: buf,
                name_len,
                index: procfs2_console_index(con),
                flags: procfs2_console_flags(con),
                read: procfs2_console_has_read(con),
                write: procfs2_console_has_write(con),
                unblank: procfs2_console_has_unblank(con),
                dev,
            }
        };
        out.push(info, GFP_KERNEL)?;
        // SAFETY: As above.
        con = unsafe { procfs2_console_next(con) };
    }
    Ok(out)
}
