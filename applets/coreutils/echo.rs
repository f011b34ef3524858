//! echo: write the arguments, separated by spaces, and a newline.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/echo.html
//!
//! As BusyBox and GNU: leading arguments made only of `-n`, `-e`, `-E`
//! letters (`-neE` clusters too) are options; the first other argument, `-`
//! and `--` included, starts the text. Escapes are decoded only after `-e`
//! (see `crate::escape`); `\c` ends all output, the newline too.

use crate::escape::{self, Style};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "echo",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-neE] [STRING]...",
    help: "Write the STRINGs, separated by spaces, and a newline.\n\
\n\
\t-n\tNo trailing newline\n\
\t-e\tInterpret backslash escapes (\\n \\t \\0NNN \\xHH \\c ...)\n\
\t-E\tDo not interpret escapes (the default)",
    help_option: false,
    main,
};

fn main(args: &[OsString]) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut first = 1;
    for arg in &args[1.min(args.len())..] {
        let a = arg.as_bytes();
        if a.len() < 2 || a[0] != b'-' || !a[1..].iter().all(|c| b"neE".contains(c)) {
            break;
        }
        for c in &a[1..] {
            match c {
                b'n' => newline = false,
                b'e' => escapes = true,
                _ => escapes = false,
            }
        }
        first += 1;
    }
    let mut out = Out::stdout();
    let mut line = Vec::new();
    let mut stopped = false;
    for (i, arg) in args.iter().enumerate().skip(first) {
        if i > first {
            line.push(b' ');
        }
        if escapes {
            if !escape::unescape(arg.as_bytes(), Style::Echo, &mut line) {
                stopped = true;
                break;
            }
        } else {
            line.extend_from_slice(arg.as_bytes());
        }
    }
    if newline && !stopped {
        line.push(b'\n');
    }
    out.write_bytes(&line);
    out.finish(&crate::diag::name_of(args), 0)
}
