// SPDX-License-Identifier: GPL-2.0

//! `/proc/crypto` (crypto/proc.c): a block per registered algorithm, in list
//! order, all written under `crypto_alg_sem` (one show; the type-specific lines
//! come from the algorithm type's own `show`).

use crate::{
    pde::ProcDirEntry,
    wrap::crypto::{self, *},
    wrap::seq::SeqFile,
};
use kernel::{fmt, prelude::*};

/// `c_show` for every algorithm.
pub(crate) fn crypto_show(m: &SeqFile, _de: &ProcDirEntry) -> Result {
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    crypto::for_each_alg(|alg| {
        let flags = alg.flags();
        m.print(fmt!(
            "name         : {}\ndriver       : {}\nmodule       : {}\npriority     : {}\n\
             refcnt       : {}\nselftest     : {}\ninternal     : {}\n",
            alg.name(),
            alg.driver(),
            alg.module(),
            alg.priority(),
            alg.refcnt(),
            if flags & CRYPTO_ALG_TESTED != 0 {
                "passed"
            } else {
                "unknown"
            },
            yes_no(flags & CRYPTO_ALG_INTERNAL != 0)
        ));
        if crypto::fips_enabled() {
            m.print(fmt!(
                "fips         : {}\n",
                yes_no(flags & CRYPTO_ALG_FIPS_INTERNAL == 0)
            ));
        }
        if flags & CRYPTO_ALG_LARVAL != 0 {
            m.print(fmt!("type         : larval\nflags        : {:#x}\n", flags));
        } else if !alg.type_show(m) {
            match flags & CRYPTO_ALG_TYPE_MASK {
                CRYPTO_ALG_TYPE_CIPHER => {
                    let (min, max) = alg.cipher_keysizes();
                    m.print(fmt!(
                        "type         : cipher\nblocksize    : {}\nmin keysize  : {}\n\
                         max keysize  : {}\n",
                        alg.blocksize(),
                        min,
                        max
                    ));
                }
                CRYPTO_ALG_TYPE_COMPRESS => m.write(b"type         : compression\n"),
                _ => m.write(b"type         : unknown\n"),
            }
        }
        m.write(b"\n");
        Ok(())
    })
}
