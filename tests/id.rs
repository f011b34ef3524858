//! id: the full line, single items, names, other users, errors.

use crate::common::*;

fn sys_id(args: &[&str]) -> String {
    let o = std::process::Command::new("/usr/bin/id")
        .args(args)
        .output()
        .expect("run the system id");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn same_as_system_id() {
    // GNU id reads the same files (no NSS beyond files here).
    for args in [
        &[][..],
        &["-u"],
        &["-g"],
        &["-G"],
        &["-un"],
        &["-gn"],
        &["-Gn"],
        &["-ur"],
        &["-gr"],
        &["root"],
        &["-G", "root"],
        &["-Gn", "root"],
        &["0"],
    ] {
        let o = cmd("id").args(args).run();
        o.ok().out(sys_id(args));
    }
}

#[test]
fn nobody_if_present() {
    if !std::fs::read_to_string("/etc/passwd")
        .unwrap_or_default()
        .contains("\nnobody:")
    {
        return;
    }
    cmd("id").arg("nobody").run().ok().out(sys_id(&["nobody"]));
    cmd("id")
        .args(["-un", "nobody", "root"])
        .run()
        .ok()
        .out("nobody\nroot\n");
}

#[test]
fn zero_ends() {
    cmd("id").args(["-uz"]).run().ok().out(sys_id(&["-uz"]));
}

#[test]
fn no_such_user() {
    cmd("id")
        .arg("no-such-user-x")
        .run()
        .status(1)
        .out("")
        .err("id: 'no-such-user-x': no such user\n");
    cmd("id")
        .args(["-u", "no-such-user-x", "root"])
        .run()
        .status(1)
        .out("0\n")
        .err("id: 'no-such-user-x': no such user\n");
}

#[test]
fn usage_errors() {
    cmd("id")
        .args(["-u", "-g"])
        .run()
        .status(1)
        .err_has("id: cannot print \"only\" of more than one choice\n");
    cmd("id")
        .arg("-n")
        .run()
        .status(1)
        .err_has("id: cannot print only names or real IDs in default format\n");
    cmd("id")
        .arg("-r")
        .run()
        .status(1)
        .err_has("id: cannot print only names or real IDs in default format\n");
    cmd("id")
        .arg("-x")
        .run()
        .status(1)
        .err_has("id: invalid option -- 'x'\n");
}
