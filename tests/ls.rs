//! ls: formats, columns, long listings, sorting, operands, symbolic links,
//! recursion, quoting, colours, terminals (through a pty), errors.

use crate::common::*;
use std::ffi::CString;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::path::Path;

/// 2001-02-03 04:05:06.123456789 UTC: an old time.
const OLD: i64 = 981_173_106;
/// 2019-06-01 12:00:00 UTC: another old one.
const OLD2: i64 = 1_559_390_400;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Sets a file's atime and mtime (not following a symbolic link).
fn set_time(p: &Path, secs: i64, nanos: i64) {
    let c = CString::new(p.as_os_str().as_bytes()).expect("path");
    let ts = [
        libc::timespec {
            tv_sec: secs,
            tv_nsec: nanos,
        },
        libc::timespec {
            tv_sec: secs,
            tv_nsec: nanos,
        },
    ];
    // SAFETY: a valid path and two timespecs.
    let r = unsafe {
        libc::utimensat(
            libc::AT_FDCWD,
            c.as_ptr(),
            ts.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    assert_eq!(r, 0, "utimensat {}", p.display());
}

fn chmod(p: &Path, m: u32) {
    fs::set_permissions(p, fs::Permissions::from_mode(m)).expect("chmod");
}

fn write(t: &TempDir, name: &str, body: &[u8], m: u32, secs: i64) {
    let p = t.write(name, body);
    chmod(&p, m);
    set_time(&p, secs, 0);
}

/// `Mon DD HH:MM` of a UTC time, as ls shows a recent one.
fn recent_stamp(secs: i64) -> String {
    // SAFETY: tm is plain data filled by gmtime_r.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        libc::gmtime_r(&secs, &mut tm);
        tm
    };
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {:>2} {:02}:{:02}",
        M[tm.tm_mon as usize], tm.tm_mday, tm.tm_hour, tm.tm_min
    )
}

/// A name from /etc/passwd or /etc/group for an id, or the number.
fn id_name(file: &str, id: u32) -> String {
    let text = fs::read_to_string(file).unwrap_or_default();
    for line in text.lines() {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() >= 3 && f[2] == id.to_string() {
            return f[0].to_string();
        }
    }
    id.to_string()
}

/// The fixture most tests use:
/// `a` (5 bytes, 0644, old), `b b` (empty, 0644, older), `exe` (10 bytes,
/// 0755, two days ago), `dir/` with `x` and `.h`, `link -> a`,
/// `dlink -> dir`, `dangling -> nowhere`, `.hidden`.
fn tree() -> (TempDir, i64) {
    let t = TempDir::new();
    let recent = now() - 2 * 86400;
    write(&t, "a", b"hello", 0o644, OLD);
    write(&t, "b b", b"", 0o644, OLD2);
    write(&t, "exe", b"#!/bin/sh\n", 0o755, recent);
    write(&t, ".hidden", b"", 0o644, OLD);
    fs::create_dir(t.join("dir")).expect("mkdir");
    write(&t, "dir/x", b"", 0o644, OLD);
    write(&t, "dir/.h", b"", 0o644, OLD);
    chmod(&t.join("dir"), 0o755);
    set_time(&t.join("dir"), OLD, 0);
    symlink("a", t.join("link")).expect("symlink");
    set_time(&t.join("link"), OLD, 0);
    symlink("dir", t.join("dlink")).expect("symlink");
    set_time(&t.join("dlink"), OLD, 0);
    symlink("nowhere", t.join("dangling")).expect("symlink");
    set_time(&t.join("dangling"), OLD, 0);
    (t, recent)
}

fn ls(t: &TempDir, args: &[&str]) -> Out {
    cmd("ls").cwd(t.path()).args(args).run()
}

/// A dir of empty files with these names.
fn names(list: &[&str]) -> TempDir {
    let t = TempDir::new();
    for n in list {
        t.write(n, "");
    }
    t
}

const GREEK: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau",
];

// ---------------------------------------------------------------------
// Names, hidden files, one per line.

#[test]
fn one_per_line_on_a_pipe_sorted_by_bytes() {
    let t = names(&["b", "B", "a", "_x", "10", "9", ".h", "a.b", "a-b"]);
    ls(&t, &[]).ok().out("10\n9\nB\n_x\na\na-b\na.b\nb\n");
    ls(&t, &["-1"]).ok().out("10\n9\nB\n_x\na\na-b\na.b\nb\n");
    ls(&t, &["-a"])
        .ok()
        .out(".\n..\n.h\n10\n9\nB\n_x\na\na-b\na.b\nb\n");
    ls(&t, &["-A"])
        .ok()
        .out(".h\n10\n9\nB\n_x\na\na-b\na.b\nb\n");
    ls(&t, &["-aA"])
        .ok()
        .out(".h\n10\n9\nB\n_x\na\na-b\na.b\nb\n");
    ls(&t, &["-Aa"])
        .ok()
        .out(".\n..\n.h\n10\n9\nB\n_x\na\na-b\na.b\nb\n");
}

#[test]
fn hide_ignore_and_backups() {
    let t = names(&["a", "a~", ".b~", "b", "c.o"]);
    ls(&t, &["-B"]).ok().out("a\nb\nc.o\n");
    ls(&t, &["-aB"]).ok().out(".\n..\na\nb\nc.o\n");
    ls(&t, &["--hide=*~"]).ok().out("a\nb\nc.o\n");
    // -a and -A override --hide but not -I.
    ls(&t, &["-A", "--hide=*~"])
        .ok()
        .out(".b~\na\na~\nb\nc.o\n");
    ls(&t, &["-A", "-I", "*~"]).ok().out(".b~\na\nb\nc.o\n");
    ls(&t, &["--ignore=*.o", "-I", "b"]).ok().out("a\na~\n");
    // The period of a hidden name is not matched by a wildcard.
    ls(&t, &["-A", "-I", "*"]).ok().out(".b~\n");
    // Operands are never ignored.
    ls(&t, &["-I", "a", "a"]).ok().out("a\n");
}

#[test]
fn odd_names_are_raw_on_a_pipe() {
    let t = TempDir::new();
    for n in [
        &b"a b"[..],
        b"nl\nx",
        b"tab\tx",
        b"\xff\xfe",
        b"it's",
        b"back\\slash",
    ] {
        fs::write(t.path().join(std::ffi::OsStr::from_bytes(n)), "").expect("write");
    }
    ls(&t, &[])
        .ok()
        .out(&b"a b\nback\\slash\nit's\nnl\nx\ntab\tx\n\xff\xfe\n"[..]);
    ls(&t, &["-q"])
        .ok()
        .out("a b\nback\\slash\nit's\nnl?x\ntab?x\n??\n");
    ls(&t, &["-b"])
        .ok()
        .out("a\\ b\nback\\\\slash\nit's\nnl\\nx\ntab\\tx\n\\377\\376\n");
    ls(&t, &["-Q"])
        .ok()
        .out("\"a b\"\n\"back\\\\slash\"\n\"it's\"\n\"nl\\nx\"\n\"tab\\tx\"\n\"\\377\\376\"\n");
    ls(&t, &["--quoting-style=shell-escape"])
        .ok()
        .out("'a b'\n'back\\slash'\n\"it's\"\n'nl'$'\\n''x'\n'tab'$'\\t''x'\n''$'\\377\\376'\n");
    ls(&t, &["--quoting-style=shell-always", "-q"])
        .ok()
        .out("'a b'\n'back\\slash'\n\"it's\"\n'nl?x'\n'tab?x'\n'??'\n");
    ls(&t, &["--quoting-style=c-maybe"])
        .ok()
        .out("a b\nback\\slash\nit's\n\"nl\\nx\"\n\"tab\\tx\"\n\"\\377\\376\"\n");
    ls(&t, &["--quoting-style=escape", "-N"])
        .ok()
        .out(&b"a b\nback\\slash\nit's\nnl\nx\ntab\tx\n\xff\xfe\n"[..]);
    ls(&t, &["--quoting-style=locale"])
        .ok()
        .out("'a b'\n'back\\\\slash'\n'it\\'s'\n'nl\\nx'\n'tab\\tx'\n'\\377\\376'\n");
    ls(&t, &["--quoting-style=clocale", "--show-control-chars"])
        .ok()
        .out("\"a b\"\n\"back\\\\slash\"\n\"it's\"\n\"nl\\nx\"\n\"tab\\tx\"\n\"\\377\\376\"\n");
}

#[test]
fn shell_quoting_rules() {
    let t = names(&[
        "-x", "@", "a=b", "a}", "{", "{a", "~x", "x~", "q?", "#h", "h#", "'", "a'b\"c", "star*",
    ]);
    ls(&t, &["--quoting-style=shell"])
        .ok()
        .out("'#h'\n\"'\"\n-x\n@\n'a'\\''b\"c'\n'a=b'\na}\nh#\n'q?'\n'star*'\nx~\n'{'\n{a\n'~x'\n");
    ls(&t, &["--quoting-style=shell-always", "--", "#h", "-x"])
        .ok()
        .out("'#h'\n'-x'\n");
    let env = cmd("ls")
        .cwd(t.path())
        .env("QUOTING_STYLE", "c")
        .args(["@", "{"])
        .run();
    env.ok().out("\"@\"\n\"{\"\n");
    cmd("ls")
        .cwd(t.path())
        .env("QUOTING_STYLE", "bad")
        .arg("@")
        .run()
        .status(0)
        .out("@\n")
        .err("ls: ignoring invalid value of environment variable QUOTING_STYLE: 'bad'\n");
}

// ---------------------------------------------------------------------
// Columns.

