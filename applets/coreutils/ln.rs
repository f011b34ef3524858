//! ln: make links between files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/ln.html
//!
//! `ln TARGET [LINK]`, `ln TARGET... DIR`, `ln -t DIR TARGET...`. A hard
//! link to a symbolic link links the link itself (`-P`, as GNU on Linux)
//! unless `-L`. `-f` replaces an existing name atomically: the new link is
//! made under a temporary name in the same directory and renamed over the
//! old, so the name never goes missing. `-n` treats a LINK that is a
//! symbolic link to a directory as a file; `-r` makes a symbolic link's
//! target relative to the link's directory. Messages are GNU's.

use crate::args::{Opt, Parser};
use crate::copy::{self, base, join};
use crate::diag::{self, Diag};
use crate::io::{self, Out};
use crate::path::{self, Missing};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io as stdio;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "ln",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-sfnivrLPT] [-t DIR] TARGET... [LINK|DIR]",
    help: "Make links to TARGETs: LINK, or names in DIR.\n\
\n\
\t-s\tMake symbolic links instead of hard links\n\
\t-f\tReplace existing destination files\n\
\t-i\tAsk before replacing\n\
\t-n\tTreat a LINK that is a symlink to a directory as a file\n\
\t-r\tMake symbolic links relative to the link's directory\n\
\t-v\tPrint each link made\n\
\t-L\tHard-link the targets of symbolic links\n\
\t-P\tHard-link symbolic links themselves (the default)\n\
\t-T\tLINK is never a directory\n\
\t-t DIR\tMake the links in DIR",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('s', "symbolic"),
    Opt::flag('f', "force"),
    Opt::flag('i', "interactive"),
    Opt::flag('n', "no-dereference"),
    Opt::flag('r', "relative"),
    Opt::flag('v', "verbose"),
    Opt::flag('L', "logical"),
    Opt::flag('P', "physical"),
    Opt::flag('T', "no-target-directory"),
    Opt::value('t', "target-directory"),
];

struct Ln {
    diag: Diag,
    out: Out,
    symbolic: bool,
    force: bool,
    interactive: bool,
    relative: bool,
    verbose: bool,
    logical: bool,
}

impl Ln {
    fn make(&self, target: &[u8], link: &[u8]) -> stdio::Result<()> {
        let l = copy::cstr(link)?;
        if self.symbolic {
            let t = copy::cstr(target)?;
            // SAFETY: both are NUL-terminated.
            copy::rc(unsafe { libc::symlink(t.as_ptr(), l.as_ptr()) })
        } else {
            let t = copy::cstr(target)?;
            let flags = if self.logical { libc::AT_SYMLINK_FOLLOW } else { 0 };
            // SAFETY: both are NUL-terminated.
            copy::rc(unsafe { libc::linkat(libc::AT_FDCWD, t.as_ptr(), libc::AT_FDCWD, l.as_ptr(), flags) })
        }
    }

