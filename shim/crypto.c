// SPDX-License-Identifier: GPL-2.0
/*
 * Crypto algorithms (wrap/crypto.rs): the fields of struct crypto_alg (crypto.h).
 * The list, its lock and struct crypto_type are crypto/internal.h's: private.c.
 */
#include <linux/crypto.h>
#include <linux/fips.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/refcount.h>

#include "shim.h"

static_assert(CRYPTO_ALG_TYPE_MASK == 0xf && CRYPTO_ALG_TYPE_CIPHER == 0x1 &&
	      CRYPTO_ALG_TYPE_COMPRESS == 0x2 && CRYPTO_ALG_LARVAL == 0x10 &&
	      CRYPTO_ALG_TESTED == 0x400 && CRYPTO_ALG_INTERNAL == 0x2000 &&
	      CRYPTO_ALG_FIPS_INTERNAL == 0x20000);

bool procfs2_fips_enabled(void)
{
	return fips_enabled;
}

struct crypto_alg *procfs2_crypto_alg_next(struct crypto_alg *alg)
{
	return list_next_entry(alg, cra_list);
}

const char *procfs2_crypto_alg_name(struct crypto_alg *alg)
{
	return alg->cra_name;
}

const char *procfs2_crypto_alg_driver(struct crypto_alg *alg)
{
	return alg->cra_driver_name;
}

const char *procfs2_crypto_alg_module(struct crypto_alg *alg)
{
	return module_name(alg->cra_module);
}

int procfs2_crypto_alg_priority(struct crypto_alg *alg)
{
	return alg->cra_priority;
}

unsigned int procfs2_crypto_alg_refcnt(struct crypto_alg *alg)
{
	return refcount_read(&alg->cra_refcnt);
}

u32 procfs2_crypto_alg_flags(struct crypto_alg *alg)
{
	return alg->cra_flags;
}

unsigned int procfs2_crypto_alg_blocksize(struct crypto_alg *alg)
{
	return alg->cra_blocksize;
}

unsigned int procfs2_crypto_alg_cipher_min_keysize(struct crypto_alg *alg)
{
	return alg->cra_cipher.cia_min_keysize;
}

unsigned int procfs2_crypto_alg_cipher_max_keysize(struct crypto_alg *alg)
{
	return alg->cra_cipher.cia_max_keysize;
}

const struct crypto_type *procfs2_crypto_alg_type(struct crypto_alg *alg)
{
	return alg->cra_type;
}
