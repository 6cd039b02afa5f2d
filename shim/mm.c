// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces, their mappings and the memory totals (wrap/task.rs, wrap/mm.rs,
 * wrap/sys.rs): mm.h, mm_types.h, sched/mm.h, mmap_lock.h, swap.h, vmalloc.h.
 */
#include <linux/highmem.h>
#include <linux/huge_mm.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mmu_context.h>
#include <linux/sched/coredump.h>
#include <linux/sched/mm.h>
#include <linux/swap.h>
#include <linux/vmalloc.h>

#include "shim.h"

/* A static inline. */
unsigned long procfs2_swapcache_pages(void)
{
	return total_swapcache_pages();
}

/* si_swapinfo() and total_swap_pages are not exported; nr_swap_pages is. */
long procfs2_nr_swap_pages(void)
{
	return get_nr_swap_pages();
}

unsigned long procfs2_vmalloc_total(void)
{
	return VMALLOC_TOTAL;
}

unsigned long procfs2_totalram_pages(void)
{
	return totalram_pages();
}

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
unsigned int procfs2_hpage_pmd_nr(void)
{
	return HPAGE_PMD_NR;
}
#endif

unsigned long procfs2_mm_rss(struct mm_struct *mm)
{
	return get_mm_rss(mm);
}

unsigned long procfs2_mm_counter(struct mm_struct *mm, int member)
{
	return get_mm_counter(mm, member);
}

unsigned long procfs2_mm_counter_sum(struct mm_struct *mm, int member)
{
	return get_mm_counter_sum(mm, member);
}

s64 procfs2_mm_pinned_vm(struct mm_struct *mm)
{
	return atomic64_read(&mm->pinned_vm);
}

unsigned long procfs2_mm_pgtables_bytes(struct mm_struct *mm)
{
	return mm_pgtables_bytes(mm);
}

bool procfs2_mm_thp_enabled(struct mm_struct *mm)
{
	return IS_ENABLED(CONFIG_TRANSPARENT_HUGEPAGE) && !test_bit(MMF_DISABLE_THP, &mm->flags);
}

#ifdef CONFIG_HUGETLB_PAGE
unsigned long procfs2_mm_hugetlb_usage(struct mm_struct *mm)
{
	return atomic_long_read(&mm->hugetlb_usage);
}
#endif

unsigned long procfs2_mm_untag_mask(struct mm_struct *mm)
{
	return mm_untag_mask(mm);
}

void procfs2_mmgrab(struct mm_struct *mm)
{
	mmgrab(mm);
}

void procfs2_mmdrop(struct mm_struct *mm)
{
	mmdrop(mm);
}

bool procfs2_mmget_not_zero(struct mm_struct *mm)
{
	return mmget_not_zero(mm);
}

int procfs2_mmap_read_lock_killable(struct mm_struct *mm)
{
	return mmap_read_lock_killable(mm);
}

void procfs2_mmap_read_unlock(struct mm_struct *mm)
{
	mmap_read_unlock(mm);
}

void procfs2_vma_iter_init(struct vma_iterator *vmi, struct mm_struct *mm, unsigned long addr)
{
	vma_iter_init(vmi, mm, addr);
}

struct vm_area_struct *procfs2_vma_next(struct vma_iterator *vmi)
{
	return vma_next(vmi);
}

struct vm_area_struct *procfs2_vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	return vma_lookup(mm, addr);
}

bool procfs2_vma_is_initial_heap(const struct vm_area_struct *vma)
{
	return vma_is_initial_heap(vma);
}

bool procfs2_vma_is_initial_stack(const struct vm_area_struct *vma)
{
	return vma_is_initial_stack(vma);
}

#ifdef CONFIG_ANON_VMA_NAME
struct anon_vma_name *procfs2_vma_anon_name(struct vm_area_struct *vma)
{
	return vma->anon_name;
}
#endif

struct page *procfs2_get_user_page_vma_remote(struct mm_struct *mm, unsigned long addr,
					      int gup_flags, struct vm_area_struct **vmap)
{
	return get_user_page_vma_remote(mm, addr, gup_flags, vmap);
}

unsigned long procfs2_untagged_addr_remote(struct mm_struct *mm, unsigned long addr)
{
	return untagged_addr_remote(mm, addr);
}

void procfs2_unmap_and_put_page(struct page *page, void *addr)
{
	unmap_and_put_page(page, addr);
}
