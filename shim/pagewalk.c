// SPDX-License-Identifier: GPL-2.0
/*
 * Page tables and the pages they map, for the walks of smaps, smaps_rollup,
 * pagemap and clear_refs (wrap/mm/pagewalk.rs): the static inlines and macros of
 * pgtable.h, mm.h, huge_mm.h, swapops.h and page-flags.h that mm/pagewalk.c and
 * fs/proc/task_mmu.c use, one expression each or a few in a row (never a branch or
 * a loop); the walk itself is Rust's.
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mempolicy.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/pkeys.h>
#include <linux/shmem_fs.h>
#include <linux/swapops.h>
#include <linux/userfaultfd_k.h>

#include "shim.h"

/*
 * The levels down to the PMD (mm/pagewalk.c's walk_pgd_range() and below), one call
 * per entry of each: the entry of addr, *end lowered to the end of its range
 * (pXd_addr_end), and what the walk tests of it.
 */

/* pgd_none_or_clear_bad() without the clear (pgd_clear_bad() is not exported). */
bool procfs2_pgd_entry(struct mm_struct *mm, unsigned long addr, unsigned long *end, pgd_t **pgd)
{
	*pgd = pgd_offset(mm, addr);
	*end = pgd_addr_end(addr, *end);
	return pgd_none(**pgd) || unlikely(pgd_bad(**pgd));
}

bool procfs2_p4d_entry(pgd_t *pgd, unsigned long addr, unsigned long *end, p4d_t **p4d)
{
	*p4d = p4d_offset(pgd, addr);
	*end = p4d_addr_end(addr, *end);
	return p4d_none(**p4d) || unlikely(p4d_bad(**p4d));
}

/* Bit PROCFS2_PUD_NONE, and PROCFS2_PUD_LEAF_OR_BAD: no PMD table (a huge DAX leaf). */
unsigned int procfs2_pud_entry(p4d_t *p4d, unsigned long addr, unsigned long *end, pud_t **pud)
{
	*pud = pud_offset(p4d, addr);
	*end = pud_addr_end(addr, *end);
	return !!pud_none(**pud) << PROCFS2_PUD_NONE |
	       !!(pud_leaf(**pud) || unlikely(pud_bad(**pud))) << PROCFS2_PUD_LEAF_OR_BAD;
}

pmd_t *procfs2_pmd_entry(pud_t *pud, unsigned long addr, unsigned long *end)
{
	*end = pmd_addr_end(addr, *end);
	return pmd_offset(pud, addr);
}

/* pmd_none, and pmd_trans_huge_lock()'s test (made again after pmd_lock()). */
unsigned int procfs2_pmd_tests(pmd_t *pmd)
{
	pmd_t val = pmdp_get(pmd);

	return !!pmd_none(val) << PROCFS2_PMD_NONE |
	       !!(is_swap_pmd(val) || pmd_trans_huge(val) || pmd_devmap(val)) << PROCFS2_PMD_HUGE;
}

spinlock_t *procfs2_pmd_lock(struct mm_struct *mm, pmd_t *pmd)
{
	return pmd_lock(mm, pmd);
}

pmd_t procfs2_pmdp_get(pmd_t *pmd)
{
	return pmdp_get(pmd);
}

bool procfs2_pmd_none(pmd_t *pmd)
{
	return pmd_none(*pmd);
}

/*
 * __pte_offset_map() (mm/pgtable-generic.c), under the caller's rcu_read_lock(): the
 * PMD's value, read once, and whether it points at a PTE table.
 */
bool procfs2_pmd_maps_pte_table(pmd_t *pmd, pmd_t *pmdval)
{
	*pmdval = pmdp_get_lockless(pmd);
	return !(pmd_none(*pmdval) || is_pmd_migration_entry(*pmdval) || pmd_trans_huge(*pmdval) ||
		 pmd_devmap(*pmdval) || unlikely(pmd_bad(*pmdval)));
}

/* A bad PMD that no other test of __pte_offset_map() explains. */
bool procfs2_pmd_bad(pmd_t pmd)
{
	return !pmd_none(pmd) && !is_pmd_migration_entry(pmd) && !pmd_trans_huge(pmd) &&
	       !pmd_devmap(pmd) && pmd_bad(pmd);
}

/*
 * __pte_offset_map_lock()'s rest: map the table pmdval points at, take its lock
 * (mm->page_table_lock, or the table's own with split PTE locks), and whether *pmd
 * still is pmdval. The table is mapped and locked whatever it answers (if not the
 * same, the caller unlocks, unmaps and starts again).
 */
bool procfs2_pte_map_lock(struct mm_struct *mm, pmd_t *pmd, pmd_t *pmdval, unsigned long addr,
			  pte_t **pte, spinlock_t **ptl)
{
	*pte = __pte_map(pmdval, addr);
	*ptl = pte_lockptr(mm, pmdval);
	spin_lock(*ptl);
	return pmd_same(*pmdval, pmdp_get_lockless(pmd));
}

