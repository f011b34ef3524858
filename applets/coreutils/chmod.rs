//! chmod: change file mode bits.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/chmod.html
//!
//! Modes are octal or symbolic (`crate::mode`). As GNU: a mode may look
//! like an option (`chmod -w f`); `-R` walks without following symbolic
//! links (a link named on the command line is followed, as links have no
//! mode of their own); `-v`/`-c` describe the change; a clause without
//! `ugoa` that the umask keeps from taking full effect is reported as
//! `new permissions are X, not Y` with status 1; `--reference=FILE` copies
//! FILE's mode.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::mode::{self, Mode};
use crate::sys;
use crate::walk::{self, Control, Entry, Failure, Follow, Visit, Visitor};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "chmod",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-Rcvf] MODE[,MODE]... FILE... | --reference=RFILE FILE...",
    help: "Change the mode of each FILE to MODE: octal (755) or symbolic\n\
([ugoa]*[-+=]([rwxXst]*|[ugo]), clauses joined by commas).\n\
\n\
\t-R\tRecurse into directories (symbolic links are not followed)\n\
\t-c\tTell about files whose mode changed\n\
\t-v\tTell about every file\n\
\t-f\tNo error messages\n\
\t--reference=RFILE\tUse RFILE's mode",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('R', "recursive"),
    Opt::flag('c', "changes"),
    Opt::flag('v', "verbose"),
    Opt::flag('f', "silent"),
    Opt::flag('\0', "quiet"),
    Opt::value('\0', "reference"),
];

#[derive(PartialEq, Eq, Clone, Copy)]
enum Verbosity {
    Quiet,
    Changes,
    All,
}

struct Chmod<'a> {
    mode: Mode,
    umask: u32,
    verbosity: Verbosity,
    silent: bool,
    diag: &'a mut Diag,
    out: &'a mut Out,
}

/// `0644 (rw-r--r--)`.
fn describe(m: u32) -> String {
    let s = mode::ls_string(m);
    format!("{:04o} ({})", m & 0o7777, String::from_utf8_lossy(&s[1..]))
}

fn quoted(path: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(path.len() + 2);
    v.push(b'\'');
    v.extend_from_slice(path);
    v.push(b'\'');
    v
}

impl Chmod<'_> {
    fn fail(&mut self, path: &[u8], e: &io::Error, what: &str) {
        if self.silent {
            self.diag.fail(1);
        } else {
            let mut msg = what.as_bytes().to_vec();
            msg.extend_from_slice(&quoted(path));
            self.diag.error_at(OsStr::from_bytes(&msg), diag::strerror(e));
        }
    }

    fn change(&mut self, e: &Entry) {
        let st = e.stat;
        if e.is_symlink() {
            if e.depth == 0 && !self.silent {
                let mut msg = b"cannot operate on dangling symlink ".to_vec();
                msg.extend_from_slice(&quoted(e.path));
                self.diag.error(String::from_utf8_lossy(&msg));
            } else if e.depth == 0 {
                self.diag.fail(1);
            } else if self.verbosity == Verbosity::All {
                let mut msg = b"neither symbolic link ".to_vec();
                msg.extend_from_slice(&quoted(e.path));
                msg.extend_from_slice(b" nor referent has been changed\n");
                self.out.write_bytes(&msg);
            }
            return;
        }
        let old = st.st_mode & 0o7777;
        let is_dir = e.is_dir();
        let new = self.mode.apply(old, is_dir, self.umask);
        if new != old {
            let r = sys::cstring(e.name).and_then(|c| {
                // SAFETY: c is NUL-terminated; dir_fd is open for the walk.
                match unsafe { libc::fchmodat(e.dir_fd, c.as_ptr(), new as libc::mode_t, 0) } {
                    0 => Ok(()),
                    _ => Err(io::Error::last_os_error()),
                }
            });
            if let Err(err) = r {
                self.fail(e.path, &err, "changing permissions of ");
                return;
            }
        }
        if self.verbosity == Verbosity::All || (self.verbosity == Verbosity::Changes && new != old)
        {
            let mut msg = b"mode of ".to_vec();
            msg.extend_from_slice(&quoted(e.path));
            if new == old {
                msg.extend_from_slice(format!(" retained as {}\n", describe(new)).as_bytes());
            } else {
                msg.extend_from_slice(
                    format!(" changed from {} to {}\n", describe(old), describe(new)).as_bytes(),
                );
            }
            self.out.write_bytes(&msg);
        }
        if !self.silent && !self.mode.is_octal() {
            let naive = self.mode.apply(old, is_dir, 0);
            if new & !naive != 0 {
                let (a, b) = (mode::ls_string(new), mode::ls_string(naive));
                let mut msg = e.path.to_vec();
                msg.extend_from_slice(
                    format!(
                        ": new permissions are {}, not {}",
                        String::from_utf8_lossy(&a[1..]),
                        String::from_utf8_lossy(&b[1..])
                    )
                    .as_bytes(),
                );
                self.out.flush_now();
                self.diag.error(String::from_utf8_lossy(&msg));
            }
        }
    }
}

