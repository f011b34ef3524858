//! chown, chgrp: change the owner and group of files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/chown.html
//!        https://pubs.opengroup.org/onlinepubs/9799919799/utilities/chgrp.html
//!
//! `chown [OWNER][:[GROUP]]` (`OWNER.GROUP` too, as GNU still takes it),
//! `chgrp GROUP`; names or numbers (`+N` is always a number). `OWNER:`
//! takes the owner's login group. Without `-R` a symbolic link operand is
//! followed unless `-h`. With `-R`, `-P` (the default) changes links
//! themselves and never follows them, `-H` follows operands, `-L` all
//! links, as GNU and POSIX say. `-v`/`-c` use GNU's sentences; with `-R`
//! a directory changes after its contents, as in GNU.

use crate::args::{Matches, Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::sys;
use crate::users;
use crate::walk::{self, Control, Entry, Failure, Follow, Visit, Visitor};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "chown",
    aliases: &["chgrp"],
    dir: Dir::Bin,
    usage: "[-RhHLPcvf] [OWNER][:[GROUP]] FILE...  (chgrp: GROUP FILE...)",
    help: "Change the owner and/or group of each FILE (chgrp: the group).\n\
\n\
\t-R\tRecurse into directories\n\
\t-h\tChange symbolic links, not what they point to\n\
\t-H\tWith -R, follow symbolic links named as operands\n\
\t-L\tWith -R, follow all symbolic links\n\
\t-P\tWith -R, follow none (the default)\n\
\t-c\tTell about files that changed\n\
\t-v\tTell about every file\n\
\t-f\tNo error messages\n\
\t--reference=RFILE\tUse RFILE's owner and group",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('R', "recursive"),
    Opt::flag('h', "no-dereference"),
    Opt::flag('\0', "dereference"),
    Opt::flag('H', ""),
    Opt::flag('L', ""),
    Opt::flag('P', ""),
    Opt::flag('c', "changes"),
    Opt::flag('v', "verbose"),
    Opt::flag('f', "silent"),
    Opt::flag('\0', "quiet"),
    Opt::value('\0', "reference"),
];

/// What to set, and how `-v` names it.
struct Spec {
    uid: Option<u32>,
    gid: Option<u32>,
    /// For messages: the owner part (`Some("")` when only `:GROUP` was given
    /// to chown), and the group part.
    user_shown: Option<Vec<u8>>,
    group_shown: Option<Vec<u8>>,
}

fn number(s: &[u8]) -> Option<u32> {
    let d = s.strip_prefix(b"+").unwrap_or(s);
    if d.is_empty() || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(d).ok()?.parse().ok()
}

/// A user by name, else by number; `+N` only by number. Gives the uid and
/// the name to show.
fn find_user(s: &[u8]) -> Option<(u32, Vec<u8>)> {
    if s.first() == Some(&b'+') {
        return number(s).map(|n| (n, n.to_string().into_bytes()));
    }
    match users::user_by_name(s) {
        Some(u) => Some((u.uid, u.name)),
        None => number(s).map(|n| (n, users::uid_name(n))),
    }
}

fn find_group(s: &[u8]) -> Option<(u32, Vec<u8>)> {
    if s.first() == Some(&b'+') {
        return number(s).map(|n| (n, n.to_string().into_bytes()));
    }
    match users::group_by_name(s) {
        Some(g) => Some((g.gid, g.name)),
        None => number(s).map(|n| (n, users::gid_name(n))),
    }
}

/// Parses chown's `OWNER[:[GROUP]]`; the error is the message.
fn parse_owner(spec: &[u8]) -> Result<Spec, String> {
    let shown = String::from_utf8_lossy(spec).into_owned();
    let sep = spec.iter().position(|&b| b == b':').or_else(|| {
        // `user.group`, if the whole is not a user name.
        if find_user(spec).is_some() {
            None
        } else {
            spec.iter().position(|&b| b == b'.')
        }
    });
    let (user, group) = match sep {
        Some(p) => (&spec[..p], Some(&spec[p + 1..])),
        None => (spec, None),
    };
    let mut s = Spec {
        uid: None,
        gid: None,
        user_shown: None,
        group_shown: None,
    };
    if !user.is_empty() {
        let (uid, name) = find_user(user).ok_or_else(|| format!("invalid user: '{shown}'"))?;
        s.uid = Some(uid);
        s.user_shown = Some(name);
        if group == Some(b"") {
            // `OWNER:`: the login group.
            let u = users::user_by_uid(uid).ok_or_else(|| format!("invalid spec: '{shown}'"))?;
            s.gid = Some(u.gid);
            s.group_shown = Some(users::gid_name(u.gid));
        }
    }
    if let Some(g) = group.filter(|g| !g.is_empty()) {
        let (gid, name) = find_group(g).ok_or_else(|| format!("invalid group: '{shown}'"))?;
        s.gid = Some(gid);
        s.group_shown = Some(name);
        if s.user_shown.is_none() {
            s.user_shown = Some(Vec::new());
        }
    }
    Ok(s)
}

