//! find: operators, every test and action, -printf directives, -exec
//! forms, errors and warnings, symlinks, loops, odd names, deep trees.
//! Expected texts are GNU find 4.9's in the C locale.

use crate::common::*;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

/// A find command in a temp dir holding:
/// a (3 bytes), d/ (b, e/ (c)), l -> a, dang -> nowhere.
fn find() -> Cmd {
    let c = cmd("find");
    let d = c.dir().to_path_buf();
    fs::write(d.join("a"), "abc").expect("write");
    fs::create_dir_all(d.join("d/e")).expect("mkdir");
    fs::write(d.join("d/b"), "").expect("write");
    fs::write(d.join("d/e/c"), "x".repeat(2000)).expect("write");
    symlink("a", d.join("l")).expect("symlink");
    symlink("nowhere", d.join("dang")).expect("symlink");
    c
}

/// Stdout's lines sorted (find lists entries in directory order).
fn sorted(o: &Out) -> String {
    let s = o.stdout_str();
    let mut v: Vec<&str> = s.lines().collect();
    v.sort_unstable();
    v.iter().map(|l| format!("{l}\n")).collect()
}

#[track_caller]
fn lists(args: &[&str], want: &str) {
    let o = find().args(args).run();
    o.ok();
    assert_eq!(sorted(&o), want, "find {args:?}");
}

/// `find ARGS` in the `find()` tree after running the shell script SETUP
/// there (the system's touch and chmod); SORT compares stdout's lines
/// sorted (when it ends in a newline).
#[track_caller]
fn t(setup: &str, sort: bool, args: &[&str], out: &str, err: &str, status: i32) {
    let c = find();
    if !setup.is_empty() {
        let ok = std::process::Command::new("/bin/sh")
            .args(["-c", setup])
            .current_dir(c.dir())
            .env("TZ", "UTC")
            .env("LC_ALL", "C")
            .status()
            .expect("run the set-up");
        assert!(ok.success(), "{setup}");
    }
    let o = c.args(args).run();
    o.status(status).err(err);
    if sort && o.stdout.ends_with(b"\n") {
        assert_eq!(sorted(&o), out, "find {args:?}");
    } else {
        o.out(out);
    }
}

/// GNU's exact stdout, stderr and status for `find ARGS` in the tree.
#[track_caller]
fn g(args: &[&str], out: &str, err: &str, status: i32) {
    t("", false, args, out, err, status);
}

/// As `g`, comparing stdout's lines sorted (directory order varies).
#[track_caller]
fn gs(args: &[&str], out: &str, err: &str, status: i32) {
    t("", true, args, out, err, status);
}

const ALL: &str = ".\n./a\n./d\n./d/b\n./d/e\n./d/e/c\n./dang\n./l\n";

#[test]
fn default_path_and_print() {
    lists(&[], ALL);
    lists(&["."], ALL);
    lists(&[".", "-print"], ALL);
    let o = find().args(["d", "a"]).run();
    o.ok();
    assert_eq!(sorted(&o), "a\nd\nd/b\nd/e\nd/e/c\n");
}

#[test]
fn names_and_paths() {
    lists(&["-name", "a"], "./a\n");
    lists(&["-name", "[ab]"], "./a\n./d/b\n");
    lists(&["-iname", "A"], "./a\n");
    lists(&["-name", "*"], ALL);
    lists(&["-path", "./d/*"], "./d/b\n./d/e\n./d/e/c\n");
    lists(&["-wholename", "*e/c"], "./d/e/c\n");
    lists(&["-ipath", "./D/E"], "./d/e\n");
    lists(&["-lname", "no*"], "./dang\n");
    lists(&["-ilname", "A"], "./l\n");
    // A root's name is its last component, trailing slashes aside.
    find()
        .args(["d/", "-maxdepth", "0", "-name", "d"])
        .run()
        .ok()
        .out("d/\n");
    find()
        .args(["/", "-maxdepth", "0", "-name", "/"])
        .run()
        .ok()
        .out("/\n");
}

#[test]
fn regexes() {
    lists(&["-regex", r".*/[ab]"], "./a\n./d/b\n");
    // Emacs syntax by default: \| and \( \) are the operators.
    lists(&["-regex", r".*/\(a\|c\)"], "./a\n./d/e/c\n");
    lists(&["-regex", r".*/d+"], "./d\n");
    // The whole path must match.
    lists(&["-regex", "a"], "");
    lists(&["-iregex", r".*/A"], "./a\n");
    // In the default syntax `.` matches a newline, `[^...]` does not.
    let c = find();
    fs::write(c.dir().join("n\nl"), "").expect("write");
    let d = c.dir().to_path_buf();
    cmd("find")
        .cwd(&d)
        .args([".", "-regex", ".*n.l"])
        .run()
        .ok()
        .out("./n\nl\n");
    cmd("find")
        .cwd(&d)
        .args([".", "-regex", ".*n[^a]l"])
        .run()
        .ok()
        .out("");
    cmd("find")
        .cwd(&d)
        .args([".", "-regextype", "posix-extended", "-regex", ".*n[^a]l"])
        .run()
        .ok()
        .out("./n\nl\n");
    drop(c);
    lists(
        &["-regextype", "posix-extended", "-regex", r".*/(a|b)"],
        "./a\n./d/b\n",
    );
    lists(
        &["-regextype", "posix-basic", "-regex", r".*/\(a\|b\)"],
        "./a\n./d/b\n",
    );
    find()
        .args(["-regextype", "perl"])
        .run()
        .status(1)
        .err_has("find: Unknown regular expression type 'perl'; valid types are");
}

#[test]
fn types() {
    lists(&["-type", "f"], "./a\n./d/b\n./d/e/c\n");
    lists(&["-type", "d"], ".\n./d\n./d/e\n");
    lists(&["-type", "l"], "./dang\n./l\n");
    lists(&["-type", "f,l"], "./a\n./d/b\n./d/e/c\n./dang\n./l\n");
    lists(&["-xtype", "l"], "./dang\n");
    lists(&["-xtype", "f"], "./a\n./d/b\n./d/e/c\n./l\n");
    // -L: links are seen as their targets; a dangling one stays a link.
    lists(&["-L", ".", "-type", "l"], "./dang\n");
    lists(&["-L", ".", "-xtype", "l"], "./dang\n./l\n");
    find()
        .args(["-type", "q"])
        .run()
        .status(1)
        .err("find: Unknown argument to -type: q\n");
    find()
        .args(["-type", "fd"])
        .run()
        .status(1)
        .err("find: Must separate multiple arguments to -type using: ','\n");
    find()
        .args(["-type", "f,f"])
        .run()
        .status(1)
        .err("find: Duplicate file type 'f' in the argument list to -type\n");
}

#[test]
fn depth_options() {
    lists(&["-maxdepth", "1"], ".\n./a\n./d\n./dang\n./l\n");
    lists(&["-maxdepth", "0"], ".\n");
    lists(&["-mindepth", "2"], "./d/b\n./d/e\n./d/e/c\n");
    lists(&["-mindepth", "1", "-maxdepth", "1", "-type", "d"], "./d\n");
    // -depth lists a directory after its contents.
    let o = find().args(["d", "-depth"]).run();
    o.ok();
    let s = o.stdout_str();
    let pos = |p: &str| s.lines().position(|l| l == p).expect("listed");
    assert!(pos("d/e/c") < pos("d/e") && pos("d/e") < pos("d"), "{s}");
    find()
        .args(["-maxdepth", "-1"])
        .run()
        .status(1)
        .err("find: Expected a positive decimal integer argument to -maxdepth, but got '-1'\n");
    find()
        .args(["-mindepth"])
        .run()
        .status(1)
        .err("find: missing argument to `-mindepth'\n");
}

#[test]
fn global_option_warning() {
    find()
        .args(["-warn", "-name", "a", "-maxdepth", "1"])
        .run()
        .status(0)
        .out("./a\n")
        .err("find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n");
    // Not a terminal and no -warn: quiet, as GNU.
    find()
        .args(["-name", "a", "-maxdepth", "1"])
        .run()
        .ok()
        .out("./a\n");
    find()
        .args(["-warn", "-name", "d/b"])
        .run()
        .status(0)
        .out("")
        .err_has("warning: '-name' matches against basenames only");
}

#[test]
fn operators_and_precedence() {
    lists(&["-name", "a", "-o", "-name", "b"], "./a\n./d/b\n");
    lists(
        &["!", "-type", "d", "-a", "!", "-type", "l"],
        "./a\n./d/b\n./d/e/c\n",
    );
    lists(&["-not", "-name", "*[a-z]*"], ".\n");
    // -a binds tighter than -o: the -print belongs to the right side.
    lists(&["-name", "a", "-o", "-name", "b", "-print"], "./d/b\n");
    lists(
        &["(", "-name", "a", "-o", "-name", "b", ")", "-print"],
        "./a\n./d/b\n",
    );
    // The comma evaluates both and takes the right's value.
    lists(
        &["-name", "a", "-print", ",", "-name", "b", "-print"],
        "./a\n./d/b\n",
    );
    lists(&["-name", "a", "-print", ",", "-name", "b"], "./a\n");
    lists(&["-false", "-o", "-true", "-name", "c"], "./d/e/c\n");
    lists(&["-name", "a", "-and", "-true", "-or", "-false"], "./a\n");
    lists(&["-not", "-not", "-name", "a"], "./a\n");
    lists(
        &["!", "(", "-type", "d", "-o", "-type", "l", ")"],
        "./a\n./d/b\n./d/e/c\n",
    );
}

#[test]
fn expression_errors() {
    let bad = |args: &[&str], msg: &str| {
        find().args(args).run().status(1).out("").err(msg);
    };
    bad(&["-foo"], "find: unknown predicate `-foo'\n");
    bad(&["-name"], "find: missing argument to `-name'\n");
    bad(
        &["-a"],
        "find: invalid expression; you have used a binary operator '-a' with nothing before it.\n",
    );
    bad(
        &["-o", "-name", "a"],
        "find: invalid expression; you have used a binary operator '-o' with nothing before it.\n",
    );
    bad(&["!"], "find: expected an expression after '!'\n");
    bad(
        &["-name", "a", "-o"],
        "find: expected an expression after '-o'\n",
    );
    bad(
        &["(", "-name", "a"],
        "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n",
    );
    bad(
        &["(", ")"],
        "find: invalid expression; empty parentheses are not allowed.\n",
    );
    bad(&["-name", "a", ")"], "find: you have too many ')'\n");
    bad(
        &["-name", "a", "x"],
        "find: paths must precede expression: `x'\n",
    );
    bad(
        &["-name", "a", "d"],
        "find: paths must precede expression: `d'\nfind: possible unquoted pattern after predicate `-name'?\n",
    );
    bad(&["-print", ","], "find: invalid expression\n");
    bad(
        &["-nowarn", "."],
        "find: paths must precede expression: `.'\nfind: possible unquoted pattern after predicate `-nowarn'?\n",
    );
    bad(
        &["-printf", "a%"],
        "find: error: % at end of format string\n",
    );
    bad(
        &["-regex", "\\("],
        "find: failed to compile regular expression '\\(': Unmatched ( or \\(\n",
    );
    // posix-extended is GNU's strict ERE; egrep takes `+a` as a literal.
    bad(
        &["-regextype", "posix-extended", "-regex", "+a"],
        "find: failed to compile regular expression '+a': Invalid preceding regular expression\n",
    );
    bad(
        &["-regextype", "posix-extended", "-regex", "a{1"],
        "find: failed to compile regular expression 'a{1': Unmatched \\{\n",
    );
    bad(
        &["-regextype", "posix-extended", "-regex", "a{x}"],
        "find: failed to compile regular expression 'a{x}': Invalid content of \\{\\}\n",
    );
    bad(
        &["-regextype", "posix-basic", "-regex", "a**"],
        "find: failed to compile regular expression 'a**': Invalid preceding regular expression\n",
    );
    cmd("find")
        .args(["/nonexistent", "-regextype", "grep", "-regex", "a**"])
        .run()
        .status(1)
        .err("find: '/nonexistent': No such file or directory\n");
    cmd("find")
        .args(["/nonexistent", "-regextype", "egrep", "-regex", "+a"])
        .run()
        .status(1)
        .err("find: '/nonexistent': No such file or directory\n");
    bad(&["-perm", "999"], "find: invalid mode '999'\n");
    bad(&["-size", "3q"], "find: invalid -size type `q'\n");
    bad(&["-mtime", "x"], "find: invalid argument `x' to `-mtime'\n");
    bad(
        &["-links", "+a"],
        "find: invalid argument `+a' to `-links'\n",
    );
    bad(&["-inum", "1x"], "find: invalid argument `1x' to `-inum'\n");
    bad(&["-uid", "x"], "find: invalid argument `x' to `-uid'\n");
    bad(
        &["-user", "no_such_user_x"],
        "find: 'no_such_user_x' is not the name of a known user\n",
    );
    bad(
        &["-group", "no_such_group_x"],
        "find: 'no_such_group_x' is not the name of an existing group\n",
    );
    bad(
        &["-newer", "nofile"],
        "find: 'nofile': No such file or directory\n",
    );
    bad(
        &["-samefile", "nofile"],
        "find: 'nofile': No such file or directory\n",
    );
    bad(
        &["-newermt", "garbage"],
        "find: I cannot figure out how to interpret 'garbage' as a date or time\n",
    );
    bad(&["-newerXt", "x"], "find: invalid predicate `-newerXt'\n");
    bad(&["-exec", "echo"], "find: missing argument to `-exec'\n");
    bad(&["-exec", ";"], "find: missing argument to `-exec'\n");
    bad(
        &["-ok", "echo", "{}", "+"],
        "find: missing argument to `-ok'\n",
    );
    bad(
        &["-exec", "echo", "{}x", "+"],
        "find: In '-exec ... {} +' the '{}' must appear by itself, but you specified '{}x'\n",
    );
    bad(
        &["-delete", "-prune"],
        "find: The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.\n",
    );
}

