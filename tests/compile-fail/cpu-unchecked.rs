// expect: E0308
// Per-CPU data is indexed only by a checked CpuId.
fn idle() -> u64 {
    crate::wrap::sys::cpu_idle_time_us(4096u32)
}
