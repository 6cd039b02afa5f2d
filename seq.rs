// SPDX-License-Identifier: GPL-2.0

//! seq_file glue (fs/seq_file.c users in fs/proc): a safe `SeqFile` that formatted
//! output can be written to.

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

    /// Appends `bytes`. On overflow the seq_file marks itself full and the core calls
    /// the show callback again with a bigger buffer, so the result can be ignored.
    pub(crate) fn write(&self, bytes: &[u8]) {
        // SAFETY: The seq_file is valid (type invariant) and `bytes` is valid for its
        // length.
        unsafe { bindings::seq_write(self.0.get(), bytes.as_ptr().cast(), bytes.len()) };
    }

    /// Appends formatted text, as `seq_printf` does.
    pub(crate) fn print(&self, args: fmt::Arguments<'_>) {
        let _ = fmt::write(&mut Writer(self), args);
    }
}

struct Writer<'a>(&'a SeqFile);

impl fmt::Write for Writer<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}