#[test]
fn names_in_messages_are_quoted() {
    find()
        .arg(os(b"a\nb"))
        .arg("it's")
        .arg("b\\s")
        .arg(os(b"x\xffy\t"))
        .run()
        .status(1)
        .out("")
        .err("find: 'a\\nb': No such file or directory\nfind: 'it\\'s': No such file or directory\nfind: 'b\\\\s': No such file or directory\nfind: 'x\\377y\\t': No such file or directory\n");
    find()
        .args(["-newer", "n'o"])
        .run()
        .status(1)
        .err("find: 'n\\'o': No such file or directory\n");
}

#[test]
fn missing_paths_continue() {
    let o = find().args(["nope", "a", "", "d/b"]).run();
    o.status(1)
        .out("a\nd/b\n")
        .err("find: 'nope': No such file or directory\nfind: '': No such file or directory\n");
}

#[test]
fn perm() {
    let c = find();
    let d = c.dir().to_path_buf();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("a"), fs::Permissions::from_mode(0o4750)).expect("chmod");
    fs::set_permissions(d.join("d/b"), fs::Permissions::from_mode(0o644)).expect("chmod");
    fs::set_permissions(d.join("d/e/c"), fs::Permissions::from_mode(0o602)).expect("chmod");
    let run = |args: &[&str]| {
        let mut all = vec!["-type", "f"];
        all.extend_from_slice(args);
        let o = cmd("find").cwd(&d).args(all).run();
        o.ok();
        sorted(&o)
    };
    assert_eq!(run(&["-perm", "644"]), "./d/b\n");
    assert_eq!(run(&["-perm", "4750"]), "./a\n");
    assert_eq!(run(&["-perm", "-u=rw"]), "./a\n./d/b\n./d/e/c\n");
    assert_eq!(run(&["-perm", "-g+r"]), "./a\n./d/b\n");
    assert_eq!(run(&["-perm", "/o+w"]), "./d/e/c\n");
    assert_eq!(run(&["-perm", "/4000"]), "./a\n");
    assert_eq!(run(&["-perm", "-4000"]), "./a\n");
    assert_eq!(run(&["-perm", "u=rw,go=r"]), "./d/b\n");
    assert_eq!(run(&["-perm", "/000"]), "./a\n./d/b\n./d/e/c\n");
    drop(c);
}

#[test]
fn size() {
    lists(&["-type", "f", "-size", "0"], "./d/b\n");
    lists(&["-type", "f", "-size", "3c"], "./a\n");
    lists(&["-type", "f", "-size", "+3c"], "./d/e/c\n");
    lists(&["-type", "f", "-size", "-3c"], "./d/b\n");
    // Rounded up to whole units: 2000 bytes are 4 blocks and 2 k.
    lists(&["-type", "f", "-size", "4"], "./d/e/c\n");
    lists(&["-type", "f", "-size", "2k"], "./d/e/c\n");
    lists(&["-type", "f", "-size", "1000w"], "./d/e/c\n");
    lists(&["-type", "f", "-size", "1M"], "./a\n./d/e/c\n");
    lists(&["-type", "f", "-size", "-1M"], "./d/b\n");
    lists(&["-type", "f", "-size", "1G"], "./a\n./d/e/c\n");
}

fn set_mtime(p: &Path, secs_ago: i64) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let t = now - secs_ago;
    let ts = [
        libc::timespec {
            tv_sec: t,
            tv_nsec: 0,
        },
        libc::timespec {
            tv_sec: t,
            tv_nsec: 0,
        },
    ];
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: c is NUL-terminated; ts holds two timespecs.
    let rc = unsafe {
        libc::utimensat(
            libc::AT_FDCWD,
            c.as_ptr(),
            ts.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    };
    assert_eq!(rc, 0);
}

#[test]
fn times() {
    let c = cmd("find");
    let d = c.dir().to_path_buf();
    for (n, ago) in [
        ("m30s", 30),
        ("m90s", 90),
        ("m150s", 150),
        ("d0_5", 43_200),
        ("d1_5", 129_600),
        ("d2_5", 216_000),
    ] {
        fs::write(d.join(n), "").expect("write");
        set_mtime(&d.join(n), ago);
    }
    let run = |args: &[&str]| {
        let mut all = vec!["-type", "f"];
        all.extend_from_slice(args);
        let o = cmd("find").cwd(&d).args(all).run();
        o.ok();
        sorted(&o)
    };
    assert_eq!(run(&["-mtime", "0"]), "./d0_5\n./m150s\n./m30s\n./m90s\n");
    assert_eq!(run(&["-mtime", "1"]), "./d1_5\n");
    assert_eq!(run(&["-mtime", "+1"]), "./d2_5\n");
    assert_eq!(run(&["-mtime", "-1"]), "./d0_5\n./m150s\n./m30s\n./m90s\n");
    assert_eq!(run(&["-mtime", "-2", "-mtime", "+0"]), "./d1_5\n");
    // Minutes: N is "more than N-1, at most N".
    assert_eq!(run(&["-mmin", "1"]), "./m30s\n");
    assert_eq!(run(&["-mmin", "2"]), "./m90s\n");
    assert_eq!(run(&["-mmin", "-2"]), "./m30s\n./m90s\n");
    assert_eq!(run(&["-mmin", "+2"]), "./d0_5\n./d1_5\n./d2_5\n./m150s\n");
    assert_eq!(run(&["-mmin", "-1.5"]), "./m30s\n");
    // Times just set are within the last minute for atime/ctime.
    assert_eq!(run(&["-cmin", "-1", "-name", "m30s"]), "./m30s\n");
    assert_eq!(run(&["-ctime", "0", "-name", "m30s"]), "./m30s\n");
    assert_eq!(run(&["-atime", "+0"]), "./d1_5\n./d2_5\n");
    assert_eq!(run(&["-amin", "-3"]), "./m150s\n./m30s\n./m90s\n");
    assert_eq!(run(&["-newer", "m90s"]), "./m30s\n");
    assert_eq!(
        run(&["-anewer", "d1_5"]),
        "./d0_5\n./m150s\n./m30s\n./m90s\n"
    );
    assert_eq!(run(&["-cnewer", "d1_5", "-name", "d2_5"]), "./d2_5\n");
    assert_eq!(
        run(&["-newermm", "m150s", "-name", "m*"]),
        "./m30s\n./m90s\n"
    );
    assert_eq!(run(&["-newermt", "@0", "-name", "d2_5"]), "./d2_5\n");
    assert_eq!(
        run(&["-newermt", "1 hour ago"]),
        "./m150s\n./m30s\n./m90s\n"
    );
    assert_eq!(run(&["!", "-newermt", "2 days ago"]), "./d2_5\n");
    assert_eq!(run(&["-daystart", "-mtime", "+5"]), "");
}

#[test]
fn owners_links_inodes() {
    lists(&["-user", "root", "-name", "a"], "./a\n");
    lists(&["-user", "0", "-name", "a"], "./a\n");
    lists(&["-uid", "0", "-name", "a"], "./a\n");
    lists(&["-uid", "+0", "-name", "a"], "");
    lists(&["-group", "0", "-name", "a"], "./a\n");
    lists(&["-gid", "-1", "-name", "a"], "./a\n");
    lists(&["-nouser"], "");
    lists(&["-nogroup"], "");
    lists(&["-links", "+2"], ".\n./d\n");
    lists(&["-type", "f", "-links", "1", "-name", "a"], "./a\n");
    let c = find();
    let d = c.dir().to_path_buf();
    fs::hard_link(d.join("a"), d.join("hard")).expect("link");
    chown_(&d.join("d/b"), 4_000_000, 4_000_000);
    use std::os::unix::fs::MetadataExt;
    let ino = fs::metadata(d.join("a")).expect("stat").ino().to_string();
    let run = |args: &[&str]| {
        let o = cmd("find").cwd(&d).args(args).run();
        o.ok();
        sorted(&o)
    };
    assert_eq!(run(&["-inum", &ino]), "./a\n./hard\n");
    assert_eq!(run(&["-samefile", "a"]), "./a\n./hard\n");
    assert_eq!(run(&["-L", ".", "-samefile", "a"]), "./a\n./hard\n./l\n");
    assert_eq!(run(&["-type", "f", "-links", "2"]), "./a\n./hard\n");
    assert_eq!(run(&["-nouser"]), "./d/b\n");
    assert_eq!(run(&["-nogroup"]), "./d/b\n");
    assert_eq!(run(&["-uid", "4000000"]), "./d/b\n");
    assert_eq!(
        run(&["-name", "b", "-printf", "%u %g %U %G\n"]),
        "4000000 4000000 4000000 4000000\n"
    );
    drop(c);
}

fn chown_(p: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::lchown(p, Some(uid), Some(gid)).expect("chown");
}

#[test]
fn empty_and_access() {
    let c = find();
    let d = c.dir().to_path_buf();
    fs::create_dir(d.join("void")).expect("mkdir");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("a"), fs::Permissions::from_mode(0o755)).expect("chmod");
    let o = cmd("find").cwd(&d).arg("-empty").run();
    o.ok();
    assert_eq!(sorted(&o), "./d/b\n./void\n");
    let o = cmd("find")
        .cwd(&d)
        .args(["-type", "f", "-executable"])
        .run();
    o.ok();
    assert_eq!(sorted(&o), "./a\n");
    let o = cmd("find")
        .cwd(&d)
        .args(["-type", "f", "-readable", "-writable"])
        .run();
    o.ok();
    assert_eq!(sorted(&o), "./a\n./d/b\n./d/e/c\n");
    if let Some(user) = unprivileged() {
        fs::set_permissions(d.join("d/b"), fs::Permissions::from_mode(0o600)).expect("chmod");
        let o = cmd("find")
            .cwd(&d)
            .args(["-type", "f", "!", "-readable"])
            .user(user)
            .run();
        o.ok();
        assert_eq!(sorted(&o), "./d/b\n");
    }
    drop(c);
}

#[test]
fn prune_and_quit() {
    lists(
        &["-name", "d", "-prune", "-o", "-print"],
        ".\n./a\n./dang\n./l\n",
    );
    lists(&["-name", "e", "-prune"], "./d/e\n");
    // Under -depth -prune does nothing.
    lists(
        &["-depth", "-name", "d", "-prune", "-o", "-print"],
        ".\n./a\n./d/b\n./d/e\n./d/e/c\n./dang\n./l\n",
    );
    find()
        .args(["-name", "a", "-print", "-quit"])
        .run()
        .ok()
        .out("./a\n");
    find().args(["-quit"]).run().ok().out("");
    // -quit stops the later starting points too.
    find()
        .args(["a", "d", "-print", "-quit"])
        .run()
        .ok()
        .out("a\n");
}

#[test]
fn print0_and_fprint() {
    let o = find().args(["d/e", "-print0"]).run();
    o.ok().out("d/e\0d/e/c\0");
    let c = find();
    let d = c.dir().to_path_buf();
    cmd("find")
        .cwd(&d)
        .args([
            "d/e", "-fprint", "out1", "-fprint0", "out2", "-fprintf", "out3", "<%f>", "-fls",
            "out4",
        ])
        .run()
        .ok()
        .out("");
    assert_eq!(
        fs::read_to_string(d.join("out1")).expect("read"),
        "d/e\nd/e/c\n"
    );
    assert_eq!(
        fs::read_to_string(d.join("out2")).expect("read"),
        "d/e\0d/e/c\0"
    );
    assert_eq!(fs::read_to_string(d.join("out3")).expect("read"), "<e><c>");
    assert_eq!(
        fs::read_to_string(d.join("out4"))
            .expect("read")
            .lines()
            .count(),
        2
    );
    drop(c);
    find()
        .args(["-fprint", "/nonexistent/dir/x"])
        .run()
        .status(1)
        .err("find: '/nonexistent/dir/x': No such file or directory\n");
}

