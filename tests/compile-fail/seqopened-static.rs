// expect: lifetime may not live long enough
// A seq_file token cannot outlive the open that made it (it borrows the file).
fn keep(file: &crate::wrap::file::ProcFile) {
    static mut KEPT: Option<crate::wrap::ops::SeqOpened<'static>> = None;
    let t = file.single_open::<crate::user_namespace::IdMapFile>();
    // SAFETY: compile-fail test; never run.
    unsafe { KEPT = t.ok() };
}
