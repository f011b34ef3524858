//! rev: reverse the characters of each line (util-linux).
//! Characters are bytes in the C locale and UTF-8 sequences in a UTF-8
//! locale (a byte that is not valid UTF-8 stays one unit, where
//! util-linux stops with an error and drops the rest). A last line without
//! a newline stays without one.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "rev",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[FILE]...",
    help: "Print each line of FILEs (standard input for none or -) reversed.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[];

/// Appends `line` reversed to `out`: by bytes, or in a UTF-8 locale by
/// characters (a byte that starts no valid character is one unit). The
/// units are copied straight to their place from the end, with no list.
fn reverse(line: &[u8], utf8: bool, out: &mut Vec<u8>) {
    let base = out.len();
    let len = line.len();
    out.resize(base + len, 0);
    let dst = &mut out[base..];
    let mut i = 0;
    while i < len {
        let c = line[i];
        let n = if !utf8 || c < 0x80 {
            1
        } else {
            let want = match c {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 1,
            };
            let end = (i + want).min(len);
            if want > 1 && std::str::from_utf8(&line[i..end]).is_ok() {
                end - i
            } else {
                1
            }
        };
        let to = len - i - n;
        dst[to..to + n].copy_from_slice(&line[i..i + n]);
        i += n;
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let utf8 = crate::sys::utf8_locale();
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                    out.flush_now();
                    diag.error(format_args!("cannot open {}: {}", String::from_utf8_lossy(op.as_bytes()), diag::strerror(&e)));
                    continue;
            }
        };
        let fd = input.fd();
        let mut line: Vec<u8> = Vec::new();
        let mut text = Vec::new();
        loop {
            let n = match read_fd(fd, &mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    out.flush_now();
                    diag.error(format_args!("{}: {}", String::from_utf8_lossy(op.as_bytes()), diag::strerror(&e)));
                    break;
                }
            };
            let mut start = 0;
            text.clear();
            for p in memchr::memchr_iter(b'\n', &buf[..n]) {
                if line.is_empty() {
                    reverse(&buf[start..p], utf8, &mut text);
                } else {
                    line.extend_from_slice(&buf[start..p]);
                    reverse(&line, utf8, &mut text);
                    line.clear();
                }
                text.push(b'\n');
                start = p + 1;
            }
            out.write_bytes(&text);
            line.extend_from_slice(&buf[start..n]);
        }
        if !line.is_empty() {
            text.clear();
            reverse(&line, utf8, &mut text);
            out.write_bytes(&text);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
