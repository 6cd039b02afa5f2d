// SPDX-License-Identifier: GPL-2.0
/*
 * Block devices (wrap/block.rs): the static inlines and macros of blkdev.h,
 * part_stat.h and list.h that block/genhd.c's diskstats and partitions read: the
 * bdev pseudo file system's inode list, a block device's fields, its per-CPU I/O
 * counters, and a disk's partition table.
 */
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/part_stat.h>
#include <linux/seq_file.h>
#include <linux/xarray.h>

#include "shim.h"

static_assert(MINORBITS == 20 && NR_STAT_GROUPS == 4 && STAT_READ == 0 &&
	      STAT_WRITE == 1 && STAT_DISCARD == 2 && STAT_FLUSH == 3);

struct inode *procfs2_sb_inodes_first(struct super_block *sb)
{
	return list_first_entry_or_null(&sb->s_inodes, struct inode, i_sb_list);
}

bool procfs2_sb_inode_is_last(struct super_block *sb, struct inode *inode)
{
	return list_is_last(&inode->i_sb_list, &sb->s_inodes);
}

struct inode *procfs2_sb_inode_next(struct inode *inode)
{
	return list_next_entry(inode, i_sb_list);
}

spinlock_t *procfs2_sb_inode_list_lock(struct super_block *sb)
{
	return &sb->s_inode_list_lock;
}

bool procfs2_bdev_is_partition(struct block_device *bdev)
{
	return bdev_is_partition(bdev);
}

const struct class *procfs2_bdev_class(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_device.class);
}

const struct device_type *procfs2_bdev_type(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_device.type);
}

struct gendisk *procfs2_dev_to_disk(struct device *dev)
{
	return dev_to_disk(dev);
}

struct block_device *procfs2_disk_part_find(struct gendisk *disk, unsigned long *idx)
{
	return xa_find(&disk->part_tbl, idx, ULONG_MAX, XA_PRESENT);
}

struct block_device *procfs2_disk_part_find_after(struct gendisk *disk, unsigned long *idx)
{
	return xa_find_after(&disk->part_tbl, idx, ULONG_MAX, XA_PRESENT);
}

sector_t procfs2_disk_capacity(struct gendisk *disk)
{
	return get_capacity(disk);
}

bool procfs2_disk_hidden(struct gendisk *disk)
{
	return disk->flags & GENHD_FL_HIDDEN;
}

sector_t procfs2_bdev_nr_sectors(struct block_device *bdev)
{
	return bdev_nr_sectors(bdev);
}

dev_t procfs2_bdev_dev(struct block_device *bdev)
{
	return bdev->bd_dev;
}

struct block_device *procfs2_bdev_whole(struct block_device *bdev)
{
	return bdev_whole(bdev);
}

unsigned long procfs2_bdev_stamp(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_stamp);
}

bool procfs2_bdev_stamp_cmpxchg(struct block_device *bdev, unsigned long old, unsigned long new)
{
	return try_cmpxchg(&bdev->bd_stamp, &old, new);
}

void procfs2_bdev_add_io_ticks(struct block_device *bdev, unsigned long n)
{
	this_cpu_add(bdev->bd_stats->io_ticks, n);
}

u64 procfs2_bdev_stat_nsecs(struct block_device *bdev, int cpu, int group)
{
	return per_cpu_ptr(bdev->bd_stats, cpu)->nsecs[group];
}

unsigned long procfs2_bdev_stat_sectors(struct block_device *bdev, int cpu, int group)
{
	return per_cpu_ptr(bdev->bd_stats, cpu)->sectors[group];
}

unsigned long procfs2_bdev_stat_ios(struct block_device *bdev, int cpu, int group)
{
	return per_cpu_ptr(bdev->bd_stats, cpu)->ios[group];
}

unsigned long procfs2_bdev_stat_merges(struct block_device *bdev, int cpu, int group)
{
	return per_cpu_ptr(bdev->bd_stats, cpu)->merges[group];
}

unsigned long procfs2_bdev_stat_io_ticks(struct block_device *bdev, int cpu)
{
	return per_cpu_ptr(bdev->bd_stats, cpu)->io_ticks;
}

long procfs2_bdev_stat_in_flight(struct block_device *bdev, int cpu, int rw)
{
	return part_stat_local_read_cpu(bdev, in_flight[rw], cpu);
}

void procfs2_seq_put_bdev_name(struct seq_file *m, struct block_device *bdev)
{
	seq_printf(m, "%pg", bdev);
}
