// SPDX-License-Identifier: GPL-2.0
/*
 * Consoles (wrap/console.rs): console.h and tty_driver.h.
 */
#include <linux/console.h>
#include <linux/kdev_t.h>
#include <linux/tty_driver.h>

#include "shim.h"

/* wrap/console.rs mirrors these flag values. */
static_assert(CON_PRINTBUFFER == 1 && CON_CONSDEV == 2 && CON_ENABLED == 4 && CON_BOOT == 8 &&
	      CON_ANYTIME == 16 && CON_BRL == 32 && CON_NBCON == 256);
static_assert(MINORBITS == 20);

struct console *procfs2_console_first(void)
{
	return hlist_entry_safe(console_list.first, struct console, node);
}

struct console *procfs2_console_next(struct console *con)
{
	return hlist_entry_safe(con->node.next, struct console, node);
}

const char *procfs2_console_name(struct console *con)
{
	return con->name;
}

short procfs2_console_index(struct console *con)
{
	return con->index;
}

short procfs2_console_flags(struct console *con)
{
	return con->flags;
}

bool procfs2_console_has_read(struct console *con)
{
	return con->read;
}

bool procfs2_console_has_write(struct console *con)
{
	return con->write;
}

bool procfs2_console_has_unblank(struct console *con)
{
	return con->unblank;
}

bool procfs2_console_has_device(struct console *con)
{
	return con->device;
}

struct tty_driver *procfs2_console_device(struct console *con, int *index)
{
	return con->device(con, index);
}

dev_t procfs2_tty_driver_devt(struct tty_driver *driver, int index)
{
	return MKDEV(driver->major, driver->minor_start) + index;
}