/* pte_unmap_unlock(): the unmap ends __pte_offset_map()'s RCU section. */
void procfs2_pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	pte_unmap_unlock(pte, ptl);
}

/* The same at the end of a pmd_entry callback, then its cond_resched(). */
void procfs2_pte_unmap_unlock_resched(pte_t *pte, spinlock_t *ptl)
{
	pte_unmap_unlock(pte, ptl);
	cond_resched();
}

void procfs2_spin_unlock(spinlock_t *lock)
{
	spin_unlock(lock);
}

/*
 * wrap/mm/pagewalk.rs reads a PTE as the generic ptep_get() does (READ_ONCE), without
 * a call per entry; an architecture's own ptep_get() stops the build. And a zero entry
 * fails every test it makes (it is none), so that it asks none of them then.
 */
#ifdef ptep_get
#error "procfs2 reads page-table entries as the generic ptep_get() does"
#endif

/* Any test true of a zero entry (none): folded to 0 at build time, or the build stops. */
#define ZERO_PTE ((pte_t){ 0 })
#define pte_tests_of_zero()                                                                  \
	(pte_present(ZERO_PTE) || pte_young(ZERO_PTE) || pte_dirty(ZERO_PTE) ||               \
	 pte_special(ZERO_PTE) || pte_soft_dirty(ZERO_PTE) || pte_uffd_wp(ZERO_PTE) ||        \
	 is_swap_pte(ZERO_PTE) || pte_swp_soft_dirty(ZERO_PTE) || pte_swp_uffd_wp(ZERO_PTE) || \
	 !pte_none(ZERO_PTE))

/*
 * The tests smaps, pagemap, clear_refs and numa_maps make of a nonzero PTE value, its
 * pfn, and pfn_to_page() of it, in one call: bit PROCFS2_PTE_* of the result (shim.h)
 * is that test's answer (`!!`: pte_young() and others answer with the flag's own bit).
 * pfn_to_page() is only arithmetic with a virtual memmap, made of any pfn; the caller
 * looks at the page only below procfs2_max_pfn().
 */
#ifndef CONFIG_SPARSEMEM_VMEMMAP
#error "procfs2_pte_tests() computes pfn_to_page() of pfns that may have no page"
#endif
unsigned int procfs2_pte_tests(pte_t pte, unsigned long *pfn, struct page **page)
{
	BUILD_BUG_ON(pte_tests_of_zero());
	*page = pfn_to_page(*pfn = pte_pfn(pte));
	return !!pte_present(pte) << PROCFS2_PTE_PRESENT | !!pte_young(pte) << PROCFS2_PTE_YOUNG |
	       !!pte_dirty(pte) << PROCFS2_PTE_DIRTY | !!pte_special(pte) << PROCFS2_PTE_SPECIAL |
	       !!pte_soft_dirty(pte) << PROCFS2_PTE_SOFT_DIRTY | !!pte_uffd_wp(pte) << PROCFS2_PTE_UFFD_WP |
	       !!is_swap_pte(pte) << PROCFS2_PTE_SWAP | !!pte_swp_uffd_wp(pte) << PROCFS2_PTE_SWP_UFFD_WP |
	       !!pte_swp_soft_dirty(pte) << PROCFS2_PTE_SWP_SOFT_DIRTY;
}


swp_entry_t procfs2_pte_to_swp_entry(pte_t pte)
{
	return pte_to_swp_entry(pte);
}

/* x86's ptep_test_and_clear_young() (arch/x86/mm/pgtable.c, not exported). */
bool procfs2_ptep_test_and_clear_young(pte_t *pte)
{
	return pte_young(*pte) && test_and_clear_bit(_PAGE_BIT_ACCESSED, (unsigned long *)&pte->pte);
}

bool procfs2_pmd_present(pmd_t pmd)
{
	return pmd_present(pmd);
}

bool procfs2_pmd_young(pmd_t pmd)
{
	return pmd_young(pmd);
}

bool procfs2_pmd_dirty(pmd_t pmd)
{
	return pmd_dirty(pmd);
}

bool procfs2_pmd_special(pmd_t pmd)
{
	return pmd_special(pmd);
}

bool procfs2_pmd_devmap(pmd_t pmd)
{
	return pmd_devmap(pmd);
}

bool procfs2_pmd_soft_dirty(pmd_t pmd)
{
	return pmd_soft_dirty(pmd);
}

bool procfs2_pmd_uffd_wp(pmd_t pmd)
{
	return pmd_uffd_wp(pmd);
}

bool procfs2_pmd_swp_soft_dirty(pmd_t pmd)
{
	return pmd_swp_soft_dirty(pmd);
}