struct Chown<'a> {
    spec: Spec,
    chgrp: bool,
    recursive: bool,
    deref_roots: bool,
    verbose: bool,
    changes: bool,
    silent: bool,
    diag: &'a mut Diag,
    out: &'a mut Out,
}

fn quoted(path: &[u8]) -> Vec<u8> {
    let mut v = vec![b'\''];
    v.extend_from_slice(path);
    v.push(b'\'');
    v
}

fn join(user: Option<&[u8]>, group: Option<&[u8]>) -> Vec<u8> {
    match (user, group) {
        (Some(u), Some(g)) => [u, b":", g].concat(),
        (Some(u), None) => u.to_vec(),
        (None, Some(g)) => g.to_vec(),
        (None, None) => Vec::new(),
    }
}

impl Chown<'_> {
    fn report(&mut self, path: &[u8], old: (u32, u32), changed: Option<bool>) {
        let owner_word = if self.chgrp { "group" } else { "ownership" };
        let old_user = users::uid_name(old.0);
        let old_group = users::gid_name(old.1);
        let old_spec = join(
            self.spec.user_shown.as_ref().map(|_| &old_user[..]),
            self.spec.group_shown.as_ref().map(|_| &old_group[..]),
        );
        let new_spec = join(
            self.spec.user_shown.as_deref(),
            self.spec.group_shown.as_deref(),
        );
        let mut line = Vec::new();
        let q = quoted(path);
        match changed {
            Some(true) => {
                line.extend_from_slice(format!("changed {owner_word} of ").as_bytes());
                line.extend_from_slice(&q);
                if old_spec.is_empty() {
                    line.extend_from_slice(b" to ");
                } else {
                    line.extend_from_slice(b" from ");
                    line.extend_from_slice(&old_spec);
                    line.extend_from_slice(b" to ");
                }
                line.extend_from_slice(&new_spec);
            }
            Some(false) => {
                line.extend_from_slice(format!("{owner_word} of ").as_bytes());
                line.extend_from_slice(&q);
                line.extend_from_slice(b" retained");
                if !new_spec.is_empty() {
                    line.extend_from_slice(b" as ");
                    line.extend_from_slice(&new_spec);
                }
            }
            None => {
                line.extend_from_slice(format!("failed to change {owner_word} of ").as_bytes());
                line.extend_from_slice(&q);
                line.extend_from_slice(b" from ");
                line.extend_from_slice(&old_spec);
                line.extend_from_slice(b" to ");
                line.extend_from_slice(&new_spec);
            }
        }
        line.push(b'\n');
        self.out.write_bytes(&line);
    }

    fn change(&mut self, e: &Entry) {
        if !self.recursive && self.deref_roots && e.is_symlink() {
            // The link could not be followed.
            let mut what = b"cannot dereference ".to_vec();
            what.extend_from_slice(&quoted(e.path));
            let err = io::Error::from_raw_os_error(libc::ENOENT);
            self.fail(&what, &err);
            if self.verbose {
                self.report(e.path, (e.stat.st_uid, e.stat.st_gid), None);
            }
            return;
        }
        let old = (e.stat.st_uid, e.stat.st_gid);
        let flags = if e.is_symlink() {
            libc::AT_SYMLINK_NOFOLLOW
        } else {
            0
        };
        let uid = self.spec.uid.map_or(u32::MAX, |u| u);
        let gid = self.spec.gid.map_or(u32::MAX, |g| g);
        let mut result = Ok(());
        if self.spec.uid.is_some() || self.spec.gid.is_some() {
            result = sys::cstring(e.name).and_then(|c| {
                // SAFETY: c is NUL-terminated; dir_fd is the walk's open dir.
                match unsafe { libc::fchownat(e.dir_fd, c.as_ptr(), uid, gid, flags) } {
                    0 => Ok(()),
                    _ => Err(io::Error::last_os_error()),
                }
            });
        }
        let new = (
            self.spec.uid.unwrap_or(old.0),
            self.spec.gid.unwrap_or(old.1),
        );
        match result {
            Ok(()) => {
                let changed = new != old;
                if self.verbose || (self.changes && changed) {
                    self.report(e.path, old, Some(changed));
                }
            }
            Err(err) => {
                if self.verbose {
                    self.report(e.path, old, None);
                }
                let word = if self.chgrp { "group" } else { "ownership" };
                let mut what = format!("changing {word} of ").into_bytes();
                what.extend_from_slice(&quoted(e.path));
                self.fail(&what, &err);
            }
        }
    }

    fn fail(&mut self, what: &[u8], err: &io::Error) {
        if self.silent {
            self.diag.fail(1);
        } else {
            self.out.flush_now();
            self.diag.error_at(OsStr::from_bytes(what), diag::strerror(err));
        }
    }
}

