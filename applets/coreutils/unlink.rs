//! unlink: call unlink(2) on one FILE.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/unlink.html

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "unlink",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "FILE",
    help: "Remove FILE with unlink(2).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).in_order();
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    if let Err(status) = parser.at_most(args, &m, 1) {
        return status;
    }
    let file = &m.operands[0];
    let c = match crate::sys::cstring(file) {
        Ok(c) => c,
        Err(e) => {
            Diag::new(args).io_error(file, &e);
            return 1;
        }
    };
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::unlink(c.as_ptr()) } != 0 {
        let e = std::io::Error::last_os_error();
        Diag::new(args).error(format_args!(
            "cannot unlink {}: {}",
            quote::msg_os(file),
            diag::strerror(&e)
        ));
        return 1;
    }
    0
}
