// SPDX-License-Identifier: GPL-2.0
/*
 * Nodes, zones and page frames, for zoneinfo, pagetypeinfo, vmstat and
 * kpagecount (wrap/mmzone.rs, wrap/sys.rs, wrap/page.rs): mmzone.h, vmstat.h,
 * nodemask.h, memory_hotplug.h, pageblock-flags.h.
 */
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
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
 * kpagecount. max_pfn is not exported: wrap/page.rs takes the highest end of the
 * online nodes' spans instead.
 */
unsigned long procfs2_node_end_pfn(int nid)
{
	return node_end_pfn(nid);
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
