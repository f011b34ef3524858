//! Users and groups, read from `/etc/passwd` and `/etc/group` directly
//! (a static musl binary has no NSS, and these files are what a minimal
//! root filesystem has).
//!
//! Lines that do not parse (comments, NIS `+` entries, short lines) are
//! skipped, as the C library does. Names are bytes: nothing here assumes
//! UTF-8.

use std::fs;

pub const PASSWD: &str = "/etc/passwd";
pub const GROUP: &str = "/etc/group";

/// One `/etc/passwd` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: Vec<u8>,
    pub uid: u32,
    pub gid: u32,
    pub gecos: Vec<u8>,
    pub home: Vec<u8>,
    pub shell: Vec<u8>,
}

/// One `/etc/group` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub name: Vec<u8>,
    pub gid: u32,
    pub members: Vec<Vec<u8>>,
}

fn number(field: &[u8]) -> Option<u32> {
    if field.is_empty() || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(field).ok()?.parse().ok()
}

/// Parses one passwd line.
pub fn parse_user(line: &[u8]) -> Option<User> {
    let f: Vec<&[u8]> = line.split(|&b| b == b':').collect();
    if f.len() < 7 || f[0].is_empty() {
        return None;
    }
    Some(User {
        name: f[0].to_vec(),
        uid: number(f[2])?,
        gid: number(f[3])?,
        gecos: f[4].to_vec(),
        home: f[5].to_vec(),
        shell: f[6].to_vec(),
    })
}

/// Parses one group line.
pub fn parse_group(line: &[u8]) -> Option<Group> {
    let f: Vec<&[u8]> = line.split(|&b| b == b':').collect();
    if f.len() < 4 || f[0].is_empty() {
        return None;
    }
    Some(Group {
        name: f[0].to_vec(),
        gid: number(f[2])?,
        members: f[3]
            .split(|&b| b == b',')
            .filter(|m| !m.is_empty())
            .map(<[u8]>::to_vec)
            .collect(),
    })
}

fn lines(path: &str) -> Vec<Vec<u8>> {
    fs::read(path)
        .unwrap_or_default()
        .split(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// Every user in `/etc/passwd`, in file order.
pub fn users() -> Vec<User> {
    lines(PASSWD).iter().filter_map(|l| parse_user(l)).collect()
}

/// Every group in `/etc/group`, in file order.
pub fn groups() -> Vec<Group> {
    lines(GROUP).iter().filter_map(|l| parse_group(l)).collect()
}

/// The first user with this uid.
pub fn user_by_uid(uid: u32) -> Option<User> {
    users().into_iter().find(|u| u.uid == uid)
}

/// The user with this name.
pub fn user_by_name(name: &[u8]) -> Option<User> {
    users().into_iter().find(|u| u.name == name)
}

/// The first group with this gid.
pub fn group_by_gid(gid: u32) -> Option<Group> {
    groups().into_iter().find(|g| g.gid == gid)
}

/// The group with this name.
pub fn group_by_name(name: &[u8]) -> Option<Group> {
    groups().into_iter().find(|g| g.name == name)
}

/// A user named `spec`, or else one with the numeric id `spec`, as
/// `chown` and `id` take them.
pub fn lookup_user(spec: &[u8]) -> Option<User> {
    user_by_name(spec).or_else(|| number(spec).and_then(user_by_uid))
}

/// The group list of `user` as `initgroups` builds it: the primary group
/// `gid` first, then every group listing the user as a member.
pub fn groups_of(user: &[u8], gid: u32) -> Vec<u32> {
    let mut list = vec![gid];
    for g in groups() {
        if g.members.iter().any(|m| m == user) && !list.contains(&g.gid) {
            list.push(g.gid);
        }
    }
    list
}

/// A uid's name, or the number when it has none (`ls -l`, `ps`).
pub fn uid_name(uid: u32) -> Vec<u8> {
    user_by_uid(uid).map_or_else(|| uid.to_string().into_bytes(), |u| u.name)
}

/// A gid's name, or the number when it has none.
pub fn gid_name(gid: u32) -> Vec<u8> {
    group_by_gid(gid).map_or_else(|| gid.to_string().into_bytes(), |g| g.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_passwd_lines() {
        let u = parse_user(b"al:x:1000:100:Al Ice,,,:/home/al:/bin/sh").expect("parses");
        assert_eq!(u.name, b"al");
        assert_eq!((u.uid, u.gid), (1000, 100));
        assert_eq!(u.home, b"/home/al");
        assert_eq!(u.shell, b"/bin/sh");
        assert_eq!(parse_user(b"# comment"), None);
        assert_eq!(parse_user(b"+::::::"), None);
        assert_eq!(parse_user(b"bad:x:-1:0::/:/bin/sh"), None);
        assert_eq!(parse_user(b""), None);
    }

    #[test]
    fn parses_group_lines() {
        let g = parse_group(b"wheel:x:10:root,al").expect("parses");
        assert_eq!(g.gid, 10);
        assert_eq!(g.members, vec![b"root".to_vec(), b"al".to_vec()]);
        assert_eq!(
            parse_group(b"empty:x:11:").expect("parses").members.len(),
            0
        );
        assert_eq!(parse_group(b"short:x:12"), None);
    }

    #[test]
    fn root_is_uid_zero() {
        // Every system this runs on has root in /etc/passwd.
        assert_eq!(uid_name(0), b"root");
        assert_eq!(lookup_user(b"0").map(|u| u.name), Some(b"root".to_vec()));
        assert_eq!(uid_name(4_000_000_000), b"4000000000");
    }
}
