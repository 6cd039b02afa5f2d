// expect: E0277
// No counted dentry handle exists: one could outlive its superblock.
fn keep(d: &crate::wrap::dentry::Dentry) -> kernel::types::ARef<crate::wrap::dentry::Dentry> {
    kernel::types::ARef::from(d)
}
