// expect: E0603
// A type outside wrap/subdir.rs cannot claim to hold proc_subdir_lock: `Held` is
// sealed by a private module.
struct NotAGuard;
impl crate::wrap::subdir::sealed::Sealed for NotAGuard {}