    /// Makes the link under a temporary name beside `link` and renames it
    /// over `link`.
    fn replace(&self, target: &[u8], link: &[u8]) -> stdio::Result<()> {
        let dir_end = link.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
        let pid = std::process::id();
        for attempt in 0..100u32 {
            let mut tmp = link[..dir_end].to_vec();
            tmp.extend_from_slice(format!(".ln{pid:x}{attempt:x}.tmp").as_bytes());
            match self.make(target, &tmp) {
                Ok(()) => {
                    let (a, b) = (copy::cstr(&tmp)?, copy::cstr(link)?);
                    // SAFETY: both are NUL-terminated.
                    let r = copy::rc(unsafe { libc::rename(a.as_ptr(), b.as_ptr()) });
                    // rename does nothing when both names are links to one
                    // file (an existing hard link being made again).
                    if r.is_err() || std::fs::symlink_metadata(OsStr::from_bytes(&tmp)).is_ok() {
                        // SAFETY: as above.
                        unsafe { libc::unlink(a.as_ptr()) };
                    }
                    return r;
                }
                Err(e) if e.raw_os_error() == Some(libc::EEXIST) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(stdio::Error::from_raw_os_error(libc::EEXIST))
    }

    fn fail(&mut self, link: &[u8], target: &[u8], e: &stdio::Error) {
        let kind = if self.symbolic { "symbolic" } else { "hard" };
        let mut msg = format!("failed to create {kind} link {}", quote::msg(link));
        if !self.symbolic && e.raw_os_error() != Some(libc::EEXIST) {
            msg.push_str(&format!(" => {}", quote::msg(target)));
        }
        self.diag.error(format_args!("{msg}: {}", diag::strerror(e)));
    }

    fn link(&mut self, target: &[u8], link: &[u8]) {
        let target_md = if self.logical {
            std::fs::metadata(OsStr::from_bytes(target))
        } else {
            std::fs::symlink_metadata(OsStr::from_bytes(target))
        };
        if !self.symbolic {
            match &target_md {
                Err(e) => {
                    return self.diag.error(format_args!(
                        "failed to access {}: {}",
                        quote::msg(target),
                        diag::strerror(e)
                    ))
                }
                Ok(md) if md.is_dir() => {
                    return self.diag.error(format_args!(
                        "{}: hard link not allowed for directory",
                        String::from_utf8_lossy(target)
                    ))
                }
                Ok(_) => {}
            }
        }
        let text: Vec<u8> = if self.symbolic && self.relative {
            match relative_target(target, link) {
                Ok(t) => t,
                Err(e) => {
                    return self.diag.error(format_args!(
                        "failed to access {}: {}",
                        quote::msg(target),
                        diag::strerror(&e)
                    ))
                }
            }
        } else {
            target.to_vec()
        };
        let existing = std::fs::symlink_metadata(OsStr::from_bytes(link));
        let mut replace = false;
        if let Ok(old) = &existing {
            if self.interactive {
                let q = format!("{}: replace {}? ", self.diag.name(), quote::msg(link));
                self.out.flush_now();
                if !io::ask(&q) {
                    return;
                }
                replace = true;
            } else if self.force {
                replace = true;
            }
            if replace {
                if old.is_dir() {
                    return self.diag.error(format_args!(
                        "{}: cannot overwrite directory",
                        quote::msg(link)
                    ));
                }
                if !self.symbolic {
                    if let Ok(t) = &target_md {
                        if t.dev() == old.dev() && t.ino() == old.ino() && copy::same_name(target, link) {
                            return self.diag.error(format_args!(
                                "{} and {} are the same file",
                                quote::msg(target),
                                quote::msg(link)
                            ));
                        }
                    }
                }
            }
        }
        let r = if replace {
            self.replace(&text, link)
        } else {
            self.make(&text, link)
        };
        match r {
            Ok(()) => {
                if self.verbose {
                    let arrow = if self.symbolic { "->" } else { "=>" };
                    let line = format!("{} {arrow} {}\n", quote::msg(link), quote::msg(&text));
                    self.out.write_bytes(line.as_bytes());
                }
            }
            Err(e) => self.fail(link, target, &e),
        }
    }
}

/// The target of `ln -sr TARGET LINK`: TARGET relative to LINK's directory.
fn relative_target(target: &[u8], link: &[u8]) -> stdio::Result<Vec<u8>> {
    let t = path::canonicalize(target, Missing::Any, true)?;
    let dir_end = link.iter().rposition(|&b| b == b'/');
    let dir = match dir_end {
        Some(0) => b"/".to_vec(),
        Some(i) => link[..i].to_vec(),
        None => b".".to_vec(),
    };
    let d = path::canonicalize(&dir, Missing::Any, true)?;
    Ok(path::relative(&d, &t))
}

fn is_dir(p: &[u8], no_deref: bool) -> bool {
    let os = OsStr::from_bytes(p);
    if no_deref && std::fs::symlink_metadata(os).is_ok_and(|m| m.file_type().is_symlink()) {
        return false;
    }
    std::fs::metadata(os).is_ok_and(|m| m.is_dir())
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut ln = Ln {
        diag: Diag::new(args),
        out: Out::stdout(),
        symbolic: m.has("s"),
        force: m.last_of(&["f", "i"]) == Some("f"),
        interactive: m.last_of(&["f", "i"]) == Some("i"),
        relative: m.has("r"),
        verbose: m.has("v"),
        logical: m.last_of(&["L", "P"]) == Some("L"),
    };
    if ln.relative && !ln.symbolic {
        return parser.usage_error(args, "cannot do --relative without --symbolic");
    }
    let no_deref = m.has("n");
    let ops: Vec<&[u8]> = m.operands.iter().map(|o| o.as_bytes()).collect();
    let no_target_dir = m.has("T");
    if let Some(dir) = m.value("t") {
        if no_target_dir {
            return parser.usage_error(args, "cannot combine --target-directory and --no-target-directory");
        }
        let dir = dir.as_bytes();
        if ops.is_empty() {
            return parser.usage_error(args, "missing file operand");
        }
        if !is_dir(dir, false) {
            let e = std::fs::metadata(OsStr::from_bytes(dir))
                .err()
                .unwrap_or_else(|| stdio::Error::from_raw_os_error(libc::ENOTDIR));
            ln.diag.error(format_args!(
                "failed to access {}: {}",
                quote::msg(dir),
                diag::strerror(&e)
            ));
            return 1;
        }
        for t in &ops {
            ln.link(t, &join(dir, base(t)));
        }
    } else {
        match ops.len() {
            0 => return parser.usage_error(args, "missing file operand"),
            1 => {
                let t = ops[0];
                ln.link(t, &join(b".", base(t)));
            }
            n => {
                let last = ops[n - 1];
                if no_target_dir {
                    if n > 2 {
                        return parser.usage_error(
                            args,
                            format_args!("extra operand {}", quote::msg(ops[2])),
                        );
                    }
                    ln.link(ops[0], last);
                } else if is_dir(last, no_deref) {
                    for t in &ops[..n - 1] {
                        ln.link(t, &join(last, base(t)));
                    }
                } else if n > 2 {
                    let why = match std::fs::metadata(OsStr::from_bytes(last)) {
                        Err(e) => diag::strerror(&e),
                        Ok(_) => diag::errno_text(libc::ENOTDIR),
                    };
                    ln.diag
                        .error(format_args!("target {}: {why}", quote::msg(last)));
                    return 1;
                } else {
                    ln.link(ops[0], last);
                }
            }
        }
    }
    let status = ln.diag.status();
    let name = ln.diag.name().to_string();
    ln.out.finish(&name, status)
}
