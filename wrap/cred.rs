// SPDX-License-Identifier: GPL-2.0

//! Pid namespaces and the caller's credentials: the ids and checks mount options
//! and `hidepid=` need.

use super::shim;
use core::ptr::NonNull;
use kernel::{
    bindings,
    prelude::*,
    types::{ARef, AlwaysRefCounted, Opaque},
};

/// A pid namespace.
///
/// # Invariants
///
/// The object is a valid `struct pid_namespace`, and while an [`ARef`] to it exists it
/// holds a reference taken with `get_pid_ns`.
#[repr(transparent)]
pub(crate) struct PidNamespace(Opaque<bindings::pid_namespace>);

// SAFETY: `get_pid_ns`/`put_pid_ns` may be called from any thread.
unsafe impl Send for PidNamespace {}
// SAFETY: Only reference counting is done through a shared reference.
unsafe impl Sync for PidNamespace {}

// SAFETY: The reference count is the one `get_pid_ns`/`put_pid_ns` manage, and the
// namespace is freed only when it reaches zero.
unsafe impl AlwaysRefCounted for PidNamespace {
    fn inc_ref(&self) {
        // SAFETY: By the type invariant `self.0` is a valid pid namespace.
        unsafe { shim::procfs2_get_pid_ns(self.0.get()) };
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller owns one reference, which is given back here.
        unsafe { shim::put_pid_ns(obj.cast().as_ptr()) };
    }
}

impl PidNamespace {
    /// The active pid namespace of the calling task (`task_active_pid_ns(current)`).
    pub(crate) fn current() -> ARef<Self> {
        // SAFETY: `current` is alive while it runs and has an active pid namespace, on
        // which `procfs2_get_pid_ns` takes a reference.
        let ns =
            unsafe { shim::procfs2_get_pid_ns(shim::task_active_pid_ns(bindings::get_current())) };
        // INVARIANT: `ns` is valid (a running task has an active pid namespace) and
        // carries the reference the helper took, which the `ARef` now owns.
        // SAFETY: See above; `ns` is not null.
        unsafe { ARef::from_raw(NonNull::new_unchecked(ns.cast())) }
    }

    pub(crate) fn as_ptr(&self) -> *mut bindings::pid_namespace {
        self.0.get()
    }

    /// The calling task's thread group id as seen in this namespace, `None` if the
    /// task is not visible there (`task_tgid_nr_ns(current, ns)`).
    pub(crate) fn current_tgid(&self) -> Option<u32> {
        // SAFETY: `current` is alive and the namespace valid (type invariant).
        let nr = unsafe { shim::procfs2_current_tgid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
    }

    /// The last pid handed out in this namespace (`idr_get_cursor(&ns->idr) - 1`).
    pub(crate) fn last_pid(&self) -> i32 {
        // SAFETY: The namespace is valid (type invariant); the cursor is a plain read.
        unsafe { shim::procfs2_pid_ns_last_pid(self.as_ptr()) }
    }

    /// The calling thread's id as seen in this namespace (`task_pid_nr_ns`).
    pub(crate) fn current_pid(&self) -> Option<u32> {
        // SAFETY: As for `current_tgid`.
        let nr = unsafe { shim::procfs2_current_pid_nr_ns(self.as_ptr()) };
        u32::try_from(nr).ok().filter(|&n| n != 0)
    }
}

/// A user id as the kernel stores it (`kuid_t`), as upstream's `Kuid`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Kuid(u32);

/// A group id as the kernel stores it (`kgid_t`), as upstream's `Kgid`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Kgid(u32);

impl Kuid {
    pub(crate) fn val(self) -> u32 {
        self.0
    }

    pub(super) fn into_raw(self) -> bindings::kuid_t {
        bindings::kuid_t { val: self.0 }
    }
}

impl Kgid {
    /// `GLOBAL_ROOT_GID`.
    pub(crate) const ROOT: Self = Self(0);

    /// The id in the initial namespace's numbering (the kernel's own).
    pub(crate) const fn new(val: u32) -> Self {
        Self(val)
    }

    pub(crate) fn val(self) -> u32 {
        self.0
    }

