//! mknod: make block or character special files, or FIFOs.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/mknod-invocation.html
//!
//! `mknod [-m MODE] NAME TYPE [MAJOR MINOR]` with TYPE `b` (block), `c` or
//! `u` (character) or `p` (FIFO, no numbers). Numbers may be decimal,
//! `0x` hex or `0` octal, as GNU reads them.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::mode;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;

pub const APPLET: Applet = Applet {
    name: "mknod",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-m MODE] NAME TYPE [MAJOR MINOR]",
    help: "Create the special file NAME of TYPE: b (block device), c or u\n\
(character device, unbuffered), p (FIFO; no MAJOR and MINOR).\n\
\n\
\t-m MODE\tMode of the new file (octal or symbolic, as chmod)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::value('m', "mode")];

fn number(s: &[u8]) -> Option<u32> {
    let t = std::str::from_utf8(s).ok()?;
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        u32::from_str_radix(h, 16).ok()
    } else if t.len() > 1 && t.starts_with('0') {
        u32::from_str_radix(&t[1..], 8).ok()
    } else {
        t.parse().ok()
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let ops = &m.operands;
    if ops.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    if ops.len() == 1 {
        let after = quote::msg_os(&ops[0]);
        return parser.usage_error(args, format_args!("missing operand after {after}"));
    }
    let kind = match ops[1].as_bytes() {
        b"b" => libc::S_IFBLK,
        b"c" | b"u" => libc::S_IFCHR,
        b"p" => libc::S_IFIFO,
        t => {
            let shown = quote::msg(t);
            return parser.usage_error(args, format_args!("invalid device type {shown}"));
        }
    };
    let mut diag = Diag::new(args);
    let dev = if kind == libc::S_IFIFO {
        if ops.len() > 2 {
            let extra = quote::msg_os(&ops[2]);
            return parser.usage_error(
                args,
                format_args!("extra operand {extra}\nFifos do not have major and minor device numbers."),
            );
        }
        0
    } else {
        if ops.len() < 4 {
            let after = quote::msg_os(&ops[ops.len() - 1]);
            return parser.usage_error(
                args,
                format_args!(
                    "missing operand after {after}\nSpecial files require major and minor device numbers."
                ),
            );
        }
        if let Err(status) = parser.at_most(args, &m, 4) {
            return status;
        }
        let Some(major) = number(ops[2].as_bytes()) else {
            diag.error(format_args!("invalid major device number {}", quote::msg_os(&ops[2])));
            return 1;
        };
        let Some(minor) = number(ops[3].as_bytes()) else {
            diag.error(format_args!("invalid minor device number {}", quote::msg_os(&ops[3])));
            return 1;
        };
        libc::makedev(major, minor)
    };
    let spec = m.value("m").map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
    let Some((mode, chmod_after)) = mode::for_new(spec.as_deref(), 0o666, false) else {
        diag.error("invalid mode");
        return 1;
    };
    let name = &ops[0];
    let c = match crate::sys::cstring(name) {
        Ok(c) => c,
        Err(e) => {
            diag.io_error(name, &e);
            return 1;
        }
    };
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::mknod(c.as_ptr(), kind | (mode & 0o777), dev) } != 0 {
        let e = std::io::Error::last_os_error();
        diag.io_error(name, &e);
        return 1;
    }
    if chmod_after {
        if let Err(e) = std::fs::set_permissions(name, std::fs::Permissions::from_mode(mode)) {
            diag.error(format_args!(
                "cannot set permissions of {}: {}",
                quote::msg_os(name),
                diag::strerror(&e)
            ));
        }
    }
    diag.status()
}
