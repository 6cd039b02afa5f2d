// SPDX-License-Identifier: GPL-2.0
/*
 * Nodes, zones and page frames, for zoneinfo, pagetypeinfo, vmstat and
 * kpagecount, kpageflags and kpagecgroup (wrap/mmzone.rs, wrap/sys.rs, wrap/page.rs):
 * mmzone.h, vmstat.h, nodemask.h, memory_hotplug.h, pageblock-flags.h, page-flags.h,
 * memcontrol.h.
 */
#include <linux/kernel-page-flags.h>
#include <linux/memcontrol.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/page_idle.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/pageblock-flags.h>
#include <linux/vmstat.h>

#include "shim.h"

unsigned int procfs2_nr_node_ids(void)
{
	return nr_node_ids;
}

bool procfs2_node_online(int nid)
{
	return node_online(nid);
}

bool procfs2_node_has_memory(int nid)
{
	return node_state(nid, N_MEMORY);
}

struct zone *procfs2_node_zone(int nid, unsigned int z)
{
	return &NODE_DATA(nid)->node_zones[z];
}

/*
 * kpagecount's end. max_pfn is not exported; x86 sets the exported high_memory from
 * it (setup_arch, and update_end_of_memory_vars on hot-add: __va(max_pfn *
 * PAGE_SIZE - 1) + 1), so that this gives max_pfn back.
 */
unsigned long procfs2_max_pfn(void)
{
	return (__pa(READ_ONCE(high_memory) - 1) >> PAGE_SHIFT) + 1;
}

#ifdef CONFIG_NUMA
const atomic_long_t *procfs2_zone_numa_event_array(struct zone *zone)
{
	return zone->vm_numa_event;
}

const unsigned long *procfs2_zone_numa_event_cpu_array(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_zonestats, cpu)->vm_numa_event;
}
#endif

unsigned long procfs2_zone_lock_irqsave(struct zone *zone)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	return flags;
}

void procfs2_zone_unlock_irqrestore(struct zone *zone, unsigned long flags)
{
	spin_unlock_irqrestore(&zone->lock, flags);
}

unsigned long procfs2_zone_state(struct zone *zone, unsigned int item)
{
	return zone_page_state(zone, item);
}

/* zoneinfo: min, low, high and promo in enum zone_watermarks order. */
static_assert(WMARK_MIN == 0 && WMARK_LOW == 1 && WMARK_HIGH == 2 && WMARK_PROMO == 3);

unsigned long procfs2_zone_wmark(struct zone *zone, unsigned int w)
{
	return wmark_pages(zone, w);
}

unsigned long procfs2_zone_managed(struct zone *zone)
{
	return zone_managed_pages(zone);
}

unsigned long procfs2_zone_cma(struct zone *zone)
{
	return zone_cma_pages(zone);
}

struct per_cpu_pages *procfs2_zone_pcp(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_pageset, cpu);
}

int procfs2_zone_stat_threshold(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_zonestats, cpu)->stat_threshold;
}

/* node_page_state_pages() is not exported; Rust clamps at 0 as it does on SMP. */
long procfs2_pgdat_state_pages(int nid, unsigned int item)
{
	return atomic_long_read(&NODE_DATA(nid)->vm_stat[item]);
}

unsigned int procfs2_pageblock_order(void)
{
	return pageblock_order;
}

unsigned long procfs2_pages_per_section(void)
{
	return PAGES_PER_SECTION;
}

/* An inline without memory hotplug, an export (GPL) with it. */
struct page *procfs2_pfn_to_online_page(unsigned long pfn)
{
	return pfn_to_online_page(pfn);
}

/*
 * kpageflags (fs/proc/page.c's stable_page_flags) and kpagecgroup (page_cgroup_ino),
 * read without locks as there. wrap/page.rs numbers the KPF_ bits of
 * uapi/linux/kernel-page-flags.h and linux/kernel-page-flags.h itself; they are
 * checked here.
 */
static_assert(KPF_LOCKED == 0 && KPF_ERROR == 1 && KPF_REFERENCED == 2 &&
	      KPF_UPTODATE == 3 && KPF_DIRTY == 4 && KPF_LRU == 5 && KPF_ACTIVE == 6 &&
	      KPF_SLAB == 7 && KPF_WRITEBACK == 8 && KPF_RECLAIM == 9 && KPF_BUDDY == 10);