    pub(super) fn into_raw(self) -> bindings::kgid_t {
        bindings::kgid_t { val: self.0 }
    }
}

/// Credentials (`struct cred`), as upstream's `Credential`: borrowed while they
/// cannot be freed (the caller's own, [`with_current`], or a task's under RCU), or
/// counted in an [`ARef<Credential>`] (`get_cred`, `put_cred`). Only the fields that
/// never change once credentials are shared (`commit_creds` publishes them whole)
/// are read, one at a time through the pointer: the object also holds counts other
/// CPUs change.
///
/// # Invariants
///
/// The object is valid, published credentials while a reference to it exists.
#[repr(transparent)]
pub(crate) struct Credential(Opaque<bindings::cred>);

// SAFETY: `put_cred` may be called from any thread.
unsafe impl Send for Credential {}
// SAFETY: Only fields that never change are read.
unsafe impl Sync for Credential {}

// SAFETY: `usage` counts the references: `get_cred` takes one, `put_cred` gives it
// back and frees the credentials after the last (after an RCU grace period).
unsafe impl AlwaysRefCounted for Credential {
    fn inc_ref(&self) {
        // SAFETY: Valid and counted by `self`'s owner (type invariant): `get_cred` is
        // an atomic increment of `usage`.
        let usage = unsafe { &raw mut (*self.as_ptr()).usage.counter };
        // SAFETY: An aligned `atomic_long_t` counter, only changed atomically.
        unsafe { core::sync::atomic::AtomicI64::from_ptr(usage) }
            .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller gives back one reference.
        unsafe { super::shim::procfs2_put_cred(obj.as_ptr().cast()) };
    }
}

/// The getters of [`Credential`]'s ids, each a field read once through the pointer.
macro_rules! cred_ids {
    ($ty:ident: $($name:ident),*) => {$(
        pub(crate) fn $name(&self) -> $ty {
            // SAFETY: Valid (type invariant); the id never changes.
            $ty(unsafe { (*self.as_ptr()).$name.val })
        }
    )*};
}

/// The getters of [`Credential`] and [`RcuCredential`], each a field that never
/// changes, read through the pointer.
macro_rules! cred_getters {
    () => {
        cred_ids!(Kuid: uid, euid, suid, fsuid);
        cred_ids!(Kgid: gid, egid, sgid, fsgid);

        /// `cap_effective`, a bit per capability.
        pub(crate) fn cap_effective(&self) -> u64 {
            // SAFETY: Valid (type invariant); the set never changes.
            unsafe { (*self.as_ptr()).cap_effective.val }
        }

        /// `cap_permitted`, a bit per capability.
        pub(crate) fn cap_permitted(&self) -> u64 {
            // SAFETY: Valid (type invariant); the set never changes.
            unsafe { (*self.as_ptr()).cap_permitted.val }
        }

        /// `cap_inheritable`, `cap_bset` and `cap_ambient`, a bit per capability.
        pub(crate) fn cap_other(&self) -> [u64; 3] {
            let c = self.as_ptr();
            // SAFETY: Valid (type invariant); the sets never change.
            unsafe {
                [
                    (*c).cap_inheritable.val,
                    (*c).cap_bset.val,
                    (*c).cap_ambient.val,
                ]
            }
        }

        /// The supplementary groups, which the credentials keep alive (immutable).
        pub(super) fn group_info(&self) -> *mut bindings::group_info {
            // SAFETY: Valid (type invariant); the pointer never changes.
            unsafe { (*self.as_ptr()).group_info }
        }

        /// The user's counts (`ucounts`), which the credentials keep alive.
        pub(super) fn ucounts(&self) -> *mut bindings::ucounts {
            // SAFETY: Valid (type invariant); the pointer never changes.
            unsafe { (*self.as_ptr()).ucounts }
        }

        /// The user namespace pointer, which the credentials keep alive.
        pub(super) fn user_ns_ptr(&self) -> *mut bindings::user_namespace {
            // SAFETY: Valid (type invariant); the pointer never changes.
            unsafe { (*self.as_ptr()).user_ns }
        }

        /// The user namespace the credentials belong to, which they keep alive.
        pub(crate) fn user_ns(&self) -> &UserNamespace {
            // SAFETY: The credentials hold a reference on their namespace for as long as
            // they live, and the borrow of `self` is no longer.
            unsafe { UserNamespace::from_raw(self.user_ns_ptr()) }
        }
    };
}

#[allow(
    dead_code,
    reason = "one set of getters for both types; each uses some"
)]
impl Credential {
    /// # Safety
    ///
    /// `c` must point to credentials that stay valid for `'a`, on which a reference
    /// is held for `'a` (the caller's own, an open file's).
    pub(in crate::wrap) unsafe fn from_raw<'a>(c: *const bindings::cred) -> &'a Self {
        // SAFETY: Transparent over the C struct; per the caller.
        unsafe { &*c.cast() }
    }

