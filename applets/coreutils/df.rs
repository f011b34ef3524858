//! df: report file system space usage.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/df.html
//!
//! The mount table is `/proc/self/mountinfo` (`/proc/mounts` if that is
//! missing). As GNU: without `-a`, pseudo file systems (`proc`, `sysfs`,
//! `cgroup`, ... and anything of zero blocks) are left out, a mount point
//! mounted over shows only its top mount, and a device mounted in several
//! places shows once, under its shortest mount point. Sizes are rounded up;
//! columns are as wide as their widest entry (at least GNU's minimum widths).

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::size;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "df",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-ahHiklmPT] [-t TYPE] [-x TYPE] [FILE]...",
    help: "Show the size, use and free space of the file systems holding the\n\
FILEs (default: all mounted).\n\
\n\
\t-a\tInclude pseudo, duplicate and empty file systems\n\
\t-h\tHuman-readable sizes (powers of 1024); -H: powers of 1000\n\
\t-i\tInodes instead of blocks\n\
\t-k\t1024-byte blocks (the default); -m: 1048576-byte blocks\n\
\t-P\tPOSIX output format\n\
\t-T\tShow file system types\n\
\t-t TYPE\tOnly file systems of TYPE\n\
\t-x TYPE\tNot file systems of TYPE\n\
\t-l\tOnly local file systems\n\
\t--total\tAdd a line of totals",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('h', "human-readable"),
    Opt::flag('H', "si"),
    Opt::flag('i', "inodes"),
    Opt::flag('k', ""),
    Opt::flag('m', ""),
    Opt::flag('P', "portability"),
    Opt::flag('T', "print-type"),
    Opt::value('t', "type"),
    Opt::value('x', "exclude-type"),
    Opt::flag('l', "local"),
    Opt::flag('\0', "total"),
];

/// One line of the mount table.
#[derive(Clone, Debug)]
pub struct Mount {
    pub dev: u64,
    pub target: Vec<u8>,
    pub fstype: Vec<u8>,
    pub source: Vec<u8>,
}

/// Undoes the `\040`-style escapes of the mount table.
fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 3 < s.len() && s[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c)) {
            let v = s[i + 1..i + 4].iter().fold(0u32, |a, &c| a * 8 + u32::from(c - b'0'));
            out.push(v as u8);
            i += 4;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// Reads the mount table.
pub fn mounts() -> std::io::Result<Vec<Mount>> {
    if let Ok(text) = std::fs::read("/proc/self/mountinfo") {
        let mut v = Vec::new();
        for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let f: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
            let Some(dash) = f.iter().position(|x| *x == b"-") else {
                continue;
            };
            if f.len() < dash + 3 || f.len() < 5 {
                continue;
            }
            let (maj, min) = match std::str::from_utf8(f[2]).ok().and_then(|s| s.split_once(':')) {
                Some((a, b)) => (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0)),
                None => (0, 0),
            };
            v.push(Mount {
                dev: libc::makedev(maj, min),
                target: unescape(f[4]),
                fstype: unescape(f[dash + 1]),
                source: unescape(f[dash + 2]),
            });
        }
        return Ok(v);
    }
    let text = std::fs::read("/proc/mounts")?;
    let mut v = Vec::new();
    for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let f: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
        if f.len() < 3 {
            continue;
        }
        let target = unescape(f[1]);
        let dev = std::fs::metadata(std::ffi::OsStr::from_bytes(&target)).map_or(0, |m| m.dev());
        v.push(Mount {
            dev,
            target,
            fstype: unescape(f[2]),
            source: unescape(f[0]),
        });
    }
    Ok(v)
}

/// GNU's pseudo file systems, left out without `-a`.
fn dummy(m: &Mount) -> bool {
    matches!(
        &m.fstype[..],
        b"autofs" | b"proc" | b"subfs" | b"debugfs" | b"devpts" | b"fusectl" | b"fuse.portal" | b"mqueue"
            | b"rpc_pipefs" | b"sysfs" | b"devfs" | b"kernfs" | b"ignore" | b"binfmt_misc" | b"securityfs"
            | b"tracefs" | b"pstore" | b"configfs" | b"cgroup" | b"cgroup2" | b"bpf" | b"hugetlbfs" | b"nsfs"
            | b"efivarfs" | b"selinuxfs"
    ) || (m.source == b"none" && m.fstype != b"tmpfs")
}

