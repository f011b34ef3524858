//! stat: print file or file system status.
//!
//! GNU's output: the default layout, `-t` terse lines, and `-c`/`--format`
//! (a newline added, backslashes literal) or `--printf` (escapes decoded,
//! no newline) with `%` directives taking `-`, `0`, `+`, space and `#`
//! flags, a width and a precision (`%.3Y` gives fractional seconds). `-f`
//! reports the file system instead, `-L` follows links. Birth times come
//! from statx where the file system keeps them (`-` and 0 otherwise).
//! Unknown directives print `?`, as GNU does.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::escape::{self, Style};
use crate::io::Out;
use crate::{mode, path, quote, sys, time, users};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "stat",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-fLt] [-c FORMAT | --printf=FORMAT] FILE...",
    help: "Print the status of each FILE, or of its file system.\n\
\n\
\t-c FMT\t\tUse FMT, then a newline (--format)\n\
\t--printf=FMT\tUse FMT, decoding backslash escapes, no newline\n\
\t-f\t\tThe file system's status\n\
\t-L\t\tFollow symbolic links\n\
\t-t\t\tTerse output\n\
\n\
File: %a %A octal/ls mode, %b blocks, %B block unit, %d %D device,\n\
%f raw mode (hex), %F type, %g %G group, %h links, %i inode, %m mount\n\
point, %n name, %N quoted name (-> target), %o I/O block, %s size,\n\
%t %T device major/minor (hex), %Hd %Ld %Hr %Lr majors and minors,\n\
%u %U owner, %w %W %x %X %y %Y %z %Z birth/access/modify/change times.\n\
File system: %a %b %c %d %f blocks and inodes, %i id, %l name length,\n\
%n name, %s %S block sizes, %t %T type.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('c', "format"),
    Opt::value('\0', "printf"),
    Opt::flag('f', "file-system"),
    Opt::flag('L', "dereference"),
    Opt::flag('t', "terse"),
];

const DEFAULT: &str = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n\
Device: %Hd,%Ld\tInode: %-10i  Links: %h\n";
const DEFAULT_DEV: &str = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n\
Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n";
const DEFAULT_TAIL: &str = "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n\
Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
const TERSE: &str = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
const FS_DEFAULT: &str = "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n\
Block size: %-10s Fundamental block size: %S\n\
Blocks: Total: %-10b Free: %-10f Available: %a\n\
Inodes: Total: %-10c Free: %d\n";
const FS_TERSE: &str = "%n %i %l %t %s %S %b %f %a %c %d\n";

/// One directive's flags, width and precision.
#[derive(Default)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
}

/// What a directive produces.
enum Value {
    Num(i128),
    /// Digits in another base, already with any `#` prefix.
    Digits(String),
    Text(Vec<u8>),
    /// Seconds and nanoseconds (the precision picks the fraction).
    Time(i64, u32),
}

fn pad(out: &mut Vec<u8>, body: &[u8], sign: &[u8], spec: &Spec, numeric: bool) {
    let len = body.len() + sign.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.extend_from_slice(sign);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if spec.zero && numeric {
        out.extend_from_slice(sign);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(sign);
        out.extend_from_slice(body);
    }
}

fn emit(out: &mut Vec<u8>, v: Value, spec: &Spec) {
    match v {
        Value::Text(t) => {
            let t = match spec.prec {
                Some(p) if p < t.len() => &t[..p],
                _ => &t[..],
            };
            pad(out, t, b"", spec, false);
        }
        Value::Num(n) => {
            let mut digits = n.unsigned_abs().to_string().into_bytes();
            if let Some(p) = spec.prec {
                while digits.len() < p {
                    digits.insert(0, b'0');
                }
            }
            let sign: &[u8] = if n < 0 {
                b"-"
            } else if spec.plus {
                b"+"
            } else if spec.space {
                b" "
            } else {
                b""
            };
            pad(out, &digits, sign, spec, spec.prec.is_none());
        }
        Value::Digits(d) => pad(out, d.as_bytes(), b"", spec, true),
        Value::Time(secs, nanos) => {
            let mut body = secs.to_string().into_bytes();
            if let Some(p) = spec.prec.filter(|&p| p > 0) {
                let frac = format!("{nanos:09}");
                body.push(b'.');
                let f = frac.as_bytes();
                for i in 0..p {
                    body.push(*f.get(i).unwrap_or(&b'0'));
                }
            }
            pad(out, &body, b"", spec, true);
        }
    }
}