#[test]
fn printf_directives() {
    let c = find();
    let d = c.dir().to_path_buf();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("a"), fs::Permissions::from_mode(0o640)).expect("chmod");
    set_mtime(&d.join("a"), 0);
    let ts = [
        libc::timespec {
            tv_sec: 1_000_000_000,
            tv_nsec: 123_456_789,
        },
        libc::timespec {
            tv_sec: 1_700_000_000,
            tv_nsec: 5,
        },
    ];
    let p = std::ffi::CString::new(d.join("a").as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: as in set_mtime.
    assert_eq!(
        unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), ts.as_ptr(), 0) },
        0
    );
    let run = |args: &[&str]| {
        let o = cmd("find").cwd(&d).args(args).run();
        o.ok();
        o.stdout_str()
    };
    let one = |fmt: &str| run(&["a", "-printf", fmt]);
    assert_eq!(
        one("%p|%f|%h|%P|%H|%d|%y|%Y|%s|%m|%M\n"),
        "a|a|.||a|0|f|f|3|640|-rw-r-----\n"
    );
    assert_eq!(
        run(&["./d/e/c", "-printf", "%f|%h|%H\n"]),
        "c|./d/e|./d/e/c\n"
    );
    assert_eq!(
        run(&[".", "-name", "c", "-printf", "%f|%h|%P|%d\n"]),
        "c|./d/e|d/e/c|3\n"
    );
    assert_eq!(run(&["/", "-maxdepth", "0", "-printf", "%f|%h\n"]), "/|\n");
    assert_eq!(
        one("%A@|%T@\n"),
        "1000000000.1234567890|1700000000.0000000050\n"
    );
    assert_eq!(
        one("%AY-%Am-%Ad %AH:%AM:%AS %Aj %Aa %Ab\n"),
        "2001-09-09 01:46:40.1234567890 252 Sun Sep\n"
    );
    assert_eq!(
        one("%A+|%AT|%Ak|%AD\n"),
        "2001-09-09+01:46:40.1234567890|01:46:40.1234567890| 1|09/09/01\n"
    );
    assert_eq!(
        one("%a|%t\n"),
        "Sun Sep  9 01:46:40.1234567890 2001|Tue Nov 14 22:13:20.0000000050 2023\n"
    );
    assert_eq!(one("%TY %Ts\n"), "2023 1700000000\n");
    assert_eq!(
        one("%AX|%Ar|%Ac\n"),
        "01:46:40.1234567890|01:46:40 AM|Sun Sep  9 01:46:40 2001\n"
    );
    // Widths, flags and precision.
    assert_eq!(
        one("[%5s][%-5s][%05s][%.1f][%+d][% d][%05d][%05m][%#m][%-4m]\n"),
        "[    3][3    ][    3][a][+0][ 0][00000][00640][0640][640 ]\n"
    );
    // Escapes, %% and \c.
    assert_eq!(one("x\\ty\\\\z%%\\101\\0"), "x\ty\\z%A\0");
    assert_eq!(one("a\\cb"), "a");
    let o = cmd("find").cwd(&d).args(["a", "-printf", "%Q\\q\n"]).run();
    o.status(0)
        .out("%Q\\q\n")
        .err("find: warning: unrecognized format directive `%Q'\nfind: warning: unrecognized escape `\\q'\n");
    assert_eq!(
        run(&["l", "dang", "d", "-maxdepth", "0", "-printf", "%y%Y %l\n"]),
        "lf a\nlN nowhere\ndd \n"
    );
    assert_eq!(run(&["-L", "l", "-printf", "%y%Y\n"]), "ff\n");
    use std::os::unix::fs::MetadataExt;
    let md = fs::metadata(d.join("d/e/c")).expect("stat");
    assert_eq!(
        run(&["d/e/c", "-printf", "%i %n %k %b %U %G %u %g\n"]),
        format!(
            "{} 1 {} {} 0 0 root root\n",
            md.ino(),
            md.blocks().div_ceil(2),
            md.blocks()
        )
    );
    drop(c);
}

#[test]
fn ls_format() {
    let c = find();
    let d = c.dir().to_path_buf();
    fs::write(d.join("sp ace"), "").expect("write");
    fs::write(d.join("n\nl"), "").expect("write");
    use std::os::unix::fs::MetadataExt;
    let md = fs::symlink_metadata(d.join("l")).expect("stat");
    let o = cmd("find").cwd(&d).args(["l", "-ls"]).run();
    o.ok();
    let want_head = format!(
        "{:>9} {:>6} lrwxrwxrwx   1 root     root            1 ",
        md.ino(),
        md.blocks().div_ceil(2)
    );
    let s = o.stdout_str();
    assert!(s.starts_with(&want_head), "{s:?} vs {want_head:?}");
    assert!(s.ends_with(" l -> a\n"), "{s:?}");
    let o = cmd("find")
        .cwd(&d)
        .args([".", "-name", "* *", "-ls", "-o", "-name", "n*", "-ls"])
        .run();
    o.ok();
    let s = sorted(&o);
    assert!(
        s.contains(" ./n\\nl\n") && s.contains(" ./sp\\ ace\n"),
        "{s:?}"
    );
    drop(c);
}

#[test]
fn exec_forms() {
    find()
        .args(["d/e", "-exec", "echo", "<{}>", "x{}y{}", ";"])
        .run()
        .ok()
        .out("<d/e> xd/eyd/e\n<d/e/c> xd/e/cyd/e/c\n");
    find()
        .args(["d/e", "-exec", "echo", "{}", "+"])
        .run()
        .ok()
        .out("d/e d/e/c\n");
    find()
        .args(["d/e/c", "-execdir", "echo", "{}", ";"])
        .run()
        .ok()
        .out("./c\n");
    find().args(["d/e", "-execdir", "pwd", ";"]).run().ok();
    let o = find()
        .args([
            "d/e",
            "-name",
            "c",
            "-execdir",
            "sh",
            "-c",
            "basename \"$PWD\"; echo $1",
            "sh",
            "{}",
            ";",
        ])
        .run();
    o.ok().out("e\n./c\n");
    let o = find()
        .args(["d", "-type", "f", "-execdir", "echo", "{}", "+"])
        .run();
    o.ok();
    assert_eq!(sorted(&o), "./b\n./c\n");
    // -execdir batches run whenever the walk changes directory (GNU).
    let c = find();
    let d = c.dir().to_path_buf();
    fs::write(d.join("d/e/c2"), "").expect("write");
    let o = cmd("find")
        .cwd(&d)
        .args([
            ".", "-name", "[abc]*", "-type", "f", "-execdir", "echo", "{}", "+",
        ])
        .run();
    o.ok();
    let mut lines: Vec<String> = o
        .stdout_str()
        .lines()
        .map(|l| {
            let mut w: Vec<&str> = l.split(' ').collect();
            w.sort_unstable();
            w.join(" ")
        })
        .collect();
    lines.sort();
    assert_eq!(lines, vec!["./a", "./b", "./c ./c2"]);
    drop(c);
    find()
        .args(["d/", "-maxdepth", "0", "-execdir", "echo", "{}", ";"])
        .run()
        .ok()
        .out("./d/\n");
    // The test's value is the command's success.
    find()
        .args(["a", "-exec", "false", ";", "-o", "-print"])
        .run()
        .ok()
        .out("a\n");
    find()
        .args(["a", "-exec", "true", ";", "-print"])
        .run()
        .ok()
        .out("a\n");
    // A failing `+` batch makes the status 1; `;` does not.
    find()
        .args(["a", "-exec", "false", "{}", "+"])
        .run()
        .status(1)
        .out("");
    find()
        .args(["a", "-exec", "sh", "-c", "exit 3", ";"])
        .run()
        .ok();
    find()
        .args(["a", "-exec", "no_such_cmd_x", ";"])
        .run()
        .status(0)
        .err("find: 'no_such_cmd_x': No such file or directory\n");
    // Output before a command is flushed first.
    find()
        .args(["d/e", "-print", "-exec", "echo", "run", "{}", ";"])
        .run()
        .ok()
        .out("d/e\nrun d/e\nd/e/c\nrun d/e/c\n");
}

#[test]
fn execdir_refuses_relative_path_entries() {
    find()
        .env("PATH", "/usr/bin:/bin:")
        .args(["a", "-execdir", "echo", "{}", ";"])
        .run()
        .status(1)
        .out("")
        .err("find: The current directory is included in the PATH environment variable, which is insecure in combination with the -execdir action of find.  Please remove the current directory from your $PATH (that is, remove \".\", doubled colons, or leading or trailing colons)\n");
    find()
        .env("PATH", "/usr/bin:rel:/bin")
        .args(["a", "-okdir", "echo", "{}", ";"])
        .run()
        .status(1)
        .err("find: The relative path 'rel' is included in the PATH environment variable, which is insecure in combination with the -okdir action of find.  Please remove that entry from $PATH\n");
    // -exec does not care.
    find()
        .env("PATH", ".:/usr/bin:/bin")
        .args(["a", "-exec", "echo", "{}", ";"])
        .run()
        .ok()
        .out("a\n");
}

#[test]
fn exec_runs_scripts_without_a_shebang() {
    let c = find();
    let d = c.dir().to_path_buf();
    fs::write(d.join("script"), "echo hi \"$@\"\n").expect("write");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("script"), fs::Permissions::from_mode(0o755)).expect("chmod");
    cmd("find")
        .cwd(&d)
        .args(["a", "-exec", "./script", "{}", ";"])
        .run()
        .ok()
        .out("hi a\n");
    cmd("find")
        .cwd(&d)
        .args(["a", "d/b", "-exec", "./script", "{}", "+"])
        .run()
        .ok()
        .out("hi a d/b\n");
    drop(c);
}

#[test]
fn exec_plus_batches_within_arg_max() {
    let c = cmd("find");
    let d = c.dir().to_path_buf();
    fs::create_dir(d.join("many")).expect("mkdir");
    let long = "n".repeat(200);
    for i in 0..3000 {
        fs::write(d.join("many").join(format!("{long}{i}")), "").expect("write");
    }
    // 3000 names of 200+ bytes are more than one command line holds.
    let o = c
        .args([
            "many", "-type", "f", "-exec", "sh", "-c", "echo $#", "sh", "{}", "+",
        ])
        .run();
    o.ok();
    let counts: Vec<usize> = o
        .stdout_str()
        .lines()
        .map(|l| l.parse().expect("count"))
        .collect();
    assert!(counts.len() > 1, "{counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), 3000);
}

#[test]
fn ok_prompts() {
    find()
        .args(["d/e", "-ok", "echo", "got", "{}", ";"])
        .stdin("y\nn\n")
        .run()
        .status(0)
        .out("got d/e\n")
        .err("< echo ... d/e > ? < echo ... d/e/c > ? ");
    find()
        .args(["d/e/c", "-okdir", "echo", "{}", ";"])
        .stdin("yes\n")
        .run()
        .status(0)
        .out("./c\n");
    // End of input is no.
    find()
        .args(["a", "-ok", "echo", "{}", ";", "-o", "-print"])
        .run()
        .status(0)
        .out("a\n");
}

#[test]
fn delete() {
    let c = find();
    let d = c.dir().to_path_buf();
    let o = cmd("find")
        .cwd(&d)
        .args(["d", "-name", "e", "-delete"])
        .run();
    o.status(1)
        .out("")
        .err("find: cannot delete 'd/e': Directory not empty\n");
    // -delete implies -depth: c goes before e, which is then empty.
    let o = cmd("find")
        .cwd(&d)
        .args(["d", "(", "-name", "e", "-o", "-name", "c", ")", "-delete"])
        .run();
    o.ok().out("");
    let o = cmd("find").cwd(&d).args(["d"]).run();
    o.ok();
    assert_eq!(sorted(&o), "d\nd/b\n");
    cmd("find")
        .cwd(&d)
        .args(["d", "-delete"])
        .run()
        .ok()
        .out("");
    assert!(!d.join("d").exists());
    // `.` itself is not removed.
    cmd("find").cwd(&d).args([".", "-delete"]).run().ok();
    assert_eq!(fs::read_dir(&d).expect("read").count(), 0);
    drop(c);
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    let c = cmd("find").cwd(&d);
    for n in ["sp ace", "new\nline", "-lead", "tab\t", "back\\slash"] {
        fs::write(d.join(n), "").expect("write");
    }
    fs::write(d.join(os(b"bad\xffutf8")), "").expect("write");
    let o = c.args([".", "-type", "f", "-print0"]).run();
    o.ok();
    let mut names: Vec<&[u8]> = o
        .stdout
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        vec![
            &b"./-lead"[..],
            b"./back\\slash",
            b"./bad\xffutf8",
            b"./new\nline",
            b"./sp ace",
            b"./tab\t"
        ]
    );
    // A path operand starting with - needs ./; -name matches odd bytes.
    cmd("find")
        .cwd(&d)
        .args(["./-lead", "-name", "-lead"])
        .run()
        .ok()
        .out("./-lead\n");
    cmd("find")
        .cwd(&d)
        .args([".", "-name", "new?line"])
        .run()
        .ok()
        .out("./new\nline\n");
    cmd("find")
        .cwd(&d)
        .arg(".")
        .arg("-name")
        .arg(os(b"bad\xff*"))
        .run()
        .ok()
        .out(os(b"./bad\xffutf8\n").as_encoded_bytes());
    cmd("find")
        .cwd(&d)
        .args([".", "-name", "sp ace", "-exec", "echo", "[{}]", ";"])
        .run()
        .ok()
        .out("[./sp ace]\n");
}

