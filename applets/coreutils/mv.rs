//! mv: move (rename) files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/mv.html
//!
//! Within a file system `rename(2)`, which is atomic. Across file systems
//! the source is copied with everything kept (`crate::copy`, as `cp -a`,
//! replacing an existing destination through a temporary file) and removed
//! only after the whole copy succeeded: a failure leaves the source as it
//! was. The last of `-f`, `-i`, `-n` decides about existing destinations;
//! without them a destination that is not writable is asked about when
//! stdin is a terminal. Messages are GNU's.

use crate::args::{Opt, Parser};
use crate::copy::{self, Clobber, Copier, Deref, Options, Verb};
use crate::diag::{self, Diag};
use crate::io::{self, Out};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "mv",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-finTuv] [-t DIR] SOURCE... DEST",
    help: "Rename SOURCE to DEST, or move SOURCEs into the directory DEST.\n\
\n\
\t-f\tDo not ask before overwriting\n\
\t-i\tAsk before overwriting\n\
\t-n\tDo not overwrite existing files\n\
\t-u\tMove only when SOURCE is newer than DEST or DEST is missing\n\
\t-v\tPrint each move\n\
\t-t DIR\tMove all SOURCEs into DIR\n\
\t-T\tDEST is never a directory",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('f', "force"),
    Opt::flag('i', "interactive"),
    Opt::flag('n', "no-clobber"),
    Opt::flag('u', "update"),
    Opt::flag('v', "verbose"),
    Opt::value('t', "target-directory"),
    Opt::flag('T', "no-target-directory"),
];

struct Mv {
    diag: Diag,
    out: Out,
    clobber: Clobber,
    force: bool,
    update: bool,
    verbose: bool,
    stdin_tty: bool,
}

fn writable(p: &[u8]) -> bool {
    let Ok(c) = copy::cstr(p) else {
        return true;
    };
    // SAFETY: `c` is NUL-terminated.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
}

impl Mv {
    fn fail(&mut self, msg: impl std::fmt::Display) {
        self.out.flush_now();
        self.diag.error(msg);
    }

    fn mv(&mut self, src: &[u8], dst: &[u8]) {
        let st = match copy::stat(src, false) {
            Ok(s) => s,
            Err(e) => {
                return self.fail(format_args!("cannot stat {}: {}", quote::msg(src), diag::strerror(&e)))
            }
        };
        let src_dir = copy::is_dir(&st);
        if let Ok(d) = copy::stat(dst, false) {
            if d.st_dev == st.st_dev && d.st_ino == st.st_ino && (st.st_nlink == 1 || copy::same_name(src, dst)) {
                return self.fail(format_args!(
                    "{} and {} are the same file",
                    quote::msg(src),
                    quote::msg(dst)
                ));
            }
            let dst_dir = copy::is_dir(&d);
            if dst_dir && !src_dir {
                return self.fail(format_args!(
                    "cannot overwrite directory {} with non-directory",
                    quote::msg(dst)
                ));
            }
            if !dst_dir && src_dir {
                return self.fail(format_args!(
                    "cannot overwrite non-directory {} with directory {}",
                    quote::msg(dst),
                    quote::msg(src)
                ));
            }
            if self.update && (d.st_mtime, d.st_mtime_nsec) >= (st.st_mtime, st.st_mtime_nsec) {
                return;
            }
            match self.clobber {
                Clobber::No => return,
                Clobber::Ask => {
                    let q = format!("{}: overwrite {}? ", self.diag.name(), quote::msg(dst));
                    self.out.flush_now();
                    if !io::ask(&q) {
                        return;
                    }
                }
                Clobber::Yes => {
                    let is_link = copy::file_type(&d) == libc::S_IFLNK;
                    if !self.force && self.stdin_tty && !is_link && !writable(dst) {
                        let m = d.st_mode & 0o7777;
                        let text = crate::mode::ls_string(d.st_mode);
                        let q = format!(
                            "{}: replace {}, overriding mode {m:04o} ({})? ",
                            self.diag.name(),
                            quote::msg(dst),
                            String::from_utf8_lossy(&text[1..])
                        );
                        self.out.flush_now();
                        if !io::ask(&q) {
                            return;
                        }
                    }
                }
            }
        }
        if src_dir {
            if let (Ok(s), Ok(d)) = (
                crate::path::canonicalize(src, crate::path::Missing::None, false),
                crate::path::canonicalize(dst, crate::path::Missing::Any, true),
            ) {
                if d != s && crate::path::is_under(&d, &s) {
                    return self.fail(format_args!(
                        "cannot move {} to a subdirectory of itself, {}",
                        quote::msg(src),
                        quote::msg(dst)
                    ));
                }
            }
        }
        match copy::rename(src, dst) {
            Ok(()) => {
                if self.verbose {
                    let line = format!("renamed {} -> {}\n", quote::msg(src), quote::msg(dst));
                    self.out.write_bytes(line.as_bytes());
                }
            }
            Err(e) if e.raw_os_error() == Some(libc::EXDEV) => self.across(src, dst),
            Err(e) => self.fail(format_args!(
                "cannot move {} to {}: {}",
                quote::msg(src),
                quote::msg(dst),
                diag::strerror(&e)
            )),
        }
    }