/// Walks a format, calling `conv` for each directive (`H`/`L` prefixes
/// passed as the first byte of the pair).
fn expand(fmt: &[u8], out: &mut Vec<u8>, conv: &mut dyn FnMut(u8, u8) -> Option<Value>) {
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => spec.left = true,
                b'0' => spec.zero = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'\'' => {}
                _ => break,
            }
            i += 1;
        }
        while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            spec.width = spec.width.saturating_mul(10).saturating_add(usize::from(d - b'0'));
            i += 1;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0usize;
            while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
                p = p.saturating_mul(10).saturating_add(usize::from(d - b'0'));
                i += 1;
            }
            spec.prec = Some(p);
        }
        let Some(&conv_char) = fmt.get(i) else {
            out.push(b'%');
            break;
        };
        i += 1;
        if conv_char == b'%' {
            out.push(b'%');
            continue;
        }
        let (prefix, ch) = if matches!(conv_char, b'H' | b'L')
            && matches!(fmt.get(i), Some(b'd') | Some(b'r'))
        {
            i += 1;
            (conv_char, fmt[i - 1])
        } else {
            (0, conv_char)
        };
        match conv(prefix, ch) {
            Some(Value::Digits(d)) if spec.alt && ch == b'a' && !d.starts_with('0') => {
                emit(out, Value::Digits(format!("0{d}")), &spec)
            }
            Some(v) => emit(out, v, &spec),
            None => out.push(b'?'),
        }
    }
}

fn major(dev: u64) -> u64 {
    ((dev >> 32) & 0xffff_f000) | ((dev >> 8) & 0xfff)
}

fn minor(dev: u64) -> u64 {
    ((dev >> 12) & 0xffff_ff00) | (dev & 0xff)
}

fn file_type(m: u32, size: i64) -> &'static str {
    match m & libc::S_IFMT {
        libc::S_IFREG if size == 0 => "regular empty file",
        libc::S_IFREG => "regular file",
        libc::S_IFDIR => "directory",
        libc::S_IFLNK => "symbolic link",
        libc::S_IFCHR => "character special file",
        libc::S_IFBLK => "block special file",
        libc::S_IFIFO => "fifo",
        libc::S_IFSOCK => "socket",
        _ => "weird file",
    }
}

struct FileInfo<'a> {
    name: &'a [u8],
    st: libc::stat,
    birth: Option<(i64, u32)>,
    target: Option<Vec<u8>>,
}

