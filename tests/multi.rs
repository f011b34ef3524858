//! The multiplexer: dispatch by name, --list, --list-full, --install, --help.

use crate::common::*;
use std::fs;
use std::os::unix::fs::MetadataExt;

fn list() -> Vec<String> {
    let o = oxbox_cmd().arg("--list").run();
    o.ok();
    o.stdout_str().lines().map(str::to_string).collect()
}

#[test]
fn list_is_sorted_and_has_true() {
    let names = list();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(names.iter().any(|n| n == "true"), "{names:?}");
}

#[test]
fn list_full_gives_install_dirs() {
    let o = oxbox_cmd().arg("--list-full").run();
    o.ok();
    let text = o.stdout_str();
    assert!(text.lines().any(|l| l == "bin/true"), "{text}");
    assert_eq!(text.lines().count(), list().len());
    for l in text.lines() {
        let (dir, _) = l.rsplit_once('/').expect("a dir");
        assert!(["bin", "sbin", "usr/bin", "usr/sbin"].contains(&dir), "{l}");
    }
}

#[test]
fn runs_applet_named_by_first_argument() {
    oxbox_cmd().arg("false").run().status(1).out("").err("");
    oxbox_cmd().arg("true").run().ok();
}

#[test]
fn unknown_applet_is_127() {
    oxbox_cmd()
        .arg("no-such-applet")
        .run()
        .status(127)
        .out("")
        .err("oxbox: applet not found: no-such-applet\n");
}

#[test]
fn unknown_name_under_symlink_is_127() {
    let t = TempDir::new();
    let link = t.join("frobnicate");
    std::os::unix::fs::symlink(oxbox(), &link).expect("symlink");
    let o = std::process::Command::new(&link).output().expect("run");
    assert_eq!(o.status.code(), Some(127));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "oxbox: applet not found: frobnicate\n"
    );
}

#[test]
fn dispatch_uses_basename_of_argv0() {
    let t = TempDir::new();
    let link = t.join("false");
    std::os::unix::fs::symlink(oxbox(), &link).expect("symlink");
    let o = std::process::Command::new(&link).output().expect("run");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn no_arguments_prints_help() {
    let o = oxbox_cmd().run();
    o.ok();
    let text = o.stdout_str();
    assert!(
        text.contains("Usage: oxbox [APPLET [ARGUMENTS]...]"),
        "{text}"
    );
    assert!(text.contains("Currently defined applets:"), "{text}");
    assert!(text.contains("true"), "{text}");
}

#[test]
fn help_option_and_help_of_an_applet() {
    let o = oxbox_cmd().arg("--help").run();
    o.ok();
    assert!(o.stdout_str().contains("--install [-s] [DIR]"));
    oxbox_cmd()
        .args(["--help", "true"])
        .run()
        .ok()
        .out("Usage: true\n\nReturn an exit status of 0.\n");
    oxbox_cmd()
        .args(["--help", "nope"])
        .run()
        .status(127)
        .err("oxbox: applet not found: nope\n");
}

#[test]
fn unknown_option_is_usage_error() {
    let o = oxbox_cmd().arg("--frob").run();
    o.status(1).out("");
    assert!(
        o.stderr_str()
            .starts_with("oxbox: unknown option: --frob\n"),
        "{}",
        o.stderr_str()
    );
}

#[test]
fn version() {
    let o = oxbox_cmd().arg("--version").run();
    o.ok();
    assert!(o.stdout_str().starts_with("oxbox v"));
}

#[test]
fn install_hard_links() {
    let t = TempDir::new();
    oxbox_cmd()
        .args(["--install".as_ref(), t.path().as_os_str()])
        .run()
        .ok()
        .out("");
    let ino = fs::metadata(oxbox()).expect("stat oxbox").ino();
    let full = oxbox_cmd().arg("--list-full").run().stdout_str();
    for path in full.lines() {
        let m = fs::symlink_metadata(t.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(m.file_type().is_file(), "{path} is not a hard link");
        assert_eq!(m.ino(), ino, "{path}");
    }
    // Installing again over our own links is quiet and succeeds.
    oxbox_cmd()
        .args(["--install".as_ref(), t.path().as_os_str()])
        .run()
        .ok();
    let o = std::process::Command::new(t.join("bin/false"))
        .output()
        .expect("run installed");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn install_symlinks() {
    let t = TempDir::new();
    oxbox_cmd()
        .args(["--install".as_ref(), "-s".as_ref(), t.path().as_os_str()])
        .run()
        .ok();
    let target = fs::read_link(t.join("bin/true")).expect("a symlink");
    assert_eq!(
        fs::canonicalize(target).ok(),
        fs::canonicalize(oxbox()).ok()
    );
    let o = std::process::Command::new(t.join("bin/true"))
        .output()
        .expect("run installed");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn install_leaves_existing_files_and_reports_them() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("bin")).expect("mkdir");
    t.write("bin/true", "precious\n");
    let o = oxbox_cmd()
        .args(["--install".as_ref(), t.path().as_os_str()])
        .run();
    o.status(1).out("");
    assert_eq!(
        o.stderr_str(),
        format!("oxbox: {}: File exists\n", t.join("bin/true").display())
    );
    assert_eq!(
        fs::read_to_string(t.join("bin/true")).expect("read"),
        "precious\n"
    );
    assert!(t.join("bin/false").exists(), "the rest are still installed");
}

#[test]
fn install_rejects_bad_arguments() {
    oxbox_cmd()
        .args(["--install", "-x"])
        .run()
        .status(1)
        .err("oxbox: --install: unknown option: -x\n");
    oxbox_cmd()
        .args(["--install", "a", "b"])
        .run()
        .status(1)
        .err("oxbox: --install: too many arguments\n");
}

#[test]
fn write_error_is_reported() {
    let mut c = oxbox_cmd().arg("--list");
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("open /dev/full");
    c.command().stdout(full);
    let o = c.command().output().expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "oxbox: write error: No space left on device\n"
    );
}

/// A login shell is started as `-sh`: the dash is skipped for the look-up
/// and argv[0] reaches the applet unchanged (BusyBox does the same).
#[test]
fn a_leading_dash_in_argv0_is_skipped() {
    use std::os::unix::process::CommandExt;
    let o = std::process::Command::new(oxbox())
        .arg0("-false")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let o = std::process::Command::new(oxbox())
        .arg0("-nosuch")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(127));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "oxbox: applet not found: -nosuch\n"
    );
}

/// `--version` answers for applets without their own (scripts ask it to
/// see that a tool is there); `echo` prints it, as POSIX says.
#[test]
fn version_option() {
    cmd("md5sum")
        .arg("--version")
        .run()
        .status(0)
        .out(format!("md5sum (oxbox) {}\n", env!("CARGO_PKG_VERSION")));
    cmd("ls")
        .args(["-l", "--version"])
        .run()
        .status(0)
        .out(format!("ls (oxbox) {}\n", env!("CARGO_PKG_VERSION")));
    cmd("echo")
        .arg("--version")
        .run()
        .status(0)
        .out("--version\n");
}