struct Walk<'a, 'b> {
    chmod: &'a mut Chmod<'b>,
    recursive: bool,
}

impl Visitor for Walk<'_, '_> {
    fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
        match visit {
            Visit::Pre | Visit::Leaf => {
                self.chmod.change(e);
                if self.recursive {
                    Control::Continue
                } else {
                    Control::Skip
                }
            }
            Visit::Post => Control::Continue,
        }
    }

    fn error(&mut self, path: &[u8], f: Failure, err: &io::Error, _: Option<&libc::stat>) -> Control {
        let what = match f {
            Failure::Stat => "cannot access ",
            Failure::ReadDir => "cannot read directory ",
            Failure::Loop => "directory cycle at ",
        };
        self.chmod.fail(path, err, what);
        Control::Continue
    }
}

/// Moves a mode that looks like an option (`-w`, `-rwx`, `-x,g+r`) out of
/// the way of the option parser.
fn split_mode_arg(args: &[OsString]) -> (Vec<OsString>, Option<OsString>) {
    let mut rest = Vec::with_capacity(args.len());
    let mut mode = None;
    for (i, a) in args.iter().enumerate() {
        let b = a.as_bytes();
        if b == b"--" {
            rest.extend(args[i..].iter().cloned());
            break;
        }
        let looks = i > 0
            && mode.is_none()
            && b.len() > 1
            && b[0] == b'-'
            && b[1..].iter().all(|c| b"rwxXst,ugoa+-=01234567".contains(c));
        if looks {
            mode = Some(a.clone());
        } else {
            rest.push(a.clone());
        }
    }
    (rest, mode)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let (args2, dash_mode) = split_mode_arg(args);
    let m = match parser.parse(&args2) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut ops: Vec<OsString> = m.operands.clone();
    if let Some(dm) = dash_mode {
        ops.insert(0, dm);
    }
    let mut mode_text = None;
    let mode = if let Some(r) = m.value("reference") {
        match std::fs::metadata(r) {
            Ok(md) => {
                use std::os::unix::fs::MetadataExt;
                Mode::Octal(md.mode() & 0o7777, 5)
            }
            Err(e) => {
                let mut msg = b"failed to get attributes of ".to_vec();
                msg.extend_from_slice(&quoted(r.as_bytes()));
                diag.error_at(OsStr::from_bytes(&msg), diag::strerror(&e));
                return diag.status();
            }
        }
    } else {
        let Some(text) = ops.first().cloned() else {
            return parser.usage_error(args, "missing operand");
        };
        ops.remove(0);
        mode_text = Some(text.clone());
        match text.to_str().and_then(Mode::parse) {
            Some(md) => md,
            None => {
                let shown = String::from_utf8_lossy(text.as_bytes()).into_owned();
                return parser.usage_error(args, format_args!("invalid mode: '{shown}'"));
            }
        }
    };
    if ops.is_empty() {
        let msg = match mode_text {
            None => "missing operand".to_string(),
            Some(t) => format!(
                "missing operand after '{}'",
                String::from_utf8_lossy(t.as_bytes())
            ),
        };
        return parser.usage_error(args, msg);
    }
    let verbosity = match m.last_of(&["c", "v"]) {
        Some("v") => Verbosity::All,
        Some(_) => Verbosity::Changes,
        None => Verbosity::Quiet,
    };
    let mut out = Out::stdout();
    let mut chmod = Chmod {
        mode,
        umask: mode::umask(),
        verbosity,
        silent: m.has("f") || m.has("quiet"),
        diag: &mut diag,
        out: &mut out,
    };
    let opts = walk::Options {
        follow: Follow::Roots,
        ..walk::Options::default()
    };
    for op in &ops {
        let mut w = Walk {
            chmod: &mut chmod,
            recursive: m.has("R"),
        };
        walk::walk(op, opts, &mut w);
    }
    out.close(&diag)
}
