// expect: E0451
// A counted entry is never a value of its own (a stack one could be referenced
// after it is gone): its fields are private to wrap/subdir.rs.
fn make(e: crate::pde::Entry) {
    let _c = crate::wrap::subdir::Counted { refs: core::sync::atomic::AtomicUsize::new(1), data: e };
}