#[test]
fn columns_by_width() {
    let t = names(GREEK);
    ls(&t, &["-C", "-w", "40"]).ok().out(
        "alpha\t eta\tlambda\t pi\ttheta\nbeta\t gamma\tmu\t rho\txi\ndelta\t iota\tnu\t sigma\tzeta\nepsilon  kappa\tomicron  tau\n",
    );
    ls(&t, &["-x", "-w", "40"]).ok().out(
        "alpha  beta\tdelta  epsilon\teta\ngamma  iota\tkappa  lambda\tmu\nnu     omicron\tpi     rho\tsigma\ntau    theta\txi     zeta\n",
    );
    // Tabs off: spaces only.
    ls(&t, &["-x", "-w", "40", "-T", "0"]).ok().out(
        "alpha  beta     delta  epsilon  eta\ngamma  iota     kappa  lambda   mu\nnu     omicron  pi     rho      sigma\ntau    theta    xi     zeta\n",
    );
    ls(&t, &["-C", "-w", "80", "-T0"]).ok().out(
        "alpha  delta    eta    iota   lambda  nu       pi   sigma  theta  zeta\nbeta   epsilon  gamma  kappa  mu      omicron  rho  tau    xi\n",
    );
}

#[test]
fn columns_edge_widths() {
    let t = names(&["a", "bb", "ccc"]);
    ls(&t, &["-C", "-w", "1"]).ok().out("a\nbb\nccc\n");
    ls(&t, &["-C", "-w", "0"]).ok().out("a  bb  ccc\n");
    ls(&t, &["-x", "-w", "0"]).ok().out("a  bb  ccc\n");
    ls(&t, &["-C", "-w", "99999999999999999999999"])
        .ok()
        .out("a  bb  ccc\n");
    ls(&t, &["-C", "-w", "12"]).ok().out("a  bb  ccc\n");
    ls(&t, &["-C", "-w", "11"]).ok().out("a  bb  ccc\n");
    ls(&t, &["-C", "-w", "10"]).ok().out("a   ccc\nbb\n");
    ls(&t, &["-C", "-w", "0x10"]).ok().out("a  bb  ccc\n");
    ls(&t, &["-m", "-w", "6"]).ok().out("a, bb,\nccc\n");
    ls(&t, &["-m"]).ok().out("a, bb, ccc\n");
    ls(&t, &["-m", "-w", "0"]).ok().out("a, bb, ccc\n");
    // -C and -x on empty directories print nothing.
    let e = TempDir::new();
    ls(&e, &["-C"]).ok().out("");
    ls(&e, &["-x"]).ok().out("");
}

#[test]
fn width_from_columns_variable() {
    let t = names(GREEK);
    cmd("ls")
        .cwd(t.path())
        .env("COLUMNS", "40")
        .args(["-x", "-T0"])
        .run()
        .ok()
        .out("alpha  beta     delta  epsilon  eta\ngamma  iota     kappa  lambda   mu\nnu     omicron  pi     rho      sigma\ntau    theta    xi     zeta\n");
    // -w wins over COLUMNS.
    cmd("ls")
        .cwd(t.path())
        .env("COLUMNS", "40")
        .args(["-x", "-T0", "-w", "0"])
        .run()
        .ok()
        .out("alpha  beta  delta  epsilon  eta  gamma  iota  kappa  lambda  mu  nu  omicron  pi  rho  sigma  tau  theta  xi  zeta\n");
    cmd("ls")
        .cwd(t.path())
        .env("COLUMNS", "abc")
        .args(["-C", "-T0", "-w", "200"])
        .run()
        .ok();
    cmd("ls")
        .cwd(t.path())
        .env("COLUMNS", "abc")
        .args(["-x", "-T0", "alpha", "beta"])
        .run()
        .status(0)
        .out("alpha  beta\n")
        .err("ls: ignoring invalid width in environment variable COLUMNS: 'abc'\n");
    // Not consulted when no width is needed.
    cmd("ls")
        .cwd(t.path())
        .env("COLUMNS", "abc")
        .args(["-1", "alpha"])
        .run()
        .ok()
        .out("alpha\n");
}

#[test]
fn tab_size() {
    let t = names(&["aaaaaa", "bbbbbbbbbbbbb", "c"]);
    ls(&t, &["-x", "-w", "40"])
        .ok()
        .out("aaaaaa\tbbbbbbbbbbbbb  c\n");
    ls(&t, &["-x", "-w", "40", "-T", "2"])
        .ok()
        .out("aaaaaa\tbbbbbbbbbbbbb  c\n");
    ls(&t, &["-x", "-w", "40", "-T", "5"])
        .ok()
        .out("aaaaaa  bbbbbbbbbbbbb  c\n");
    ls(&t, &["-x", "-w", "40", "-T0"])
        .ok()
        .out("aaaaaa  bbbbbbbbbbbbb  c\n");
    cmd("ls")
        .cwd(t.path())
        .env("TABSIZE", "0")
        .args(["-x", "-w", "40"])
        .run()
        .ok()
        .out("aaaaaa  bbbbbbbbbbbbb  c\n");
    cmd("ls")
        .cwd(t.path())
        .env("TABSIZE", "x")
        .args(["-x", "-w", "40"])
        .run()
        .status(0)
        .out("aaaaaa\tbbbbbbbbbbbbb  c\n")
        .err("ls: ignoring invalid tab size in environment variable TABSIZE: 'x'\n");
    // Only read when columns are made.
    cmd("ls")
        .cwd(t.path())
        .env("TABSIZE", "x")
        .args(["-1", "c"])
        .run()
        .ok()
        .out("c\n");
    ls(&t, &["-T", "x"])
        .status(2)
        .out("")
        .err("ls: invalid tab size: 'x'\n");
}

#[test]
fn format_option_words_and_last_wins() {
    let t = names(&["a", "b"]);
    ls(&t, &["--format=commas"]).ok().out("a, b\n");
    ls(&t, &["--format=across"]).ok().out("a  b\n");
    ls(&t, &["--format=horizontal"]).ok().out("a  b\n");
    ls(&t, &["--format=vertical"]).ok().out("a  b\n");
    ls(&t, &["--format=single-column"]).ok().out("a\nb\n");
    ls(&t, &["--format=si"]).ok().out("a\nb\n");
    ls(&t, &["-lC"]).ok().out("a  b\n");
    ls(&t, &["-Cm"]).ok().out("a, b\n");
    ls(&t, &["-m1"]).ok().out("a\nb\n");
    // -1 does not undo -l.
    let long = ls(&t, &["-l1"]);
    long.ok();
    assert!(long.stdout_str().starts_with("total "));
}

// ---------------------------------------------------------------------
// Long format.

#[test]
fn long_format_numeric() {
    let (t, recent) = tree();
    let md = fs::metadata(t.join("a")).expect("stat");
    let (u, g) = (md.uid(), md.gid());
    let r = recent_stamp(recent);
    let w = u.to_string().len().max(1);
    let gw = g.to_string().len();
    let out = ls(&t, &["-n", "a", "b b", "exe", "link", "dangling"]);
    out.ok().out(format!(
        "-rw-r--r-- 1 {u:>w$} {g:>gw$}  5 Feb  3  2001 a\n\
         -rw-r--r-- 1 {u:>w$} {g:>gw$}  0 Jun  1  2019 b b\n\
         lrwxrwxrwx 1 {u:>w$} {g:>gw$}  7 Feb  3  2001 dangling -> nowhere\n\
         -rwxr-xr-x 1 {u:>w$} {g:>gw$} 10 {r} exe\n\
         lrwxrwxrwx 1 {u:>w$} {g:>gw$}  1 Feb  3  2001 link -> a\n"
    ));
}

