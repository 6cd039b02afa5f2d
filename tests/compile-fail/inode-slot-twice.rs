// expect: E0599
// An inode's slot is filled once: a second value would free what `i_link` points to.
fn twice(i: crate::wrap::inode::NewInode) {
    let i = i.set_data(&0u8);
    let _ = i.set_data(&1u8);
}
