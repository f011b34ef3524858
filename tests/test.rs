//! test and [: POSIX's argument-count rules, every operator, and errors.

use crate::common::*;
use std::os::unix::fs::{symlink, PermissionsExt};

/// Runs `test ARGS` and `[ ARGS ]` and checks both give `status`.
#[track_caller]
fn st(args: &[&str], status: i32) {
    cmd("test").args(args).run().status(status).out("").err("");
    cmd("[")
        .args(args)
        .arg("]")
        .run()
        .status(status)
        .out("")
        .err("");
}

#[track_caller]
fn yes(args: &[&str]) {
    st(args, 0);
}

#[track_caller]
fn no(args: &[&str]) {
    st(args, 1);
}

#[track_caller]
fn error(args: &[&str], msg: &str) {
    cmd("test")
        .args(args)
        .run()
        .status(2)
        .out("")
        .err(format!("test: {msg}\n"));
}

#[test]
fn zero_and_one_argument() {
    no(&[]);
    no(&[""]);
    yes(&["a"]);
    // Operators alone are strings.
    for s in [
        "-n", "-z", "-f", "!", "(", ")", "=", "-a", "-o", "--help", "-t",
    ] {
        yes(&[s]);
    }
}

#[test]
fn two_arguments() {
    yes(&["-n", "a"]);
    no(&["-n", ""]);
    yes(&["-z", ""]);
    no(&["-z", "a"]);
    yes(&["!", ""]);
    no(&["!", "a"]);
    no(&["!", "-z"]);
    error(&["a", "b"], "'a': unary operator expected");
    error(&["-q", "b"], "'-q': unary operator expected");
    error(&["1", "-eq"], "missing argument after '-eq'");
    error(&["a", "="], "missing argument after '='");
    error(&["(", "a"], "missing argument after 'a'");
}

#[test]
fn three_arguments() {
    yes(&["a", "=", "a"]);
    yes(&["a", "==", "a"]);
    no(&["a", "=", "b"]);
    yes(&["a", "!=", "b"]);
    yes(&["!", "-z", "a"]);
    no(&["!", "-n", "a"]);
    yes(&["(", "a", ")"]);
    no(&["(", "", ")"]);
    // A binary operator in the middle wins, even over ! and (.
    yes(&["!", "=", "!"]);
    yes(&["(", "=", "("]);
    yes(&["=", "=", "="]);
    // -a and -o are binary operators on strings here (POSIX; GNU, BusyBox
    // and dash call -n -a -n an error).
    yes(&["-n", "-a", "-n"]);
    no(&["a", "-a", ""]);
    yes(&["a", "-o", ""]);
    no(&["", "-o", ""]);
    error(&["a", "b", "c"], "'b': binary operator expected");
}

#[test]
fn four_arguments() {
    no(&["!", "a", "=", "a"]);
    yes(&["!", "a", "=", "b"]);
    yes(&["(", "-n", "a", ")"]);
    no(&["(", "-z", "a", ")"]);
    yes(&["!", "!", "!", ""]);
    yes(&["-n", "a", "-a", "b"]);
    error(&["a", "b", "c", "d"], "extra argument 'b'");
}

#[test]
fn general_expressions() {
    yes(&["a", "=", "b", "-o", "c", "=", "c"]);
    no(&["a", "=", "a", "-a", "c", "=", "d"]);
    // -a binds tighter than -o.
    yes(&["x", "-o", "", "-a", ""]);
    no(&["", "-a", "x", "-o", ""]);
    yes(&["(", "(", "a", ")", ")", "-a", "b"]);
    yes(&["(", "-n", "a", ")", "-a", "(", "!", "-z", "b", ")"]);
    no(&["!", "(", "a", "=", "a", "-o", "b", "=", "c", ")"]);
    yes(&["!", "!", "a", "-a", "b"]);
    yes(&["-n", "a", "-a", "-z", "", "-a", "x"]);
    error(&["1", "-eq", "1", "-o"], "missing argument after '-o'");
    error(&["a", "b", "c", "d", "e"], "extra argument 'b'");
    error(&["(", "a", "-a", "b", "c"], "')' expected, found 'c'");
}

