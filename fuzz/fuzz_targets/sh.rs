//! The shell's parser: `sh -n -c SCRIPT` reads and parses every command
//! and runs none, whatever the bytes; a syntax error or nothing, never a
//! panic or a stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

fuzz_target!(|data: &[u8]| {
    let Some(sh) = oxbox::applets::find(b"sh") else { return };
    if data.contains(&0) {
        return;
    }
    let args: Vec<OsString> = vec!["sh".into(), "-n".into(), "-c".into(), OsString::from_vec(data.to_vec())];
    let _ = (sh.main)(&args);
});