#[test]
fn long_format_owner_group_columns() {
    let (t, _) = tree();
    let md = fs::metadata(t.join("a")).expect("stat");
    let user = id_name("/etc/passwd", md.uid());
    let group = id_name("/etc/group", md.gid());
    ls(&t, &["-l", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {user} {group} 5 Feb  3  2001 a\n"));
    ls(&t, &["-g", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {group} 5 Feb  3  2001 a\n"));
    ls(&t, &["-o", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {user} 5 Feb  3  2001 a\n"));
    ls(&t, &["-lG", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {user} 5 Feb  3  2001 a\n"));
    ls(&t, &["-go", "a"])
        .ok()
        .out("-rw-r--r-- 1 5 Feb  3  2001 a\n");
    ls(&t, &["-l", "--author", "a"]).ok().out(format!(
        "-rw-r--r-- 1 {user} {group} {user} 5 Feb  3  2001 a\n"
    ));
    let (u, g) = (md.uid(), md.gid());
    ls(&t, &["-gn", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {g} 5 Feb  3  2001 a\n"));
    ls(&t, &["-on", "a"])
        .ok()
        .out(format!("-rw-r--r-- 1 {u} 5 Feb  3  2001 a\n"));
}

#[test]
fn long_format_unknown_ids_are_numbers_right_aligned() {
    // Needs root to give a file away.
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let t = TempDir::new();
    write(&t, "f", b"", 0o644, OLD);
    write(&t, "g", b"", 0o644, OLD);
    std::os::unix::fs::chown(t.join("f"), Some(4_000_001), Some(4_000_002)).expect("chown");
    std::os::unix::fs::chown(t.join("g"), Some(0), Some(0)).expect("chown");
    let root_group = id_name("/etc/group", 0);
    let gw = root_group.len().max(7);
    ls(&t, &["-l"]).ok().out(format!(
        "total 0\n-rw-r--r-- 1 4000001 {:>gw$} 0 Feb  3  2001 f\n-rw-r--r-- 1 root    {:<gw$} 0 Feb  3  2001 g\n",
        "4000002", root_group
    ));
}

#[test]
fn long_format_dates() {
    let t = TempDir::new();
    let n = now();
    write(&t, "old", b"", 0o644, OLD);
    write(&t, "recent", b"", 0o644, n - 86400 * 30);
    // More than six months back.
    write(&t, "halfyear", b"", 0o644, n - 31_556_952 / 2 - 86400);
    // In the future: shown with its year.
    write(&t, "future", b"", 0o644, n + 86400 * 400);
    ls(&t, &["-go", "--time-style=+%Y", "old", "halfyear"])
        .ok()
        .out(format!(
            "-rw-r--r-- 1 0 {} halfyear\n-rw-r--r-- 1 0 2001 old\n",
            year_of(n - 31_556_952 / 2 - 86400)
        ));
    let line = |name: &str| -> String {
        let o = ls(&t, &["-go", name]);
        o.ok();
        o.stdout_str()
    };
    assert_eq!(line("old"), "-rw-r--r-- 1 0 Feb  3  2001 old\n");
    assert_eq!(
        line("recent"),
        format!("-rw-r--r-- 1 0 {} recent\n", recent_stamp(n - 86400 * 30))
    );
    let y = year_of(n + 86400 * 400);
    let fl = line("future");
    assert!(fl.ends_with(&format!("  {y} future\n")), "{fl}");
    let hl = line("halfyear");
    assert!(
        hl.ends_with(&format!(
            "  {} halfyear\n",
            year_of(n - 31_556_952 / 2 - 86400)
        )),
        "{hl}"
    );
}

fn year_of(secs: i64) -> i32 {
    // SAFETY: tm is plain data filled by gmtime_r.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        libc::gmtime_r(&secs, &mut tm);
        tm.tm_year + 1900
    }
}

#[test]
fn full_time_and_time_styles() {
    let t = TempDir::new();
    let p = t.write("f", "abc");
    chmod(&p, 0o600);
    set_time(&p, OLD, 123_456_789);
    let go = |args: &[&str]| -> String {
        let mut a = vec!["-go"];
        a.extend_from_slice(args);
        a.push("f");
        let o = ls(&t, &a);
        o.ok();
        o.stdout_str()
    };
    assert_eq!(
        go(&["--full-time"]),
        "-rw------- 1 3 2001-02-03 04:05:06.123456789 +0000 f\n"
    );
    // BusyBox's -e is --full-time.
    assert_eq!(
        go(&["-e"]),
        "-rw------- 1 3 2001-02-03 04:05:06.123456789 +0000 f\n"
    );
    assert_eq!(
        go(&["--time-style=full-iso"]),
        "-rw------- 1 3 2001-02-03 04:05:06.123456789 +0000 f\n"
    );
    assert_eq!(
        go(&["--time-style=long-iso"]),
        "-rw------- 1 3 2001-02-03 04:05 f\n"
    );
    assert_eq!(go(&["--time-style=iso"]), "-rw------- 1 3 2001-02-03  f\n");
    assert_eq!(
        go(&["--time-style=locale"]),
        "-rw------- 1 3 Feb  3  2001 f\n"
    );
    assert_eq!(
        go(&["--time-style=posix-iso"]),
        "-rw------- 1 3 Feb  3  2001 f\n"
    );
    assert_eq!(go(&["--time-style=loc"]), "-rw------- 1 3 Feb  3  2001 f\n");
    assert_eq!(
        go(&["--time-style=long"]),
        "-rw------- 1 3 2001-02-03 04:05 f\n"
    );
    ls(&t, &["-l", "--time-style=l", "f"])
        .status(2)
        .err_has("ls: ambiguous argument 'l' for 'time style'\n");
    assert_eq!(go(&["--time-style=+%s"]), "-rw------- 1 3 981173106 f\n");
    assert_eq!(
        go(&["--time-style=+old %Y\nnew %H"]),
        "-rw------- 1 3 old 2001 f\n"
    );
    assert_eq!(go(&["--time-style=+"]), "-rw------- 1 3  f\n");
    // --full-time implies -l.
    ls(&t, &["--full-time", "-n", "f"]).ok();
    // TIME_STYLE is read for long listings only.
    let o = cmd("ls")
        .cwd(t.path())
        .env("TIME_STYLE", "long-iso")
        .args(["-go", "f"])
        .run();
    o.ok().out("-rw------- 1 3 2001-02-03 04:05 f\n");
    cmd("ls")
        .cwd(t.path())
        .env("TIME_STYLE", "bad")
        .arg("f")
        .run()
        .ok()
        .out("f\n");
    let o = cmd("ls")
        .cwd(t.path())
        .env("TIME_STYLE", "bad")
        .args(["-l", "f"])
        .run();
    o.status(2)
        .out("")
        .err_has("ls: invalid argument 'bad' for 'time style'\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n");
    ls(&t, &["-l", "--time-style=+a\nb\nc", "f"])
        .status(2)
        .out("")
        .err("ls: invalid time style format 'a\\nb\\nc'\n");
}

#[test]
fn sizes_blocks_and_totals() {
    let t = TempDir::new();
    write(&t, "k1", &[0u8; 1024], 0o644, OLD);
    write(&t, "k15", &[1u8; 1536], 0o644, OLD);
    write(&t, "big", &vec![2u8; 12345], 0o644, OLD);
    let f = fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(t.join("sparse"))
        .expect("create");
    f.set_len(2 << 20).expect("truncate");
    drop(f);
    chmod(&t.join("sparse"), 0o644);
    set_time(&t.join("sparse"), OLD, 0);
    let blocks = |n: &str| fs::metadata(t.join(n)).expect("stat").blocks();
    let kib = |b: u64| (b * 512).div_ceil(1024);
    let all: u64 = ["big", "k1", "k15", "sparse"]
        .iter()
        .map(|n| blocks(n))
        .sum();
    ls(&t, &["-go", "-S"]).ok().out(format!(
        "total {}\n-rw-r--r-- 1 2097152 Feb  3  2001 sparse\n-rw-r--r-- 1   12345 Feb  3  2001 big\n-rw-r--r-- 1    1536 Feb  3  2001 k15\n-rw-r--r-- 1    1024 Feb  3  2001 k1\n",
        kib(all)
    ));
    ls(&t, &["-goh", "-S"]).ok().out(format!(
        "total {}\n-rw-r--r-- 1 2.0M Feb  3  2001 sparse\n-rw-r--r-- 1  13K Feb  3  2001 big\n-rw-r--r-- 1 1.5K Feb  3  2001 k15\n-rw-r--r-- 1 1.0K Feb  3  2001 k1\n",
        human(all * 512, 1024)
    ));
    ls(&t, &["-go", "--si", "big", "k15"])
        .ok()
        .out("-rw-r--r-- 1  13k Feb  3  2001 big\n-rw-r--r-- 1 1.6k Feb  3  2001 k15\n");
    // -s: blocks first, right-aligned; a total line for directories only.
    let w = ["big", "k1", "k15", "sparse"]
        .iter()
        .map(|n| kib(blocks(n)).to_string().len())
        .max()
        .unwrap_or(1);
    let mut expect = format!("total {}\n", kib(all));
    for n in ["big", "k1", "k15", "sparse"] {
        expect.push_str(&format!("{:>w$} {n}\n", kib(blocks(n))));
    }
    ls(&t, &["-s"]).ok().out(&expect);
    ls(&t, &["-sk"]).ok().out(&expect);
    ls(&t, &["-s", "k1"])
        .ok()
        .out(format!("{} k1\n", kib(blocks("k1"))));
    // POSIXLY_CORRECT makes blocks 512 bytes, unless -k.
    cmd("ls")
        .cwd(t.path())
        .env("POSIXLY_CORRECT", "1")
        .args(["-s", "k1"])
        .run()
        .ok()
        .out(format!("{} k1\n", blocks("k1")));
    cmd("ls")
        .cwd(t.path())
        .env("POSIXLY_CORRECT", "1")
        .args(["-sk", "k1"])
        .run()
        .ok()
        .out(format!("{} k1\n", kib(blocks("k1"))));
    ls(&t, &["-sh", "sparse"])
        .ok()
        .out(format!("{} sparse\n", human(blocks("sparse") * 512, 1024)));
    // -s with -l comes before the mode.
    let o = ls(&t, &["-lsgo", "k1"]);
    o.ok().out(format!(
        "{} -rw-r--r-- 1 1024 Feb  3  2001 k1\n",
        kib(blocks("k1"))
    ));
}

#[test]
fn block_size_option_and_variables() {
    let t = TempDir::new();
    write(&t, "big", &vec![2u8; 12345], 0o644, OLD);
    write(&t, "small", b"hello", 0o644, OLD);
    let b = fs::metadata(t.join("big")).expect("stat").blocks();
    let go = |env: &[(&str, &str)], args: &[&str]| -> Out {
        let mut c = cmd("ls").cwd(t.path());
        for (k, v) in env {
            c = c.env(k, v);
        }
        c.args(["-go"]).args(args).arg("big").run()
    };
    // A bare unit shows its suffix; a number does not.
    go(&[], &["--block-size=K"])
        .ok()
        .out("-rw-r--r-- 1 13K Feb  3  2001 big\n");
    go(&[], &["--block-size=1K"])
        .ok()
        .out("-rw-r--r-- 1 13 Feb  3  2001 big\n");
    go(&[], &["--block-size=KB"])
        .ok()
        .out("-rw-r--r-- 1 13kB Feb  3  2001 big\n");
    go(&[], &["--block-size=KiB"])
        .ok()
        .out("-rw-r--r-- 1 13KiB Feb  3  2001 big\n");
    go(&[], &["--block-size=MB"])
        .ok()
        .out("-rw-r--r-- 1 1MB Feb  3  2001 big\n");
    go(&[], &["--block-size=1000"])
        .ok()
        .out("-rw-r--r-- 1 13 Feb  3  2001 big\n");
    go(&[], &["--block-size=human-readable"])
        .ok()
        .out("-rw-r--r-- 1 13K Feb  3  2001 big\n");
    go(&[], &["--block-size=si"])
        .ok()
        .out("-rw-r--r-- 1 13k Feb  3  2001 big\n");
    go(&[], &["-s", "--block-size=K"]).ok().out(format!(
        "{}K -rw-r--r-- 1 13K Feb  3  2001 big\n",
        (b * 512).div_ceil(1024)
    ));
    // The last of -h and --block-size wins; -k does not undo either.
    go(&[], &["--block-size=K", "-h"])
        .ok()
        .out("-rw-r--r-- 1 13K Feb  3  2001 big\n");
    go(&[], &["-h", "--block-size=1"])
        .ok()
        .out("-rw-r--r-- 1 12345 Feb  3  2001 big\n");
    go(&[], &["--block-size=M", "-k"])
        .ok()
        .out("-rw-r--r-- 1 1M Feb  3  2001 big\n");
    go(&[], &["--block-size=bad"])
        .status(2)
        .out("")
        .err("ls: invalid --block-size argument 'bad'\n");
    go(&[], &["--block-size=0"])
        .status(2)
        .err("ls: invalid --block-size argument '0'\n");
    go(&[], &["--block-size=1X"])
        .status(2)
        .err("ls: invalid suffix in --block-size argument '1X'\n");
    go(&[], &["--block-size=99999Y"])
        .status(2)
        .err("ls: --block-size argument '99999Y' too large\n");
    // BLOCK_SIZE and LS_BLOCK_SIZE scale file sizes too; BLOCKSIZE only
    // blocks; an option beats them all.
    go(&[("BLOCK_SIZE", "K")], &[])
        .ok()
        .out("-rw-r--r-- 1 13K Feb  3  2001 big\n");
    go(&[("LS_BLOCK_SIZE", "1K"), ("BLOCK_SIZE", "M")], &[])
        .ok()
        .out("-rw-r--r-- 1 13 Feb  3  2001 big\n");
    go(&[("BLOCKSIZE", "K")], &[])
        .ok()
        .out("-rw-r--r-- 1 12345 Feb  3  2001 big\n");
    // A bad value still switches file sizes to the default unit, as GNU.
    go(&[("BLOCK_SIZE", "bad")], &[])
        .ok()
        .out("-rw-r--r-- 1 13 Feb  3  2001 big\n");
    go(&[("BLOCK_SIZE", "K")], &["--block-size=1"])
        .ok()
        .out("-rw-r--r-- 1 12345 Feb  3  2001 big\n");
    go(&[("BLOCK_SIZE", "human-readable")], &["small"])
        .ok()
        .out("-rw-r--r-- 1 13K Feb  3  2001 big\n-rw-r--r-- 1   5 Feb  3  2001 small\n");
}

/// GNU's -h rounding (up, one decimal under ten).
fn human(n: u64, base: u64) -> String {
    if n < base {
        return n.to_string();
    }
    let units = ['K', 'M', 'G', 'T'];
    let mut unit = base;
    let mut e = 0;
    loop {
        let tenths = (n * 10).div_ceil(unit);
        if tenths < 100 {
            return format!("{}.{}{}", tenths / 10, tenths % 10, units[e]);
        }
        let whole = n.div_ceil(unit);
        if whole < base {
            return format!("{whole}{}", units[e]);
        }
        unit *= base;
        e += 1;
    }
}

#[test]
fn device_files_show_major_minor() {
    let o = cmd("ls").args(["-l", "/dev/null"]).run();
    o.ok();
    let s = o.stdout_str();
    assert!(s.starts_with("crw-rw-rw- 1 "), "{s}");
    assert!(s.contains(" 1, 3 "), "{s}");
    assert!(s.ends_with(" /dev/null\n"), "{s}");
    // Sizes of other files line up with major, minor.
    let t = TempDir::new();
    write(&t, "f", b"hello", 0o644, OLD);
    let p = t.path().join("f");
    let o = cmd("ls")
        .args(["-go", "/dev/null", "/dev/zero"])
        .arg(&p)
        .run();
    o.ok();
    // Operands are sorted by name, and the temporary directory may sort
    // before or after /dev, so find each line by its name.
    let out = o.stdout_str();
    let line = |end: &str| {
        out.lines()
            .find(|l| l.ends_with(end))
            .unwrap_or_else(|| panic!("no {end} in {out}"))
            .to_string()
    };
    assert!(line(" /dev/null").contains(" 1, 3 "), "{out}");
    assert!(line(" /dev/zero").contains(" 1, 5 "), "{out}");
    assert!(
        line("/f").starts_with("-rw-r--r-- 1    5 Feb  3  2001 "),
        "{out}"
    );
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        let dev = |name: &str, kind: u32, ma: u32, mi: u32| {
            let c = CString::new(t.path().join(name).as_os_str().as_bytes()).expect("path");
            // SAFETY: a valid path; makedev is arithmetic.
            let r = unsafe { libc::mknod(c.as_ptr(), kind | 0o644, libc::makedev(ma, mi)) };
            assert_eq!(r, 0);
            set_time(&t.path().join(name), OLD, 0);
        };
        dev("blk", libc::S_IFBLK, 8, 0);
        dev("chr", libc::S_IFCHR, 250, 100_000);
        ls(&t, &["-go", "blk", "chr", "f"]).ok().out(
            "brw-r--r-- 1   8,      0 Feb  3  2001 blk\ncrw-r--r-- 1 250, 100000 Feb  3  2001 chr\n-rw-r--r-- 1           5 Feb  3  2001 f\n",
        );
        ls(&t, &["-F", "blk", "chr"]).ok().out("blk\nchr\n");
    }
}

#[test]
fn inode_numbers() {
    let (t, _) = tree();
    let ino = |n: &str| fs::symlink_metadata(t.join(n)).expect("stat").ino();
    let (ia, ie) = (ino("a"), ino("exe"));
    let w = ia.to_string().len().max(ie.to_string().len());
    ls(&t, &["-i", "a", "exe"])
        .ok()
        .out(format!("{ia:>w$} a\n{ie:>w$} exe\n"));
    ls(&t, &["-i", "-m", "a", "exe"])
        .ok()
        .out(format!("{ia} a, {ie} exe\n"));
    let o = ls(&t, &["-ign", "a"]);
    o.ok().out(format!(
        "{ia} -rw-r--r-- 1 {} 5 Feb  3  2001 a\n",
        fs::metadata(t.join("a")).expect("stat").gid()
    ));
}

#[test]
fn modes_with_set_id_and_sticky_bits() {
    let t = TempDir::new();
    write(&t, "suid", b"", 0o4755, OLD);
    write(&t, "suidnx", b"", 0o4644, OLD);
    write(&t, "sgid", b"", 0o2755, OLD);
    write(&t, "sgidnx", b"", 0o2644, OLD);
    fs::create_dir(t.join("sticky")).expect("mkdir");
    chmod(&t.join("sticky"), 0o1777);
    fs::create_dir(t.join("stickynx")).expect("mkdir");
    chmod(&t.join("stickynx"), 0o1776);
    let o = ls(
        &t,
        &[
            "-go", "-d", "suid", "suidnx", "sgid", "sgidnx", "sticky", "stickynx",
        ],
    );
    o.ok();
    let modes: Vec<&str> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| std::str::from_utf8(&l[..10]).unwrap_or(""))
        .collect();
    assert_eq!(
        modes,
        [
            "-rwxr-sr-x",
            "-rw-r-Sr--",
            "drwxrwxrwt",
            "drwxrwxrwT",
            "-rwsr-xr-x",
            "-rwSr--r--"
        ]
    );
}

#[test]
fn acl_mark() {
    let t = TempDir::new();
    write(&t, "a", b"", 0o644, OLD);
    write(&t, "b", b"", 0o644, OLD);
    // A POSIX ACL granting uid 1000 read: user::rw- user:1000:r--
    // group::r-- mask::r-- other::r--.
    let mut acl = 2u32.to_le_bytes().to_vec();
    for (tag, perm, id) in [
        (1u16, 6u16, u32::MAX),
        (2, 4, 1000),
        (4, 4, u32::MAX),
        (0x10, 4, u32::MAX),
        (0x20, 4, u32::MAX),
    ] {
        acl.extend_from_slice(&tag.to_le_bytes());
        acl.extend_from_slice(&perm.to_le_bytes());
        acl.extend_from_slice(&id.to_le_bytes());
    }
    let c = CString::new(t.join("b").as_os_str().as_bytes()).expect("path");
    // SAFETY: a valid path, name and buffer.
    let r = unsafe {
        libc::setxattr(
            c.as_ptr(),
            c"system.posix_acl_access".as_ptr(),
            acl.as_ptr().cast(),
            acl.len(),
            0,
        )
    };
    if r != 0 {
        return; // no ACL support here
    }
    ls(&t, &["-go"])
        .ok()
        .out("total 0\n-rw-r--r--  1 0 Feb  3  2001 a\n-rw-r--r--+ 1 0 Feb  3  2001 b\n");
    ls(&t, &["-go", "a"])
        .ok()
        .out("-rw-r--r-- 1 0 Feb  3  2001 a\n");
}

#[test]
fn long_listing_of_a_directory_has_a_total() {
    let t = TempDir::new();
    fs::create_dir(t.join("d")).expect("mkdir");
    ls(&t, &["-l", "d"]).ok().out("total 0\n");
    ls(&t, &["-s", "d"]).ok().out("total 0\n");
    write(&t, "d/f", b"12", 0o644, OLD);
    let b = fs::metadata(t.join("d/f")).expect("stat").blocks();
    ls(&t, &["-go", "d"]).ok().out(format!(
        "total {}\n-rw-r--r-- 1 2 Feb  3  2001 f\n",
        (b * 512).div_ceil(1024)
    ));
}

#[test]
fn widths_count_directories_given_as_operands() {
    // GNU sizes the file group's columns with the directories included.
    let t = TempDir::new();
    write(&t, "f", b"x", 0o644, OLD);
    fs::create_dir(t.join("d")).expect("mkdir");
    let dsize = fs::metadata(t.join("d")).expect("stat").size();
    let w = dsize.to_string().len();
    ls(&t, &["-go", "f", "d"]).ok().out(format!(
        "-rw-r--r-- 1 {:>w$} Feb  3  2001 f\n\nd:\ntotal 0\n",
        1
    ));
}

// ---------------------------------------------------------------------
// Sorting.

fn timed(list: &[(&str, i64, usize)]) -> TempDir {
    let t = TempDir::new();
    for &(n, secs, size) in list {
        write(&t, n, &vec![b'x'; size], 0o644, secs);
    }
    t
}

#[test]
fn sort_by_time_size_and_reverse() {
    let t = timed(&[
        ("a", OLD, 3),
        ("b", OLD2, 1),
        ("c", OLD2, 3),
        ("d", OLD + 5, 10),
    ]);
    ls(&t, &["-t"]).ok().out("b\nc\nd\na\n");
    ls(&t, &["-tr"]).ok().out("a\nd\nc\nb\n");
    ls(&t, &["-S"]).ok().out("d\na\nc\nb\n");
    ls(&t, &["-Sr"]).ok().out("b\nc\na\nd\n");
    ls(&t, &["-r"]).ok().out("d\nc\nb\na\n");
    ls(&t, &["--sort=time"]).ok().out("b\nc\nd\na\n");
    ls(&t, &["--sort=size"]).ok().out("d\na\nc\nb\n");
    ls(&t, &["--sort=s"]).ok().out("d\na\nc\nb\n");
    // The last sort option wins.
    ls(&t, &["-tS"]).ok().out("d\na\nc\nb\n");
    ls(&t, &["-St"]).ok().out("b\nc\nd\na\n");
    // Nanoseconds count.
    set_time(&t.join("c"), OLD2, 5);
    ls(&t, &["-t"]).ok().out("c\nb\nd\na\n");
}

#[test]
fn atime_and_ctime() {
    let t = TempDir::new();
    for (n, atime) in [("a", OLD2), ("b", OLD)] {
        let p = t.write(n, "");
        let c = CString::new(p.as_os_str().as_bytes()).expect("path");
        let ts = [
            libc::timespec {
                tv_sec: atime,
                tv_nsec: 0,
            },
            libc::timespec {
                tv_sec: OLD,
                tv_nsec: 0,
            },
        ];
        // SAFETY: a valid path and two timespecs.
        unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) };
    }
    // -u alone sorts by atime, newest first; with -l it shows atime and
    // sorts by name; -lt sorts by it too.
    ls(&t, &["-u"]).ok().out("a\nb\n");
    ls(&t, &["-ur"]).ok().out("b\na\n");
    ls(&t, &["-gou"])
        .ok()
        .out("total 0\n-rw-r--r-- 1 0 Jun  1  2019 a\n-rw-r--r-- 1 0 Feb  3  2001 b\n");
    ls(&t, &["-gout", "-r"])
        .ok()
        .out("total 0\n-rw-r--r-- 1 0 Feb  3  2001 b\n-rw-r--r-- 1 0 Jun  1  2019 a\n");
    ls(&t, &["-go", "--time=atime", "b"])
        .ok()
        .out("-rw-r--r-- 1 0 Feb  3  2001 b\n");
    ls(&t, &["-go", "--time=access", "a"])
        .ok()
        .out("-rw-r--r-- 1 0 Jun  1  2019 a\n");
    // ctime is now-ish for both: -c sorts by it (ties by name).
    ls(&t, &["-c", "-U"]).ok();
    let o = ls(&t, &["-goc", "a"]);
    o.ok();
    assert!(!o.stdout_str().contains("2001"), "{}", o.stdout_str());
    ls(&t, &["--time=bad"])
        .status(1)
        .err_has("ls: invalid argument 'bad' for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n  - 'ctime', 'status'\n  - 'birth', 'creation'\n");
}

#[test]
fn sort_by_extension_version_width_and_none() {
    let t = names(&["x.tar.gz", "x.c", "b", "a.c", ".h", "z"]);
    ls(&t, &["-X"]).ok().out("b\nz\na.c\nx.c\nx.tar.gz\n");
    ls(&t, &["-XA"]).ok().out("b\nz\na.c\nx.c\nx.tar.gz\n.h\n");
    ls(&t, &["--sort=extension", "-r"])
        .ok()
        .out("x.tar.gz\nx.c\na.c\nz\nb\n");
    let v = names(&["v1.10", "v1.2", "v10", "v9", "v1.2a", "a", "A"]);
    ls(&v, &["-v"])
        .ok()
        .out("A\na\nv1.2\nv1.2a\nv1.10\nv9\nv10\n");
    ls(&v, &["--sort=version", "-r"])
        .ok()
        .out("v10\nv9\nv1.10\nv1.2a\nv1.2\na\nA\n");
    let w = names(&["ccc", "a", "bb", "dd"]);
    ls(&w, &["--sort=width"]).ok().out("a\nbb\ndd\nccc\n");
    // -U keeps directory order: whatever it is, it has every name.
    let o = ls(&w, &["-U"]);
    o.ok();
    let mut got: Vec<String> = o.stdout_str().lines().map(str::to_string).collect();
    got.sort();
    assert_eq!(got, ["a", "bb", "ccc", "dd"]);
    let o = ls(&w, &["-f"]);
    o.ok();
    let mut got: Vec<String> = o.stdout_str().lines().map(str::to_string).collect();
    got.sort();
    assert_eq!(got, [".", "..", "a", "bb", "ccc", "dd"]);
    ls(&w, &["--sort=bad"])
        .status(1)
        .out("")
        .err_has("ls: invalid argument 'bad' for '--sort'\nValid arguments are:\n  - 'none'\n  - 'time'\n  - 'size'\n  - 'extension'\n  - 'version'\n  - 'width'\n");
}

#[test]
fn f_means_all_unsorted_and_turns_off_long_and_size() {
    let t = names(&["a"]);
    // -f after -l drops -l; -l after -f keeps it.
    let o = ls(&t, &["-lf"]);
    o.ok();
    let mut got: Vec<String> = o.stdout_str().lines().map(str::to_string).collect();
    got.sort();
    assert_eq!(got, [".", "..", "a"]);
    let o = ls(&t, &["-fl"]);
    o.ok();
    assert!(o.stdout_str().starts_with("total "));
    let o = ls(&t, &["-sf"]);
    o.ok();
    assert!(!o.stdout_str().contains("total"));
}

#[test]
fn group_directories_first() {
    let t = names(&["b", "d"]);
    fs::create_dir(t.join("a")).expect("mkdir");
    fs::create_dir(t.join("c")).expect("mkdir");
    symlink("c", t.join("lc")).expect("symlink");
    ls(&t, &["--group-directories-first"])
        .ok()
        .out("a\nc\nlc\nb\nd\n");
    // -r reverses within the groups.
    ls(&t, &["--group-directories-first", "-r"])
        .ok()
        .out("lc\nc\na\nd\nb\n");
    ls(&t, &["--group-directories-first", "-F"])
        .ok()
        .out("a/\nc/\nlc@\nb\nd\n");
}

// ---------------------------------------------------------------------
// Operands.

#[test]
fn files_first_then_directories_with_headings() {
    let (t, _) = tree();
    ls(&t, &["dir", "a", "exe"]).ok().out("a\nexe\n\ndir:\nx\n");
    ls(&t, &["dir"]).ok().out("x\n");
    ls(&t, &["-a", "dir"]).ok().out(".\n..\n.h\nx\n");
    ls(&t, &["dir", "dir"]).ok().out("dir:\nx\n\ndir:\nx\n");
    ls(&t, &["dir/", "."])
        .ok()
        .out(".:\na\nb b\ndangling\ndir\ndlink\nexe\nlink\n\ndir/:\nx\n");
    ls(&t, &["-d", "dir", "a", "."]).ok().out(".\na\ndir\n");
    ls(&t, &["-d"]).ok().out(".\n");
    ls(&t, &["-d", "dir/"]).ok().out("dir/\n");
}

#[test]
fn missing_operands_exit_2() {
    let (t, _) = tree();
    ls(&t, &["nope"])
        .status(2)
        .out("")
        .err("ls: cannot access 'nope': No such file or directory\n");
    ls(&t, &["nope", "a", "dir"])
        .status(2)
        .out("a\n\ndir:\nx\n")
        .err("ls: cannot access 'nope': No such file or directory\n");
    ls(&t, &["a/"])
        .status(2)
        .out("")
        .err("ls: cannot access 'a/': Not a directory\n");
    ls(&t, &["-d", "a/"])
        .status(2)
        .err("ls: cannot access 'a/': Not a directory\n");
    ls(&t, &["-l", "it's", "a b"])
        .status(2)
        .err("ls: cannot access \"it's\": No such file or directory\nls: cannot access 'a b': No such file or directory\n");
    cmd("ls")
        .cwd(t.path())
        .arg(os(b"x\nz"))
        .run()
        .status(2)
        .err("ls: cannot access 'x'$'\\n''z': No such file or directory\n");
}

#[test]
fn dot_and_dotdot_operands() {
    let (t, _) = tree();
    let o = ls(&t, &["-d", ".", ".."]);
    o.ok().out(".\n..\n");
    ls(&t, &["-1", "./a", "../"]).status(0);
}

// ---------------------------------------------------------------------
// Symbolic links.

#[test]
fn command_line_links_to_directories() {
    let (t, _) = tree();
    // Followed by default...
    ls(&t, &["dlink"]).ok().out("x\n");
    // ...but not with -l, -d or -F.
    let o = ls(&t, &["-l", "dlink"]);
    o.ok();
    assert!(
        o.stdout_str().ends_with(" dlink -> dir\n"),
        "{}",
        o.stdout_str()
    );
    ls(&t, &["-d", "dlink"]).ok().out("dlink\n");
    ls(&t, &["-F", "dlink"]).ok().out("dlink@\n");
    ls(&t, &["-F", "-H", "dlink"]).ok().out("x\n");
    ls(
        &t,
        &["--dereference-command-line-symlink-to-dir", "-F", "dlink"],
    )
    .ok()
    .out("x\n");
    let o = ls(&t, &["-lH", "dlink"]);
    o.ok();
    assert!(o.stdout_str().starts_with("total 0\n-rw-r--r-- 1 "));
    // Inside a listing, links are not followed without -L.
    ls(&t, &["-F"])
        .ok()
        .out("a\nb b\ndangling@\ndir/\ndlink@\nexe*\nlink@\n");
    // -L needs each link's target: a dangling one is a minor problem.
    ls(&t, &["-FL"])
        .status(1)
        .out("a\nb b\ndangling@\ndir/\ndlink/\nexe*\nlink\n")
        .err("ls: cannot access 'dangling': No such file or directory\n");
}

#[test]
fn long_links_show_targets_and_indicators() {
    let (t, _) = tree();
    let line = |args: &[&str]| -> String {
        let o = ls(&t, args);
        o.ok();
        let s = o.stdout_str();
        s.split_once(" 2001 ")
            .map(|(_, r)| r.to_string())
            .unwrap_or(s)
    };
    assert_eq!(line(&["-l", "link"]), "link -> a\n");
    assert_eq!(line(&["-l", "dangling"]), "dangling -> nowhere\n");
    assert_eq!(line(&["-lF", "dlink"]), "dlink -> dir/\n");
    assert_eq!(line(&["-lF", "link"]), "link -> a\n");
    assert_eq!(line(&["-lF", "dangling"]), "dangling -> nowhere\n");
    assert_eq!(line(&["-l", "--file-type", "dlink"]), "dlink -> dir/\n");
    assert_eq!(line(&["-lp", "dlink"]), "dlink -> dir\n");
    symlink("exe", t.join("lexe")).expect("symlink");
    set_time(&t.join("lexe"), OLD, 0);
    assert_eq!(line(&["-lF", "lexe"]), "lexe -> exe*\n");
    assert_eq!(line(&["-l", "--file-type", "lexe"]), "lexe -> exe\n");
    // -L shows what the link points to.
    let o = ls(&t, &["-lL", "link"]);
    o.ok();
    assert!(o.stdout_str().starts_with("-rw-r--r-- 1 "));
    assert!(o.stdout_str().ends_with(" 5 Feb  3  2001 link\n"));
}

#[test]
fn dangling_and_looping_links() {
    let (t, _) = tree();
    symlink("loop", t.join("loop")).expect("symlink");
    ls(&t, &["dangling"]).ok().out("dangling\n");
    ls(&t, &["-L", "dangling"])
        .status(2)
        .out("")
        .err("ls: cannot access 'dangling': No such file or directory\n");
    ls(&t, &["-H", "dangling"])
        .status(2)
        .err("ls: cannot access 'dangling': No such file or directory\n");
    // A loop is an error by default too: stat fails with ELOOP, not ENOENT.
    ls(&t, &["loop"])
        .status(2)
        .out("")
        .err_has("ls: cannot access 'loop': ");
    ls(&t, &["-l", "loop"]).ok();
    // Inside a directory, -L makes an unreadable entry a minor problem
    // shown with question marks in a long listing.
    let d = TempDir::new();
    symlink("nowhere", d.join("dang")).expect("symlink");
    cmd("ls")
        .cwd(d.path())
        .args(["-lL"])
        .run()
        .status(1)
        .out("total 0\nl????????? ? ? ? ?            ? dang\n")
        .err("ls: cannot access 'dang': No such file or directory\n");
    // Without a need to stat, there is no error.
    cmd("ls")
        .cwd(d.path())
        .args(["-L"])
        .run()
        .ok()
        .out("dang\n");
    cmd("ls")
        .cwd(d.path())
        .args(["-LF"])
        .run()
        .status(1)
        .out("dang@\n")
        .err("ls: cannot access 'dang': No such file or directory\n");
}

// ---------------------------------------------------------------------
// Recursion.

#[test]
fn recursive_listing() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("d/s/deep")).expect("mkdir");
    fs::create_dir(t.join("d/e")).expect("mkdir");
    t.write("d/f", "");
    t.write("d/s/g", "");
    t.write("top", "");
    ls(&t, &["-R"])
        .ok()
        .out(".:\nd\ntop\n\n./d:\ne\nf\ns\n\n./d/e:\n\n./d/s:\ndeep\ng\n\n./d/s/deep:\n");
    ls(&t, &["-R", "d/"])
        .ok()
        .out("d/:\ne\nf\ns\n\nd/e:\n\nd/s:\ndeep\ng\n\nd/s/deep:\n");
    ls(&t, &["-R", "d//s"])
        .ok()
        .out("d//s:\ndeep\ng\n\nd//s/deep:\n");
    ls(&t, &["-R", "top", "d/s"])
        .ok()
        .out("top\n\nd/s:\ndeep\ng\n\nd/s/deep:\n");
    ls(&t, &["-Rr", "d"])
        .ok()
        .out("d:\ns\nf\ne\n\nd/s:\ng\ndeep\n\nd/s/deep:\n\nd/e:\n");
    // -a lists . and .. but does not recurse into them.
    ls(&t, &["-Ra", "d/e"]).ok().out("d/e:\n.\n..\n");
    // -d stops recursion.
    ls(&t, &["-Rd", "d"]).ok().out("d\n");
    let o = ls(&t, &["-Rl", "d/s"]);
    o.ok();
    let s = o.stdout_str();
    assert!(s.starts_with("d/s:\ntotal "), "{s}");
    assert!(s.contains("\n\nd/s/deep:\ntotal 0\n"), "{s}");
    // Links to directories are not followed without -L.
    symlink("..", t.join("d/s/up")).expect("symlink");
    ls(&t, &["-R", "d/s"])
        .ok()
        .out("d/s:\ndeep\ng\nup\n\nd/s/deep:\n");
}

#[test]
fn recursive_with_dereference_skips_cycles() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("loop/a")).expect("mkdir");
    symlink("..", t.join("loop/a/up")).expect("symlink");
    ls(&t, &["-RL", "loop"])
        .status(2)
        .out("loop:\na\n\nloop/a:\nup\n")
        .err("ls: loop/a/up: not listing already-listed directory\n");
    // The same directory twice on the command line is fine.
    ls(&t, &["-R", "loop/a", "loop/a"])
        .ok()
        .out("loop/a:\nup\n\nloop/a:\nup\n");
}

#[test]
fn unreadable_directories() {
    // Needs root to switch to another user with setpriv.
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 || !Path::new("/usr/bin/setpriv").exists() {
        return;
    }
    let t = TempDir::new();
    chmod(t.path(), 0o755);
    fs::create_dir_all(t.join("p/no")).expect("mkdir");
    fs::create_dir_all(t.join("p/ok")).expect("mkdir");
    t.write("p/no/x", "");
    chmod(&t.join("p"), 0o755);
    chmod(&t.join("p/ok"), 0o755);
    chmod(&t.join("p/no"), 0o000);
    let ls_as_nobody = |args: &[&str]| -> Out {
        let script = format!(
            "exec setpriv --reuid 65534 --regid 65534 --clear-groups ls {}",
            args.join(" ")
        );
        sh(&script).cwd(t.path()).run()
    };
    let path_ok = bin_dir()
        .ancestors()
        .all(|p| fs::metadata(p).is_ok_and(|m| m.mode() & 0o005 == 0o005));
    if !path_ok {
        return;
    }
    // A directory operand that cannot be read is serious trouble...
    ls_as_nobody(&["p/no"])
        .status(2)
        .out("")
        .err("ls: cannot open directory 'p/no': Permission denied\n");
    // ...a subdirectory found on the way is a minor one.
    ls_as_nobody(&["-R", "p"])
        .status(1)
        .out("p:\nno\nok\n\np/ok:\n")
        .err("ls: cannot open directory 'p/no': Permission denied\n");
    ls_as_nobody(&["-l", "p/no/x"])
        .status(2)
        .err("ls: cannot access 'p/no/x': Permission denied\n");
}

// ---------------------------------------------------------------------
// Indicators.

#[test]
fn classify_and_slash_indicators() {
    let (t, _) = tree();
    let c = CString::new(t.join("fifo").as_os_str().as_bytes()).expect("path");
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let _sock = std::os::unix::net::UnixListener::bind(t.join("sock")).expect("bind");
    ls(&t, &["-F"])
        .ok()
        .out("a\nb b\ndangling@\ndir/\ndlink@\nexe*\nfifo|\nlink@\nsock=\n");
    ls(&t, &["--classify"])
        .ok()
        .out("a\nb b\ndangling@\ndir/\ndlink@\nexe*\nfifo|\nlink@\nsock=\n");
    ls(&t, &["--classify=always", "exe"]).ok().out("exe*\n");
    ls(&t, &["--classify=never", "exe"]).ok().out("exe\n");
    // On a pipe, auto means no.
    ls(&t, &["--classify=auto", "exe"]).ok().out("exe\n");
    ls(&t, &["--file-type"])
        .ok()
        .out("a\nb b\ndangling@\ndir/\ndlink@\nexe\nfifo|\nlink@\nsock=\n");
    ls(&t, &["-p"])
        .ok()
        .out("a\nb b\ndangling\ndir/\ndlink\nexe\nfifo\nlink\nsock\n");
    ls(&t, &["--indicator-style=classify", "exe", "dir"])
        .ok()
        .out("exe*\n\ndir:\nx\n");
    ls(&t, &["--indicator-style=slash", "-d", "dir"])
        .ok()
        .out("dir/\n");
    ls(&t, &["-Fp", "exe"]).ok().out("exe\n");
    ls(&t, &["-pF", "exe"]).ok().out("exe*\n");
    ls(&t, &["--indicator-style=none", "-F", "exe"])
        .ok()
        .out("exe*\n");
    ls(&t, &["-F", "--indicator-style=none", "exe"])
        .ok()
        .out("exe\n");
    ls(&t, &["--indicator-style=x"])
        .status(1)
        .err_has("invalid argument 'x' for '--indicator-style'");
    // Indicators widen the columns.
    ls(&t, &["-F", "-C", "-w", "30", "-T0"])
        .ok()
        .out("a          dir/    fifo|\nb b        dlink@  link@\ndangling@  exe*    sock=\n");
}

// ---------------------------------------------------------------------
// Colours.

fn colored(t: &TempDir, env: &[(&str, &str)], args: &[&str]) -> Out {
    let mut c = cmd("ls").cwd(t.path());
    for (k, v) in env {
        c = c.env(k, v);
    }
    c.args(args).run()
}

#[test]
fn color_defaults_need_a_known_terminal() {
    let (t, _) = tree();
    // No TERM, no COLORTERM, no LS_COLORS: no colour even when forced.
    colored(&t, &[], &["--color=always", "dir"]).ok().out("x\n");
    colored(&t, &[("TERM", "dumb")], &["--color=always", "-d", "dir"])
        .ok()
        .out("dir\n");
    colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "-d", "dir", "a"],
    )
    .ok()
    .out("a\n\x1b[0m\x1b[01;34mdir\x1b[0m\n");
    colored(
        &t,
        &[("TERM", "screen-256color")],
        &["--color", "-d", "dir"],
    )
    .ok()
    .out("\x1b[0m\x1b[01;34mdir\x1b[0m\n");
    colored(
        &t,
        &[("COLORTERM", "truecolor")],
        &["--color=yes", "-d", "dir"],
    )
    .ok()
    .out("\x1b[0m\x1b[01;34mdir\x1b[0m\n");
    // never, and auto on a pipe.
    colored(&t, &[("TERM", "xterm")], &["--color=never", "-d", "dir"])
        .ok()
        .out("dir\n");
    colored(&t, &[("TERM", "xterm")], &["--color=auto", "-d", "dir"])
        .ok()
        .out("dir\n");
    colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "--color=none", "-d", "dir"],
    )
    .ok()
    .out("dir\n");
    colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "-f", "-d", "dir"],
    )
    .ok()
    .out("dir\n");
    colored(&t, &[("TERM", "xterm")], &["--color=a"])
        .status(1)
        .err_has("ls: ambiguous argument 'a' for '--color'\nValid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n");
}