#[test]
fn string_order() {
    yes(&["b", ">", "a"]);
    no(&["a", ">", "b"]);
    yes(&["B", "<", "a"]);
    no(&["a", "<", "a"]);
}

#[test]
fn integers() {
    yes(&["1", "-eq", "1"]);
    yes(&["1", "-ne", "2"]);
    yes(&["-1", "-lt", "0"]);
    yes(&["2", "-le", "2"]);
    yes(&["3", "-gt", "-3"]);
    yes(&["3", "-ge", "3"]);
    no(&["3", "-lt", "3"]);
    no(&["-10", "-gt", "-9"]);
    // Blanks around, a sign, leading zeros, any size (as GNU).
    yes(&[" 1 ", "-eq", "+1"]);
    yes(&["007", "-eq", "7"]);
    yes(&["-0", "-eq", "0"]);
    yes(&["99999999999999999999", "-gt", "9223372036854775807"]);
    yes(&["-99999999999999999999", "-lt", "-99999999999999999998"]);
    for bad in ["abc", "", "0x10", "1.0", "-", "1 2", "1a"] {
        error(&[bad, "-eq", "1"], &format!("invalid integer '{bad}'"));
    }
    error(&["1", "-lt", "x"], "invalid integer 'x'");
}

#[test]
fn file_types() {
    let t = TempDir::new();
    t.write("f", "data");
    t.write("empty", "");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    symlink("f", t.join("l")).expect("symlink");
    symlink("nowhere", t.join("dangling")).expect("symlink");
    let p = |n: &str| t.join(n).to_string_lossy().into_owned();
    let (f, d, l, dang, empty, none) =
        (p("f"), p("d"), p("l"), p("dangling"), p("empty"), p("none"));
    for (op, yes_for, no_for) in [
        ("-e", vec![&f, &d, &l], vec![&dang, &none]),
        ("-f", vec![&f, &l, &empty], vec![&d, &dang, &none]),
        ("-d", vec![&d], vec![&f, &l, &none]),
        ("-h", vec![&l, &dang], vec![&f, &d, &none]),
        ("-L", vec![&l, &dang], vec![&f, &none]),
        ("-s", vec![&f, &l], vec![&empty, &none]),
        ("-b", vec![], vec![&f, &d]),
        ("-c", vec![], vec![&f, &d]),
        ("-p", vec![], vec![&f]),
        ("-S", vec![], vec![&f]),
    ] {
        for y in yes_for {
            yes(&[op, y]);
        }
        for n in no_for {
            no(&[op, n]);
        }
    }
    yes(&["-c", "/dev/null"]);
    no(&["-b", "/dev/null"]);
    no(&["-e", ""]);
    no(&["-f", ""]);
    no(&["-d", &format!("{f}/")]);
}

#[test]
fn fifo_and_mode_bits() {
    let t = TempDir::new();
    let fifo = t.join("fifo");
    let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("cstring");
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let fifo = fifo.to_string_lossy().into_owned();
    yes(&["-p", &fifo]);
    no(&["-f", &fifo]);
    let f = t.write("f", "x");
    let fs = f.to_string_lossy().into_owned();
    for (mode, op) in [(0o4755, "-u"), (0o2755, "-g"), (0o1755, "-k")] {
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(mode)).expect("chmod");
        yes(&[op, &fs]);
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        no(&[op, &fs]);
    }
    yes(&["-O", &fs]);
    yes(&["-G", &fs]);
    no(&["-O", "/nonexistent"]);
}

#[test]
fn access() {
    let t = TempDir::new();
    let f = t.write("f", "x");
    let fs = f.to_string_lossy().into_owned();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    yes(&["-r", &fs]);
    yes(&["-w", &fs]);
    no(&["-x", &fs]);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    yes(&["-x", &fs]);
    yes(&["-x", &t.path().to_string_lossy()]);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    // Root reads and writes anything but executes only what has an x bit.
    st(&["-r", &fs], if root { 0 } else { 1 });
    st(&["-w", &fs], if root { 0 } else { 1 });
    no(&["-x", &fs]);
    no(&["-r", "/nonexistent"]);
}