#[test]
fn symlinks_and_loops() {
    let c = find();
    let d = c.dir().to_path_buf();
    symlink("..", d.join("d/e/up")).expect("symlink");
    symlink("self", d.join("self")).expect("symlink");
    symlink("d", d.join("dl")).expect("symlink");
    // -P: links are not followed.
    let o = cmd("find").cwd(&d).args(["dl"]).run();
    o.ok().out("dl\n");
    // -H: only command-line links.
    let o = cmd("find").cwd(&d).args(["-H", "dl"]).run();
    o.ok();
    assert_eq!(sorted(&o), "dl\ndl/b\ndl/e\ndl/e/c\ndl/e/up\n");
    // -L: loops are reported, not followed; self-links fail.
    let o = cmd("find").cwd(&d).args(["-L", ".", "-name", "up"]).run();
    o.status(1).out("");
    let e = o.stderr_str();
    assert!(
        e.contains("find: './self': Too many levels of symbolic links\n"),
        "{e}"
    );
    assert!(e.contains("find: File system loop detected; './d/e/up' is part of the same file system loop as './d'.\n"), "{e}");
    assert!(e.contains("find: File system loop detected; './dl/e/up' is part of the same file system loop as './dl'.\n"), "{e}");
    let o = cmd("find")
        .cwd(&d)
        .args(["dl", "-follow", "-type", "d"])
        .run();
    o.status(1);
    assert_eq!(sorted(&o), "dl\ndl/e\n");
    o.err("find: File system loop detected; 'dl/e/up' is part of the same file system loop as 'dl'.\n");
    // -xtype follows a self-loop and reports it.
    let o = cmd("find").cwd(&d).args(["self", "-xtype", "l"]).run();
    o.status(1)
        .err("find: 'self': Too many levels of symbolic links\n");
    drop(c);
}

#[test]
fn unreadable_directory() {
    let c = find();
    let d = c.dir().to_path_buf();
    let Some(user) = unprivileged() else {
        eprintln!("skipped: not root");
        return;
    };
    fs::create_dir(d.join("locked")).expect("mkdir");
    fs::write(d.join("locked/x"), "").expect("write");
    give(&d, user.0, user.1);
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d.join("locked"), fs::Permissions::from_mode(0o300)).expect("chmod");
    let o = cmd("find").cwd(&d).args(["locked"]).user(user).run();
    o.status(1)
        .out("locked\n")
        .err("find: 'locked': Permission denied\n");
    // -empty cannot read it either: GNU reports both.
    let o = cmd("find")
        .cwd(&d)
        .args(["locked", "-empty"])
        .user(user)
        .run();
    o.status(1)
        .out("")
        .err("find: 'locked': Permission denied\nfind: 'locked': Permission denied\n");
    fs::set_permissions(d.join("locked"), fs::Permissions::from_mode(0o755)).expect("chmod");
    // A directory that can be listed but not searched: its entries are
    // listed, and each one whose status is needed gets one error.
    fs::create_dir_all(d.join("noexec/sub")).expect("mkdir");
    give(&d, user.0, user.1);
    fs::set_permissions(d.join("noexec"), fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = cmd("find").cwd(&d).args(["noexec"]).user(user).run();
    o.status(1)
        .out("noexec\nnoexec/sub\n")
        .err("find: 'noexec/sub': Permission denied\n");
    for args in [
        &["noexec", "-ls"][..],
        &["noexec", "-depth", "-size", "0"],
        &["noexec", "-printf", "%s\n"],
    ] {
        let o = cmd("find").cwd(&d).args(args).user(user).run();
        o.status(1).err("find: 'noexec/sub': Permission denied\n");
        assert!(
            !o.stdout_str().contains("sub"),
            "{args:?}: {}",
            o.stdout_str()
        );
    }
    fs::set_permissions(d.join("noexec"), fs::Permissions::from_mode(0o755)).expect("chmod");
    drop(c);
}

#[test]
fn deep_tree() {
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    let c = cmd("find").cwd(&d);
    let name = "d".repeat(100);
    let mut p = d.join("deep");
    fs::create_dir(&p).expect("mkdir");
    // Deeper than PATH_MAX, made relative to each level.
    let mut cur = fs::File::open(&p).expect("open");
    use std::os::unix::io::AsRawFd;
    let cname = std::ffi::CString::new(name.clone()).expect("name");
    for _ in 0..60 {
        // SAFETY: plain syscalls on a descriptor we own.
        unsafe {
            assert_eq!(libc::mkdirat(cur.as_raw_fd(), cname.as_ptr(), 0o755), 0);
            let fd = libc::openat(
                cur.as_raw_fd(),
                cname.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY,
            );
            assert!(fd >= 0);
            use std::os::unix::io::FromRawFd;
            cur = fs::File::from_raw_fd(fd);
        }
    }
    p.push("x");
    drop(cur);
    let o = c.args(["deep", "-type", "d", "-printf", "%d\n"]).run();
    o.ok();
    assert_eq!(o.stdout_str().lines().count(), 61);
    assert_eq!(o.stdout_str().lines().last(), Some("60"));
    let o = cmd("find")
        .cwd(&d)
        .args(["deep", "-mindepth", "60", "-printf", "%p"])
        .run();
    o.ok();
    assert_eq!(o.stdout.len(), 4 + 60 * 101);
    cmd("find").cwd(&d).args(["deep", "-delete"]).run().ok();
    assert!(!d.join("deep").exists());
}

#[test]
fn big_directories_in_inode_order() {
    // Like GNU's fts: past 10000 entries a directory is read in inode
    // order (except on tmpfs and NFS).
    let t = TempDir::new();
    let d = t.path().join("big");
    fs::create_dir(&d).expect("mkdir");
    for i in 0..10_050 {
        fs::write(d.join(format!("f{i}")), "").expect("write");
    }
    let o = cmd("find")
        .cwd(t.path())
        .args(["big", "-mindepth", "1", "-printf", "%i\n"])
        .run();
    o.ok();
    let inos: Vec<u64> = o
        .stdout_str()
        .lines()
        .map(|l| l.parse().expect("inode"))
        .collect();
    assert_eq!(inos.len(), 10_050);
    let fstype = cmd("find")
        .cwd(t.path())
        .args(["big", "-maxdepth", "0", "-printf", "%F"])
        .run();
    if !matches!(fstype.stdout_str().as_str(), "tmpfs" | "nfs" | "nfs4") {
        assert!(inos.windows(2).all(|w| w[0] <= w[1]), "not in inode order");
    }
}

#[test]
fn xdev_and_fstype() {
    // /proc is another file system than /: not descended with -xdev.
    cmd("find")
        .args([
            "/",
            "-xdev",
            "-maxdepth",
            "1",
            "-name",
            "proc",
            "-printf",
            "%p\n",
        ])
        .run()
        .ok()
        .out("/proc\n");
    cmd("find")
        .args(["/proc", "-maxdepth", "0", "-fstype", "proc"])
        .run()
        .ok()
        .out("/proc\n");
    cmd("find")
        .args(["/proc", "-xdev", "-maxdepth", "1", "-name", "self"])
        .run()
        .ok()
        .out("/proc/self\n");
    let o = cmd("find")
        .args(["/", "-mount", "-maxdepth", "2", "-path", "/proc/*"])
        .run();
    o.ok().out("");
}

#[test]
fn write_error_and_closed_pipe() {
    find()
        .stdout_full()
        .run()
        .status(1)
        .err("find: write error: No space left on device\n");
    sh("find / 2>/dev/null | head -1").run().ok().out("/\n");
}

#[test]
fn help() {
    find().arg("--help").run().ok();
    find().arg("-help").run().ok();
}

#[test]
fn files0_from() {
    let c = find();
    let d = c.dir().to_path_buf();
    fs::write(d.join("list"), "a\0d\0").expect("write");
    fs::write(d.join("gaps"), "a\0\0d").expect("write");
    fs::write(d.join("opt"), "-name\0").expect("write");
    fs::write(d.join("none"), "").expect("write");
    let run = |args: &[&str], stdin: &str| cmd("find").cwd(&d).args(args).stdin(stdin).run();
    let o = run(&["-files0-from", "list", "-name", "[ab]"], "");
    o.ok();
    assert_eq!(sorted(&o), "a\nd/b\n");
    // The last name may lack its NUL; an empty name is an error that
    // does not stop the others.
    run(&["-files0-from", "gaps", "-maxdepth", "0"], "")
        .status(1)
        .out("a\nd\n")
        .err("find: 'gaps':2: invalid zero-length file name\n");
    run(&["-files0-from", "-", "-maxdepth", "0"], "d\0a")
        .ok()
        .out("d\na\n");
    run(&["-files0-from", "-"], "\0")
        .status(1)
        .out("")
        .err("find: '(standard input)':1: invalid zero-length file name\n");
    // Names are names, even when they look like primaries.
    run(&["-files0-from", "opt", "-maxdepth", "0"], "")
        .status(1)
        .out("")
        .err("find: '-name': No such file or directory\n");
    run(&["-files0-from", "none"], "").ok().out("");
    // The last -files0-from counts.
    run(
        &[
            "-files0-from",
            "none",
            "-files0-from",
            "list",
            "-maxdepth",
            "0",
        ],
        "",
    )
    .ok()
    .out("a\nd\n");
    run(&[".", "-files0-from", "list"], "")
        .status(1)
        .out("")
        .err("find: extra operand '.'\nfind: file operands cannot be combined with -files0-from\n");
    run(&["-files0-from", "nonexist"], "")
        .status(1)
        .err("find: cannot open 'nonexist' for reading: No such file or directory\n");
    run(&["-files0-from", "d"], "")
        .status(1)
        .err("find: 'd': read error: Is a directory\n");
    run(&["-files0-from"], "")
        .status(1)
        .err("find: missing argument to `-files0-from'\n");
    // -ok reads its answers from standard input.
    run(&["-files0-from", "-", "-ok", "echo", ";"], "a\0")
        .status(1)
        .out("")
        .err("find: option -files0-from reading from standard input cannot be combined with -ok, -okdir\n\n");
    let o = sh("find -files0-from /dev/stdin -okdir echo \\; < list")
        .cwd(&d)
        .run();
    o.status(1).out("").err(
        "find: option -files0-from: standard input must not refer to the same file when combined with -ok, -okdir: '/dev/stdin'\n\n",
    );
    drop(c);
}

/// The birth time of `p` by statx(2), if its file system keeps one.
fn birth_of(p: &Path) -> Option<(i64, u32)> {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: zeroed statx is valid; c is NUL-terminated.
    let mut sx: libc::statx = unsafe { std::mem::zeroed() };
    let r = unsafe {
        libc::syscall(
            libc::SYS_statx,
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
            libc::STATX_BTIME,
            &mut sx as *mut libc::statx,
        )
    };
    (r == 0 && sx.stx_mask & libc::STATX_BTIME != 0)
        .then_some((sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec))
}

