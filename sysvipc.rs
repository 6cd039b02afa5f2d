// SPDX-License-Identifier: GPL-2.0

//! `sysvipc/msg`, `sysvipc/sem` and `sysvipc/shm` (ipc/util.c's proc interface,
//! with the show functions of ipc/msg.c, ipc/sem.c and ipc/shm.c): a header, then a
//! line per object of the reader's ipc namespace in id order. Position 0 is the
//! header and position `n` the object with id `n - 1`; a position with no object
//! moves on to the next id, as `sysvipc_find_ipc` does.

use crate::{
    pde::{self, ProcDirEntry, SeqOps},
    wrap::{
        ipc::{self, IpcIds, IpcKind, IpcLocked, Msg, Sem, Shm},
        seq::SeqFile,
    },
};
use kernel::{bindings, fmt, prelude::*};

/// Makes `sysvipc/` and its three files (`ipc_init_proc_interface`).
pub(crate) fn register(root: &ProcDirEntry) -> Result {
    let dir = pde::mkdir(root, b"sysvipc")?;
    pde::create_seq(&dir, b"sem", 0, &SEM_OPS)?;
    pde::create_seq(&dir, b"msg", 0, &MSG_OPS)?;
    pde::create_seq(&dir, b"shm", 0, &SHM_OPS)?;
    Ok(())
}

/// A kind's header and line.
trait SysvipcShow: IpcKind + Sized {
    const HEADER: &'static [u8];
    fn show(m: &SeqFile, obj: &IpcLocked<'_, Self>);
}

/// `sysvipc_proc_start` and `sysvipc_proc_next`: the header's position, or that of
/// the first object at or after `pos`.
fn find<K: SysvipcShow>(_de: &ProcDirEntry, pos: u64) -> Option<u64> {
    if pos == 0 {
        return Some(0);
    }
    let id = u32::try_from(pos - 1).ok()?;
    ipc::with_ipc_ids(|ids: &IpcIds<K>| ids.get_next(id).map(|(id, _)| u64::from(id) + 1))
}

/// `sysvipc_proc_show`: the header, or the object at `pos` if it is still there.
fn show<K: SysvipcShow>(m: &SeqFile, _de: &ProcDirEntry, pos: u64) -> Result {
    if pos == 0 {
        m.write(K::HEADER);
        return Ok(());
    }
    let Ok(id) = u32::try_from(pos - 1) else {
        return Ok(());
    };
    ipc::with_ipc_ids(|ids: &IpcIds<K>| {
        if let Some(obj) = ids.find(id) {
            K::show(m, &obj.lock());
        }
    });
    Ok(())
}

fn has(_de: &ProcDirEntry, _pos: u64) -> bool {
    false
}

static SEM_OPS: SeqOps = SeqOps {
    has,
    find: Some(find::<Sem>),
    show: show::<Sem>,
};
static MSG_OPS: SeqOps = SeqOps {
    has,
    find: Some(find::<Msg>),
    show: show::<Msg>,
};
static SHM_OPS: SeqOps = SeqOps {
    has,
    find: Some(find::<Shm>),
    show: show::<Shm>,
};

const PAGE_SIZE: u64 = bindings::PAGE_SIZE as u64;

impl SysvipcShow for Sem {
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

impl SysvipcShow for Msg {
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

impl SysvipcShow for Shm {
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