#[test]
fn color_default_table() {
    let (t, _) = tree();
    let c = CString::new(t.join("fifo").as_os_str().as_bytes()).expect("path");
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let _sock = std::os::unix::net::UnixListener::bind(t.join("sock")).expect("bind");
    write(&t, "suid", b"", 0o4755, OLD);
    write(&t, "sgid", b"", 0o2755, OLD);
    for (n, m) in [("sticky", 0o1755), ("otherw", 0o777), ("both", 0o1777)] {
        fs::create_dir(t.join(n)).expect("mkdir");
        chmod(&t.join(n), m);
    }
    colored(&t, &[("TERM", "xterm")], &["--color=always"]).ok().out(
        "a\nb b\n\x1b[0m\x1b[30;42mboth\x1b[0m\n\x1b[01;36mdangling\x1b[0m\n\x1b[01;34mdir\x1b[0m\n\x1b[01;36mdlink\x1b[0m\n\x1b[01;32mexe\x1b[0m\n\x1b[33mfifo\x1b[0m\n\x1b[01;36mlink\x1b[0m\n\x1b[34;42motherw\x1b[0m\n\x1b[30;43msgid\x1b[0m\n\x1b[01;35msock\x1b[0m\n\x1b[37;44msticky\x1b[0m\n\x1b[37;41msuid\x1b[0m\n",
    );
    // Indicators come after the reset; tabs are not used with colour.
    colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "-F", "dir", "exe", "-d"],
    )
    .ok()
    .out("\x1b[0m\x1b[01;34mdir\x1b[0m/\n\x1b[01;32mexe\x1b[0m*\n");
    colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "-x", "-w", "30", "a", "exe", "b b", "dir"],
    )
    .ok()
    .out(
        // Headings are not coloured.
        "a  b b  \x1b[0m\x1b[01;32mexe\x1b[0m\n\ndir:\nx\n",
    );
    let o = colored(
        &t,
        &[("TERM", "xterm")],
        &["--color=always", "-l", "link", "dangling"],
    );
    o.ok();
    let s = o.stdout_str();
    assert!(
        s.contains(" \x1b[0m\x1b[01;36mdangling\x1b[0m -> nowhere\n"),
        "{s:?}"
    );
    assert!(s.contains(" \x1b[01;36mlink\x1b[0m -> a\n"), "{s:?}");
    // Block and character devices.
    let o = colored(&t, &[("TERM", "xterm")], &["--color=always", "/dev/null"]);
    o.ok().out("\x1b[0m\x1b[01;33m/dev/null\x1b[0m\n");
}