#[test]
fn birth_time() {
    let c = find();
    let d = c.dir().to_path_buf();
    let run = |args: &[&str]| cmd("find").cwd(&d).args(args).run();
    let Some((secs, nanos)) = birth_of(&d.join("a")) else {
        // No birth times here: the field is empty and -newerB? is false
        // with a warning, as GNU with statx does.
        run(&["a", "-printf", "[%B@]\n"]).ok().out("[]\n");
        run(&["a", "-newerBt", "@0"])
            .status(0)
            .out("")
            .err("find: WARNING: cannot determine birth time of file 'a'\n");
        eprintln!("birth_time: no birth times on this file system; checked the fallback");
        return;
    };
    run(&["a", "-printf", "%B@|%Bs\n"])
        .ok()
        .out(format!("{secs}.{nanos:09}0|{secs}\n"));
    let tm = run(&["a", "-printf", "%BY-%Bm-%Bd"]);
    tm.ok();
    assert_eq!(tm.stdout.len(), 10, "{:?}", tm.stdout_str());
    let o = run(&["-newerBt", "@0", "-name", "a"]);
    o.ok().out("./a\n");
    run(&["a", "-newerBt", "tomorrow"]).ok().out("");
    // -newerXB takes the reference's birth time.
    run(&["a", "-newerBB", "a"]).ok().out("");
    // Its modification time set before its birth (the write that made it
    // can land a clock tick after the birth): not newer.
    let f = std::fs::File::options()
        .write(true)
        .open(d.join("a"))
        .expect("open a");
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1))
        .expect("set mtime");
    run(&["a", "-newermB", "a", "-o", "-print"]).ok().out("a\n");
    run(&["a", "-newerXB", "a"])
        .status(1)
        .err("find: invalid predicate `-newerXB'\n");
    run(&["a", "-newerBB", "/proc/self/stat"])
        .status(1)
        .out("")
        .err("find: Cannot obtain birth time of file '/proc/self/stat'\n");
    run(&["a", "-newerBB", "nonexist"])
        .status(1)
        .err("find: 'nonexist': No such file or directory\n");
    run(&["-newerBt"])
        .status(1)
        .err("find: The '-newerBt' test needs an argument\n");
    drop(c);
}

#[test]
fn selinux_context() {
    if Path::new("/sys/fs/selinux/enforce").exists() {
        eprintln!("selinux_context: skipped, SELinux is on");
        return;
    }
    // Without SELinux GNU prints the line with an empty field and an
    // error for each file.
    find()
        .args(["a", "-printf", "[%Z|%3Z]\n"])
        .run()
        .status(1)
        .out("[|   ]\n")
        .err("find: getfilecon failed: 'a': No data available\nfind: getfilecon failed: 'a': No data available\n");
    find()
        .args([".", "-context", "x"])
        .run()
        .status(1)
        .out("")
        .err("find: invalid predicate -context: SELinux is not enabled.\n");
    find()
        .args([".", "-context"])
        .run()
        .status(1)
        .err("find: missing argument to `-context'\n");
}

#[test]
fn used() {
    let c = cmd("find");
    let d = c.dir().to_path_buf();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    // The access time is set ahead of (or behind) the change time, which
    // setting it makes now.
    for (n, ahead) in [
        ("m1h", -3600),
        ("p1h", 3600),
        ("p23h", 23 * 3600),
        ("p25h", 25 * 3600),
        ("p49h", 49 * 3600),
    ] {
        let p = d.join(n);
        fs::write(&p, "").expect("write");
        let ts = [
            libc::timespec {
                tv_sec: now + ahead,
                tv_nsec: 0,
            },
            libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_OMIT,
            },
        ];
        let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: c is NUL-terminated; ts holds two timespecs.
        assert_eq!(
            unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) },
            0
        );
    }
    let run = |n: &str| {
        let o = cmd("find").cwd(&d).args(["-type", "f", "-used", n]).run();
        o.ok();
        sorted(&o)
    };
    // Accesses before the change never count.
    assert_eq!(run("0"), "");
    assert_eq!(run("1"), "./p1h\n./p23h\n");
    assert_eq!(run("2"), "./p25h\n");
    assert_eq!(run("+1"), "./p25h\n./p49h\n");
    assert_eq!(run("-1"), "./p1h\n./p23h\n");
    assert_eq!(run("+0"), "./p1h\n./p23h\n./p25h\n./p49h\n");
    assert_eq!(run("-0"), "");
    assert_eq!(run("0.5"), "./p1h\n");
    cmd("find")
        .args([".", "-used", "x"])
        .run()
        .status(1)
        .err("find: Invalid argument x to -used\n");
    drop(c);
}

#[test]
fn debug_and_optimisation_options() {
    let help = "Valid arguments for -D:
exec       Show diagnostic information relating to -exec, -execdir, -ok and -okdir
opt        Show diagnostic information relating to optimisation
rates      Indicate how often each predicate succeeded
search     Navigate the directory tree verbosely
stat       Trace calls to stat(2) and lstat(2)
time       Show diagnostic information relating to time-of-day and timestamp comparisons
tree       Display the expression tree
all        Set all of the debug flags (but help)
help       Explain the various -D options
";
    find().args(["-D", "help", "."]).run().ok().out(help);
    find().args(["-D", "stat,help"]).run().ok().out(help);
    find()
        .args(["-D", "stat,exec", "-O3", "a", "-maxdepth", "0"])
        .run()
        .ok()
        .out("a\n");
    find()
        .args(["-D", "foo", "a", "-maxdepth", "0"])
        .run()
        .status(0)
        .out("a\n")
        .err("find: Ignoring unrecognised debug flag 'foo'\n");
    find()
        .args(["-D"])
        .run()
        .status(1)
        .err("find: missing argument to `-D'\n");
    find()
        .args(["-Dhelp"])
        .run()
        .status(1)
        .err("find: unknown predicate `-Dhelp'\n");
    find()
        .args(["-O", "."])
        .run()
        .status(1)
        .out("")
        .err("find: The -O option must be immediately followed by a decimal integer\n");
    find()
        .args(["-Ox", "."])
        .run()
        .status(1)
        .err("find: Please specify a decimal number immediately after -O\n");
}

#[test]
fn posix_minimal_basic_regex() {
    let c = find();
    let d = c.dir().to_path_buf();
    for n in ["a+", "a|b", "a?"] {
        fs::write(d.join(n), "").expect("write");
    }
    let run = |t: &str, re: &str| {
        let o = cmd("find")
            .cwd(&d)
            .args([".", "-regextype", t, "-regex", re])
            .run();
        o.ok();
        sorted(&o)
    };
    // No \+ \? \| operators: they are the characters.
    assert_eq!(run("posix-minimal-basic", r"./a\+"), "./a+\n");
    assert_eq!(run("posix-minimal-basic", r"./a\|b"), "./a|b\n");
    assert_eq!(run("posix-minimal-basic", r"./a\?"), "./a?\n");
    assert_eq!(run("posix-minimal-basic", r"./\(a\)\{1\}[+]"), "./a+\n");
    assert_eq!(run("posix-basic", r"./a\+"), "./a\n");
    assert_eq!(run("posix-basic", r"./a\|./l"), "./a\n./l\n");
    drop(c);
}

#[test]
fn operator_errors_as_gnu() {
    let bad = |args: &[&str], msg: &str| {
        find().args(args).run().status(1).out("").err(msg);
    };
    for op in ["-o", "-or", "-a", "-and", ",", "!", "-not"] {
        bad(
            &["-name", "a", op],
            &format!("find: expected an expression after '{op}'\n"),
        );
        bad(
            &["(", "-name", "a", op, ")"],
            &format!("find: expected an expression between '{op}' and ')'\n"),
        );
    }
    bad(
        &["-name", "a", "-o", ","],
        "find: invalid expression; you have used a binary operator ',' with nothing before it.\n",
    );
    // With an action the trailing operator is just an invalid expression.
    bad(&["-print", "-o"], "find: invalid expression\n");
    bad(&["-ls", ","], "find: invalid expression\n");
    bad(&["-quit", ","], "find: expected an expression after ','\n");
    bad(
        &["-name", "a", "("],
        "find: invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('\n",
    );
    bad(
        &["(", "(", "-name", "a", ")"],
        "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n",
    );
    for p in ["-inum", "-links", "-uid", "-gid"] {
        bad(&[p], &format!("find: invalid argument `{p}' to `{p}'\n"));
    }
    bad(
        &["-newerma"],
        "find: The '-newerma' test needs an argument\n",
    );
    bad(
        &["-exec", "echo", "{}", "{}", "+"],
        "find: Only one instance of {} is supported with -exec ... +\n",
    );
    bad(
        &["-execdir", "echo", "a{}b", "{}", "+"],
        "find: Only one instance of {} is supported with -execdir ... +\n",
    );
    // `)` and `,` where the paths are are file names.
    find()
        .args(["a", ")", ","])
        .run()
        .status(1)
        .out("a\n")
        .err("find: ')': No such file or directory\nfind: ',': No such file or directory\n");
}

#[test]
fn printf_format_errors() {
    let run = |fmt: &str| find().args(["a", "-printf", fmt]).run();
    run("%5")
        .status(1)
        .out("")
        .err(b"find: error: the format directive `%\0' is reserved for future use\n".as_slice());
    for c in ["{", "[", "("] {
        run(&format!("%5{c}")).status(1).out("").err(format!(
            "find: error: the format directive `%{c}' is reserved for future use\n"
        ));
    }
    run("%5A")
        .status(0)
        .out("%5A")
        .err("find: warning: format directive `%A' should be followed by another character\n");
    run("%#Q|")
        .status(0)
        .out("%#Q|")
        .err("find: warning: unrecognized format directive `%Q'\n");
    run("x\\")
        .status(0)
        .out("x\\")
        .err("find: warning: escape `\\' followed by nothing at all\n");
    run("%5%|%-3%|%%|\n").ok().out("%5|%-3|%|\n");
    run("%%%")
        .status(1)
        .err("find: error: % at end of format string\n");
    // Time letters strftime is not asked for come out as they are.
    run("%Aq|%5TQ|%C!|%A%\n").ok().out("%q|   %Q|%!|%\n");
}

#[test]
fn daystart_minutes_count_from_the_end_of_today() {
    let c = cmd("find");
    let d = c.dir().to_path_buf();
    fs::write(d.join("now"), "").expect("write");
    let run = |args: &[&str]| {
        let o = cmd("find").cwd(&d).args(args).run();
        o.ok();
        o.stdout_str()
    };
    let secs_of_day = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        % 86_400;
    if secs_of_day > 86_400 - 15 * 60 {
        eprintln!("daystart minutes: skipped, too close to midnight (UTC)");
        return;
    }
    // Just written: not within 10 minutes of tonight's midnight.
    assert_eq!(run(&["now", "-daystart", "-mmin", "-10"]), "");
    assert_eq!(run(&["now", "-daystart", "-mmin", "+10"]), "now\n");
    assert_eq!(run(&["now", "-daystart", "-mmin", "-1441"]), "now\n");
    assert_eq!(run(&["now", "-mmin", "-10"]), "now\n");
    drop(c);
}

#[test]
fn path_ending_in_a_slash_warns() {
    for p in ["-path", "-ipath", "-wholename", "-iwholename"] {
        find()
            .args([".", "-nowarn", p, "./d/"])
            .run()
            .status(0)
            .out("")
            .err(format!(
                "find: warning: {p} ./d/ will not match anything because it ends with /.\n"
            ));
    }
    find().args([".", "-path", "./d"]).run().ok().out("./d\n");
}

#[test]
fn exec_killed_by_a_signal_is_reported() {
    find()
        .args(["a", "-exec", "sh", "-c", "kill -9 $$", ";", "-o", "-print"])
        .run()
        .status(0)
        .out("a\n")
        .err("find: 'sh' terminated by signal 9\n");
    find()
        .args(["a", "-exec", "sh", "-c", "kill -15 $$", "{}", "+"])
        .run()
        .status(1)
        .out("")
        .err("find: 'sh' terminated by signal 15\n");
}

