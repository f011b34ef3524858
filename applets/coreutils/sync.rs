//! sync: flush file system buffers.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/sync-invocation.html
//!
//! Without FILEs, `sync(2)`. With them, `fsync` each (`-d`: `fdatasync`,
//! only the data; `-f`: `syncfs`, the file system holding it).

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "sync",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-d|-f] [FILE]...",
    help: "Write buffered data to disk: everything, or FILEs.\n\
\n\
\t-d\tOnly the FILEs' data, not all metadata\n\
\t-f\tThe whole file systems holding the FILEs",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('d', "data"), Opt::flag('f', "file-system")];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let (data, fs) = (m.has("d"), m.has("f"));
    if data && fs {
        Diag::new(args).error("cannot specify both --data and --file-system");
        return 1;
    }
    if m.operands.is_empty() {
        if data || fs {
            return parser.usage_error(args, "--data needs at least one argument");
        }
        // SAFETY: sync has no preconditions.
        unsafe { libc::sync() };
        return 0;
    }
    let mut diag = Diag::new(args);
    for op in &m.operands {
        let c = match crate::sys::cstring(op) {
            Ok(c) => c,
            Err(e) => {
                diag.io_error(op, &e);
                continue;
            }
        };
        // Write access is not needed to sync; a directory opens read-only.
        // SAFETY: `c` is NUL-terminated.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_NONBLOCK | libc::O_CLOEXEC) };
        if fd < 0 {
            let e = std::io::Error::last_os_error();
            diag.error(format_args!("error opening {}: {}", quote::msg_os(op), diag::strerror(&e)));
            continue;
        }
        // SAFETY: fd is open.
        let r = unsafe {
            if fs {
                libc::syncfs(fd)
            } else if data {
                libc::fdatasync(fd)
            } else {
                libc::fsync(fd)
            }
        };
        if r != 0 {
            let e = std::io::Error::last_os_error();
            diag.error(format_args!("error syncing {}: {}", quote::msg_os(op), diag::strerror(&e)));
        }
        // SAFETY: fd is ours.
        unsafe { libc::close(fd) };
    }
    diag.status()
}
