// SPDX-License-Identifier: GPL-2.0
/*
 * Slab caches for /proc/slabinfo (wrap/slab.rs). slab_caches and slab_mutex are
 * not exported; every cache on that list since slab_late_init() is also a kobject
 * of slab_kset (static in mm/slub.c), the kset of the exported kmalloc caches'
 * kobjects. struct kmem_cache is in mm/slab.h, this tree's private header; struct
 * kmem_cache_node, the order/objects packing and MAX_PARTIAL_TO_SCAN are cut out
 * of mm/slub.c at build time (Kbuild). get_slabinfo() and
 * count_partial_free_approx() are rebuilt in wrap/slab.rs from the fields here.
 */
#include <linux/kobject.h>
#include <linux/nodemask.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "slab.h"
#include "slub_structs.h"
#include "shim.h"

/* What wrap/slab.rs reads is what get_slabinfo() reads in this configuration. */
static_assert(IS_ENABLED(CONFIG_SLUB_DEBUG) && IS_ENABLED(CONFIG_SYSFS) &&
	      !IS_ENABLED(CONFIG_SLUB_TINY),
	      "procfs2's slabinfo needs SLUB_DEBUG and SYSFS (slab kobjects, node counts)");
static_assert(PROCFS2_MAX_PARTIAL_TO_SCAN == MAX_PARTIAL_TO_SCAN);

/* slab_kset, the kset of the largest normal kmalloc cache (created at boot). */
struct kset *procfs2_slab_kset(void)
{
	return kmalloc_caches[KMALLOC_NORMAL][KMALLOC_SHIFT_HIGH]->kobj.kset;
}

/*
 * The cache every struct kmem_cache is allocated from (kmem_cache, not exported),
 * as the slab of a kmalloc cache's struct names it.
 */
const struct kmem_cache *procfs2_kmem_cache_cache(void)
{
	return virt_to_slab(kmalloc_caches[KMALLOC_NORMAL][KMALLOC_SHIFT_HIGH])->slab_cache;
}

/* Every kobject of slab_kset is a cache's (sysfs_slab_add). */
struct kmem_cache *procfs2_kobj_kmem_cache(struct kobject *kobj)
{
	return container_of(kobj, struct kmem_cache, kobj);
}

struct kobject *procfs2_kmem_cache_kobj(struct kmem_cache *s)
{
	return &s->kobj;
}

const char *procfs2_kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/*
 * Whether create_cache() made the cache in full (refcount 1; -1 for kmem_cache
 * and kmem_cache_node) and kmem_cache_destroy() has not dropped it to 0.
 */
bool procfs2_kmem_cache_live(const struct kmem_cache *s)
{
	return READ_ONCE(s->refcount) != 0;
}

unsigned int procfs2_kmem_cache_size(const struct kmem_cache *s)
{
	return s->size;
}

/* oo_objects() and oo_order() of mm/slub.c. */
unsigned int procfs2_kmem_cache_oo_objects(const struct kmem_cache *s)
{
	return s->oo.x & OO_MASK;
}

unsigned int procfs2_kmem_cache_oo_order(const struct kmem_cache *s)
{
	return s->oo.x >> OO_SHIFT;
}

/* get_node(): NULL for a node the cache has no structure for. */
struct kmem_cache_node *procfs2_kmem_cache_get_node(const struct kmem_cache *s, unsigned int node)
{
	return s->node[node];
}

unsigned long procfs2_kmem_cache_node_lock(struct kmem_cache_node *n)
{
	unsigned long flags;

	spin_lock_irqsave(&n->list_lock, flags);
	return flags;
}

void procfs2_kmem_cache_node_unlock(struct kmem_cache_node *n, unsigned long flags)
{
	spin_unlock_irqrestore(&n->list_lock, flags);
}

/* node_nr_slabs() and node_nr_objs() of mm/slub.c (CONFIG_SLUB_DEBUG). */
unsigned long procfs2_node_nr_slabs(struct kmem_cache_node *n)
{
	return atomic_long_read(&n->nr_slabs);
}

unsigned long procfs2_node_nr_objs(struct kmem_cache_node *n)
{
	return atomic_long_read(&n->total_objects);
}

unsigned long procfs2_node_nr_partial(struct kmem_cache_node *n)
{
	return n->nr_partial;
}

struct list_head *procfs2_node_partial(struct kmem_cache_node *n)
{
	return &n->partial;
}

/* A partial slab's free objects, as count_partial_free_approx() adds them (int). */
int procfs2_partial_slab_free(struct list_head *slab_list)
{
	struct slab *slab = list_entry(slab_list, struct slab, slab_list);

	return slab->objects - slab->inuse;
}

/* A cache of its own for the tests (selftest.rs): never merged, so listed. */
struct kmem_cache *procfs2_test_kmem_cache_create(const char *name, unsigned int size)
{
	return kmem_cache_create(name, size, 0, SLAB_NO_MERGE, NULL);
}
