//! id: print user and group ids.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/id.html
//!
//! Without USER, the ids of this process (with ` euid=`/` egid=` when they
//! differ from the real ones); with USERs (GNU takes several), theirs from
//! `/etc/passwd` and `/etc/group`. `-u`, `-g`, `-G` print one item; `-n`
//! names, `-r` real ids, as GNU. An id without a name prints as a number
//! in the full line; with `-n` that is an error, as in GNU.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::users;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

pub const APPLET: Applet = Applet {
    name: "id",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-ugGnr] [USER]...",
    help: "Print the user and group ids of USER, or of this process.\n\
\n\
\t-u\tOnly the user id\n\
\t-g\tOnly the group id\n\
\t-G\tOnly the group ids\n\
\t-n\tNames, not numbers (with -u, -g or -G)\n\
\t-r\tReal ids, not effective ones (with -u, -g or -G)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('u', "user"),
    Opt::flag('g', "group"),
    Opt::flag('G', "groups"),
    Opt::flag('n', "name"),
    Opt::flag('r', "real"),
    Opt::flag('z', "zero"),
];

struct Ids {
    ruid: u32,
    euid: u32,
    rgid: u32,
    egid: u32,
    groups: Vec<u32>,
}

fn own_ids() -> Ids {
    // SAFETY: these calls cannot fail.
    let (ruid, euid, rgid, egid) =
        unsafe { (libc::getuid(), libc::geteuid(), libc::getgid(), libc::getegid()) };
    let mut groups = vec![egid];
    // SAFETY: a zero size only asks for the count.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n > 0 {
        let mut list = vec![0 as libc::gid_t; n as usize];
        // SAFETY: list has room for n entries.
        let got = unsafe { libc::getgroups(n, list.as_mut_ptr()) };
        list.truncate(got.max(0) as usize);
        for g in list {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
    }
    Ids {
        ruid,
        euid,
        rgid,
        egid,
        groups,
    }
}

fn user_ids(user: &users::User) -> Ids {
    Ids {
        ruid: user.uid,
        euid: user.uid,
        rgid: user.gid,
        egid: user.gid,
        groups: users::groups_of(&user.name, user.gid),
    }
}

fn with_name(line: &mut Vec<u8>, id: u32, name: Option<Vec<u8>>) {
    line.extend_from_slice(id.to_string().as_bytes());
    if let Some(n) = name {
        line.push(b'(');
        line.extend_from_slice(&n);
        line.push(b')');
    }
}

fn uname(uid: u32) -> Option<Vec<u8>> {
    users::user_by_uid(uid).map(|u| u.name)
}

fn gname(gid: u32) -> Option<Vec<u8>> {
    users::group_by_gid(gid).map(|g| g.name)
}

fn full_line(ids: &Ids) -> Vec<u8> {
    let mut line = b"uid=".to_vec();
    with_name(&mut line, ids.ruid, uname(ids.ruid));
    line.extend_from_slice(b" gid=");
    with_name(&mut line, ids.rgid, gname(ids.rgid));
    if ids.euid != ids.ruid {
        line.extend_from_slice(b" euid=");
        with_name(&mut line, ids.euid, uname(ids.euid));
    }
    if ids.egid != ids.rgid {
        line.extend_from_slice(b" egid=");
        with_name(&mut line, ids.egid, gname(ids.egid));
    }
    line.extend_from_slice(b" groups=");
    for (i, &g) in ids.groups.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        with_name(&mut line, g, gname(g));
    }
    line
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let only = ["u", "g", "G"].iter().filter(|k| m.has(k)).count();
    if only > 1 {
        return parser.usage_error(args, "cannot print \"only\" of more than one choice");
    }
    if only == 0 && (m.has("n") || m.has("r")) {
        return parser.usage_error(args, "cannot print only names or real IDs in default format");
    }
    if only == 0 && m.has("z") {
        return parser.usage_error(args, "option --zero not permitted in default format");
    }
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut targets: Vec<Ids> = Vec::new();
    if m.operands.is_empty() {
        targets.push(own_ids());
    }
    for name in &m.operands {
        match users::lookup_user(name.as_bytes()) {
            Some(u) => targets.push(user_ids(&u)),
            None => {
                let mut what = b"'".to_vec();
                what.extend_from_slice(name.as_bytes());
                what.push(b'\'');
                diag.error_at(OsString::from_vec(what).as_os_str(), "no such user");
            }
        }
    }
    let (names, real) = (m.has("n"), m.has("r"));
    let end = if m.has("z") { b'\0' } else { b'\n' };
    for ids in &targets {
        let mut line = Vec::new();
        if only == 0 {
            line = full_line(ids);
        } else {
            let (list, is_user): (Vec<u32>, bool) = if m.has("u") {
                (vec![if real { ids.ruid } else { ids.euid }], true)
            } else if m.has("g") {
                (vec![if real { ids.rgid } else { ids.egid }], false)
            } else {
                (ids.groups.clone(), false)
            };
            let sep = if m.has("z") { b'\0' } else { b' ' };
            for (i, id) in list.into_iter().enumerate() {
                if i > 0 {
                    line.push(sep);
                }
                let name = if is_user { uname(id) } else { gname(id) };
                match (names, name) {
                    (true, Some(n)) => line.extend_from_slice(&n),
                    (true, None) => {
                        let what = if is_user { "user" } else { "group" };
                        diag.error(format_args!("cannot find name for {what} ID {id}"));
                        line.extend_from_slice(id.to_string().as_bytes());
                    }
                    (false, _) => line.extend_from_slice(id.to_string().as_bytes()),
                }
            }
        }
        line.push(end);
        out.write_bytes(&line);
    }
    out.close(&diag)
}
