//! The sed script parser: any script is parsed (and, with no input lines,
//! never run) with an error or without; never a panic. `w` and `W` become
//! `p` and `P`: sed opens (and truncates) `w` files while parsing, and a
//! fuzzer must not write files named by random bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

fuzz_target!(|data: &[u8]| {
    let Some(sed) = oxbox::applets::find(b"sed") else { return };
    let Some((&flags, script)) = data.split_first() else { return };
    if script.contains(&0) {
        return;
    }
    let mut args: Vec<OsString> = vec!["sed".into(), "-n".into()];
    if flags & 1 != 0 {
        args.push("-E".into());
    }
    if flags & 2 != 0 {
        args.push("-z".into());
    }
    args.push("-e".into());
    let script: Vec<u8> = script
        .iter()
        .map(|&b| match b {
            b'w' => b'p',
            b'W' => b'P',
            b => b,
        })
        .collect();
    args.push(OsString::from_vec(script));
    args.push("/dev/null".into());
    let _ = (sed.main)(&args);
});
