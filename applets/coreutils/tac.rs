//! tac: write files with their lines (or records) in reverse order.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/tac-invocation.html
//!
//! Records end with the separator (newline, or `-s STRING`); with `-b`
//! they start with it. A last record without its separator is printed as
//! it is, first, as GNU does. Each input is read whole. `-r` (a regular
//! expression separator) needs the regex engine, which is not in yet: it
//! fails as an unsupported option.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tac",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-b] [-s SEP] [FILE]...",
    help: "Print FILEs (standard input for none or -) last line first.\n\
\n\
\t-b\tThe separator comes before each record, not after\n\
\t-s SEP\tRecords are separated by SEP, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "before"),
    Opt::flag('r', "regex"),
    Opt::value('s', "separator"),
];

/// The records of `data`, in order.
fn records<'a>(data: &'a [u8], sep: &[u8], before: bool) -> Vec<&'a [u8]> {
    let mut v = Vec::new();
    let finder = memchr::memmem::Finder::new(sep);
    let mut start = 0;
    for p in finder.find_iter(data) {
        if before {
            // The record before the first separator, if any, then each
            // separator starts the next.
            if p > start {
                v.push(&data[start..p]);
            }
            start = p;
        } else {
            v.push(&data[start..p + sep.len()]);
            start = p + sep.len();
        }
    }
    if start < data.len() {
        v.push(&data[start..]);
    }
    v
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if m.has("r") {
        diag.error("unsupported option '-r' (regular expression separators are not in this build)");
        return 1;
    }
    let sep: Vec<u8> = m.value("s").map_or(b"\n".to_vec(), |s| s.as_bytes().to_vec());
    if sep.is_empty() {
        diag.error("separator cannot be empty");
        return 1;
    }
    let before = m.has("b");
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 128 * 1024];
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                    out.flush_now();
                    diag.error(format_args!("failed to open {} for reading: {}", quote::msg_os(op), diag::strerror(&e)));
                    continue;
            }
        };
        let fd = input.fd();
        let mut data = Vec::new();
        let mut failed = false;
        loop {
            match read_fd(fd, &mut buf) {
                Ok(0) => break,
                Ok(n) => data.extend_from_slice(&buf[..n]),
                Err(e) => {
                    out.flush_now();
                    let name = if op == "-" { "standard input".to_string() } else { quote::msg_os(op) };
                    diag.error(format_args!("{name}: read error: {}", diag::strerror(&e)));
                    failed = true;
                    break;
                }
            }
        }
        if failed {
            continue;
        }
        for r in records(&data, &sep, before).iter().rev() {
            out.write_bytes(r);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::records;

    #[test]
    fn splitting() {
        assert_eq!(records(b"a\nb", b"\n", false), [&b"a\n"[..], b"b"]);
        assert_eq!(records(b"a,b,", b",", false), [&b"a,"[..], b"b,"]);
        assert_eq!(records(b",a,b", b",", true), [&b",a"[..], b",b"]);
        assert_eq!(records(b"a\nb\n", b"\n", true), [&b"a"[..], b"\nb", b"\n"]);
    }
}
