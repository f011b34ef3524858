//! uname: each field against the kernel's own values, order, -a.

use crate::common::*;
use std::fs;

fn read(p: &str) -> String {
    fs::read_to_string(p)
        .expect("read /proc")
        .trim_end()
        .to_string()
}

fn un(args: &[&str]) -> String {
    let o = cmd("uname").args(args).run();
    o.ok();
    o.stdout_str()
}

#[test]
fn fields() {
    let release = read("/proc/sys/kernel/osrelease");
    let version = read("/proc/sys/kernel/version");
    let host = read("/proc/sys/kernel/hostname");
    let machine = std::env::consts::ARCH;
    assert_eq!(un(&[]), "Linux\n");
    assert_eq!(un(&["-s"]), "Linux\n");
    assert_eq!(un(&["-n"]), format!("{host}\n"));
    assert_eq!(un(&["-r"]), format!("{release}\n"));
    assert_eq!(un(&["-v"]), format!("{version}\n"));
    assert_eq!(un(&["-m"]), format!("{machine}\n"));
    assert_eq!(un(&["-p"]), "unknown\n");
    assert_eq!(un(&["-i"]), "unknown\n");
    assert_eq!(un(&["-o"]), "GNU/Linux\n");
    assert_eq!(
        un(&["-a"]),
        format!("Linux {host} {release} {version} {machine} GNU/Linux\n")
    );
    // The order is fixed, whatever the options' order.
    assert_eq!(un(&["-m", "-s"]), format!("Linux {machine}\n"));
    assert_eq!(un(&["-ps"]), "Linux unknown\n");
    assert_eq!(un(&["-a", "-p"]).matches("unknown").count(), 1);
    assert_eq!(
        un(&["--kernel-release", "--operating-system"]),
        format!("{release} GNU/Linux\n")
    );
}

#[test]
fn errors() {
    cmd("uname")
        .arg("-x")
        .run()
        .status(1)
        .err_has("uname: invalid option -- 'x'\n");
    cmd("uname")
        .arg("a")
        .run()
        .status(1)
        .err_has("uname: extra operand 'a'\n");
}
