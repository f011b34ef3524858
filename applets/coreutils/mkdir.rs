//! mkdir: make directories.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/mkdir.html
//!
//! `-m MODE` is applied as `chmod` would to `a=rwx` (so `-m u+s,g=u` works
//! as in GNU), after creation when it has bits `mkdir(2)` cannot set (the
//! umask, set-id, sticky). `-p` makes missing parents with the umask's mode
//! plus `u+wx`, as POSIX says, and accepts existing directories. `-v` prints
//! GNU's `created directory 'x'` for each one made.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::mode;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "mkdir",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-pv] [-m MODE] DIRECTORY...",
    help: "Create the DIRECTORYs.\n\
\n\
\t-m MODE\tMode of the new directories (octal or symbolic, as chmod)\n\
\t-p\tNo error if existing; make parent directories as needed\n\
\t-v\tPrint a message for each directory made",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('m', "mode"),
    Opt::flag('p', "parents"),
    Opt::flag('v', "verbose"),
];

fn mkdir(path: &[u8], mode: u32) -> io::Result<()> {
    let c = CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

fn chmod(path: &[u8], mode: u32) -> io::Result<()> {
    let c = CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::chmod(c.as_ptr(), mode as libc::mode_t) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

fn is_dir(path: &[u8]) -> bool {
    std::fs::metadata(std::ffi::OsStr::from_bytes(path)).is_ok_and(|m| m.is_dir())
}

struct Run {
    diag: Diag,
    out: Out,
    verbose: bool,
    /// The final directory's mode, and whether a chmod must follow.
    mode: u32,
    chmod_after: bool,
    parent_mode: u32,
    parents: bool,
}

impl Run {
    fn created(&mut self, path: &[u8]) {
        if self.verbose {
            let line = format!("{}: created directory {}\n", self.diag.name(), quote::msg(path));
            self.out.write_bytes(line.as_bytes());
        }
    }

    fn fail(&mut self, path: &[u8], e: &io::Error) {
        self.diag.error(format_args!(
            "cannot create directory {}: {}",
            quote::msg(path),
            crate::diag::strerror(e)
        ));
    }

    fn make(&mut self, path: &[u8]) {
        if self.parents {
            // Each missing ancestor, left to right.
            let mut i = 0;
            while let Some(off) = path[i..].iter().position(|&b| b == b'/') {
                let end = i + off;
                i = end + 1;
                let prefix = &path[..end];
                // `/x` and `a//b` hold empty steps.
                if prefix.is_empty() || prefix.ends_with(b"/") {
                    continue;
                }
                // The last component, with slashes after it, is made below.
                if path[end..].iter().all(|&b| b == b'/') {
                    break;
                }
                match mkdir(prefix, self.parent_mode) {
                    Ok(()) => {
                        self.created(prefix);
                        // u+wx must hold even where the umask takes it away.
                        if self.parent_mode & mode::umask() != 0 {
                            let _ = chmod(prefix, self.parent_mode);
                        }
                    }
                    Err(e) if e.raw_os_error() == Some(libc::EEXIST) && is_dir(prefix) => {}
                    Err(e) => {
                        let e = if e.raw_os_error() == Some(libc::EEXIST) {
                            io::Error::from_raw_os_error(libc::ENOTDIR)
                        } else {
                            e
                        };
                        return self.fail(prefix, &e);
                    }
                }
            }
        }
        match mkdir(path, self.mode & 0o777) {
            Ok(()) => {
                self.created(path);
                if self.chmod_after {
                    if let Err(e) = chmod(path, self.mode) {
                        self.diag.error(format_args!(
                            "cannot set permissions of {}: {}",
                            quote::msg(path),
                            crate::diag::strerror(&e)
                        ));
                    }
                }
            }
            Err(e) if self.parents && e.raw_os_error() == Some(libc::EEXIST) && is_dir(path) => {}
            Err(e) => self.fail(path, &e),
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    let umask = mode::umask();
    let spec = m.value("m").map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
    let Some((final_mode, chmod_after)) = mode::for_new(spec.as_deref(), 0o777, true) else {
        let shown = m.value("m").map_or(Vec::new(), |s| s.as_bytes().to_vec());
        Diag::new(args).error(format_args!("invalid mode {}", quote::msg(&shown)));
        return 1;
    };
    let mut run = Run {
        diag: Diag::new(args),
        out: Out::stdout(),
        verbose: m.has("v"),
        mode: final_mode,
        chmod_after,
        parent_mode: (0o777 & !umask) | 0o300,
        parents: m.has("p"),
    };
    for op in &m.operands {
        run.make(op.as_bytes());
    }
    let status = run.diag.status();
    let name = run.diag.name().to_string();
    run.out.finish(&name, status)
}
