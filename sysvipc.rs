// SPDX-License-Identifier: GPL-2.0

//! `sysvipc/msg`, `sysvipc/sem` and `sysvipc/shm` (ipc/util.c's proc interface,
//! with the show functions of ipc/msg.c, ipc/sem.c and ipc/shm.c): a header, then a
//! line per object of the opener's ipc namespace in index order (the walk, the
//! locking and the namespaces kept from open to release: wrap/ipc.rs).

use crate::{
    pde::{self, ProcDirEntry},
    wrap::{
        ipc::{IpcLocked, IpcShow, Msg, Sem, Shm},
        seq::SeqFile,
    },
};
use kernel::{bindings, fmt, prelude::*};

/// Makes `sysvipc/` and its three files (`ipc_init_proc_interface`).
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    let dir = pde::mkdir(root, b"sysvipc")?;
    pde::create_ipc::<Sem>(&dir, b"sem")?;
    pde::create_ipc::<Msg>(&dir, b"msg")?;
    pde::create_ipc::<Shm>(&dir, b"shm")?;
    Ok(())
}

const PAGE_SIZE: u64 = bindings::PAGE_SIZE as u64;

impl IpcShow for Sem {
    const HEADER: &'static [u8] =
        b"       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n";

    /// `sysvipc_sem_proc_show`.
    fn show(m: &SeqFile, obj: &IpcLocked<'_, Self>) {
        let p = obj.perm_row(m.opener_user_ns());
        let (nsems, ctime) = obj.nsems_ctime();
        m.print(fmt!(
            "{:10} {:10}  {:4o} {:10} {:5} {:5} {:5} {:5} {:10} {:10}\n",
            p.key,
            p.id,
            p.mode,
            nsems as u32,
            p.uid,
            p.gid,
            p.cuid,
            p.cgid,
            obj.otime() as u64,
            ctime as u64
        ));
    }
}

impl IpcShow for Msg {
    const HEADER: &'static [u8] = b"       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n";

    /// `sysvipc_msg_proc_show`.
    fn show(m: &SeqFile, obj: &IpcLocked<'_, Self>) {
        let p = obj.perm_row(m.opener_user_ns());
        let q = obj.msg_row();
        m.print(fmt!(
            "{:10} {:10}  {:4o}  {:10} {:10} {:5} {:5} {:5} {:5} {:5} {:5} {:10} {:10} {:10}\n",
            p.key,
            p.id,
            p.mode,
            q.cbytes,
            q.qnum,
            q.lspid as u32,
            q.lrpid as u32,
            p.uid,
            p.gid,
            p.cuid,
            p.cgid,
            q.stime as u64,
            q.rtime as u64,
            q.ctime as u64
        ));
    }
}

impl IpcShow for Shm {
    const HEADER: &'static [u8] = b"       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n";

    /// `sysvipc_shm_proc_show` (64-bit: sizes in 21 columns).
    fn show(m: &SeqFile, obj: &IpcLocked<'_, Self>) {
        let p = obj.perm_row(m.opener_user_ns());
        let s = obj.shm_row();
        let (rss, swap) = obj.rss_swap();
        m.print(fmt!(
            "{:10} {:10}  {:4o} {:21} {:5} {:5}  {:5} {:5} {:5} {:5} {:5} {:10} {:10} {:10} {:21} {:21}\n",
            p.key,
            p.id,
            p.mode,
            s.segsz,
            s.cpid as u32,
            s.lpid as u32,
            s.nattch,
            p.uid,
            p.gid,
            p.cuid,
            p.cgid,
            s.atim as u64,
            s.dtim as u64,
            s.ctim as u64,
            rss.wrapping_mul(PAGE_SIZE),
            swap.wrapping_mul(PAGE_SIZE)
        ));
    }
}
