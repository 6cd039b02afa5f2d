// SPDX-License-Identifier: GPL-2.0

//! seq_file glue (fs/seq_file.c as fs/proc uses it): a safe `SeqFile` that show
//! callbacks write formatted output to, and the number formatting they share. The
//! callbacks themselves are reached through the operations layer (`wrap::ops`:
//! `single_open`, `seq_open`).

use core::fmt;
use kernel::{bindings, types::Opaque};

/// A seq_file being filled by a show callback.
///
/// # Invariants
///
/// The object is a valid `struct seq_file` for the duration of the show callback, and
/// only that callback writes to it.
#[repr(transparent)]
pub(crate) struct SeqFile(Opaque<bindings::seq_file>);

impl SeqFile {
    /// # Safety
    ///
    /// `ptr` must be the valid seq_file handed to a show callback, used only during it.
    pub(crate) unsafe fn from_raw<'a>(ptr: *mut bindings::seq_file) -> &'a Self {
        // SAFETY: Transparent over the C struct; validity per the caller.
        unsafe { &*ptr.cast() }
    }

    /// The C seq_file.
    pub(crate) fn as_ptr(&self) -> *mut bindings::seq_file {
        self.0.get()
    }

    /// The credentials of whoever opened the file (`m->file->f_cred`), which the
    /// open file keeps.
    pub(crate) fn opener_cred(&self) -> &super::cred::Credential {
        // SAFETY: The seq_file belongs to an open file, whose credentials live as
        // long as it, longer than this borrow.
        unsafe { super::cred::Credential::from_raw((*(*self.as_ptr()).file).f_cred) }
    }

    /// The user namespace of whoever opened the file (`seq_user_ns`).
    pub(crate) fn opener_user_ns(&self) -> &super::cred::UserNamespace {
        self.opener_cred().user_ns()
    }

    /// Whether whoever opened the file had CAP_SYS_ADMIN over the initial user
    /// namespace (`file_ns_capable(m->file, &init_user_ns, CAP_SYS_ADMIN)`).
    pub(crate) fn opener_is_admin(&self) -> bool {
        // SAFETY: The seq_file belongs to an open file; `init_user_ns` is static.
        unsafe {
            bindings::file_ns_capable(
                (*self.as_ptr()).file,
                &raw mut bindings::init_user_ns,
                bindings::CAP_SYS_ADMIN as kernel::ffi::c_int,
            )
        }
    }

    /// Appends `bytes` (`seq_write`, done here: a show writes hundreds of small pieces,
    /// and a call into C for each one costs more than the copy). On overflow the
    /// seq_file marks itself full and the core calls the show callback again with a
    /// bigger buffer, so there is no result to check.
    #[inline]
    pub(crate) fn write(&self, bytes: &[u8]) {
        let m = self.0.get();
        // SAFETY: The seq_file is valid and only this show callback writes to it (type
        // invariant); its `buf` holds `size` bytes, of which the first `count` are used.
        unsafe {
            let count = (*m).count;
            // `count + len < size`, without a sum that could overflow (`count` is at
            // most `size`).
            if bytes.len() < (*m).size.saturating_sub(count) {
                core::ptr::copy_nonoverlapping(
                    bytes.as_ptr(),
                    (*m).buf.add(count).cast(),
                    bytes.len(),
                );
                (*m).count = count + bytes.len();
            } else {
                // seq_set_overflow()
                (*m).count = (*m).size;
            }
        }
    }

    /// Appends `n` in decimal (`seq_put_decimal_ull`).
    pub(crate) fn put_u64(&self, n: u64) {
        self.put_u64_width(n, 0);
    }

    /// Appends `n` in decimal, right-aligned in `width` columns with spaces.
    #[inline]
    pub(crate) fn put_u64_width(&self, n: u64, width: usize) {
        // The digits go to the end of a row of spaces: one write with its padding.
        let mut buf = [b' '; 20];
        let start = buf.len() - decimal(&mut buf, n).len();
        self.write(&buf[start.min(buf.len().saturating_sub(width))..]);
    }

    /// Appends `n` in lower-case hexadecimal, zero-padded to `width` digits.
    pub(crate) fn put_hex_width(&self, mut n: u64, width: usize) {
        let mut buf = [b'0'; 16];
        let mut i = buf.len();
        while n != 0 {
            i -= 1;
            buf[i] = b"0123456789abcdef"[(n & 15) as usize];
            n >>= 4;
        }
        let start = i.min(buf.len().saturating_sub(width.max(1)));
        self.write(&buf[start..]);
    }

    /// `seq_setwidth`: [`SeqFile::pad`] pads up to `width` bytes from here.
    pub(crate) fn set_width(&self, width: usize) {
        let m = self.0.get();
        // SAFETY: The seq_file is valid and only this show callback writes to it.
        unsafe { (*m).pad_until = (*m).count + width };
    }

    /// `seq_pad(m, c)`: spaces up to the width [`SeqFile::set_width`] set, then `c`.
    pub(crate) fn pad(&self, c: u8) {
        const SPACES: [u8; 32] = [b' '; 32];
        let m = self.0.get();
        // SAFETY: As in `set_width`.
        let mut size = unsafe { (*m).pad_until.saturating_sub((*m).count) };
        while size > 0 {
            let n = size.min(SPACES.len());
            self.write(&SPACES[..n]);
            size -= n;
        }
        self.write(&[c]);
    }

    /// Appends formatted text, as `seq_printf` does.
    pub(crate) fn print(&self, args: fmt::Arguments<'_>) {
        let _ = fmt::write(&mut Writer(self), args);
    }
}

/// The decimal digits of `n`, written at the end of `buf` (for seq files and for
/// the numeric names readdir emits).
#[inline]
pub(crate) fn decimal(buf: &mut [u8; 20], mut n: u64) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

struct Writer<'a>(&'a SeqFile);

impl fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
