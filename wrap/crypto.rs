// SPDX-License-Identifier: GPL-2.0

//! Registered crypto algorithms (`struct crypto_alg` on the exported
//! `crypto_alg_list`), walked under the exported `crypto_alg_sem` for reading, as
//! crypto/proc.c does.

use super::seq::SeqFile;
use super::shim::*;
use kernel::{prelude::*, str::CStr};

/// One algorithm, valid while [`for_each_alg`] runs its callback.
pub(crate) struct CryptoAlg(*mut crypto_alg);

/// `CRYPTO_ALG_*` flag bits and type values (checked in shim/crypto.c).
pub(crate) const CRYPTO_ALG_TYPE_MASK: u32 = 0xf;
pub(crate) const CRYPTO_ALG_TYPE_CIPHER: u32 = 0x1;
pub(crate) const CRYPTO_ALG_TYPE_COMPRESS: u32 = 0x2;
pub(crate) const CRYPTO_ALG_LARVAL: u32 = 0x10;
pub(crate) const CRYPTO_ALG_TESTED: u32 = 0x400;
pub(crate) const CRYPTO_ALG_INTERNAL: u32 = 0x2000;
pub(crate) const CRYPTO_ALG_FIPS_INTERNAL: u32 = 0x20000;

/// Holds `crypto_alg_sem` for reading.
struct AlgSem;

impl AlgSem {
    fn read() -> Self {
        // SAFETY: A sleeping lock taken in process context, released in `drop`.
        unsafe { procfs2_crypto_alg_sem_read() };
        Self
    }
}

impl Drop for AlgSem {
    fn drop(&mut self) {
        // SAFETY: Taken in `read`.
        unsafe { procfs2_crypto_alg_sem_read_unlock() };
    }
}

/// Runs `f` on each algorithm in list order, under `crypto_alg_sem`.
pub(crate) fn for_each_alg(mut f: impl FnMut(&CryptoAlg) -> Result) -> Result {
    let _sem = AlgSem::read();
    // SAFETY: The list cannot change while `crypto_alg_sem` is held.
    let mut alg = unsafe { procfs2_crypto_alg_first() };
    while !alg.is_null() {
        f(&CryptoAlg(alg))?;
        // SAFETY: As above; `alg` is on the list.
        alg = unsafe {
            if procfs2_crypto_alg_is_last(alg) {
                core::ptr::null_mut()
            } else {
                procfs2_crypto_alg_next(alg)
            }
        };
    }
    Ok(())
}

/// `fips_enabled` (0 without `CONFIG_CRYPTO_FIPS`).
pub(crate) fn fips_enabled() -> bool {
    // SAFETY: Set on the command line, read only after.
    unsafe { procfs2_fips_enabled() }
}

impl CryptoAlg {
    fn str(p: *const kernel::ffi::c_char) -> &'static CStr {
        // SAFETY: The callers pass NUL-terminated arrays of the algorithm or the
        // module name, which live while the algorithm is registered.
        unsafe { CStr::from_char_ptr(p) }
    }
    /// `cra_name`.
    pub(crate) fn name(&self) -> &CStr {
        // SAFETY: `self.0` is a registered algorithm (see [`for_each_alg`]).
        Self::str(unsafe { procfs2_crypto_alg_name(self.0) })
    }
    /// `cra_driver_name`.
    pub(crate) fn driver(&self) -> &CStr {
        // SAFETY: As above.
        Self::str(unsafe { procfs2_crypto_alg_driver(self.0) })
    }
    /// `module_name(cra_module)`: "kernel" for built-in algorithms.
    pub(crate) fn module(&self) -> &CStr {
        // SAFETY: As above; the module outlives its registered algorithms.
        Self::str(unsafe { procfs2_crypto_alg_module(self.0) })
    }
    pub(crate) fn priority(&self) -> i32 {
        // SAFETY: As above.
        unsafe { procfs2_crypto_alg_priority(self.0) }
    }
    /// `refcount_read(&cra_refcnt)`.
    pub(crate) fn refcnt(&self) -> u32 {
        // SAFETY: As above.
        unsafe { procfs2_crypto_alg_refcnt(self.0) }
    }
    pub(crate) fn flags(&self) -> u32 {
        // SAFETY: As above.
        unsafe { procfs2_crypto_alg_flags(self.0) }
    }
    pub(crate) fn blocksize(&self) -> u32 {
        // SAFETY: As above.
        unsafe { procfs2_crypto_alg_blocksize(self.0) }
    }
    /// `cra_cipher.cia_min_keysize` and `cia_max_keysize`.
    pub(crate) fn cipher_keysizes(&self) -> (u32, u32) {
        // SAFETY: As above.
        unsafe {
            (
                procfs2_crypto_alg_cipher_min_keysize(self.0),
                procfs2_crypto_alg_cipher_max_keysize(self.0),
            )
        }
    }
    /// Writes the algorithm type's own lines (`cra_type->show`) to `m`, if the
    /// type has a show function; `false` if not.
    pub(crate) fn type_show(&self, m: &SeqFile) -> bool {
        // SAFETY: As above; the type is static data of the algorithm's module.
        let ty = unsafe { procfs2_crypto_alg_type(self.0) };
        // SAFETY: `ty` is a valid `crypto_type` when not NULL.
        if ty.is_null() || !unsafe { procfs2_crypto_type_has_show(ty) } {
            return false;
        }
        // SAFETY: `m` is the seq_file being shown; the type's show only writes to it.
        unsafe { procfs2_crypto_type_show(ty, m.as_ptr().cast(), self.0) };
        true
    }
}
