//! The oxbox binary: hands argv to the multiplexer and exits with its status.
//!
//! `no_main` keeps Rust's runtime start-up out of the hot path and leaves
//! SIGPIPE as the parent set it (the runtime would ignore it).
#![no_main]

/// The C entry point.
///
/// # Safety
/// Called once by the C runtime with a valid `argc`/`argv`.
#[no_mangle]
pub unsafe extern "C" fn main(argc: i32, argv: *const *const u8) -> i32 {
    // SAFETY: the C runtime passes argc valid, NUL-terminated argv strings.
    let args = unsafe { oxbox::args::from_c(argc, argv) };
    oxbox::multi::run(args)
}