#[test]
fn ls_colors_variable() {
    let (t, _) = tree();
    write(&t, "x.c", b"", 0o644, OLD);
    write(&t, "y.C", b"", 0o644, OLD);
    write(&t, "z.tar.gz", b"", 0o644, OLD);
    let run = |spec: &str, args: &[&str]| -> Out {
        let mut a = vec!["--color=always"];
        a.extend_from_slice(args);
        colored(&t, &[("LS_COLORS", spec)], &a)
    };
    run("di=32", &["-d", "dir", "dlink"])
        .ok()
        .out("\x1b[0m\x1b[32mdir\x1b[0m\n\x1b[01;36mdlink\x1b[0m\n");
    // Extensions, case-insensitively; a later entry wins.
    run("*.c=35:*.gz=01;31:*.C=36", &["x.c", "y.C", "z.tar.gz", "a"])
        .ok()
        .out("a\n\x1b[0m\x1b[36mx.c\x1b[0m\n\x1b[36my.C\x1b[0m\n\x1b[01;31mz.tar.gz\x1b[0m\n");
    // ln=target colours links as what they point to; or= orphans.
    run("di=32:ln=target", &["-d", "dlink", "link", "dangling"])
        .ok()
        .out("dangling\n\x1b[0m\x1b[32mdlink\x1b[0m\nlink\n");
    run("or=31", &["-d", "dangling", "link"])
        .ok()
        .out("\x1b[0m\x1b[31mdangling\x1b[0m\n\x1b[01;36mlink\x1b[0m\n");
    let o = run("or=31:mi=05", &["-l", "dangling"]);
    o.ok();
    assert!(
        o.stdout_str()
            .ends_with(" \x1b[0m\x1b[31mdangling\x1b[0m -> \x1b[05mnowhere\x1b[0m\n"),
        "{:?}",
        o.stdout_str()
    );
    // Empty and 0 values.
    run("ex=:fi=0", &["exe", "a"])
        .ok()
        .out("\x1b[0m\x1b[0ma\x1b[0m\n\x1b[0mexe\x1b[0m\n");
    run("fi=", &["a"]).ok().out("\x1b[0m\x1b[ma\x1b[0m\n");
    // Escapes in values; the left, right and end codes.
    run("di=\\e[1m:ln=^[x", &["-d", "dir", "link"])
        .ok()
        .out("\x1b[0m\x1b[\x1b[1mmdir\x1b[0m\n\x1b[\x1bxmlink\x1b[0m\n");
    run("lc=<:rc=>:rs=R:di=D", &["-d", "dir"])
        .ok()
        .out("<R><D>dir<R>\n<>");
    run("ec=E:di=D", &["-d", "dir"]).ok().out("E\x1b[DmdirE\n");
    run("no=1:di=D", &["-d", "dir", "a"])
        .ok()
        .out("\x1b[0m\x1b[1ma\x1b[0m\n\x1b[1m\x1b[m\x1b[Dmdir\x1b[0m\n");
    // Errors turn colour off.
    run("xx=1:di=32", &["-d", "dir"])
        .status(0)
        .out("dir\n")
        .err(
        "ls: unrecognized prefix: 'xx'\nls: unparsable value for LS_COLORS environment variable\n",
    );
    run("di", &["-d", "dir"])
        .status(0)
        .out("dir\n")
        .err("ls: unparsable value for LS_COLORS environment variable\n");
    run("di=^", &["-d", "dir"])
        .status(0)
        .out("dir\n")
        .err("ls: unparsable value for LS_COLORS environment variable\n");
    // An empty LS_COLORS falls back to TERM.
    colored(
        &t,
        &[("LS_COLORS", ""), ("TERM", "linux")],
        &["--color=always", "-d", "dir"],
    )
    .ok()
    .out("\x1b[0m\x1b[01;34mdir\x1b[0m\n");
}