    /// # Safety
    ///
    /// `c` must carry one `usage` reference, handed over.
    pub(in crate::wrap) unsafe fn from_counted(c: NonNull<bindings::cred>) -> ARef<Self> {
        // SAFETY: Per the caller; transparent over the C struct.
        unsafe { ARef::from_raw(c.cast()) }
    }

    pub(in crate::wrap) fn as_ptr(&self) -> *mut bindings::cred {
        self.0.get()
    }

    cred_getters!();
}

/// Credentials borrowed under RCU from a task (`__task_cred`), which may be
/// dropping their last reference meanwhile (`commit_creds` racing): read only,
/// never counted, so they are not [`Credential`]s, which can be ([`ARef`]).
///
/// # Invariants
///
/// The object is valid, published credentials for the borrow's lifetime (an RCU
/// read-side section).
#[repr(transparent)]
pub(crate) struct RcuCredential(Opaque<bindings::cred>);

#[allow(
    dead_code,
    reason = "one set of getters for both types; each uses some"
)]
impl RcuCredential {
    /// # Safety
    ///
    /// `c` must point to credentials that stay valid for `'a` (read under RCU).
    pub(in crate::wrap) unsafe fn from_raw<'a>(c: *const bindings::cred) -> &'a Self {
        // SAFETY: Transparent over the C struct; per the caller.
        unsafe { &*c.cast() }
    }

    fn as_ptr(&self) -> *mut bindings::cred {
        self.0.get()
    }

    cred_getters!();
}

/// Calls `f` with the calling task's credentials (`current_cred()`).
pub(crate) fn with_current<R>(f: impl FnOnce(&Credential) -> R) -> R {
    // SAFETY: `current` is valid while it runs, and so are its own credentials,
    // which only it can replace; the borrow ends with `f`.
    f(unsafe { Credential::from_raw((*bindings::get_current()).cred) })
}

/// A capability (`CAP_*`): only the ones procfs2 asks about can be named, so none
/// is out of range (`ns_capable` stops the kernel on one that is).
#[derive(Clone, Copy)]
pub(crate) enum Cap {
    SysPtrace = bindings::CAP_SYS_PTRACE as isize,
}

/// A user namespace (`struct user_namespace`), as upstream's `UserNamespace`:
/// borrowed from what keeps it alive (credentials, an mm, an open file). Two are
/// equal when they are the same namespace.
///
/// # Invariants
///
/// The object is a valid user namespace while a reference to it exists.
#[repr(transparent)]
pub(crate) struct UserNamespace(Opaque<bindings::user_namespace>);

// SAFETY: Only fields set at creation, and the id maps (written once, before their
// count, read with a barrier), are read.
unsafe impl Sync for UserNamespace {}

/// Which id map of a user namespace (`uid_map`, `gid_map`, `projid_map`).
#[derive(Clone, Copy)]
pub(crate) enum IdMap {
    Uid,
    Gid,
    Projid,
}

/// One extent of an id map (`struct uid_gid_extent`): `count` ids from `first` in
/// the namespace are `lower_first`.. as the kernel stores them.
pub(crate) struct IdExtent {
    pub(crate) first: u32,
    pub(crate) lower_first: u32,
    pub(crate) count: u32,
}

