//! The awk parser: any program text parses or gives a syntax error, never
//! a panic or a stack overflow. Nothing is run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = oxbox::applets::awk::parse_only(data);
});