bool procfs2_pmd_swp_uffd_wp(pmd_t pmd)
{
	return pmd_swp_uffd_wp(pmd);
}

unsigned long procfs2_pmd_pfn(pmd_t pmd)
{
	return pmd_pfn(pmd);
}

swp_entry_t procfs2_pmd_to_swp_entry(pmd_t pmd)
{
	return pmd_to_swp_entry(pmd);
}

/* x86's pmdp_test_and_clear_young() (arch/x86/mm/pgtable.c, not exported). */
bool procfs2_pmdp_test_and_clear_young(pmd_t *pmd)
{
	return pmd_young(*pmd) && test_and_clear_bit(_PAGE_BIT_ACCESSED, (unsigned long *)pmd);
}

bool procfs2_non_swap_entry(swp_entry_t entry)
{
	return non_swap_entry(entry);
}

bool procfs2_is_pfn_swap_entry(swp_entry_t entry)
{
	return is_pfn_swap_entry(entry);
}

bool procfs2_is_device_private_entry(swp_entry_t entry)
{
	return is_device_private_entry(entry);
}

bool procfs2_pte_marker_entry_uffd_wp(swp_entry_t entry)
{
	return pte_marker_entry_uffd_wp(entry);
}


unsigned long procfs2_swp_offset_pfn(swp_entry_t entry)
{
	return swp_offset_pfn(entry);
}

unsigned long procfs2_swp_offset(swp_entry_t entry)
{
	return swp_offset(entry);
}

unsigned int procfs2_swp_type(swp_entry_t entry)
{
	return swp_type(entry);
}

unsigned int procfs2_max_swapfiles_shift(void)
{
	return MAX_SWAPFILES_SHIFT;
}

/* vm_normal_page()'s pieces (mm/memory.c; highest_memmap_pfn is private). */
bool procfs2_pfn_valid(unsigned long pfn)
{
	return pfn_valid(pfn);
}

struct page *procfs2_pfn_to_page(unsigned long pfn)
{
	return pfn_to_page(pfn);
}

struct page *procfs2_nth_page(struct page *page, unsigned long n)
{
	return nth_page(page, n);
}

unsigned long procfs2_compound_nr(struct page *page)
{
	return compound_nr(page);
}

/*
 * The folio tests smaps_account() makes, and the folio's reference count, in one call
 * (a call per test made smaps twice as slow as fs/proc's): bit PROCFS2_FOLIO_* of the
 * result is that test's answer.
 */
unsigned int procfs2_page_folio_smaps_tests(struct page *page, int *refs)
{
	struct folio *f = page_folio(page);

	*refs = folio_ref_count(f);
	return !!folio_test_anon(f) << PROCFS2_FOLIO_ANON | !!folio_test_ksm(f) << PROCFS2_FOLIO_KSM |
	       !!folio_test_swapbacked(f) << PROCFS2_FOLIO_SWAPBACKED | !!folio_test_dirty(f) << PROCFS2_FOLIO_DIRTY |
	       !!folio_test_young(f) << PROCFS2_FOLIO_YOUNG | !!folio_test_referenced(f) << PROCFS2_FOLIO_REFERENCED;
}

/* The folio of a mapped page (page_folio(), folio_test_*()). */
bool procfs2_page_folio_anon(struct page *page)
{
	return folio_test_anon(page_folio(page));
}

bool procfs2_page_folio_swapbacked(struct page *page)
{
	return folio_test_swapbacked(page_folio(page));
}

bool procfs2_page_folio_dirty(struct page *page)
{
	return folio_test_dirty(page_folio(page));
}

bool procfs2_page_folio_zone_device(struct page *page)
{
	return folio_is_zone_device(page_folio(page));
}

bool procfs2_page_folio_test_clear_young(struct page *page)
{
	return folio_test_clear_young(page_folio(page));
}

void procfs2_page_folio_clear_referenced(struct page *page)
{
	folio_clear_referenced(page_folio(page));
}

/* numa_maps's gather_stats() and can_gather_numa_stats(). */
bool procfs2_page_folio_swapcache(struct page *page)
{
	return folio_test_swapcache(page_folio(page));
}

bool procfs2_page_folio_active(struct page *page)
{
	return folio_test_active(page_folio(page));
}

bool procfs2_page_folio_unevictable(struct page *page)
{
	return folio_test_unevictable(page_folio(page));
}

bool procfs2_page_folio_writeback(struct page *page)
{
	return folio_test_writeback(page_folio(page));
}

bool procfs2_page_reserved(struct page *page)
{
	return PageReserved(page);
}

/* folio_nid(page_folio(page)) is the page's node: a folio lies in one node. */
int procfs2_page_nid(struct page *page)
{
	return folio_nid(page_folio(page));
}

