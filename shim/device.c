// SPDX-License-Identifier: GPL-2.0
/*
 * The driver core (wrap/device.rs): the device list (devices_kset, reached from the
 * cpu subsystem's root device) and the fields of a device and its class that
 * drivers/char/misc.c's /proc/misc shows.
 */
#include <linux/cpu.h>
#include <linux/device.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/major.h>

#include "shim.h"

/* bus_get_dev_root(&cpu_subsys): a reference on the cpu subsystem's root device. */
struct device *procfs2_cpu_dev_root(void)
{
	return bus_get_dev_root(&cpu_subsys);
}

/* The kset every device is on: devices_kset (device_initialize). */
struct kset *procfs2_dev_kset(struct device *dev)
{
	return dev->kobj.kset;
}

spinlock_t *procfs2_kset_list_lock(struct kset *kset)
{
	return &kset->list_lock;
}

struct kobject *procfs2_kset_first(struct kset *kset)
{
	return list_first_entry_or_null(&kset->list, struct kobject, entry);
}

bool procfs2_kset_is_last(struct kset *kset, struct kobject *kobj)
{
	return list_is_last(&kobj->entry, &kset->list);
}

struct kobject *procfs2_kset_next(struct kobject *kobj)
{
	return list_next_entry(kobj, entry);
}

/* The last kobject of a kset that is not empty. */
struct kobject *procfs2_kset_last(struct kset *kset)
{
	return list_last_entry(&kset->list, struct kobject, entry);
}

bool procfs2_kset_is_first(struct kset *kset, struct kobject *kobj)
{
	return list_is_first(&kobj->entry, &kset->list);
}

struct kobject *procfs2_kset_prev(struct kobject *kobj)
{
	return list_prev_entry(kobj, entry);
}

/* Whether kobj_kset_leave() took the kobject off its kset (list_del_init). */
bool procfs2_kobj_unlisted(struct kobject *kobj)
{
	return list_empty(&kobj->entry);
}

/* A device's class (set before device_add puts it on the list). */
const struct class *procfs2_kobj_dev_class(struct kobject *kobj)
{
	return READ_ONCE(kobj_to_dev(kobj)->class);
}

bool procfs2_kobj_dev_is_misc(struct kobject *kobj)
{
	return MAJOR(kobj_to_dev(kobj)->devt) == MISC_MAJOR;
}

const char *procfs2_class_name(const struct class *class)
{
	return class->name;
}

unsigned int procfs2_dev_minor(struct device *dev)
{
	return MINOR(dev->devt);
}

const char *procfs2_dev_name(struct device *dev)
{
	return dev_name(dev);
}
