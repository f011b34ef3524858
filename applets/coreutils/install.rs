//! install: copy files and set their mode, owner and group.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/install-invocation.html
//!
//! `install [-cDpsv] [-m MODE] [-o OWNER] [-g GROUP] SOURCE DEST`,
//! `SOURCE... DIR`, `-t DIR SOURCE...`, or `-d DIR...` to make directories.
//! Files are copied with `crate::copy` (a new file, or a temporary one
//! renamed over the old), then given MODE (default `rwxr-xr-x`; symbolic
//! modes apply to no bits, as in GNU), OWNER and GROUP. `-D` makes the
//! missing leading directories; `-s` runs `strip` (or `$STRIPPROG`) on the
//! copy; `-C` leaves a destination alone when it already has the same
//! contents, mode and owner.

use crate::args::{Opt, Parser};
use crate::copy::{self, Copier, Options};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::mode::Mode;
use crate::quote;
use crate::users;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "install",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-cCDdpsTv] [-m MODE] [-o USER] [-g GROUP] [-t DIR] SOURCE... DEST",
    help: "Copy SOURCEs to DEST (or into the directory DEST) and set modes,\n\
or with -d make the DIRECTORYs.\n\
\n\
\t-c\t(ignored)\n\
\t-C\tDo not replace a DEST that is the same already\n\
\t-d\tMake directories\n\
\t-D\tMake the leading directories of DEST (or of -t DIR)\n\
\t-m MODE\tMode to set (default rwxr-xr-x)\n\
\t-o USER\tOwner to set\n\
\t-g GROUP\tGroup to set\n\
\t-p\tKeep the access and modification times of SOURCE\n\
\t-s\tStrip symbol tables (runs strip, or $STRIPPROG)\n\
\t-t DIR\tInstall all SOURCEs into DIR\n\
\t-T\tDEST is never a directory\n\
\t-v\tPrint each file and directory made",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', ""),
    Opt::flag('C', "compare"),
    Opt::flag('d', "directory"),
    Opt::flag('D', ""),
    Opt::value('m', "mode"),
    Opt::value('o', "owner"),
    Opt::value('g', "group"),
    Opt::flag('p', "preserve-timestamps"),
    Opt::flag('s', "strip"),
    Opt::value('\0', "strip-program"),
    Opt::value('t', "target-directory"),
    Opt::flag('T', "no-target-directory"),
    Opt::flag('v', "verbose"),
];

struct Install {
    diag: Diag,
    out: Out,
    mode: u32,
    uid: Option<u32>,
    gid: Option<u32>,
    verbose: bool,
    preserve_times: bool,
    strip: Option<OsString>,
    compare: bool,
}

fn is_dir(p: &[u8]) -> bool {
    copy::stat(p, true).is_ok_and(|s| copy::is_dir(&s))
}

impl Install {
    fn fail(&mut self, msg: impl std::fmt::Display) {
        self.out.flush_now();
        self.diag.error(msg);
    }