/* for_each_node_state(nid, N_MEMORY): first_node(), then next_node(); MAX_NUMNODES ends. */
int procfs2_next_memory_node(int nid)
{
	return next_node(nid, node_states[N_MEMORY]);
}

int procfs2_max_numnodes(void)
{
	return MAX_NUMNODES;
}

/* The constants wrap/mm/mempolicy.rs carries. */
static_assert(MPOL_DEFAULT == 0 && MPOL_LOCAL == 4 && MPOL_MAX == 7);
static_assert(MPOL_F_STATIC_NODES == 1 << 15 && MPOL_F_RELATIVE_NODES == 1 << 14 &&
	      MPOL_F_NUMA_BALANCING == 1 << 13);

/*
 * numa_maps's policies (mm/mempolicy.c's __get_vma_policy(), shmem_get_policy(),
 * mpol_shared_policy_lookup(), mpol_to_str()): the pieces; the choice is Rust's.
 */
bool procfs2_vma_has_get_policy(struct vm_area_struct *vma)
{
	return vma->vm_ops && vma->vm_ops->get_policy;
}

struct mempolicy *procfs2_vma_policy(struct vm_area_struct *vma)
{
	return vma->vm_policy;
}

/* shmem_get_policy(): the shared policy of the mapped shmem inode. */
struct shared_policy *procfs2_vma_shared_policy(struct vm_area_struct *vma)
{
	return &SHMEM_I(file_inode(vma->vm_file))->policy;
}

void procfs2_sp_read_lock(struct shared_policy *sp)
{
	read_lock(&sp->lock);
}

void procfs2_sp_read_unlock(struct shared_policy *sp)
{
	read_unlock(&sp->lock);
}

struct rb_node *procfs2_sp_root(struct shared_policy *sp)
{
	return sp->root.rb_node;
}

struct sp_node *procfs2_sp_node(struct rb_node *n)
{
	return rb_entry(n, struct sp_node, nd);
}

unsigned long procfs2_sp_node_start(struct sp_node *n)
{
	return n->start;
}

unsigned long procfs2_sp_node_end(struct sp_node *n)
{
	return n->end;
}

struct mempolicy *procfs2_sp_node_policy(struct sp_node *n)
{
	return n->policy;
}

/* task->mempolicy, under task_lock() (do_set_mempolicy() replaces it under it). */
struct mempolicy *procfs2_task_mempolicy(struct task_struct *t)
{
	return t->mempolicy;
}

unsigned short procfs2_mpol_mode(struct mempolicy *pol)
{
	return pol->mode;
}

unsigned short procfs2_mpol_flags(struct mempolicy *pol)
{
	return pol->flags;
}

bool procfs2_mpol_nodes_empty(struct mempolicy *pol)
{
	return nodes_empty(pol->nodes);
}

int procfs2_mpol_nodelist(char *buf, size_t size, struct mempolicy *pol)
{
	return scnprintf(buf, size, "%*pbl", nodemask_pr_args(&pol->nodes));
}

/* Mappings: what smaps prints about them and how it walks them. */
bool procfs2_vma_shmem(struct vm_area_struct *vma)
{
	return vma->vm_file && shmem_mapping(vma->vm_file->f_mapping);
}

/* shmem_swap_usage()'s first read (mm/shmem.c; not exported). */
unsigned long procfs2_vma_shmem_swapped(struct vm_area_struct *vma)
{
	return READ_ONCE(SHMEM_I(file_inode(vma->vm_file))->swapped);
}

loff_t procfs2_vma_file_size(struct vm_area_struct *vma)
{
	return i_size_read(file_inode(vma->vm_file));
}

bool procfs2_arch_pkeys_enabled(void)
{
	return arch_pkeys_enabled();
}

int procfs2_vma_pkey(struct vm_area_struct *vma)
{
	return vma_pkey(vma);
}

bool procfs2_vma_is_temporary_stack(struct vm_area_struct *vma)
{
	return vma_is_temporary_stack(vma);
}

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
bool procfs2_thp_vma_suitable_pmd(struct vm_area_struct *vma, unsigned long addr)
{
	return thp_vma_suitable_order(vma, addr, HPAGE_PMD_ORDER);
}
#endif

bool procfs2_mmap_lock_is_contended(struct mm_struct *mm)
{
	return mmap_lock_is_contended(mm);
}

void procfs2_vma_iter_invalidate(struct vma_iterator *vmi)
{
	vma_iter_invalidate(vmi);
}

int procfs2_mmap_write_lock_killable(struct mm_struct *mm)
{
	return mmap_write_lock_killable(mm);
}

void procfs2_mmap_write_unlock(struct mm_struct *mm)
{
	mmap_write_unlock(mm);
}

void procfs2_reset_mm_hiwater_rss(struct mm_struct *mm)
{
	reset_mm_hiwater_rss(mm);
}

void procfs2_cond_resched(void)
{
	cond_resched();
}
