// SPDX-License-Identifier: GPL-2.0

//! The unsafe pieces under the entry tree (pde.rs), each behind a safe interface:
//! the global `proc_subdir_lock` and the cell it guards, tree keys that borrow their
//! entry's name, and boxed, reference-counted entries.

use core::{
    cell::UnsafeCell,
    cmp::Ordering,
    marker::PhantomData,
    ptr::NonNull,
    sync::atomic::{fence, AtomicUsize, Ordering::*},
};
use kernel::{
    prelude::*,
    types::{ARef, AlwaysRefCounted},
};

use super::shim::{
    procfs2_subdir_read_lock, procfs2_subdir_read_unlock, procfs2_subdir_write_lock,
    procfs2_subdir_write_unlock,
};

/// `proc_subdir_lock` held for reading. Not `Send`: it is released by its taker.
pub(crate) struct ReadGuard(PhantomData<*mut ()>);
/// `proc_subdir_lock` held for writing.
pub(crate) struct WriteGuard(PhantomData<*mut ()>);

/// Takes `proc_subdir_lock` for reading (`read_lock`). It is a spinning rwlock:
/// nothing may sleep while the guard lives.
pub(crate) fn read() -> ReadGuard {
    // SAFETY: A plain rwlock; the guard releases it.
    unsafe { procfs2_subdir_read_lock() };
    ReadGuard(PhantomData)
}

/// Takes `proc_subdir_lock` for writing (`write_lock`).
pub(crate) fn write() -> WriteGuard {
    // SAFETY: A plain rwlock; the guard releases it.
    unsafe { procfs2_subdir_write_lock() };
    WriteGuard(PhantomData)
}

impl Drop for ReadGuard {
    fn drop(&mut self) {
        // SAFETY: Taken by `read()`.
        unsafe { procfs2_subdir_read_unlock() };
    }
}

impl Drop for WriteGuard {
    fn drop(&mut self) {
        // SAFETY: Taken by `write()`.
        unsafe { procfs2_subdir_write_unlock() };
    }
}

/// Either guard proves that no writer changes what the lock guards.
pub(crate) trait Held {}
impl Held for ReadGuard {}
impl Held for WriteGuard {}

/// A value that only `proc_subdir_lock` holders may touch: readers share it, the
/// writer may change it.
pub(crate) struct Guarded<T>(UnsafeCell<T>);

// SAFETY: Every access goes through a guard of the one global lock, which
// serialises writers against everyone.
unsafe impl<T: Send + Sync> Sync for Guarded<T> {}

impl<T> Guarded<T> {
    pub(crate) const fn new(v: T) -> Self {
        Self(UnsafeCell::new(v))
    }

    /// Shared access while the lock is held either way.
    pub(crate) fn get<'a>(&'a self, _lock: &'a impl Held) -> &'a T {
        // SAFETY: The guard keeps writers out while the borrow lasts.
        unsafe { &*self.0.get() }
    }

    /// Exclusive access while the write lock is held.
    pub(crate) fn get_mut<'a>(&'a self, _lock: &'a mut WriteGuard) -> &'a mut T {
        // SAFETY: The write lock excludes every other access, and the exclusive borrow
        // of the guard keeps this the only borrow made through it.
        unsafe { &mut *self.0.get() }
    }
}

/// Something that names itself with bytes that do not move or change while it lives.
pub(crate) trait Named {
    fn name_bytes(&self) -> &[u8];
}

/// A tree key: the name of the entry a tree node holds, borrowed from that entry, or
/// a name being searched for. Ordered by `cmp`, fs/proc's `proc_match`.
///
/// # Invariants
///
/// `ptr` is valid for `len` bytes while the key exists: a node key made by
/// [`NameKey::of`] lives in the same node as the reference that keeps its entry, and
/// a search key made by [`NameKey::probe`] cannot outlive the borrow it was made
/// from.
pub(crate) struct NameKey<'a> {
    ptr: NonNull<u8>,
    len: usize,
    _borrow: PhantomData<&'a [u8]>,
}

// SAFETY: A key only reads immutable name bytes.
unsafe impl Send for NameKey<'_> {}
// SAFETY: As above.
unsafe impl Sync for NameKey<'_> {}