#[test]
fn file_comparisons() {
    let t = TempDir::new();
    let old = t.write("old", "");
    let new = t.write("new", "");
    let set = |p: &std::path::Path, secs: i64| {
        let c = std::ffi::CString::new(p.to_string_lossy().as_bytes()).expect("cstring");
        let ts = [libc::timespec {
            tv_sec: secs,
            tv_nsec: 0,
        }; 2];
        // SAFETY: a valid path and two timespecs.
        assert_eq!(
            unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) },
            0
        );
    };
    set(&old, 1_000_000);
    set(&new, 2_000_000);
    let (o, n) = (
        old.to_string_lossy().into_owned(),
        new.to_string_lossy().into_owned(),
    );
    let none = t.join("none").to_string_lossy().into_owned();
    yes(&[&n, "-nt", &o]);
    no(&[&o, "-nt", &n]);
    yes(&[&o, "-ot", &n]);
    no(&[&n, "-ot", &o]);
    no(&[&o, "-nt", &o]);
    // A missing file is older than any existing one.
    yes(&[&o, "-nt", &none]);
    no(&[&none, "-nt", &o]);
    yes(&[&none, "-ot", &o]);
    no(&[&none, "-nt", &none]);
    std::fs::hard_link(&old, t.join("link")).expect("link");
    symlink("old", t.join("sym")).expect("symlink");
    yes(&[&o, "-ef", &t.join("link").to_string_lossy()]);
    yes(&[&o, "-ef", &t.join("sym").to_string_lossy()]);
    no(&[&o, "-ef", &n]);
    no(&[&none, "-ef", &none]);
    // -N: modified since last read.
    let c = std::ffi::CString::new(o.as_bytes()).expect("cstring");
    let ts = [
        libc::timespec {
            tv_sec: 100,
            tv_nsec: 0,
        },
        libc::timespec {
            tv_sec: 200,
            tv_nsec: 0,
        },
    ];
    // SAFETY: a valid path and two timespecs.
    assert_eq!(
        unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) },
        0
    );
    yes(&["-N", &o]);
    set(&old, 300);
    no(&["-N", &o]);
}

#[test]
fn terminals() {
    // The harness gives no terminal.
    no(&["-t", "0"]);
    no(&["-t", "1"]);
    no(&["-t", "99"]);
    error(&["-t", "x"], "invalid integer 'x'");
}

#[test]
fn bracket_needs_its_close() {
    cmd("[").run().status(2).err("[: missing ']'\n");
    cmd("[")
        .args(["a", "=", "a"])
        .run()
        .status(2)
        .err("[: missing ']'\n");
    cmd("[")
        .args(["a", "]", "b"])
        .run()
        .status(2)
        .err("[: missing ']'\n");
    cmd("[").arg("]").run().status(1).err("");
    cmd("[").args(["]", "]"]).run().status(0).err("");
    // test takes ] as a string.
    cmd("test").arg("]").run().status(0).err("");
}

#[test]
fn odd_bytes() {
    cmd("test")
        .arg(os(b"\xff"))
        .args(["=", "x"])
        .run()
        .status(1);
    cmd("test")
        .arg(os(b"\xff"))
        .arg("!=")
        .arg(os(b"\xfe"))
        .run()
        .status(0);
}

#[test]
fn access_as_an_ordinary_user() {
    let Some(user) = unprivileged() else {
        eprintln!("skipped: needs root to run a command as nobody");
        return;
    };
    let t = TempDir::new();
    let f = t.write("f", "x");
    give(t.path(), 0, 0);
    std::fs::set_permissions(t.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let fs_ = f.to_string_lossy().into_owned();
    for op in ["-r", "-w", "-x", "-O"] {
        cmd("test")
            .args([op, &fs_])
            .user(user)
            .run()
            .status(1)
            .err("");
    }
    cmd("test").args(["-e", &fs_]).user(user).run().status(0);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    cmd("test").args(["-r", &fs_]).user(user).run().status(0);
    cmd("test").args(["-w", &fs_]).user(user).run().status(1);
}
