// SPDX-License-Identifier: GPL-2.0

//! The C shim (`shim/*.c`, declared in `shim/shim.h`) and the exported kernel symbols
//! whose headers the kernel crate's bindings do not include, as Rust sees them. Nothing
//! here is written by hand: Kbuild runs bindgen on `shim/bindings.h` (the rule is in
//! `Kbuild`) and this module includes its output, whose types are `kernel::bindings`'
//! own. Only the wrapper layer calls these.

#![allow(
    clippy::all,
    clippy::undocumented_unsafe_blocks,
    dead_code,
    improper_ctypes,
    missing_docs,
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    unreachable_pub,
    reason = "bindgen output, as rust/bindings/lib.rs allows for the kernel crate's"
)]

include!("../shim/bindings_generated.rs");