    /// Copies everything, then removes the source.
    fn across(&mut self, src: &[u8], dst: &[u8]) {
        let opts = Options {
            recursive: true,
            deref: Deref::Never,
            mode: true,
            ownership: true,
            timestamps: true,
            links: true,
            clobber: Clobber::Yes,
            force: true,
            verbose: self.verbose,
            verb: Verb::Moved,
            moving: true,
            ..Options::default()
        };
        let before = self.diag.status();
        let mut scratch = Diag::new(&[OsString::from(self.diag.name())]);
        let ok = {
            let mut c = Copier::new(opts, &mut scratch, &mut self.out);
            c.copy(src, dst, true)
        };
        if !ok || scratch.status() != 0 {
            self.diag.fail(1.max(before));
            return;
        }
        let verbose = self.verbose;
        let out = &mut self.out;
        let mut removed = |p: &[u8], dir: bool| {
            if verbose {
                let what = if dir { "removed directory" } else { "removed" };
                out.write_bytes(format!("{what} {}\n", quote::msg(p)).as_bytes());
            }
        };
        if let Err((p, e)) = copy::remove_tree(src, &mut removed) {
            self.fail(format_args!("cannot remove {}: {}", quote::msg(&p), diag::strerror(&e)));
        }
    }
}

fn is_dir(p: &[u8]) -> bool {
    copy::stat(p, true).is_ok_and(|s| copy::is_dir(&s))
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let last = m.last_of(&["f", "i", "n"]);
    let mut mv = Mv {
        diag: Diag::new(args),
        out: Out::stdout(),
        clobber: match last {
            Some("i") => Clobber::Ask,
            Some("n") => Clobber::No,
            _ => Clobber::Yes,
        },
        force: last == Some("f"),
        update: m.has("u"),
        verbose: m.has("v"),
        stdin_tty: crate::sys::isatty(0),
    };
    let ops: Vec<&[u8]> = m.operands.iter().map(|o| o.as_bytes()).collect();
    let no_target = m.has("T");
    if let Some(t) = m.value("t") {
        if no_target {
            return parser.usage_error(args, "cannot combine --target-directory (-t) and --no-target-directory (-T)");
        }
        if ops.is_empty() {
            return parser.usage_error(args, "missing file operand");
        }
        let t = t.as_bytes();
        if !is_dir(t) {
            let why = match copy::stat(t, true) {
                Err(e) => diag::strerror(&e),
                Ok(_) => diag::errno_text(libc::ENOTDIR),
            };
            mv.diag.error(format_args!("target directory {}: {why}", quote::msg(t)));
            return 1;
        }
        for s in &ops {
            mv.mv(s, &copy::join(t, copy::base(s)));
        }
    } else {
        match ops.len() {
            0 => return parser.usage_error(args, "missing file operand"),
            1 => {
                let after = quote::msg(ops[0]);
                return parser.usage_error(args, format_args!("missing destination file operand after {after}"));
            }
            n => {
                let last = ops[n - 1];
                if no_target {
                    if n > 2 {
                        return parser.usage_error(args, format_args!("extra operand {}", quote::msg(ops[2])));
                    }
                    mv.mv(ops[0], last);
                } else if is_dir(last) {
                    for s in &ops[..n - 1] {
                        mv.mv(s, &copy::join(last, copy::base(s)));
                    }
                } else if n > 2 {
                    let why = match copy::stat(last, true) {
                        Err(e) => diag::strerror(&e),
                        Ok(_) => diag::errno_text(libc::ENOTDIR),
                    };
                    mv.diag.error(format_args!("target {}: {why}", quote::msg(last)));
                    return 1;
                } else {
                    mv.mv(ops[0], last);
                }
            }
        }
    }
    let status = mv.diag.status();
    let name = mv.diag.name().to_string();
    mv.out.finish(&name, status)
}