impl UserNamespace {
    /// The initial user namespace (`init_user_ns`), a static object.
    pub(crate) fn init() -> &'static Self {
        // SAFETY: A static object, valid forever.
        unsafe { Self::from_raw(&raw mut bindings::init_user_ns) }
    }

    /// # Safety
    ///
    /// `ns` must be a user namespace that stays alive for `'a`.
    pub(in crate::wrap) unsafe fn from_raw<'a>(ns: *mut bindings::user_namespace) -> &'a Self {
        // SAFETY: Transparent over the C struct; per the caller.
        unsafe { &*ns.cast() }
    }

    pub(in crate::wrap) fn as_ptr(&self) -> *mut bindings::user_namespace {
        self.0.get()
    }

    /// Whether the caller has `cap` over this namespace, not audited
    /// (`ns_capable_noaudit`).
    pub(crate) fn capable_noaudit(&self, cap: Cap) -> bool {
        // SAFETY: The namespace is valid (type invariant); `cap` is valid.
        unsafe { bindings::ns_capable_noaudit(self.as_ptr(), cap as kernel::ffi::c_int) }
    }

    /// The parent namespace, which a namespace keeps alive; `None` for the initial one.
    pub(crate) fn parent(&self) -> Option<&Self> {
        // SAFETY: Valid (type invariant); `parent` is set at creation.
        let p = unsafe { (*self.as_ptr()).parent };
        // SAFETY: A namespace holds a reference on its parent while it lives.
        (!p.is_null()).then(|| unsafe { Self::from_raw(p) })
    }

    /// The extents of id map `which`, as `m_start` reads them: the count first, then
    /// a read barrier, then the extents, which are written once, before the count.
    pub(crate) fn extents(&self, which: IdMap) -> impl Iterator<Item = IdExtent> + '_ {
        let ns = self.as_ptr();
        // SAFETY: Valid (type invariant); a map's count is read once.
        let (map, n) = unsafe {
            let map = match which {
                IdMap::Uid => &raw const (*ns).uid_map,
                IdMap::Gid => &raw const (*ns).gid_map,
                IdMap::Projid => &raw const (*ns).projid_map,
            };
            let base = &raw const (*map).__bindgen_anon_1.__bindgen_anon_1;
            (map, core::ptr::read_volatile(&raw const (*base).nr_extents))
        };
        core::sync::atomic::fence(core::sync::atomic::Ordering::Acquire);
        // SAFETY: `n` extents were written before the count read above: inline up to
        // `UID_GID_MAP_MAX_BASE_EXTENTS`, else in the `forward` array.
        let extents: *const bindings::uid_gid_extent = unsafe {
            if n <= bindings::UID_GID_MAP_MAX_BASE_EXTENTS {
                (*map).__bindgen_anon_1.__bindgen_anon_1.extent.as_ptr()
            } else {
                (*map).__bindgen_anon_1.__bindgen_anon_2.forward
            }
        };
        (0..n as usize).map(move |i| {
            // SAFETY: `i` is below the count of written extents (see above).
            let e = unsafe { *extents.add(i) };
            IdExtent {
                first: e.first,
                lower_first: e.lower_first,
                count: e.count,
            }
        })
    }

    /// Kernel id `id` of map `which` as this namespace sees it, `(u32)-1` if unmapped
    /// (`from_kuid`, `from_kgid`, `from_kprojid`).
    pub(crate) fn map_kid(&self, which: IdMap, id: u32) -> u32 {
        let ns = self.as_ptr();
        // SAFETY: Valid (type invariant); the lookups read the maps as above.
        unsafe {
            match which {
                IdMap::Uid => bindings::from_kuid(ns, bindings::kuid_t { val: id }),
                IdMap::Gid => bindings::from_kgid(ns, bindings::kgid_t { val: id }),
                IdMap::Projid => bindings::from_kprojid(ns, bindings::kprojid_t { val: id }),
            }
        }
    }

    /// `uid` as this namespace sees it, `overflowuid` if unmapped
    /// (`from_kuid_munged`).
    pub(crate) fn kuid_munged(&self, uid: Kuid) -> u32 {
        // SAFETY: Valid (type invariant).
        unsafe { bindings::from_kuid_munged(self.as_ptr(), uid.into_raw()) }
    }

    /// `gid` as this namespace sees it, `overflowgid` if unmapped
    /// (`from_kgid_munged`).
    pub(crate) fn kgid_munged(&self, gid: Kgid) -> u32 {
        // SAFETY: Valid (type invariant).
        unsafe { bindings::from_kgid_munged(self.as_ptr(), gid.into_raw()) }
    }
}

