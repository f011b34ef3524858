//! truncate: shrink or extend files to a size.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/truncate-invocation.html
//!
//! `-s [+-<>/%]SIZE` with GNU's suffixes (`K` = 1024, `KB` = 1000, and so
//! on through `E`); `+` extends by, `-` shrinks by, `<` at most,
//! `>` at least, `/` rounds down to and `%` up to a multiple. `-r FILE`
//! takes FILE's size (and `-s` is then relative to it); `-o` counts in
//! I/O blocks; `-c` creates nothing. Extending makes a hole.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::quote;
use crate::size::{self, SizeError};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "truncate",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-co] -s [+-<>/%]SIZE | -r RFILE FILE...",
    help: "Shrink or extend each FILE to SIZE, creating FILEs that do not exist.\n\
\n\
\t-c\tDo not create files\n\
\t-o\tSIZE counts I/O blocks, not bytes\n\
\t-r RFILE\tUse RFILE's size\n\
\t-s SIZE\tThe size: N, +N (extend by), -N (shrink by), <N (at most),\n\
\t\t>N (at least), /N (round down to), %N (round up to); suffixes\n\
\t\tK M G T P E (1024s), KB MB ... (1000s)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', "no-create"),
    Opt::flag('o', "io-blocks"),
    Opt::value('r', "reference"),
    Opt::value('s', "size"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Set,
    Extend,
    Shrink,
    AtMost,
    AtLeast,
    RoundDown,
    RoundUp,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).negative_numbers();
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let size_arg = m.value("s").map(|s| String::from_utf8_lossy(s.as_encoded_bytes()).into_owned());
    let reference = m.value("r");
    if size_arg.is_none() && reference.is_none() {
        return parser.usage_error(args, "you must specify either '--size' or '--reference'");
    }
    let io_blocks = m.has("o");
    if io_blocks && size_arg.is_none() {
        return parser.usage_error(args, "'--io-blocks' was specified but '--size' was not");
    }
    let mut how = How::Set;
    let mut amount: u64 = 0;
    if let Some(s) = &size_arg {
        let t = s.trim_start();
        let (h, rest) = match t.as_bytes().first() {
            Some(b'+') => (How::Extend, &t[1..]),
            Some(b'-') => (How::Shrink, &t[1..]),
            Some(b'<') => (How::AtMost, &t[1..]),
            Some(b'>') => (How::AtLeast, &t[1..]),
            Some(b'/') => (How::RoundDown, &t[1..]),
            Some(b'%') => (How::RoundUp, &t[1..]),
            _ => (How::Set, t),
        };
        how = h;
        match size::parse_size(rest.trim_start(), size::GNU) {
            Ok(v) => amount = v,
            Err(SizeError::Invalid) => {
                diag.error(format_args!("Invalid number: {}", quote::msg(s.as_bytes())));
                return 1;
            }
            Err(SizeError::TooLarge) => {
                diag.error(format_args!(
                    "Invalid number: {}: {}",
                    quote::msg(s.as_bytes()),
                    diag::errno_text(libc::EOVERFLOW)
                ));
                return 1;
            }
        }
        if (how == How::RoundDown || how == How::RoundUp) && amount == 0 {
            diag.error("division by zero");
            return 1;
        }
    }
    let ref_size = match reference {
        None => None,
        Some(r) => match std::fs::metadata(r) {
            Ok(md) => Some(md.len()),
            Err(e) => {
                diag.error(format_args!("cannot stat {}: {}", quote::msg_os(r), diag::strerror(&e)));
                return 1;
            }
        },
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing file operand");
    }
    let create = !m.has("c");
    for op in &m.operands {
        let file = std::fs::OpenOptions::new().write(true).create(create).truncate(false).open(op);
        let file = match file {
            Ok(f) => f,
            Err(e) if !create && e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                diag.error(format_args!(
                    "cannot open {} for writing: {}",
                    quote::msg_os(op),
                    diag::strerror(&e)
                ));
                continue;
            }
        };
        let md = match file.metadata() {
            Ok(md) => md,
            Err(e) => {
                diag.error(format_args!("cannot fstat {}: {}", quote::msg_os(op), diag::strerror(&e)));
                continue;
            }
        };
        let block = if io_blocks { md.blksize().max(1) } else { 1 };
        let n = match amount.checked_mul(block) {
            Some(n) => n,
            None => {
                diag.error(format_args!(
                    "overflow in {} * {} byte blocks for file {}",
                    amount,
                    block,
                    quote::msg_os(op)
                ));
                continue;
            }
        };
        let cur = ref_size.unwrap_or(md.len());
        let new = match how {
            How::Set if size_arg.is_none() => cur,
            How::Set => n,
            How::Extend => match cur.checked_add(n) {
                Some(v) => v,
                None => {
                    diag.error(format_args!("overflow extending size of file {}", quote::msg_os(op)));
                    continue;
                }
            },
            How::Shrink => cur.saturating_sub(n),
            How::AtMost => cur.min(n),
            How::AtLeast => cur.max(n),
            How::RoundDown => cur / n * n,
            How::RoundUp => match cur.div_ceil(n).checked_mul(n) {
                Some(v) => v,
                None => {
                    diag.error(format_args!("overflow rounding up size of file {}", quote::msg_os(op)));
                    continue;
                }
            },
        };
        if let Err(e) = file.set_len(new) {
            diag.error(format_args!(
                "failed to truncate {} at {} bytes: {}",
                quote::msg_os(op),
                new,
                diag::strerror(&e)
            ));
        }
    }
    diag.status()
}
