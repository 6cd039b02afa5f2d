// SPDX-License-Identifier: GPL-2.0
/*
 * Huge page pools (wrap/hugetlb.rs), as mm/hugetlb.c's hugetlb_report_meminfo
 * reads them: struct hstate and struct hugetlbfs_sb_info of hugetlb.h.
 */
#include <linux/hugetlb.h>

#include "shim.h"

#ifdef CONFIG_HUGETLBFS
static_assert(HUGE_MAX_HSTATE <= 8);

bool procfs2_hugepages_supported(void)
{
	return hugepages_supported();
}

struct hstate *procfs2_hugetlbfs_sb_hstate(struct super_block *sb)
{
	return HUGETLBFS_SB(sb)->hstate;
}

unsigned long procfs2_hstate_size(struct hstate *h)
{
	return huge_page_size(h);
}

unsigned long procfs2_hstate_nr_huge_pages(struct hstate *h)
{
	return h->nr_huge_pages;
}

unsigned long procfs2_hstate_free_huge_pages(struct hstate *h)
{
	return h->free_huge_pages;
}

unsigned long procfs2_hstate_resv_huge_pages(struct hstate *h)
{
	return h->resv_huge_pages;
}

unsigned long procfs2_hstate_surplus_huge_pages(struct hstate *h)
{
	return h->surplus_huge_pages;
}
#endif
