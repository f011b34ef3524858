//! whoami: the effective user's name.

use crate::common::*;

#[test]
fn prints_name_of_euid() {
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    let expected = String::from_utf8(
        std::process::Command::new("id")
            .args(["-un"])
            .output()
            .expect("run id")
            .stdout,
    )
    .expect("utf-8");
    let o = cmd("whoami").run();
    o.ok().out(&expected);
    assert!(uid != 0 || expected == "root\n");
}

#[test]
fn operands_are_an_error() {
    cmd("whoami")
        .arg("x")
        .run()
        .status(1)
        .out("")
        .err_has("whoami: extra operand 'x'\n");
}