impl PartialEq for UserNamespace {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

/// The user namespace of the calling task's credentials (`current_user_ns()`).
fn current_user_ns() -> *mut bindings::user_namespace {
    with_current(|c| c.user_ns_ptr())
}

/// The kernel gid for `gid` as seen in the calling task's user namespace
/// (`make_kgid(current_user_ns(), gid)`); `u32::MAX` (`INVALID_GID`) if unmapped.
pub(crate) fn make_kgid_current(gid: u32) -> Kgid {
    // SAFETY: The user namespace of `current` is valid while it runs.
    Kgid(unsafe { bindings::make_kgid(current_user_ns(), gid).val })
}

/// `gid` as seen from the initial user namespace, `overflowgid` if unmapped.
pub(crate) fn from_kgid_munged_init(gid: Kgid) -> u32 {
    // SAFETY: `init_user_ns` is a static object; only its address is taken.
    unsafe { bindings::from_kgid_munged(&raw mut bindings::init_user_ns, gid.into_raw()) }
}

/// Whether the caller is in group `gid` (`in_group_p`).
pub(crate) fn in_group_p(gid: Kgid) -> bool {
    // SAFETY: Reads the caller's credentials.
    unsafe { bindings::in_group_p(gid.into_raw()) != 0 }
}

/// Parses `s` like the kernel's `kstrtouint(s, base, ...)`; `None` if it is not a
/// number that fits.
pub(crate) fn kstrtouint(s: &CStr, base: u32) -> Option<u32> {
    let mut v = 0;
    // SAFETY: `s` is a valid NUL-terminated string and `v` a valid output location.
    let r = unsafe { bindings::kstrtouint(s.as_char_ptr(), base, &mut v) };
    (r == 0).then_some(v)
}

/// Whether the caller has `cap` over the initial user namespace (`capable`; audited).
pub(crate) fn capable(cap: u32) -> bool {
    // SAFETY: Reads the caller's own credentials.
    unsafe { bindings::capable(cap as kernel::ffi::c_int) }
}

/// Whether the caller has `cap` (`has_capability_noaudit(current, cap)`).
pub(crate) fn current_has_capability_noaudit(cap: u32) -> bool {
    // SAFETY: `current` is valid while it runs.
    unsafe { bindings::has_capability_noaudit(bindings::get_current(), cap as kernel::ffi::c_int) }
}

/// `kstrtoint(strstrip(buf), 0, ...)`, as fs/proc parses a number written to a
/// file: `buf` holds the bytes written, NUL-terminated by the caller.
pub(crate) fn kstrtoint_stripped(buf: &mut [u8]) -> Result<i32> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated; `strim` strips it in place and returns a
    // pointer into it, which `kstrtoint` reads up to the NUL.
    kernel::error::to_result(unsafe {
        let s = bindings::strim(buf.as_mut_ptr().cast());
        bindings::kstrtoint(s, 0, &mut v)
    })?;
    Ok(v)
}

/// `kstrtoull(buf, base, ...)` of a NUL-terminated `buf`.
pub(crate) fn kstrtoull(buf: &[u8], base: u32) -> Result<u64> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated.
    kernel::error::to_result(unsafe { bindings::kstrtoull(buf.as_ptr().cast(), base, &mut v) })?;
    Ok(v)
}

/// `checkpoint_restore_ns_capable(&init_user_ns)`: CAP_SYS_ADMIN or
/// CAP_CHECKPOINT_RESTORE over the initial user namespace.
pub(crate) fn checkpoint_restore_capable() -> bool {
    let ns = &raw mut bindings::init_user_ns;
    // SAFETY: The initial user namespace is static.
    unsafe {
        bindings::ns_capable(ns, bindings::CAP_SYS_ADMIN as kernel::ffi::c_int)
            || bindings::ns_capable(ns, bindings::CAP_CHECKPOINT_RESTORE as kernel::ffi::c_int)
    }
}

/// `kstrtouint(buf, base, ...)` of a NUL-terminated `buf`, with its errno.
#[cfg(CONFIG_ELF_CORE)]
pub(crate) fn kstrtouint_errno(buf: &[u8], base: u32) -> Result<u32> {
    if buf.last() != Some(&0) {
        return Err(EINVAL);
    }
    let mut v = 0;
    // SAFETY: `buf` is NUL-terminated.
    kernel::error::to_result(unsafe { bindings::kstrtouint(buf.as_ptr().cast(), base, &mut v) })?;
    Ok(v)
}

pub(crate) use super::security::{apparmor_current_unconfined, lsm, yama};