    /// `mkdir -p`, each directory made reported under -v; the last gets
    /// `mode` (and the owner), the others `rwxr-xr-x`.
    fn make_dirs(&mut self, path: &[u8], last_mode: Option<u32>) -> bool {
        let mut i = 0;
        let mut ends: Vec<usize> = Vec::new();
        while let Some(off) = path[i..].iter().position(|&b| b == b'/') {
            ends.push(i + off);
            i += off + 1;
        }
        ends.push(path.len());
        let n = ends.len();
        for (k, &end) in ends.iter().enumerate() {
            let prefix = &path[..end];
            if prefix.is_empty() || prefix.ends_with(b"/") || (k + 1 < n && path[end..].iter().all(|&b| b == b'/')) {
                continue;
            }
            if is_dir(prefix) {
                continue;
            }
            let Ok(c) = copy::cstr(prefix) else {
                return false;
            };
            // SAFETY: `c` is NUL-terminated.
            if unsafe { libc::mkdir(c.as_ptr(), 0o755) } != 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() == Some(libc::EEXIST) && is_dir(prefix) {
                    continue;
                }
                self.fail(format_args!(
                    "cannot create directory {}: {}",
                    quote::msg(prefix),
                    diag::strerror(&e)
                ));
                return false;
            }
            if self.verbose {
                let line = format!("{}: creating directory {}\n", self.diag.name(), quote::msg(prefix));
                self.out.write_bytes(line.as_bytes());
            }
        }
        if let Some(mode) = last_mode {
            return self.set_attrs(path, mode);
        }
        true
    }

    fn set_attrs(&mut self, path: &[u8], mode: u32) -> bool {
        let Ok(c) = copy::cstr(path) else {
            return false;
        };
        if self.uid.is_some() || self.gid.is_some() {
            let (u, g) = (self.uid.unwrap_or(u32::MAX), self.gid.unwrap_or(u32::MAX));
            // SAFETY: `c` is NUL-terminated; -1 keeps an id.
            if unsafe { libc::chown(c.as_ptr(), u, g) } != 0 {
                let e = std::io::Error::last_os_error();
                self.fail(format_args!(
                    "cannot change ownership of {}: {}",
                    quote::msg(path),
                    diag::strerror(&e)
                ));
                return false;
            }
        }
        // SAFETY: `c` is NUL-terminated.
        if unsafe { libc::chmod(c.as_ptr(), mode as libc::mode_t) } != 0 {
            let e = std::io::Error::last_os_error();
            self.fail(format_args!(
                "cannot change permissions of {}: {}",
                quote::msg(path),
                diag::strerror(&e)
            ));
            return false;
        }
        true
    }

    fn same_already(&self, src: &[u8], dst: &[u8]) -> bool {
        let (Ok(s), Ok(d)) = (copy::stat(src, true), copy::stat(dst, false)) else {
            return false;
        };
        if copy::file_type(&d) != libc::S_IFREG || d.st_mode & 0o7777 != self.mode || s.st_size != d.st_size {
            return false;
        }
        if self.uid.is_some_and(|u| u != d.st_uid) || self.gid.is_some_and(|g| g != d.st_gid) {
            return false;
        }
        match (std::fs::read(OsStr::from_bytes(src)), std::fs::read(OsStr::from_bytes(dst))) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }

    fn install(&mut self, src: &[u8], dst: &[u8]) {
        match copy::stat(src, true) {
            Err(e) => {
                return self.fail(format_args!("cannot stat {}: {}", quote::msg(src), diag::strerror(&e)))
            }
            Ok(st) if copy::is_dir(&st) => {
                return self.fail(format_args!("omitting directory {}", quote::msg(src)))
            }
            Ok(_) => {}
        }
        if self.compare && self.same_already(src, dst) {
            return;
        }
        if self.verbose && copy::stat(dst, false).is_ok() {
            // The old file goes, as GNU says it does.
            let line = format!("removed {}\n", quote::msg(dst));
            self.out.write_bytes(line.as_bytes());
        }
        let opts = Options {
            timestamps: self.preserve_times,
            verbose: self.verbose,
            ..Options::default()
        };
        let ok = {
            let mut c = Copier::new(opts, &mut self.diag, &mut self.out);
            c.copy(src, dst, true)
        };
        if !ok {
            return;
        }
        if let Some(prog) = self.strip.clone() {
            if !self.run_strip(&prog, dst) {
                let _ = copy::unlink(dst);
                return;
            }
        }
        let mode = self.mode;
        self.set_attrs(dst, mode);
    }

    fn run_strip(&mut self, prog: &OsStr, dst: &[u8]) -> bool {
        // A name starting with '-' would be taken for an option.
        let arg = if dst.starts_with(b"-") { copy::join(b".", dst) } else { dst.to_vec() };
        match std::process::Command::new(prog).arg(OsStr::from_bytes(&arg)).status() {
            Ok(s) if s.success() => true,
            Ok(_) => {
                self.fail("strip process terminated abnormally");
                false
            }
            Err(e) => {
                self.fail(format_args!(
                    "cannot run {}: {}",
                    quote::msg(prog.as_bytes()),
                    diag::strerror(&e)
                ));
                false
            }
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mode = match m.value("m") {
        None => 0o755,
        Some(s) => match Mode::parse(&String::from_utf8_lossy(s.as_bytes())) {
            Some(md) => md.apply(0, m.has("d"), 0),
            None => {
                diag.error(format_args!("invalid mode {}", quote::msg(s.as_bytes())));
                return 1;
            }
        },
    };
    let uid = match m.value("o") {
        None => None,
        Some(s) => match users::lookup_user(s.as_bytes()) {
            Some(u) => Some(u.uid),
            None => match s.to_str().and_then(|t| t.parse().ok()) {
                Some(n) => Some(n),
                None => {
                    diag.error(format_args!("invalid user {}", quote::msg(s.as_bytes())));
                    return 1;
                }
            },
        },
    };
    let gid = match m.value("g") {
        None => None,
        Some(s) => match users::group_by_name(s.as_bytes()) {
            Some(g) => Some(g.gid),
            None => match s.to_str().and_then(|t| t.parse().ok()) {
                Some(n) => Some(n),
                None => {
                    diag.error(format_args!("invalid group {}", quote::msg(s.as_bytes())));
                    return 1;
                }
            },
        },
    };
    let strip = m.has("s").then(|| {
        m.value("strip-program")
            .map(|s| s.to_os_string())
            .or_else(|| std::env::var_os("STRIPPROG"))
            .unwrap_or_else(|| OsString::from("strip"))
    });
    let mut ins = Install {
        diag,
        out: Out::stdout(),
        mode,
        uid,
        gid,
        verbose: m.has("v"),
        preserve_times: m.has("p"),
        strip,
        compare: m.has("C"),
    };
    let ops: Vec<&[u8]> = m.operands.iter().map(|o| o.as_bytes()).collect();
    let leading = m.has("D");
    if m.has("d") {
        if ops.is_empty() {
            return parser.usage_error(args, "missing file operand");
        }
        for d in &ops {
            ins.make_dirs(d, Some(mode));
        }
    } else if let Some(t) = m.value("t") {
        let t = t.as_bytes();
        if ops.is_empty() {
            return parser.usage_error(args, "missing file operand");
        }
        if leading && !ins.make_dirs(t, None) {
            return 1;
        }
        if !is_dir(t) {
            let why = match copy::stat(t, true) {
                Err(e) => diag::strerror(&e),
                Ok(_) => diag::errno_text(libc::ENOTDIR),
            };
            ins.diag.error(format_args!("failed to access {}: {why}", quote::msg(t)));
            return 1;
        }
        for s in &ops {
            ins.install(s, &copy::join(t, copy::base(s)));
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
                let as_dir = !m.has("T") && is_dir(last);
                if !as_dir && n > 2 {
                    if m.has("T") {
                        return parser.usage_error(args, format_args!("extra operand {}", quote::msg(ops[2])));
                    }
                    ins.diag.error(format_args!("target {}: Not a directory", quote::msg(last)));
                    return 1;
                }
                if as_dir {
                    for s in &ops[..n - 1] {
                        ins.install(s, &copy::join(last, copy::base(s)));
                    }
                } else {
                    if leading {
                        if let Some(i) = last.iter().rposition(|&b| b == b'/') {
                            if i > 0 && !ins.make_dirs(&last[..i], None) {
                                return 1;
                            }
                        }
                    }
                    ins.install(ops[0], last);
                }
            }
        }
    }
    let status = ins.diag.status();
    let name = ins.diag.name().to_string();
    ins.out.finish(&name, status)
}