static_assert(KPF_MMAP == 11 && KPF_ANON == 12 && KPF_SWAPCACHE == 13 &&
	      KPF_SWAPBACKED == 14 && KPF_COMPOUND_HEAD == 15 && KPF_COMPOUND_TAIL == 16 &&
	      KPF_HUGE == 17 && KPF_UNEVICTABLE == 18 && KPF_HWPOISON == 19 &&
	      KPF_NOPAGE == 20 && KPF_KSM == 21 && KPF_THP == 22 && KPF_OFFLINE == 23 &&
	      KPF_ZERO_PAGE == 24 && KPF_IDLE == 25 && KPF_PGTABLE == 26);
static_assert(KPF_RESERVED == 32 && KPF_MLOCKED == 33 && KPF_OWNER_2 == 34 &&
	      KPF_PRIVATE == 35 && KPF_PRIVATE_2 == 36 && KPF_OWNER_PRIVATE == 37 &&
	      KPF_ARCH == 38 && KPF_SOFTDIRTY == 40 &&
	      KPF_ARCH_2 == 41 && KPF_ARCH_3 == 42);

struct folio *procfs2_page_folio(struct page *page)
{
	return page_folio(page);
}

unsigned long procfs2_folio_flags(struct folio *folio)
{
	return READ_ONCE(folio->flags);
}

unsigned long procfs2_page_flags(struct page *page)
{
	return READ_ONCE(page->flags);
}

unsigned long procfs2_folio_mapping_bits(struct folio *folio)
{
	return (unsigned long)READ_ONCE(folio->mapping);
}

struct page *procfs2_folio_page(struct folio *folio)
{
	return &folio->page;
}

bool procfs2_page_mapped(struct page *page)
{
	return page_mapped(page);
}

bool procfs2_folio_test_hugetlb(struct folio *folio)
{
	return folio_test_hugetlb(folio);
}

bool procfs2_folio_test_large(struct folio *folio)
{
	return folio_test_large(folio);
}

bool procfs2_folio_test_large_rmappable(struct folio *folio)
{
	return folio_test_large_rmappable(folio);
}

bool procfs2_is_zero_folio(struct folio *folio)
{
	return is_zero_folio(folio);
}

bool procfs2_page_buddy(struct page *page)
{
	return PageBuddy(page);
}

int procfs2_page_count(struct page *page)
{
	return page_count(page);
}

bool procfs2_page_offline(struct page *page)
{
	return PageOffline(page);
}

bool procfs2_page_table(struct page *page)
{
	return PageTable(page);
}

bool procfs2_folio_test_slab(struct folio *folio)
{
	return folio_test_slab(folio);
}

/* PG_idle's bit where the page has one (64-bit), else the page extension's. */
bool procfs2_folio_test_idle(struct folio *folio)
{
	return folio_test_idle(folio);
}

/* page_cgroup_ino's steps; the caller holds the RCU read lock. */
struct mem_cgroup *procfs2_folio_memcg_check(struct folio *folio)
{
	return folio_memcg_check(folio);
}

bool procfs2_memcg_online(struct mem_cgroup *memcg)
{
	return READ_ONCE(memcg->css.flags) & CSS_ONLINE;
}

struct mem_cgroup *procfs2_parent_mem_cgroup(struct mem_cgroup *memcg)
{
	return parent_mem_cgroup(memcg);
}

u64 procfs2_memcg_cgroup_ino(struct mem_cgroup *memcg)
{
	return cgroup_ino(memcg->css.cgroup);
}

struct zone *procfs2_page_zone(struct page *page)
{
	return page_zone(page);
}

static_assert(IS_ENABLED(CONFIG_SPARSEMEM));

unsigned long procfs2_pfn_migratetype(unsigned long pfn)
{
	return READ_ONCE(section_to_usemap(__pfn_to_section(pfn))
			 [((pfn & (PAGES_PER_SECTION - 1)) >> pageblock_order) *
			  NR_PAGEBLOCK_BITS / BITS_PER_LONG]) >>
	       (((pfn & (PAGES_PER_SECTION - 1)) >> pageblock_order) * NR_PAGEBLOCK_BITS %
		BITS_PER_LONG) & MIGRATETYPE_MASK;
}