/// -name/-iname/-path/-ipath/-wholename/-iwholename, -regex with each -regextype, -type/-xtype lists, -maxdepth/-mindepth, -size units and signs. Each expected text is GNU find 4.9's.
#[test]
fn names_types_depths_and_sizes_as_gnu() {
    gs(&["-iname", "[A-B]"], "./a\n./d/b\n", "", 0);
    gs(
        &["-name", "*", "-maxdepth", "1"],
        ".\n./a\n./d\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["-name", ".*"], ".\n", "", 0);
    gs(&["-name", "\\*"], "", "", 0);
    gs(&["-name", "d*"], "./d\n./dang\n", "", 0);
    gs(
        &["-name", "?"],
        ".\n./a\n./d\n./d/b\n./d/e\n./d/e/c\n./l\n",
        "",
        0,
    );
    gs(&["-name", "[!a-c]"], ".\n./d\n./d/e\n./l\n", "", 0);
    gs(&["-path", "*e*"], "./d/e\n./d/e/c\n", "", 0);
    gs(&["-path", "./d"], "./d\n", "", 0);
    gs(&["-path", "d/*"], "", "", 0);
    gs(&["d", "-path", "d/*"], "d/b\nd/e\nd/e/c\n", "", 0);
    gs(&["-ipath", "*/E/*"], "./d/e/c\n", "", 0);
    gs(
        &["-iwholename", "./D*"],
        "./d\n./d/b\n./d/e\n./d/e/c\n./dang\n",
        "",
        0,
    );
    gs(&["-wholename", "./d/e"], "./d/e\n", "", 0);
    gs(&["-regex", "\\./d/.*"], "./d/b\n./d/e\n./d/e/c\n", "", 0);
    gs(&["-regex", ".*[bc]"], "./d/b\n./d/e/c\n", "", 0);
    gs(&["-iregex", "\\./D/E.*"], "./d/e\n./d/e/c\n", "", 0);
    gs(
        &["-regextype", "egrep", "-regex", ".*/(b|c)"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(
        &["-regextype", "posix-egrep", "-regex", ".*/[a-c]{1}"],
        "./a\n./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(
        &["-regextype", "findutils-default", "-regex", ".*/d\\|.*/e"],
        "./d\n./d/e\n",
        "",
        0,
    );
    gs(
        &["-regextype", "awk", "-regex", ".*/(a|l)"],
        "./a\n./l\n",
        "",
        0,
    );
    gs(
        &["-regextype", "grep", "-regex", ".*/\\(a\\|l\\)"],
        "./a\n./l\n",
        "",
        0,
    );
    gs(
        &["-regextype", "posix-awk", "-regex", ".*e.*"],
        "./d/e\n./d/e/c\n",
        "",
        0,
    );
    gs(
        &["-regextype", "gnu-awk", "-regex", ".*/[[:alpha:]]"],
        "./a\n./d\n./d/b\n./d/e\n./d/e/c\n./l\n",
        "",
        0,
    );
    gs(
        &["-regextype", "emacs", "-regex", ".*/[ab]"],
        "./a\n./d/b\n",
        "",
        0,
    );
    gs(&["-regextype", "sed", "-regex", ".*/a"], "./a\n", "", 0);
    gs(
        &["-type", "f,d"],
        ".\n./a\n./d\n./d/b\n./d/e\n./d/e/c\n",
        "",
        0,
    );
    gs(&["-type", "d,l"], ".\n./d\n./d/e\n./dang\n./l\n", "", 0);
    gs(&["-type", "b,c,p,s"], "", "", 0);
    gs(
        &["-type", "f,"],
        "",
        "find: Last file type in list argument to -type is missing, i.e., list is ending on: ','\n",
        1,
    );
    gs(
        &["-type", ""],
        "",
        "find: Arguments to -type should contain at least one letter\n",
        1,
    );
    gs(&["-type"], "", "find: missing argument to `-type'\n", 1);
    gs(&["-xtype", "d"], ".\n./d\n./d/e\n", "", 0);
    gs(
        &["-xtype", "f,l"],
        "./a\n./d/b\n./d/e/c\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["-L", ".", "-xtype", "f"], "./a\n./d/b\n./d/e/c\n", "", 0);
    // GNU knows the letter D (Solaris doors) but refuses it on Linux.
    gs(&["-type", "D"], "", "find: -type D is not supported because Solaris doors are not supported on the platform find was compiled on.\n", 1);
    gs(
        &["-maxdepth", "2", "-mindepth", "2"],
        "./d/b\n./d/e\n",
        "",
        0,
    );
    gs(&["-mindepth", "4"], "", "", 0);
    gs(
        &["-maxdepth", "1", "-mindepth", "1"],
        "./a\n./d\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["d", "-maxdepth", "1"], "d\nd/b\nd/e\n", "", 0);
    gs(
        &["-mindepth", "x"],
        "",
        "find: Expected a positive decimal integer argument to -mindepth, but got 'x'\n",
        1,
    );
    gs(
        &["-maxdepth", "1x"],
        "",
        "find: Expected a positive decimal integer argument to -maxdepth, but got '1x'\n",
        1,
    );
    gs(
        &["-maxdepth", ""],
        "",
        "find: Expected a positive decimal integer argument to -maxdepth, but got ''\n",
        1,
    );
    g(&["d", "-depth", "-maxdepth", "1"], "d/b\nd/e\nd\n", "", 0);
    g(&["d/e", "-depth"], "d/e/c\nd/e\n", "", 0);
    gs(&["-d", "-name", "e"], "./d/e\n", "", 0);
    gs(&["-type", "f", "-size", "+0"], "./a\n./d/e/c\n", "", 0);
    // Sizes round up to whole units: -1 (block) is only the empty files.
    gs(&["-type", "f", "-size", "-1"], "./d/b\n", "", 0);
    gs(&["-type", "f", "-size", "1"], "./a\n", "", 0);
    gs(&["-type", "f", "-size", "+1k"], "./d/e/c\n", "", 0);
    gs(&["-type", "f", "-size", "-2k"], "./a\n./d/b\n", "", 0);
    gs(&["-type", "f", "-size", "2000c"], "./d/e/c\n", "", 0);
    gs(&["-type", "f", "-size", "+1999c"], "./d/e/c\n", "", 0);
    gs(
        &["-type", "f", "-size", "-2001c"],
        "./a\n./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(&["-type", "f", "-size", "0c"], "./d/b\n", "", 0);
    gs(&["-type", "f", "-size", "2b"], "", "", 0);
    gs(&["-type", "f", "-size", "4b"], "./d/e/c\n", "", 0);
    gs(
        &["-type", "f", "-size", "3c", "-size", "2w"],
        "./a\n",
        "",
        0,
    );
    gs(&["-type", "f", "-size", "-1G"], "./d/b\n", "", 0);
    gs(&["-size", "+1M"], "", "", 0);
    gs(
        &["-size", ""],
        "",
        "find: invalid null argument to -size\n",
        1,
    );
    gs(
        &["-size", "k"],
        "",
        "find: Invalid argument `k' to -size\n",
        1,
    );
    gs(&["-size", "-"], "", "find: invalid -size type `-'\n", 1);
    gs(
        &["-size", "1.5k"],
        "",
        "find: Invalid argument `1.5k' to -size\n",
        1,
    );
}

/// -perm forms, -empty/-links/-samefile/-user/-group/-readable..., -prune idioms, operators and precedence, trailing slashes, -H/-L/-P, missing start paths. Each expected text is GNU find 4.9's.
#[test]
fn perms_owners_prune_operators_and_roots_as_gnu() {
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "-u+x"],
        "./a\n./d/e/c\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "/u+x,g+w"],
        "./a\n./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "g=w"],
        "",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "u=rw,g=w"],
        "./d/b\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "-0111"],
        "./a\n./d/e/c\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "/u=s"],
        "./d/e/c\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "-a+r"],
        "./a\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "755"],
        "./a\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "-perm", "/022"],
        "./d/b\n",
        "",
        0,
    );
    t(
        "chmod 755 a; chmod 620 d/b; chmod 4711 d/e/c",
        true,
        &["-type", "f", "!", "-perm", "-g+r"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "chmod 755 a",
        true,
        &["-type", "f", "-perm", "+111"],
        "",
        "find: invalid mode '+111'\n",
        1,
    );
    gs(&["-perm", "u+q"], "", "find: invalid mode 'u+q'\n", 1);
    gs(&["-perm", "-"], "", "find: invalid mode '-'\n", 1);
    gs(&["-perm", ""], "", "find: invalid mode ''\n", 1);
    gs(&["-perm", "8"], "", "find: invalid mode '8'\n", 1);
    gs(&["-perm", "/u+r,x"], "", "find: invalid mode '/u+r,x'\n", 1);
    gs(&["-perm"], "", "find: missing argument to `-perm'\n", 1);
    gs(&["-empty", "-type", "f"], "./d/b\n", "", 0);
    gs(&["-empty", "-o", "-name", "a"], "./a\n./d/b\n", "", 0);
    gs(&["-links", "1", "-type", "d"], "", "", 0);
    gs(
        &["-links", "-2"],
        "./a\n./d/b\n./d/e/c\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["-links", "3"], ".\n./d\n", "", 0);
    gs(&["-samefile", "l"], "./l\n", "", 0);
    gs(&["-L", ".", "-samefile", "l"], "./a\n./l\n", "", 0);
    gs(
        &["-inum", "x"],
        "",
        "find: invalid argument `x' to `-inum'\n",
        1,
    );
    gs(&["-user"], "", "find: missing argument to `-user'\n", 1);
    gs(
        &["-uid", "-1"],
        ".\n./a\n./d\n./d/b\n./d/e\n./d/e/c\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["-gid", "0", "-type", "d", "-name", "e"], "./d/e\n", "", 0);
    gs(&["-group", "root", "-name", "b"], "./d/b\n", "", 0);
    gs(&["-nouser", "-o", "-nogroup"], "", "", 0);
    gs(&["-readable", "-name", "a"], "./a\n", "", 0);
    gs(&["-writable", "-type", "d"], ".\n./d\n./d/e\n", "", 0);
    gs(&["-executable", "-type", "d"], ".\n./d\n./d/e\n", "", 0);
    gs(&["-executable", "-type", "f"], "", "", 0);
    gs(
        &["-name", "e", "-prune", "-o", "-print"],
        ".\n./a\n./d\n./d/b\n./dang\n./l\n",
        "",
        0,
    );
    gs(
        &["-path", "./d", "-prune", "-o", "-type", "f", "-print"],
        "./a\n",
        "",
        0,
    );
    gs(&["-name", "d", "-prune"], "./d\n", "", 0);
    gs(&["-prune"], ".\n", "", 0);
    gs(&["-type", "d", "-prune", "-o", "-print"], "", "", 0);
    gs(
        &["-name", "a", "-o", "-name", "b", "-o", "-name", "c"],
        "./a\n./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(
        &["!", "-name", "a", "!", "-name", "d*", "-type", "f"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(
        &[
            "-name", "a", "-or", "(", "-type", "d", "-and", "-name", "e", ")",
        ],
        "./a\n./d/e\n",
        "",
        0,
    );
    gs(&["-true", "-o", "-name", "x", "-print"], "", "", 0);
    gs(&["-false", "-a", "-print"], "", "", 0);
    gs(
        &["(", "-name", "a", ")", ",", "-name", "b"],
        "./d/b\n",
        "",
        0,
    );
    gs(
        &[
            "-name", "b", "-printf", "B\n", ",", "-name", "c", "-printf", "C\n",
        ],
        "B\nC\n",
        "",
        0,
    );
    gs(
        &[
            "-not", "(", "-name", "a", "-o", "-type", "d", ")", "-type", "f",
        ],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    // ! binds tighter than the implicit -a, which binds tighter than -o.
    gs(
        &["-name", "a", "-o", "!", "-name", "a", "-name", "b"],
        "./a\n./d/b\n",
        "",
        0,
    );
    gs(&["!", "!", "-false"], "", "", 0);
    gs(&["-print", "-print"], ".\n.\n./a\n./a\n./d\n./d\n./d/b\n./d/b\n./d/e\n./d/e\n./d/e/c\n./d/e/c\n./dang\n./dang\n./l\n./l\n", "", 0);
    gs(
        &["-name", "a", "-print", "-o", "-name", "b", "-print0"],
        "./a\n./d/b\0",
        "",
        0,
    );
    // A start path keeps its trailing slashes; names under it get one more.
    gs(&["d/"], "d/\nd/b\nd/e\nd/e/c\n", "", 0);
    gs(&["d//"], "d//\nd//b\nd//e\nd//e/c\n", "", 0);
    gs(
        &["./"],
        "./\n./a\n./d\n./d/b\n./d/e\n./d/e/c\n./dang\n./l\n",
        "",
        0,
    );
    gs(&["./d/e/"], "./d/e/\n./d/e/c\n", "", 0);
    gs(&["d/e/c/"], "", "find: 'd/e/c/': Not a directory\n", 1);
    gs(&["a/"], "", "find: 'a/': Not a directory\n", 1);
    gs(&["l/"], "", "find: 'l/': Not a directory\n", 1);
    gs(&["-L", "l/"], "", "find: 'l/': Not a directory\n", 1);
    gs(
        &["dang/"],
        "",
        "find: 'dang/': No such file or directory\n",
        1,
    );
    g(&[".", "./d", "-maxdepth", "0"], ".\n./d\n", "", 0);
    gs(&["-H", "l", "-type", "f"], "l\n", "", 0);
    gs(&["-P", "l", "-type", "l"], "l\n", "", 0);
    gs(&["-L", "dang", "-type", "l"], "dang\n", "", 0);
    gs(&["-follow", "l", "-type", "f"], "", "find: paths must precede expression: `l'\nfind: possible unquoted pattern after predicate `-follow'?\n", 1);
    gs(&["-H", "-L", "l", "-print"], "l\n", "", 0);
    g(
        &["nope", "a", "nope2"],
        "a\n",
        "find: 'nope': No such file or directory\nfind: 'nope2': No such file or directory\n",
        1,
    );
    g(
        &["d", "nope", "-name", "b"],
        "d/b\n",
        "find: 'nope': No such file or directory\n",
        1,
    );
}

/// -printf directives and escapes, times set with touch -d, -exec/-execdir/-ok forms and statuses, -delete, -quit, -fprint, expression errors. Each expected text is GNU find 4.9's.
#[test]
fn printf_times_exec_delete_and_errors_as_gnu() {
    g(
        &[
            "d/e/c",
            "-printf",
            "%p|%f|%h|%P|%s|%m|%M|%u|%g|%U|%G|%y|%d|%n|%%\n",
        ],
        "d/e/c|c|d/e||2000|644|-rw-r--r--|root|root|0|0|f|0|1|%\n",
        "",
        0,
    );
    g(
        &["d", "-name", "c", "-printf", "%p|%f|%h|%P|%d|%H\n"],
        "d/e/c|c|d/e|e/c|2|d\n",
        "",
        0,
    );
    g(
        &["d/", "-name", "b", "-printf", "%p|%h|%P|%H\n"],
        "d/b|d|b|d/\n",
        "",
        0,
    );
    g(
        &["./", "-name", "a", "-printf", "%p|%h|%P\n"],
        "./a|.|a\n",
        "",
        0,
    );
    g(
        &["l", "dang", "-printf", "%p %l %y %Y %M\n"],
        "l a l f lrwxrwxrwx\ndang nowhere l N lrwxrwxrwx\n",
        "",
        0,
    );
    g(
        &["a", "-printf", "%10s|%-10s|%-5f|%5f|%.2p|%-8m|\n"],
        "         3|3         |a    |    a|a|644     |\n",
        "",
        0,
    );
    g(
        &["a", "-printf", "%010s|%+5d|%-+3d\n"],
        "         3|   +0|+0 \n",
        "",
        0,
    );
    g(
        &["a", "-printf", "\\n\\t\\\\\\0\\a\\b\\f\\r\\v|\\041\\x41\n"],
        "\n\t\\\0\x07\x08\x0c\x0d\x0b|!\\x41\n",
        "find: warning: unrecognized escape `\\x'\n",
        0,
    );
    g(&["a", "-printf", "no newline"], "no newline", "", 0);
    t(
        "touch -d '2001-02-03 04:05:06' a",
        false,
        &["a", "-printf", "%TY-%Tm-%Td\n"],
        "2001-02-03\n",
        "",
        0,
    );
    t(
        "touch -d '2001-02-03 04:05:06' a",
        false,
        &["a", "-printf", "%T@ %TH:%TM %Tk %TB %Tp\n"],
        "981173106.0000000000 04:05  4 February AM\n",
        "",
        0,
    );
    t(
        "touch -d '2001-02-03 04:05:06' a",
        false,
        &["a", "-printf", "%t\n"],
        "Sat Feb  3 04:05:06.0000000000 2001\n",
        "",
        0,
    );
    t(
        "touch -a -d '1999-12-31 23:59:59' a",
        false,
        &["a", "-printf", "%AY %Aj\n"],
        "1999 365\n",
        "",
        0,
    );
    gs(&["d", "-printf", "%y"], "dfdf", "", 0);
    g(&["d/e", "-printf", "%d %p\n"], "0 d/e\n1 d/e/c\n", "", 0);
    gs(
        &["-maxdepth", "1", "-printf", "%f\n"],
        ".\na\nd\ndang\nl\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '1 day ago' d/b",
        true,
        &["-type", "f", "-mtime", "+100"],
        "./a\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '36 hours ago' d/b",
        true,
        &["-type", "f", "-mtime", "-1"],
        "./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '36 hours ago' d/b",
        true,
        &["-type", "f", "-mtime", "1"],
        "./d/b\n",
        "",
        0,
    );
    t(
        "touch -d '2 hours ago' a",
        true,
        &["-type", "f", "-mmin", "+60"],
        "./a\n",
        "",
        0,
    );
    t(
        "touch -d '2 hours ago' a",
        true,
        &["-type", "f", "-mmin", "-60"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -a -d '3 days ago' a",
        true,
        &["-type", "f", "-atime", "+1"],
        "./a\n",
        "",
        0,
    );
    t(
        "touch -a -d '3 hours ago' a",
        true,
        &["-type", "f", "-amin", "+100"],
        "./a\n",
        "",
        0,
    );
    gs(
        &["-type", "f", "-ctime", "-1"],
        "./a\n./d/b\n./d/e/c\n",
        "",
        0,
    );
    gs(&["-type", "f", "-cmin", "+5"], "", "", 0);
    t(
        "touch -d '2000-01-01' a; touch -d '2001-01-01' d/b",
        true,
        &["-type", "f", "-newer", "a"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '2001-01-01' d/b",
        true,
        &["-type", "f", "!", "-newer", "d/b"],
        "./a\n./d/b\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '2001-01-01' d/b",
        true,
        &["-type", "f", "-newermt", "2000-06-01"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -d '2000-01-01' a; touch -d '2001-01-01' d/b",
        true,
        &["-type", "f", "-newermt", "2000-06-01 12:00:00"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -a -d '2000-01-01' a; touch -a -d '2001-01-01' d/b; touch -a -d 2001-01-01 d/e/c",
        true,
        &["-type", "f", "-newerat", "2000-06-01"],
        "./d/b\n./d/e/c\n",
        "",
        0,
    );
    t(
        "touch -a -d '2000-01-01' a; touch -a -d '2001-01-01' d/b; touch -a -d 2001-01-01 d/e/c",
        true,
        &["-type", "f", "-neweram", "a"],
        "",
        "",
        0,
    );
    // -anewer compares access times with a's modification time; the other
    // files' access times are set in the past so that a clock tick between
    // making them and a cannot decide the answer.
    t(
        "touch -a -d '2030-01-01' a; touch -a -d 2000-01-01 d/b d/e/c",
        true,
        &["-type", "f", "-anewer", "a"],
        "./a\n",
        "",
        0,
    );
    // A change made later: d/b's status changed after a's.
    t(
        "sleep 0.05; chmod 600 d/b",
        true,
        &["-type", "f", "-cnewer", "a", "-name", "b"],
        "./d/b\n",
        "",
        0,
    );
    gs(&["-newer"], "", "find: missing argument to `-newer'\n", 1);
    gs(
        &["-mtime", "+"],
        "",
        "find: invalid argument `+' to `-mtime'\n",
        1,
    );
    gs(
        &["-mmin", "1.5x"],
        "",
        "find: invalid argument `1.5x' to `-mmin'\n",
        1,
    );
    // The number after -/+ may carry its own sign (strtod): less than -1 days.
    gs(&["-mtime", "--1"], "", "", 0);
    g(
        &["d/e", "-exec", "echo", "[{}]", ";"],
        "[d/e]\n[d/e/c]\n",
        "",
        0,
    );
    g(
        &["d/e/c", "-exec", "echo", "{}{}", "x{}y", "{", "}", ";"],
        "d/e/cd/e/c xd/e/cy { }\n",
        "",
        0,
    );
    g(
        &["d/e/c", "-exec", "echo", "{}", "a", "+"],
        "",
        "find: missing argument to `-exec'\n",
        1,
    );
    g(
        &["d/e", "-exec", "sh", "-c", "echo $#", "sh", "{}", "+"],
        "2\n",
        "",
        0,
    );
    // A failing `+` batch makes find's status 1; a failing `;` is just false.
    g(&["a", "-exec", "false", "{}", "+"], "", "", 1);
    g(&["a", "-exec", "false", ";"], "", "", 0);
    g(&["a", "-exec", "false", ";", "-print"], "", "", 0);
    g(&["a", "-exec", "true", "{}", "+", "-print"], "a\n", "", 0);
    g(
        &["a", "d/b", "-exec", "sh", "-c", "exit 2", "sh", "{}", "+"],
        "",
        "",
        1,
    );
    g(&["a", "-execdir", "echo", "{}", "+"], "./a\n", "", 0);
    g(
        &[
            "d/e/c",
            "-execdir",
            "sh",
            "-c",
            "pwd | sed 's|.*/||'; echo $0",
            "{}",
            ";",
        ],
        "e\n./c\n",
        "",
        0,
    );
    g(&["d/b", "-execdir", "echo", "x{}y", ";"], "x./by\n", "", 0);
    gs(
        &["a", "-exec"],
        "",
        "find: missing argument to `-exec'\n",
        1,
    );
    gs(
        &["a", "-exec", "echo", "{}"],
        "",
        "find: missing argument to `-exec'\n",
        1,
    );
    gs(
        &["a", "-execdir"],
        "",
        "find: missing argument to `-execdir'\n",
        1,
    );
    gs(&["a", "-ok"], "", "find: missing argument to `-ok'\n", 1);
    gs(
        &["a", "-okdir", "echo", "{}", "+"],
        "",
        "find: missing argument to `-okdir'\n",
        1,
    );
    g(
        &["d/e", "-ok", "echo", "{}", ";"],
        "",
        "< echo ... d/e > ? < echo ... d/e/c > ? ",
        0,
    );
    g(&["d", "-depth", "-name", "c", "-delete"], "", "", 0);
    g(&["d", "-name", "b", "-delete", "-print"], "d/b\n", "", 0);
    g(&["d/e", "-delete", "-print"], "d/e/c\nd/e\n", "", 0);
    g(&["a", "-print", "-quit", "-print"], "a\n", "", 0);
    g(&["-name", "e", "-quit"], "", "", 0);
    gs(&["-true", "-name", "a"], "./a\n", "", 0);
    gs(&["-false"], "", "", 0);
    gs(&["a", "-true", "-false", "-print"], "", "", 0);
    gs(&["-fprint"], "", "find: missing argument to `-fprint'\n", 1);
    g(&["d/e", "-fprint", "/dev/stdout"], "d/e\nd/e/c\n", "", 0);
    g(&["d/e", "-print0"], "d/e\0d/e/c\0", "", 0);
    g(&["d/e", "-fprint0", "/dev/stdout"], "d/e\0d/e/c\0", "", 0);
    g(&["d/e/c", "-fprintf", "/dev/stdout", "%f\n"], "c\n", "", 0);
    gs(&["-iname"], "", "find: missing argument to `-iname'\n", 1);
    gs(&["-bar"], "", "find: unknown predicate `-bar'\n", 1);
    gs(
        &["-name", "a", "-foo", "x"],
        "",
        "find: unknown predicate `-foo'\n",
        1,
    );
    gs(
        &["-type", "x"],
        "",
        "find: Unknown argument to -type: x\n",
        1,
    );
    gs(
        &["-type", "f,x"],
        "",
        "find: Unknown argument to -type: x\n",
        1,
    );
    gs(&["-perm", "abc"], "", "find: invalid mode 'abc'\n", 1);
    gs(&["-perm", "-888"], "", "find: invalid mode '-888'\n", 1);
    gs(
        &["-newerQt", "x"],
        "",
        "find: invalid predicate `-newerQt'\n",
        1,
    );
    gs(
        &["-newermz", "a"],
        "",
        "find: invalid predicate `-newermz'\n",
        1,
    );
    gs(
        &["-regextype"],
        "",
        "find: missing argument to `-regextype'\n",
        1,
    );
    gs(&["-printf"], "", "find: missing argument to `-printf'\n", 1);
    gs(
        &["(", "-name", "a", "-o", ")"],
        "",
        "find: expected an expression between '-o' and ')'\n",
        1,
    );
    gs(
        &["-name", "a", "-o", "-o", "-name", "b"],
        "",
        "find: invalid expression; you have used a binary operator '-o' with nothing before it.\n",
        1,
    );
    gs(
        &["-not"],
        "",
        "find: expected an expression after '-not'\n",
        1,
    );
    gs(&["-depth", "-prune", "-o", "-print"], "", "", 0);
    gs(&["-xdev", "-name", "b"], "./d/b\n", "", 0);
    gs(&["-mount", "-name", "b"], "./d/b\n", "", 0);
    gs(&["-noleaf", "-name", "b"], "./d/b\n", "", 0);
    gs(&["-ignore_readdir_race", "-name", "b"], "./d/b\n", "", 0);
}

/// Odd names, symlink loops, hard links, -empty with -delete, -newerXY
/// with dates and files, time formats, -ok without answers. Each
/// expected text is GNU find 4.9's.
#[test]
fn names_loops_links_and_newer_as_gnu() {
    t(
        "mkdir sp; : > 'sp/a b'",
        false,
        &["sp", "-print0"],
        "sp\0sp/a b\0",
        "",
        0,
    );
    t(
        "mkdir sp; : > 'sp/a b'",
        false,
        &["sp", "-name", "* *"],
        "sp/a b\n",
        "",
        0,
    );
    t(
        "mkdir nl; : > 'nl/a\nb'",
        false,
        &["nl", "-type", "f", "-print0"],
        "nl/a\nb\0",
        "",
        0,
    );
    t(
        "mkdir nl; : > 'nl/a\nb'",
        false,
        &["nl", "-type", "f"],
        "nl/a\nb\n",
        "",
        0,
    );
    t(
        "mkdir nl; : > 'nl/a\nb'",
        false,
        &["nl", "-type", "f", "-printf", "[%f]\\n"],
        "[a\nb]\n",
        "",
        0,
    );
    t(
        "mkdir nl; : > 'nl/a\nb'",
        false,
        &["nl", "-type", "f", "-exec", "printf", "<%s>", "{}", ";"],
        "<nl/a\nb>",
        "",
        0,
    );
    t(
        "mkdir sp; : > 'sp/a b'",
        false,
        &["sp", "-name", "a?b"],
        "sp/a b\n",
        "",
        0,
    );
    t(
        "mkdir sp; : > 'sp/a b'",
        false,
        &["sp", "-regex", "sp/a b"],
        "sp/a b\n",
        "",
        0,
    );
    // -L: a link back up is a loop, reported, and find exits 1.
    t("mkdir loop; ln -s .. loop/up", true, &["-L", "loop"], "loop\nloop/up\nloop/up/a\nloop/up/d\nloop/up/d/b\nloop/up/d/e\nloop/up/d/e/c\nloop/up/dang\nloop/up/l\n", "find: File system loop detected; 'loop/up/loop' is part of the same file system loop as 'loop'.\n", 1);
    t("mkdir loop; ln -s .. loop/up", true, &["-L", "loop", "-name", "up"], "loop/up\n", "find: File system loop detected; 'loop/up/loop' is part of the same file system loop as 'loop'.\n", 1);
    t("mkdir loop; ln -s ../loop loop/me", true, &["loop", "-follow"], "loop\n", "find: File system loop detected; 'loop/me' is part of the same file system loop as 'loop'.\n", 1);
    gs(
        &["-L", ".", "-maxdepth", "1", "-type", "l"],
        "./dang\n",
        "",
        0,
    );
    t(
        "ln -s d dl",
        true,
        &["-L", ".", "-maxdepth", "1", "-type", "d"],
        ".\n./d\n./dl\n",
        "",
        0,
    );
    t(
        "ln -s d dl",
        true,
        &["-H", "dl", "-maxdepth", "1"],
        "dl\ndl/b\ndl/e\n",
        "",
        0,
    );
    t(
        "ln -s d dl",
        true,
        &["-P", "dl", "-maxdepth", "1"],
        "dl\n",
        "",
        0,
    );
    t(
        "ln -s d dl",
        true,
        &["dl/", "-maxdepth", "1"],
        "dl/\ndl/b\ndl/e\n",
        "",
        0,
    );
    t(
        "ln d/b d/e/hard",
        true,
        &["d", "-samefile", "d/b"],
        "d/b\nd/e/hard\n",
        "",
        0,
    );
    t(
        "ln d/b d/e/hard",
        true,
        &["d", "-links", "2", "-type", "f"],
        "d/b\nd/e/hard\n",
        "",
        0,
    );
    t(
        "mkdir d/void",
        true,
        &["d", "-empty"],
        "d/b\nd/void\n",
        "",
        0,
    );
    // -delete implies -depth: inner goes first, then void is empty too.
    t(
        "mkdir -p d/void/inner",
        true,
        &["d", "-type", "d", "-empty", "-delete"],
        "",
        "",
        0,
    );
    t(
        "mkdir -p d/void/inner",
        true,
        &["d", "-depth", "-type", "d", "-empty", "-delete", "-print"],
        "d/void\nd/void/inner\n",
        "",
        0,
    );
    t(
        "touch -d 2019-06-01 a l; touch -h -d 2019-06-01 l dang; touch -d 2019-06-01 d .",
        true,
        &["-maxdepth", "1", "-newermt", "2020-01-01T00:00:00"],
        "",
        "",
        0,
    );
    t(
        "touch -d 2019-06-01 a l; touch -h -d 2019-06-01 l dang; touch -d 2019-06-01 d .",
        true,
        &["-maxdepth", "1", "-newermt", "@1577836800"],
        "",
        "",
        0,
    );
    t(
        "touch -d 2019-06-01 a l; touch -h -d 2019-06-01 l dang; touch -d 2019-06-01 d .",
        true,
        &["-maxdepth", "1", "!", "-newermt", "yesterday"],
        ".\n./a\n./d\n./dang\n./l\n",
        "",
        0,
    );
    t(
        "touch -d '2019-06-01 00:00:01' a",
        false,
        &["a", "-newermt", "2019-06-01 00:00:01"],
        "",
        "",
        0,
    );
    t(
        "touch -d '2019-06-01 00:00:01' a",
        false,
        &["a", "-newermt", "2019-06-01 00:00:00"],
        "a\n",
        "",
        0,
    );
    t(
        "touch -d '2019-06-01' a",
        false,
        &["a", "-newermm", "d/b"],
        "",
        "",
        0,
    );
    t(
        "touch -d '2019-06-01' a",
        false,
        &["d/b", "-newermm", "a"],
        "d/b\n",
        "",
        0,
    );
    t(
        "touch -a -d '2019-06-03' a",
        false,
        &["a", "-newerat", "2019-06-02"],
        "a\n",
        "",
        0,
    );
    g(&["a", "-newerct", "2000-01-01"], "a\n", "", 0);
    t(
        "touch -d '2019-06-01' a",
        false,
        &["a", "-newermc", "d/b"],
        "",
        "",
        0,
    );
    t(
        "touch -d '2019-06-01 13:14:15' a",
        false,
        &["a", "-printf", "%Tc|%TD|%TF|%Tr\\n"],
        "Sat Jun  1 13:14:15 2019|06/01/19|2019-06-01|01:14:15 PM\n",
        "",
        0,
    );
    g(&["a", "-printf", "%CY\\n"], "2026\n", "", 0);
    // -ok reads its answer from standard input: none here, so no.
    t(
        "rm -r d l dang",
        false,
        &["-ok", "echo", "got", "{}", ";"],
        "",
        "< echo ... . > ? < echo ... ./a > ? ",
        0,
    );
    g(&["a", "-ok", "echo", "{}", ";"], "", "< echo ... a > ? ", 0);
    g(
        &["a", "-fls", "/nonexistent/x"],
        "",
        "find: '/nonexistent/x': No such file or directory\n",
        1,
    );
    // A link loop given as a start path is only an error when followed.
    t("ln -s s2 s1; ln -s s1 s2", false, &["s1"], "s1\n", "", 0);
    for opt in ["-L", "-H"] {
        let c = find();
        symlink("s2", c.dir().join("s1")).expect("symlink");
        symlink("s1", c.dir().join("s2")).expect("symlink");
        c.args([opt, "s1"])
            .run()
            .status(1)
            .out("")
            .err_has("find: 's1': ");
    }
}

#[test]
fn link_loop_message_is_glibcs() {
    // GNU with glibc: find: 's1': Too many levels of symbolic links
    t(
        "ln -s s2 s1; ln -s s1 s2",
        false,
        &["-L", "s1"],
        "",
        "find: 's1': Too many levels of symbolic links\n",
        1,
    );
}

/// -printf widths and flags on several directives, %l %s %y under -L,
/// -size and -newer through links, -depth and -execdir, odd start
/// paths (`d//e`, `./d/./e`, `..`). Each expected text is GNU find 4.9's.
#[test]
fn printf_widths_links_and_start_paths_as_gnu() {
    gs(&["d", "l", "-printf", "%M %m %y\\n"], "-rw-r--r-- 644 f\n-rw-r--r-- 644 f\ndrwxr-xr-x 755 d\ndrwxr-xr-x 755 d\nlrwxrwxrwx 777 l\n", "", 0);
    gs(&["d", "-printf", "%-6y|%6d|%-4d|%03d\\n"], "d     |     0|0   |000\nd     |     1|1   |001\nf     |     1|1   |001\nf     |     2|2   |002\n", "", 0);
    g(&["d/e/c", "-printf", "%k %b\\n"], "4 8\n", "", 0);
    g(&["l", "-printf", "%s %k\\n"], "1 0\n", "", 0);
    // Under -L a followed link is its target: %l is empty.
    g(
        &["-L", "l", "-printf", "%s %y %Y %l|\\n"],
        "3 f f |\n",
        "",
        0,
    );
    g(
        &["-L", "dang", "-printf", "%s %y %Y %l|\\n"],
        "7 l N nowhere|\n",
        "",
        0,
    );
    g(
        &["/dev/null", "-printf", "%M %y\\n"],
        "crw-rw-rw- c\n",
        "",
        0,
    );
    g(
        &["l", "-printf", "%10l|%-10l|\\n"],
        "         a|a         |\n",
        "",
        0,
    );
    g(
        &["a", "-printf", "%10u|%-10g|%5U|%-5G|\\n"],
        "      root|root      |    0|0    |\n",
        "",
        0,
    );
    g(
        &["a", "-printf", "%10h|%-10P|%3H\\n"],
        "         .|          |  a\n",
        "",
        0,
    );
    g(
        &["d/e/c", "-printf", "%.3f|%.0p|%5.2f\\n"],
        "c||    c\n",
        "",
        0,
    );
    g(&["a", "-printf", "%#o %#x\\n"], "%#o %#x\n", "find: warning: unrecognized format directive `%o'\nfind: warning: unrecognized format directive `%x'\n", 0);
    g(&["a", "-printf", "\\c"], "", "", 0);
    g(
        &["a", "-printf", "%f\\x41\\n"],
        "a\\x41\n",
        "find: warning: unrecognized escape `\\x'\n",
        0,
    );
    g(&["a", "-printf", "\\18\\n"], "\x018\n", "", 0);
    gs(
        &["-L", ".", "-maxdepth", "1", "-size", "3c"],
        "./a\n./l\n",
        "",
        0,
    );
    gs(&["-H", "l", "-size", "3c"], "l\n", "", 0);
    gs(&["l", "-size", "3c"], "", "", 0);
    gs(&["-L", ".", "-newer", "l", "-name", "a"], "", "", 0);
    t(
        "rm -r d/e",
        false,
        &["d", "-depth", "-print"],
        "d/b\nd\n",
        "",
        0,
    );
    gs(
        &["d", "-depth", "-execdir", "echo", "{}", ";"],
        "./b\n./c\n./d\n./e\n",
        "",
        0,
    );
    t(
        "rm -r d/e",
        false,
        &["d", "a", "-type", "f", "-exec", "echo", "{}", "+"],
        "d/b a\n",
        "",
        0,
    );
    g(
        &["d", "-name", "b", "-fls", "/dev/null", "-print"],
        "d/b\n",
        "",
        0,
    );
    g(&["-maxdepth", "0", "-follow"], ".\n", "", 0);
    g(&["a", "-follow", "-maxdepth", "0"], "a\n", "", 0);
    g(&["a", "-name", "a", "-mindepth", "0"], "a\n", "", 0);
    g(
        &["a", "-regextype", "posix-basic", "-regex", "a"],
        "a\n",
        "",
        0,
    );
    g(&["a", "-newer", "a"], "", "", 0);
    g(&["a", "-size", "+2c", "-size", "-4c"], "a\n", "", 0);
    g(&["a", "(", "-print", ")", "-print"], "a\na\n", "", 0);
    g(&["a", "-printf", "%P|%H\\n"], "|a\n", "", 0);
    gs(
        &["d//e", "-printf", "%p|%h|%f\\n"],
        "d//e/c|d//e|c\nd//e|d/|e\n",
        "",
        0,
    );
    g(
        &["./d/./e", "-maxdepth", "0", "-printf", "%h|%f\\n"],
        "./d/.|e\n",
        "",
        0,
    );
    g(
        &["..", "-maxdepth", "0", "-printf", "%h|%f\\n"],
        ".|..\n",
        "",
        0,
    );
    g(
        &[".", "-maxdepth", "0", "-printf", "%h|%f\\n"],
        ".|.\n",
        "",
        0,
    );
    g(
        &["d/..", "-maxdepth", "0", "-printf", "%h|%f\\n"],
        "d|..\n",
        "",
        0,
    );
}

#[test]
fn okdir_asks_about_the_whole_path() {
    // GNU runs `./b` in d but shows the path find reached it by.
    find()
        .args(["d", "-name", "b", "-okdir", "echo", "x{}y", ";"])
        .stdin("y\n")
        .run()
        .status(0)
        .out("x./by\n")
        .err("< echo ... d/b > ? ");
    find()
        .args(["a", "-okdir", "echo", "{}", ";"])
        .run()
        .status(0)
        .out("")
        .err("< echo ... a > ? ");
}