#[test]
fn color_clear_to_end_of_line_for_wrapping_names() {
    let t = names(&["abcdefghij"]);
    colored(
        &t,
        &[("LS_COLORS", "fi=1")],
        &["--color=always", "-w", "5", "-C"],
    )
    .ok()
    .out("\x1b[0m\x1b[1mabcdefghij\x1b[0m\x1b[K\n");
    colored(&t, &[("LS_COLORS", "fi=1")], &["--color=always", "-C"])
        .ok()
        .out("\x1b[0m\x1b[1mabcdefghij\x1b[0m\n");
}

// ---------------------------------------------------------------------
// A terminal: columns, quoting and ? by default.

/// Runs ls with its standard output on a pty `cols` wide.
fn on_tty(t: &TempDir, env: &[(&str, &str)], args: &[&str], cols: u16) -> (String, i32) {
    let (mut master, mut slave) = (-1, -1);
    let ws = libc::winsize {
        ws_row: 24,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: out-pointers for two descriptors and a winsize to apply.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &ws,
        )
    };
    assert_eq!(r, 0, "openpty");
    use std::io::Read;
    use std::os::unix::io::FromRawFd;
    // SAFETY: both descriptors are fresh and owned here.
    let (mut m, s) = unsafe { (fs::File::from_raw_fd(master), fs::File::from_raw_fd(slave)) };
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = m.read(&mut buf) {
            if n == 0 {
                break;
            }
            v.extend_from_slice(&buf[..n]);
        }
        v
    });
    let mut c = cmd("ls").cwd(t.path());
    for (k, v) in env {
        c = c.env(k, v);
    }
    let o = c.args(args).stdout_to(s).run();
    let bytes = reader.join().expect("reader");
    let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
    assert_eq!(o.stderr_str(), "");
    (text, o.code.unwrap_or(-1))
}