fn stat_path(p: &OsStr, follow: bool) -> io::Result<libc::stat> {
    let c = sys::cstring(p)?;
    // SAFETY: st is plain data; c is NUL-terminated.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        if libc::fstatat(libc::AT_FDCWD, c.as_ptr(), &mut st, flags) == 0 {
            Ok(st)
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

fn birth(p: &OsStr, follow: bool) -> Option<(i64, u32)> {
    let c = sys::cstring(p).ok()?;
    // SAFETY: statx is plain data; the syscall fills it or fails.
    unsafe {
        let mut sx: libc::statx = std::mem::zeroed();
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        let r = libc::syscall(
            libc::SYS_statx,
            libc::AT_FDCWD,
            c.as_ptr(),
            flags,
            libc::STATX_BTIME,
            &mut sx as *mut libc::statx,
        );
        (r == 0 && sx.stx_mask & libc::STATX_BTIME != 0)
            .then_some((sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec))
    }
}

fn human_time(secs: i64, nanos: u32) -> Vec<u8> {
    let mut v = Vec::new();
    match time::local(secs) {
        Some(tm) => time::format(b"%Y-%m-%d %H:%M:%S.%N %z", &tm, nanos, &mut v),
        None => v.extend_from_slice(secs.to_string().as_bytes()),
    }
    v
}

/// The mount point holding `p`: the highest ancestor on the same device.
fn mount_point(p: &[u8], dev: u64) -> Vec<u8> {
    let Ok(mut cur) = path::canonicalize(p, path::Missing::None, true) else {
        return b"?".to_vec();
    };
    while cur != b"/" {
        let parent = match cur.iter().rposition(|&b| b == b'/') {
            Some(0) => b"/".to_vec(),
            Some(i) => cur[..i].to_vec(),
            None => break,
        };
        match stat_path(OsStr::from_bytes(&parent), true) {
            Ok(st) if st.st_dev == dev => cur = parent,
            _ => break,
        }
    }
    cur
}

fn file_conv(f: &FileInfo, prefix: u8, c: u8) -> Option<Value> {
    let st = &f.st;
    let n = |v: i128| Some(Value::Num(v));
    let hex = |v: u64| Some(Value::Digits(format!("{v:x}")));
    let (dev, rdev) = (st.st_dev, st.st_rdev);
    Some(match (prefix, c) {
        (b'H', b'd') => return n(major(dev).into()),
        (b'L', b'd') => return n(minor(dev).into()),
        (b'H', b'r') => return n(major(rdev).into()),
        (b'L', b'r') => return n(minor(rdev).into()),
        (_, b'a') => Value::Digits(format!("{:o}", st.st_mode & 0o7777)),
        (_, b'A') => Value::Text(mode::ls_string(st.st_mode).to_vec()),
        (_, b'b') => return n(st.st_blocks.into()),
        (_, b'B') => return n(512),
        (_, b'C') => return None,
        (_, b'd') => return n(dev.into()),
        (_, b'D') => return hex(dev),
        (_, b'f') => return hex(st.st_mode.into()),
        (_, b'F') => Value::Text(file_type(st.st_mode, st.st_size).into()),
        (_, b'g') => return n(st.st_gid.into()),
        (_, b'G') => Value::Text(users::gid_name(st.st_gid)),
        (_, b'h') => return n(st.st_nlink.into()),
        (_, b'i') => return n(st.st_ino.into()),
        (_, b'm') => Value::Text(mount_point(f.name, dev)),
        (_, b'n') => Value::Text(f.name.to_vec()),
        (_, b'N') => {
            let mut v = quote::shell_always(f.name);
            if let Some(t) = &f.target {
                v.extend_from_slice(b" -> ");
                v.extend_from_slice(&quote::shell_always(t));
            }
            Value::Text(v)
        }
        (_, b'o') => return n(st.st_blksize.into()),
        (_, b'r') => return n(rdev.into()),
        (_, b'R') => return hex(rdev),
        (_, b's') => return n(st.st_size.into()),
        (_, b't') => return hex(major(rdev)),
        (_, b'T') => return hex(minor(rdev)),
        (_, b'u') => return n(st.st_uid.into()),
        (_, b'U') => Value::Text(users::uid_name(st.st_uid)),
        (_, b'w') => match f.birth {
            Some((s, ns)) => Value::Text(human_time(s, ns)),
            None => Value::Text(b"-".to_vec()),
        },
        (_, b'W') => match f.birth {
            Some((s, ns)) => Value::Time(s, ns),
            None => Value::Num(0),
        },
        (_, b'x') => Value::Text(human_time(st.st_atime, st.st_atime_nsec as u32)),
        (_, b'X') => Value::Time(st.st_atime, st.st_atime_nsec as u32),
        (_, b'y') => Value::Text(human_time(st.st_mtime, st.st_mtime_nsec as u32)),
        (_, b'Y') => Value::Time(st.st_mtime, st.st_mtime_nsec as u32),
        (_, b'z') => Value::Text(human_time(st.st_ctime, st.st_ctime_nsec as u32)),
        (_, b'Z') => Value::Time(st.st_ctime, st.st_ctime_nsec as u32),
        _ => return None,
    })
}

fn fs_type_name(t: u64) -> String {
    let name = match t {
        0xEF53 => "ext2/ext3",
        0x9123_683E => "btrfs",
        0x5846_5342 => "xfs",
        0x0102_1994 => "tmpfs",
        0x9FA0 => "proc",
        0x6265_6572 => "sysfs",
        0x1CD1 => "devpts",
        0x794C_7630 => "overlayfs",
        0x6969 => "nfs",
        0x4D44 => "msdos",
        0x8584_58F6 => "ramfs",
        0x0027_E0EB => "cgroupfs",
        0x6367_7270 => "cgroup2fs",
        0x7371_7368 => "squashfs",
        0x9660 => "isofs",
        0x2011_BAB0 => "exfat",
        0x5346_544E => "ntfs",
        0xF2F5_2010 => "f2fs",
        0x6573_5546 => "fuseblk",
        0x6573_5543 => "fusectl",
        0x6462_6720 => "debugfs",
        0x7472_6163 => "tracefs",
        0x7363_6673 => "securityfs",
        0xCAFE_4A11 => "bpf_fs",
        0x1980_0202 => "mqueue",
        0x9584_58F6 => "hugetlbfs",
        0x0102_1997 => "v9fs",
        0x6E73_6673 => "nsfs",
        0x4249_4E4D => "binfmt_misc",
        0x2FC1_2FC1 => "zfs",
        0xFF53_4D42 => "cifs",
        0x28CD_3D45 => "cramfs",
        0x3153_464A => "jfs",
        0x5265_4973 => "reiserfs",
        0x6165_676C => "pstorefs",
        0x4006 => "fat",
        0x1373 => "devfs",
        0x0BAD_1DEA => "futexfs",
        _ => return format!("UNKNOWN (0x{t:x})"),
    };
    name.to_string()
}

fn fs_conv(name: &[u8], s: &libc::statfs, c: u8) -> Option<Value> {
    let n = |v: i128| Some(Value::Num(v));
    // SAFETY: fsid_t is two ints; its field is private in the libc crate.
    let fsid: [u32; 2] = unsafe { std::mem::transmute_copy(&s.f_fsid) };
    Some(match c {
        b'a' => return n(s.f_bavail.into()),
        b'b' => return n(s.f_blocks.into()),
        b'c' => return n(s.f_files.into()),
        b'd' => return n(s.f_ffree.into()),
        b'f' => return n(s.f_bfree.into()),
        b'i' => Value::Digits(format!(
            "{:x}",
            (u64::from(fsid[0]) << 32) | u64::from(fsid[1])
        )),
        b'l' => return n(s.f_namelen.into()),
        b'n' => Value::Text(name.to_vec()),
        b's' => return n(s.f_bsize.into()),
        b'S' => return n(if s.f_frsize != 0 { s.f_frsize } else { s.f_bsize }.into()),
        b't' => Value::Digits(format!("{:x}", s.f_type)),
        // f_type is signed in glibc's struct, unsigned in musl's.
        #[allow(clippy::unnecessary_cast)]
        b'T' => Value::Text(fs_type_name(s.f_type as u64).into_bytes()),
        _ => return None,
    })
}

fn quoted(p: &[u8]) -> Vec<u8> {
    [b"'", p, b"'"].concat()
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
    let mut diag = Diag::new(args);
    let follow = m.has("L");
    let fs = m.has("f");
    let terse = m.has("t");
    // The format given, if any, with a newline for -c and escapes decoded
    // for --printf.
    let user_fmt: Option<Vec<u8>> = match m.last_of(&["c", "printf"]) {
        Some("c") => m.value("c").map(|f| f.as_bytes().to_vec()),
        Some(_) => m.value("printf").map(|f| {
            let mut v = Vec::new();
            escape::unescape(f.as_bytes(), Style::Format, &mut v);
            v
        }),
        None => None,
    };
    // -c ends each file's output with a newline (a final lone % stays).
    let newline = m.last_of(&["c", "printf"]) == Some("c");
    let mut out = Out::stdout();
    let mut buf = Vec::new();
    for op in &m.operands {
        buf.clear();
        let name = op.as_bytes();
        if fs {
            let r = sys::cstring(op).and_then(|c| {
                // SAFETY: statfs is plain data; c is NUL-terminated.
                unsafe {
                    let mut s: libc::statfs = std::mem::zeroed();
                    if libc::statfs(c.as_ptr(), &mut s) == 0 {
                        Ok(s)
                    } else {
                        Err(io::Error::last_os_error())
                    }
                }
            });
            let s = match r {
                Ok(s) => s,
                Err(e) => {
                    let mut what = b"cannot read file system information for ".to_vec();
                    what.extend_from_slice(&quoted(name));
                    diag.error_at(OsStr::from_bytes(&what), diag::strerror(&e));
                    continue;
                }
            };
            let fmt: &[u8] = match (&user_fmt, terse) {
                (Some(f), _) => f,
                (None, true) => FS_TERSE.as_bytes(),
                (None, false) => FS_DEFAULT.as_bytes(),
            };
            expand(fmt, &mut buf, &mut |_, c| fs_conv(name, &s, c));
            if newline && user_fmt.is_some() {
                buf.push(b'\n');
            }
        } else {
            let st = match stat_path(op, follow) {
                Ok(st) => st,
                Err(e) => {
                    let mut what = b"cannot stat ".to_vec();
                    what.extend_from_slice(&quoted(name));
                    diag.error_at(OsStr::from_bytes(&what), diag::strerror(&e));
                    continue;
                }
            };
            let is_link = st.st_mode & libc::S_IFMT == libc::S_IFLNK;
            let info = FileInfo {
                name,
                st,
                birth: birth(op, follow),
                target: is_link
                    .then(|| std::fs::read_link(op).ok())
                    .flatten()
                    .map(|t| t.into_os_string().into_encoded_bytes()),
            };
            match (&user_fmt, terse) {
                (Some(f), _) => {
                    expand(f, &mut buf, &mut |p, c| file_conv(&info, p, c));
                    if newline {
                        buf.push(b'\n');
                    }
                }
                (None, true) => {
                    expand(TERSE.as_bytes(), &mut buf, &mut |p, c| file_conv(&info, p, c))
                }
                (None, false) => {
                    // The default layout shows the name as it is.
                    buf.extend_from_slice(b"  File: ");
                    buf.extend_from_slice(name);
                    if let Some(t) = &info.target {
                        buf.extend_from_slice(b" -> ");
                        buf.extend_from_slice(t);
                    }
                    let kind = st.st_mode & libc::S_IFMT;
                    let head = if kind == libc::S_IFCHR || kind == libc::S_IFBLK {
                        DEFAULT_DEV
                    } else {
                        DEFAULT
                    };
                    let head = &head.as_bytes()["  File: %N".len()..];
                    expand(head, &mut buf, &mut |p, c| file_conv(&info, p, c));
                    expand(DEFAULT_TAIL.as_bytes(), &mut buf, &mut |p, c| {
                        file_conv(&info, p, c)
                    });
                }
            }
        }
        out.write_bytes(&buf);
    }
    out.close(&diag)
}
