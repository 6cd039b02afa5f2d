// expect: E0599
// Only a superblock in fill_super can be given a root.
fn root(sb: &crate::wrap::super_block::SuperBlock, i: crate::wrap::inode::NewInode) {
    let _ = sb.make_root(i);
}