#[test]
fn terminal_defaults() {
    let t = TempDir::new();
    for n in [
        &b"a b"[..],
        b"it's",
        b"nl\nx",
        b"plain",
        b"c:d",
        b"x@y",
        b"#h",
    ] {
        fs::write(t.path().join(std::ffi::OsStr::from_bytes(n)), "").expect("write");
    }
    fs::create_dir(t.join("dir:x")).expect("mkdir");
    // Columns by the window's width; quoted names, the rest padded by a
    // space to line up.
    let (out, rc) = on_tty(&t, &[], &[], 60);
    assert_eq!(rc, 0);
    assert_eq!(
        out,
        "'#h'    c:d    \"it's\"\t      plain\n'a b'   dir:x  'nl'$'\\n''x'   x@y\n"
    );
    // One per line: quoted, not padded.
    let (out, _) = on_tty(&t, &[], &["-1"], 60);
    assert_eq!(
        out,
        "'#h'\n'a b'\nc:d\ndir:x\n\"it's\"\n'nl'$'\\n''x'\nplain\nx@y\n"
    );
    // -F quotes its indicator characters.
    let (out, _) = on_tty(&t, &[], &["-1F", "x@y", "plain"], 60);
    assert_eq!(out, "plain\n'x@y'\n");
    // Literal names with ? for control characters.
    let (out, _) = on_tty(&t, &[], &["-N", "-1", "nl\nx", "a b"], 60);
    assert_eq!(out, "a b\nnl?x\n");
    let (out, _) = on_tty(&t, &[], &["-N", "-1", "--show-control-chars", "nl\nx"], 60);
    assert_eq!(out, "nl\nx\n");
    // Directory headings quote ':'.
    let (out, _) = on_tty(&t, &[], &["-R", "dir:x", "plain"], 60);
    assert_eq!(out, "plain\n\n'dir:x':\n");
    // COLUMNS gives way to the window size.
    let (out, _) = on_tty(&t, &[("COLUMNS", "10")], &["plain", "c:d"], 60);
    assert_eq!(out, "c:d  plain\n");
    let (out, _) = on_tty(&t, &[("COLUMNS", "10")], &["plain", "c:d"], 0);
    assert_eq!(out, "c:d\nplain\n");
    let (out, _) = on_tty(&t, &[], &["-w", "10", "plain", "c:d"], 60);
    assert_eq!(out, "c:d\nplain\n");
    // --color=auto and -F's auto are on.
    let (out, _) = on_tty(
        &t,
        &[("TERM", "xterm")],
        &["--color=auto", "-d", "dir:x"],
        60,
    );
    assert_eq!(out, "\x1b[0m\x1b[01;34mdir:x\x1b[0m\n");
    let (out, _) = on_tty(&t, &[], &["--classify=auto", "-d", "dir:x"], 60);
    assert_eq!(out, "dir:x/\n");
}

