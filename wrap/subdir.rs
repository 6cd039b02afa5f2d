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
///
/// # Invariants
///
/// This thread holds the lock for reading until the guard is dropped; made only by
/// [`read`].
pub(crate) struct ReadGuard(PhantomData<*mut ()>);
/// `proc_subdir_lock` held for writing.
///
/// # Invariants
///
/// This thread holds the lock for writing until the guard is dropped; made only by
/// [`write`].
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

mod sealed {
    /// Implemented by the two guards of this file only: the module is private, so no
    /// other type can name this trait to implement it.
    pub(crate) trait Sealed {}
}

/// Either guard proves that no writer changes what the lock guards.
///
/// Sealed: [`Guarded::get`] relies on an implementor being one of the guards below,
/// and no code outside this file can add another.
pub(crate) trait Held: sealed::Sealed {}
impl sealed::Sealed for ReadGuard {}
impl sealed::Sealed for WriteGuard {}
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

/// Something that names itself. A tree keyed by [`NameKey`] assumes the name does
/// not change while the object is in the tree (else searches miss; memory stays safe).
pub(crate) trait Named {
    fn name_bytes(&self) -> &[u8];
}

/// A tree key: the entry a tree node holds, counted, or a name being searched for.
/// Ordered by `cmp`, fs/proc's `proc_match`.
///
/// # Invariants
///
/// A `Probe` key exists only inside [`NameKey::probe`], while the name it points to is
/// borrowed there; an `Entry` key owns a reference, so its name lives as long as the
/// key.
pub(crate) struct NameKey<E: Named + AlwaysRefCounted>(Repr<E>);

enum Repr<E: AlwaysRefCounted> {
    Entry(ARef<E>),
    Probe { ptr: NonNull<u8>, len: usize },
}

// SAFETY: An `Entry` key is an `ARef<E>`, sendable for such `E`; a `Probe` key never
// leaves the closure of `probe`, on the caller's thread.
unsafe impl<E: Named + AlwaysRefCounted + Send + Sync> Send for NameKey<E> {}
// SAFETY: As above; a key is only read.
unsafe impl<E: Named + AlwaysRefCounted + Send + Sync> Sync for NameKey<E> {}

impl<E: Named + AlwaysRefCounted> NameKey<E> {
    /// The key of the node that will hold `entry`: it holds a reference of its own,
    /// so it cannot outlive the entry whatever the tree does with it.
    pub(crate) fn of(entry: &ARef<E>) -> Self {
        Self(Repr::Entry(entry.clone()))
    }

    /// A key to search for `name` with, lent to `f` only: `f` gets a shared borrow
    /// that ends when it returns, and `NameKey` is not `Clone`, so the key cannot
    /// outlive `name`.
    pub(crate) fn probe<R>(name: &[u8], f: impl FnOnce(&Self) -> R) -> R {
        // INVARIANT: The probe lives only during `f` (see above).
        let key = Self(Repr::Probe {
            ptr: NonNull::from(name).cast(),
            len: name.len(),
        });
        f(&key)
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Entry(e) => e.name_bytes(),
            // SAFETY: Valid for `len` bytes while the key exists (type invariant).
            Repr::Probe { ptr, len } => unsafe { core::slice::from_raw_parts(ptr.as_ptr(), *len) },
        }
    }
}

/// fs/proc's `proc_match` order: shorter names first, then bytes. Readdir walks the
/// tree in this order, so it lists names as /proc does.
pub(crate) fn proc_match(a: &[u8], b: &[u8]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl<E: Named + AlwaysRefCounted> PartialEq for NameKey<E> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}
impl<E: Named + AlwaysRefCounted> Eq for NameKey<E> {}
impl<E: Named + AlwaysRefCounted> PartialOrd for NameKey<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E: Named + AlwaysRefCounted> Ord for NameKey<E> {
    fn cmp(&self, other: &Self) -> Ordering {
        proc_match(self.bytes(), other.bytes())
    }
}

/// A reference-counted object that lives either in a `static` ([`StaticCounted`]) or
/// in a box ([`Counted::new_boxed`]), and derefs to its data.
///
/// # Invariants
///
/// A `Counted` is never a value of its own: its field is private and the two
/// constructors put it in a `static` or a box, so every `&Counted` points into one of
/// those. `refs` counts the references: those `new_boxed` and `inc_ref` handed out,
/// plus, for a `static` one, the one the static itself holds and never gives back,
/// so only a boxed object reaches zero, and it is freed then.
pub(crate) struct Counted<T> {
    refs: AtomicUsize,
    data: T,
}

impl<T> core::ops::Deref for Counted<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T: Named> Named for Counted<T> {
    fn name_bytes(&self) -> &[u8] {
        self.data.name_bytes()
    }
}

impl<T> Counted<T> {
    /// Moves `data` to the heap and hands out its first reference.
    pub(crate) fn new_boxed(data: T) -> Result<ARef<Self>> {
        let raw = KBox::into_raw(KBox::new(
            Self {
                refs: AtomicUsize::new(1),
                data,
            },
            GFP_KERNEL,
        )?);
        // SAFETY: `KBox::into_raw` never gives NULL; the count starts at one for this
        // reference, which `dec_ref` gives back.
        Ok(unsafe { ARef::from_raw(NonNull::new_unchecked(raw)) })
    }
}

// SAFETY: `refs` counts the references (type invariant): `inc_ref` adds one, and
// `dec_ref` frees the box when the last one of a boxed object goes; a static one
// never reaches zero.
unsafe impl<T> AlwaysRefCounted for Counted<T> {
    fn inc_ref(&self) {
        self.refs.fetch_add(1, Relaxed);
    }

    unsafe fn dec_ref(obj: NonNull<Self>) {
        // SAFETY: The caller owns a reference, so the object is alive.
        if unsafe { obj.as_ref() }.refs.fetch_sub(1, Release) != 1 {
            return;
        }
        fence(Acquire);
        // SAFETY: That was the last reference, so the object is a boxed one (a static
        // one keeps its own, type invariant) made by `KBox::into_raw` in `new_boxed`.
        drop(unsafe { KBox::from_raw(obj.as_ptr()) });
    }
}

/// A [`Counted`] for a `static`: references to it are handed out only from a
/// `&'static` borrow, so it outlives all of them.
pub(crate) struct StaticCounted<T>(Counted<T>);

impl<T> StaticCounted<T> {
    pub(crate) const fn new(data: T) -> Self {
        // INVARIANT: The one reference the count starts with is the static's own.
        Self(Counted {
            refs: AtomicUsize::new(1),
            data,
        })
    }

    /// The counted object, for `ARef::from`.
    pub(crate) fn get(&'static self) -> &'static Counted<T> {
        &self.0
    }
}
