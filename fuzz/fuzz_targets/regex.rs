//! The regex translator and both engines: any pattern either compiles or
//! gives an error; a compiled one matches a fixed text without panicking,
//! in the C locale and in a UTF-8 one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oxbox::regex::{Pattern, Syntax};

const TEXT: &[u8] = b"abc ABC 123 a.b\\c foo\nbar  baz_qux (x) [y] {z} aaa\xff\x00end \xc3\xa9\xc3\x89\xe2\x82\xac\xe2\x82 \xf0\x9f\x98\x80";

fuzz_target!(|data: &[u8]| {
    let Some((&flags, pattern)) = data.split_first() else { return };
    let syn = Syntax { extended: flags & 1 != 0, icase: flags & 2 != 0, newline: flags & 4 != 0, zero: flags & 16 != 0, strict: flags & 32 != 0 };
    // Bit 3: in a UTF-8 locale.
    if let Ok(p) = Pattern::new_in(pattern, syn, flags & 8 != 0) {
        let _ = p.is_match(TEXT);
        let mut at = 0;
        while let Some((s, e)) = p.find_at(TEXT, at) {
            assert!(s <= e && e <= TEXT.len());
            at = if e > at { e } else { at + 1 };
            if at > TEXT.len() {
                break;
            }
        }
        // The C library's path from several starts: inside lines (the
        // byte before goes in its subject) and across the NUL.
        let mut spans = vec![None; p.groups() + 1];
        for start in [0, 1, 5, 24, 52, 54, TEXT.len()] {
            if p.captures_at(TEXT, start, &mut spans) {
                for &(s, e) in spans.iter().flatten() {
                    assert!(s <= e && e <= TEXT.len());
                }
                if let Some((s, _)) = spans[0] {
                    assert!(s >= start);
                }
            }
        }
    }
});