#[test]
fn terminal_long_format_pads_unquoted_names() {
    let t = TempDir::new();
    write(&t, "a b", b"", 0o644, OLD);
    write(&t, "plain", b"", 0o644, OLD);
    let (out, _) = on_tty(&t, &[], &["-go"], 80);
    assert_eq!(
        out,
        "total 0\n-rw-r--r-- 1 0 Feb  3  2001 'a b'\n-rw-r--r-- 1 0 Feb  3  2001  plain\n"
    );
    let (out, _) = on_tty(&t, &[], &["-go", "plain"], 80);
    assert_eq!(out, "-rw-r--r-- 1 0 Feb  3  2001 plain\n");
}

// ---------------------------------------------------------------------
// Errors, --zero, output failures.

#[test]
fn usage_errors() {
    let t = names(&["a"]);
    ls(&t, &["-y"])
        .status(2)
        .out("")
        .err_has("ls: invalid option -- 'y'\n");
    ls(&t, &["--bogus"])
        .status(2)
        .err_has("ls: unrecognized option '--bogus'\n");
    ls(&t, &["-w", "abc"])
        .status(2)
        .out("")
        .err("ls: invalid line width: 'abc'\n");
    ls(&t, &["-w", "-1"])
        .status(2)
        .err("ls: invalid line width: '-1'\n");
    ls(&t, &["-w"])
        .status(2)
        .err_has("ls: option requires an argument -- 'w'\n");
    ls(&t, &["--format=bad"])
        .status(1)
        .err_has("ls: invalid argument 'bad' for '--format'\nValid arguments are:\n  - 'verbose', 'long'\n  - 'commas'\n  - 'horizontal', 'across'\n  - 'vertical'\n  - 'single-column'\n");
    ls(&t, &["--quoting-style=bad"])
        .status(1)
        .err_has("ls: invalid argument 'bad' for '--quoting-style'");
    ls(&t, &["--hyperlink=x"])
        .status(1)
        .err_has("ls: invalid argument 'x' for '--hyperlink'");
    let h = ls(&t, &["--help"]);
    h.ok();
    assert!(h.stdout_str().starts_with("Usage: ls "));
}

#[test]
fn zero_terminated() {
    let t = names(&["a", "nl\nx"]);
    ls(&t, &["--zero"]).ok().out(&b"a\0nl\nx\0"[..]);
    ls(&t, &["--zero", "-q"]).ok().out(&b"a\0nl?x\0"[..]);
    ls(&t, &["--zero", "-C"]).ok().out(&b"a  nl\nx\0"[..]);
    let o = ls(&t, &["-go", "--zero", "a"]);
    o.ok();
    assert!(o.stdout.ends_with(b" a\0"));
}

#[test]
fn dired_offsets() {
    let t = TempDir::new();
    write(&t, "a", b"", 0o644, OLD);
    write(&t, "b b", b"", 0o644, OLD);
    fs::create_dir(t.join("d")).expect("mkdir");
    write(&t, "d/x", b"", 0o644, OLD);
    let o = ls(&t, &["-goD", "a", "b b"]);
    o.ok().out(
        "  -rw-r--r-- 1 0 Feb  3  2001 a\n  -rw-r--r-- 1 0 Feb  3  2001 b b\n//DIRED// 30 31 62 65\n//DIRED-OPTIONS// --quoting-style=literal\n",
    );
    let o = ls(&t, &["-goDR", "d"]);
    o.ok().out(
        "  d:\n  total 0\n  -rw-r--r-- 1 0 Feb  3  2001 x\n//DIRED// 45 46\n//SUBDIRED// 2 3\n//DIRED-OPTIONS// --quoting-style=literal\n",
    );
    // Each offset pair brackets a name.
    assert_eq!(&o.stdout[45..46], b"x");
    assert_eq!(&o.stdout[2..3], b"d");
    ls(&t, &["-goD", "--quoting-style=c", "a"]).ok().out(
        "  -rw-r--r-- 1 0 Feb  3  2001 \"a\"\n//DIRED// 30 33\n//DIRED-OPTIONS// --quoting-style=c\n",
    );
    // Without -l it does nothing.
    ls(&t, &["--dired", "a"]).ok().out("a\n");
    ls(&t, &["-lD", "nope"])
        .status(2)
        .out("//DIRED-OPTIONS// --quoting-style=literal\n");
    ls(&t, &["-lD", "--zero", "a"])
        .status(2)
        .out("")
        .err("ls: --dired and --zero are incompatible\n");
}

fn host() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length.
    unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let len = buf.iter().position(|&b| b == 0).unwrap_or(0);
    String::from_utf8_lossy(&buf[..len]).into_owned()
}

#[test]
fn hyperlinks() {
    let t = TempDir::new();
    write(&t, "a b", b"", 0o644, OLD);
    symlink("a b", t.join("l")).expect("symlink");
    set_time(&t.join("l"), OLD, 0);
    let dir = fs::canonicalize(t.path()).expect("canonicalize");
    let base = format!("file://{}{}", host(), dir.display());
    let link = |n: &str, shown: &str| format!("\x1b]8;;{base}/{n}\x07{shown}\x1b]8;;\x07");
    ls(&t, &["--hyperlink=always", "a b"])
        .ok()
        .out(format!("{}\n", link("a%20b", "a b")));
    // A link points where the symbolic link resolves, target included.
    let o = ls(&t, &["--hyperlink", "-go", "l"]);
    o.ok().out(format!(
        "lrwxrwxrwx 1 3 Feb  3  2001 {} -> {}\n",
        link("a%20b", "l"),
        link("a%20b", "a b")
    ));
    ls(&t, &["--hyperlink=never", "a b"]).ok().out("a b\n");
    ls(&t, &["--hyperlink=auto", "a b"]).ok().out("a b\n");
    ls(&t, &["-f", "--hyperlink", "-d", "a b"]).ok();
    ls(&t, &["--hyperlink", "-f", "a b"]).ok().out("a b\n");
    // On a terminal the quotes stay outside the link.
    let (out, _) = on_tty(&t, &[], &["--hyperlink=auto", "a b"], 80);
    assert_eq!(out, format!("'{}'\n", link("a%20b", "a b")));
}

#[test]
fn write_errors() {
    let t = names(&["a"]);
    cmd("ls")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(2)
        .err_has("ls: write error: ");
}

#[test]
fn security_context_column() {
    let t = names(&["a", "b"]);
    ls(&t, &["-Z"]).ok().out("? a\n? b\n");
    ls(&t, &["-Zm"]).ok().out("? a, ? b\n");
    let o = ls(&t, &["-Zgo", "a"]);
    o.ok()
        .out("-rw-r--r-- 1 ? 0 ".to_string() + &o.stdout_str()[17..]);
}
