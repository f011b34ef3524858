//! mkfifo: make named pipes.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/mkfifo.html
//!
//! Without `-m` the mode is `a=rw` less the umask; `-m MODE` (octal or
//! symbolic, applied to `a=rw`) is set exactly, with a `chmod` after
//! creation when the umask would have taken bits away.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::mode;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;

pub const APPLET: Applet = Applet {
    name: "mkfifo",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-m MODE] NAME...",
    help: "Create named pipes (FIFOs) with the given NAMEs.\n\
\n\
\t-m MODE\tMode of the new FIFOs (octal or symbolic, as chmod)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::value('m', "mode")];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    let mut diag = Diag::new(args);
    let spec = m.value("m").map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
    let Some((mode, chmod_after)) = mode::for_new(spec.as_deref(), 0o666, false) else {
        diag.error("invalid mode");
        return 1;
    };
    for name in &m.operands {
        let c = match crate::sys::cstring(name) {
            Ok(c) => c,
            Err(e) => {
                diag.io_error(name, &e);
                continue;
            }
        };
        // SAFETY: `c` is NUL-terminated.
        if unsafe { libc::mkfifo(c.as_ptr(), (mode & 0o777) as libc::mode_t) } != 0 {
            let e = std::io::Error::last_os_error();
            diag.error(format_args!(
                "cannot create fifo {}: {}",
                quote::msg_os(name),
                diag::strerror(&e)
            ));
            continue;
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
    }
    diag.status()
}
