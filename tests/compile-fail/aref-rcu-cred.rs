// expect: E0277
// Credentials read under RCU cannot be counted: their last reference may be going.
fn keep(t: &crate::wrap::task::Task) -> kernel::types::ARef<crate::wrap::cred::RcuCredential> {
    t.with_cred(|c| kernel::types::ARef::from(c))
}