fn remote(m: &Mount) -> bool {
    m.source.contains(&b':')
        || m.source.starts_with(b"//")
        || matches!(&m.fstype[..], b"nfs" | b"nfs4" | b"cifs" | b"smbfs" | b"smb3" | b"sshfs" | b"fuse.sshfs" | b"afs" | b"ncpfs" | b"9p")
}

struct Stats {
    /// Blocks in bytes: total, used, available; or inodes.
    total: u64,
    used: u64,
    avail: u64,
    /// Whether the percentage has a value.
    known: bool,
}

fn statvfs(path: &[u8]) -> std::io::Result<libc::statvfs> {
    let c = CString::new(path).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: an all-zero statvfs is valid; `c` is NUL-terminated.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut s) } == 0 {
        Ok(s)
    } else {
        Err(std::io::Error::last_os_error())
    }
}

// The statvfs fields are 32-bit on some targets.
#[allow(clippy::unnecessary_cast)]
fn stats(s: &libc::statvfs, inodes: bool) -> Stats {
    if inodes {
        let total = s.f_files as u64;
        let free = s.f_ffree as u64;
        return Stats {
            total,
            used: total.saturating_sub(free),
            avail: free,
            known: total > 0,
        };
    }
    let fr = if s.f_frsize > 0 { s.f_frsize as u64 } else { s.f_bsize as u64 };
    let total = s.f_blocks as u64 * fr;
    let used = (s.f_blocks as u64).saturating_sub(s.f_bfree as u64) * fr;
    let avail = s.f_bavail as u64 * fr;
    Stats {
        total,
        used,
        avail,
        known: used + avail > 0,
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Blocks(u64),
    Human(u64),
    Count,
}

fn fmt(n: u64, unit: Unit) -> String {
    match unit {
        Unit::Blocks(b) => n.div_ceil(b).to_string(),
        Unit::Human(base) => size::human(n, base),
        Unit::Count => n.to_string(),
    }
}

fn percent(s: &Stats) -> String {
    if !s.known {
        return "-".to_string();
    }
    let denom = s.used + s.avail;
    if denom == 0 {
        return "-".to_string();
    }
    format!("{}%", (s.used as u128 * 100).div_ceil(denom as u128))
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let inodes = m.has("i");
    let posix = m.has("P");
    let mut unit = Unit::Blocks(1024);
    for (i, _) in &m.found {
        match OPTS[*i].short {
            b'h' => unit = Unit::Human(1024),
            b'H' => unit = Unit::Human(1000),
            b'k' => unit = Unit::Blocks(1024),
            b'm' => unit = Unit::Blocks(1 << 20),
            _ => {}
        }
    }
    let human = matches!(unit, Unit::Human(_));
    let only: Vec<&[u8]> = m.values("t").into_iter().map(|v| v.as_bytes()).collect();
    let exclude: Vec<&[u8]> = m.values("x").into_iter().map(|v| v.as_bytes()).collect();
    let all = m.has("a");
    let table = match mounts() {
        Ok(t) => t,
        Err(e) => {
            diag.error(format_args!("cannot read table of mounted file systems: {}", diag::strerror(&e)));
            return 1;
        }
    };
    let selected = |mt: &Mount| -> bool {
        (only.is_empty() || only.contains(&&mt.fstype[..]))
            && !exclude.contains(&&mt.fstype[..])
            && !(m.has("l") && remote(mt))
    };
    let mut rows: Vec<Mount> = Vec::new();
    if m.operands.is_empty() {
        for mt in &table {
            if !selected(mt) || (!all && dummy(mt)) {
                continue;
            }
            if !all {
                // Mounted over: the later mount takes the earlier's place.
                if let Some(i) = rows.iter().position(|r| r.target == mt.target) {
                    rows[i] = mt.clone();
                    continue;
                }
                // One device in several places: the shortest mount point.
                if let Some(i) = rows.iter().position(|r| r.dev == mt.dev && r.dev != 0) {
                    if mt.target.len() < rows[i].target.len() {
                        rows[i] = mt.clone();
                    }
                    continue;
                }
            }
            rows.push(mt.clone());
        }
    } else {
        for op in &m.operands {
            let md = match std::fs::metadata(op) {
                Ok(md) => md,
                Err(e) => {
                    diag.file_error(op, diag::strerror(&e));
                    continue;
                }
            };
            // The last-mounted entry of the file's device whose mount point
            // holds the file.
            let real = crate::path::canonicalize(op.as_bytes(), crate::path::Missing::None, true).unwrap_or_default();
            let found = table
                .iter()
                .rev()
                .filter(|mt| mt.dev == md.dev())
                .find(|mt| crate::path::is_under(&real, &mt.target))
                .or_else(|| table.iter().rev().find(|mt| mt.dev == md.dev()));
            match found {
                Some(mt) if selected(mt) => rows.push(mt.clone()),
                Some(_) => {}
                None => diag.file_error(op, "no file systems processed"),
            }
        }
    }
    // Build the cells.
    let size_header = match unit {
        Unit::Human(_) => "Size".to_string(),
        Unit::Blocks(1024) if posix => "1024-blocks".to_string(),
        Unit::Blocks(1024) => "1K-blocks".to_string(),
        Unit::Blocks(_) => "1M-blocks".to_string(),
        Unit::Count => String::new(),
    };
    let mut header: Vec<String> = vec!["Filesystem".into()];
    let typed = m.has("T");
    if typed {
        header.push("Type".into());
    }
    if inodes {
        header.extend(["Inodes", "IUsed", "IFree", "IUse%"].map(String::from));
    } else {
        header.push(size_header);
        header.push("Used".into());
        header.push(if human { "Avail" } else { "Available" }.into());
        header.push(if posix { "Capacity" } else { "Use%" }.into());
    }
    header.push("Mounted on".into());
    let mut lines: Vec<Vec<Vec<u8>>> = vec![header.iter().map(|h| h.as_bytes().to_vec()).collect()];
    let cell_unit = if inodes && !human { Unit::Count } else { unit };
    let mut sum = Stats { total: 0, used: 0, avail: 0, known: false };
    for r in &rows {
        let s = match statvfs(&r.target) {
            Ok(s) => s,
            Err(e) => {
                diag.file_error(std::ffi::OsStr::from_bytes(&r.target), diag::strerror(&e));
                continue;
            }
        };
        let st = stats(&s, inodes);
        if !all && m.operands.is_empty() && st.total == 0 && !inodes {
            continue;
        }
        sum.total += st.total;
        sum.used += st.used;
        sum.avail += st.avail;
        sum.known |= st.known;
        let mut row = vec![r.source.clone()];
        if typed {
            row.push(r.fstype.clone());
        }
        row.push(fmt(st.total, cell_unit).into_bytes());
        row.push(fmt(st.used, cell_unit).into_bytes());
        row.push(fmt(st.avail, cell_unit).into_bytes());
        row.push(percent(&st).into_bytes());
        row.push(r.target.clone());
        lines.push(row);
    }
    if m.has("total") && lines.len() > 1 {
        let mut row = vec![b"total".to_vec()];
        if typed {
            row.push(b"-".to_vec());
        }
        row.push(fmt(sum.total, cell_unit).into_bytes());
        row.push(fmt(sum.used, cell_unit).into_bytes());
        row.push(fmt(sum.avail, cell_unit).into_bytes());
        row.push(percent(&sum).into_bytes());
        row.push(b"-".to_vec());
        lines.push(row);
    }
    let mut out = Out::stdout();
    if lines.len() > 1 {
        // Minimum widths as GNU's: source 14, type 4, numbers 5, percent 4.
        let ncol = lines[0].len();
        let mut widths = vec![0usize; ncol];
        for (c, w) in widths.iter_mut().enumerate() {
            let min = if c == 0 {
                14
            } else if (typed && c == 1) || c == ncol - 2 {
                4
            } else if c == ncol - 1 {
                0
            } else {
                5
            };
            *w = lines.iter().map(|l| l[c].len()).max().unwrap_or(0).max(min);
        }
        for line in &lines {
            let mut text = Vec::new();
            for (c, cell) in line.iter().enumerate() {
                let left = c == 0 || (typed && c == 1) || c == ncol - 1;
                let pad = widths[c].saturating_sub(cell.len());
                if c > 0 {
                    text.push(b' ');
                }
                if left {
                    text.extend_from_slice(cell);
                    if c != ncol - 1 {
                        text.resize(text.len() + pad, b' ');
                    }
                } else {
                    text.resize(text.len() + pad, b' ');
                    text.extend_from_slice(cell);
                }
            }
            text.push(b'\n');
            out.write_bytes(&text);
        }
    }
    if lines.len() == 1 && diag.status() == 0 {
        diag.error("no file systems processed");
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
