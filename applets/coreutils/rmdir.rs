//! rmdir: remove empty directories.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/rmdir.html
//!
//! `-p` then removes each parent named in the operand (`a/b/c`, `a/b`,
//! `a`), stopping at the first that fails; `--ignore-fail-on-non-empty`
//! keeps quiet about directories that still hold something; `-v` prints
//! GNU's `removing directory, 'x'`.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "rmdir",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-pv] [--ignore-fail-on-non-empty] DIRECTORY...",
    help: "Remove the DIRECTORYs if they are empty.\n\
\n\
\t-p\tAlso remove each parent named in DIRECTORY\n\
\t-v\tPrint a message for each directory removed\n\
\t--ignore-fail-on-non-empty\n\
\t\tDo not report directories that are not empty",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('p', "parents"),
    Opt::flag('v', "verbose"),
    Opt::flag('\0', "ignore-fail-on-non-empty"),
];

fn rmdir(path: &[u8]) -> io::Result<()> {
    let c = CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated.
    if unsafe { libc::rmdir(c.as_ptr()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

fn not_empty(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::ENOTEMPTY) | Some(libc::EEXIST))
}

/// `path` without its last component and the slashes before it; None when
/// nothing is left.
fn parent(path: &[u8]) -> Option<&[u8]> {
    let end = path.iter().rposition(|&b| b != b'/')? + 1;
    let slash = path[..end].iter().rposition(|&b| b == b'/')?;
    let p = &path[..slash];
    let p_end = p.iter().rposition(|&b| b != b'/').map(|i| i + 1)?;
    Some(&p[..p_end])
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
    let (parents, verbose) = (m.has("p"), m.has("v"));
    let ignore = m.has("ignore-fail-on-non-empty");
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    for op in &m.operands {
        let mut path = op.as_bytes();
        loop {
            if verbose {
                let line = format!("{}: removing directory, {}\n", diag.name(), quote::msg(path));
                out.write_bytes(line.as_bytes());
            }
            if let Err(e) = rmdir(path) {
                if !(ignore && not_empty(&e)) {
                    out.flush_now();
                    diag.error(format_args!(
                        "failed to remove {}: {}",
                        quote::msg(path),
                        diag::strerror(&e)
                    ));
                }
                break;
            }
            match parent(path) {
                Some(p) if parents => path = p,
                _ => break,
            }
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::parent;

    #[test]
    fn parents() {
        assert_eq!(parent(b"a/b/c"), Some(&b"a/b"[..]));
        assert_eq!(parent(b"a//b//"), Some(&b"a"[..]));
        assert_eq!(parent(b"a"), None);
        assert_eq!(parent(b"/a"), None);
    }
}