impl NameKey<'static> {
    /// The key of the node that will hold `entry`. Only to be stored beside `entry`
    /// in the same tree node (see the type invariant).
    pub(crate) fn of<T: Named + AlwaysRefCounted>(entry: &ARef<T>) -> Self {
        let name = entry.name_bytes();
        // INVARIANT: The node stores `entry` beside the key, and the entry's name does
        // not move while a reference to it lives.
        Self {
            ptr: NonNull::from(name).cast(),
            len: name.len(),
            _borrow: PhantomData,
        }
    }

    /// A key to search for `name` with. The tree's key type is `NameKey<'static>`,
    /// so the search key is made in a closure that cannot keep it.
    pub(crate) fn probe<R>(name: &[u8], f: impl FnOnce(&NameKey<'static>) -> R) -> R {
        // INVARIANT: The key lives only during `f`, which cannot store it: `f` gets a
        // shared borrow that ends when `f` returns, and `NameKey` is not `Clone`.
        let key = Self {
            ptr: NonNull::from(name).cast(),
            len: name.len(),
            _borrow: PhantomData,
        };
        f(&key)
    }
}

impl NameKey<'_> {
    pub(crate) fn bytes(&self) -> &[u8] {
        // SAFETY: Valid for `len` bytes by the type invariant.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

/// fs/proc's `proc_match` order: shorter names first, then bytes. Readdir walks the
/// tree in this order, so it lists names as /proc does.
pub(crate) fn proc_match(a: &[u8], b: &[u8]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}
impl Eq for NameKey<'_> {}
impl PartialOrd for NameKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for NameKey<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        proc_match(self.bytes(), other.bytes())
    }
}

/// The reference count of an object held through [`ARef`] that is either a `static`
/// (never freed) or made by [`into_aref`] (freed when the count drops to zero). It
/// starts at one: the `static` itself, or the reference `into_aref` hands out.
pub(crate) struct RefCount(AtomicUsize);

impl RefCount {
    pub(crate) const fn new() -> Self {
        Self(AtomicUsize::new(1))
    }

    pub(crate) fn inc(&self) {
        self.0.fetch_add(1, Relaxed);
    }

    /// Drops one; `true` if it was the last.
    pub(crate) fn dec_and_test(&self) -> bool {
        if self.0.fetch_sub(1, Release) != 1 {
            return false;
        }
        fence(Acquire);
        true
    }
}

/// Objects whose [`AlwaysRefCounted`] implementation is [`impl_boxed_refcounted!`]'s.
///
/// # Safety
///
/// `dec_ref` frees the object with [`free_boxed`] when its [`RefCount`] drops to zero.
pub(crate) unsafe trait BoxedRefCounted: AlwaysRefCounted {}

/// Implements [`AlwaysRefCounted`] for `$t` with its [`RefCount`] field `$field`: a
/// `static` `$t` is never freed (its count never drops below the one it starts
/// with), one made by [`into_aref`] is freed, and dropped, at zero.
macro_rules! impl_boxed_refcounted {
    ($t:ty, $field:ident) => {
        // SAFETY: `$field` counts the references; only objects made by `into_aref`
        // reach zero (a `static` keeps the one it starts with), and those are boxed.
        unsafe impl kernel::types::AlwaysRefCounted for $t {
            fn inc_ref(&self) {
                self.$field.inc();
            }

            unsafe fn dec_ref(obj: core::ptr::NonNull<Self>) {
                // SAFETY: The caller owns a reference, so the object is alive.
                if unsafe { obj.as_ref() }.$field.dec_and_test() {
                    // SAFETY: That was the last reference of a boxed object (see above).
                    unsafe { $crate::wrap::subdir::free_boxed(obj) };
                }
            }
        }

        // SAFETY: `dec_ref` above frees with `free_boxed` at zero.
        unsafe impl $crate::wrap::subdir::BoxedRefCounted for $t {}
    };
}
pub(crate) use impl_boxed_refcounted;

/// Moves a fresh object to the heap and hands out its first reference (its
/// [`RefCount`] starts at one).
pub(crate) fn into_aref<T: BoxedRefCounted>(entry: T) -> Result<ARef<T>> {
    let raw = KBox::into_raw(KBox::new(entry, GFP_KERNEL)?);
    // SAFETY: `KBox::into_raw` never gives NULL; the count starts at one for this
    // reference, and `T`'s `dec_ref` frees the box (`BoxedRefCounted`).
    Ok(unsafe { ARef::from_raw(NonNull::new_unchecked(raw)) })
}

/// Frees an object made by [`into_aref`] whose last reference is gone.
///
/// # Safety
///
/// `obj` came from [`into_aref`] and nothing refers to it any more.
pub(crate) unsafe fn free_boxed<T>(obj: NonNull<T>) {
    // SAFETY: Made by `KBox::into_raw` in `into_aref`, per the caller.
    drop(unsafe { KBox::from_raw(obj.as_ptr()) });
}