impl Visitor for Chown<'_> {
    fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
        // Directories change after their contents, as GNU does.
        match visit {
            Visit::Pre if self.recursive => return Control::Continue,
            Visit::Pre | Visit::Leaf | Visit::Post => self.change(e),
        }
        if self.recursive {
            Control::Continue
        } else {
            Control::Skip
        }
    }

    fn error(&mut self, path: &[u8], f: Failure, err: &io::Error, _: Option<&libc::stat>) -> Control {
        let what = match f {
            Failure::Stat => "cannot access ",
            Failure::ReadDir => "cannot read directory ",
            Failure::Loop => "directory cycle at ",
        };
        let mut msg = what.as_bytes().to_vec();
        msg.extend_from_slice(&quoted(path));
        self.fail(&msg, err);
        Control::Continue
    }
}

fn reference(m: &Matches, chgrp: bool, diag: &mut Diag) -> Option<Option<Spec>> {
    let r = m.value("reference")?;
    match std::fs::metadata(r) {
        Ok(md) => Some(Some(Spec {
            uid: (!chgrp).then_some(md.uid()),
            gid: Some(md.gid()),
            user_shown: (!chgrp).then(|| users::uid_name(md.uid())),
            group_shown: Some(users::gid_name(md.gid())),
        })),
        Err(e) => {
            let mut what = b"failed to get attributes of ".to_vec();
            what.extend_from_slice(&quoted(r.as_bytes()));
            diag.io_error(OsStr::from_bytes(&what), &e);
            Some(None)
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
    let chgrp = diag.name() == "chgrp";
    let mut ops: &[OsString] = &m.operands;
    let spec = match reference(&m, chgrp, &mut diag) {
        Some(Some(s)) => s,
        Some(None) => return diag.status(),
        None => {
            let Some(text) = ops.first() else {
                return parser.usage_error(args, "missing operand");
            };
            ops = &ops[1..];
            let t = text.as_bytes();
            let parsed = if chgrp {
                find_group(t)
                    .map(|(gid, name)| Spec {
                        uid: None,
                        gid: Some(gid),
                        user_shown: None,
                        group_shown: Some(name),
                    })
                    .ok_or_else(|| format!("invalid group: '{}'", String::from_utf8_lossy(t)))
            } else {
                parse_owner(t)
            };
            match parsed {
                Ok(s) => s,
                Err(msg) => {
                    diag.error(msg);
                    return diag.status();
                }
            }
        }
    };
    if ops.is_empty() {
        let last = String::from_utf8_lossy(args.last().map_or(b"", |a| a.as_bytes())).into_owned();
        return parser.usage_error(args, format_args!("missing operand after '{last}'"));
    }
    let recursive = m.has("R");
    let follow = match m.last_of(&["H", "L", "P"]) {
        Some("H") if recursive => Follow::Roots,
        Some("L") if recursive => Follow::Always,
        _ if recursive => Follow::Never,
        _ if m.has("h") => Follow::Never,
        _ => Follow::Roots,
    };
    let verbosity = m.last_of(&["c", "v"]);
    let mut out = Out::stdout();
    let mut chown = Chown {
        spec,
        chgrp,
        recursive,
        deref_roots: follow != Follow::Never,
        verbose: verbosity == Some("v"),
        changes: verbosity == Some("c"),
        silent: m.has("f") || m.has("quiet"),
        diag: &mut diag,
        out: &mut out,
    };
    let opts = walk::Options {
        follow,
        ..walk::Options::default()
    };
    for op in ops {
        walk::walk(op, opts, &mut chown);
    }
    out.close(&diag)
}
