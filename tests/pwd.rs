//! pwd: logical ($PWD) and physical names.

use crate::common::*;
use std::fs;

#[test]
fn physical_resolves_symlinks() {
    let c = cmd("pwd");
    let real = fs::canonicalize(c.dir()).expect("canonical dir");
    fs::create_dir(real.join("d")).expect("mkdir");
    std::os::unix::fs::symlink(real.join("d"), real.join("l")).expect("symlink");
    let link = real.join("l");
    let expect_phys = format!("{}\n", real.join("d").display());
    let expect_log = format!("{}\n", link.display());
    let run = |args: &[&str], pwd: &str| cmd("pwd").args(args).cwd(&link).env("PWD", pwd).run();
    let l = link.to_string_lossy().into_owned();
    run(&["-P"], &l).ok().out(&expect_phys);
    run(&[], &l).ok().out(&expect_log);
    run(&["-L"], &l).ok().out(&expect_log);
    run(&["-P", "-L"], &l).ok().out(&expect_log);
    run(&["-L", "-P"], &l).ok().out(&expect_phys);
    // A $PWD that is relative, has . or .., or names another directory is
    // not used.
    run(&["-L"], "l").ok().out(&expect_phys);
    run(&["-L"], &format!("{l}/.")).ok().out(&expect_phys);
    run(&["-L"], &format!("{l}/../l")).ok().out(&expect_phys);
    run(&["-L"], "/").ok().out(&expect_phys);
    cmd("pwd")
        .cwd(&link)
        .env_remove("PWD")
        .run()
        .ok()
        .out(&expect_phys);
}

#[test]
fn operands_are_ignored_with_a_warning() {
    let c = cmd("pwd");
    let real = fs::canonicalize(c.dir()).expect("canonical");
    c.arg("x")
        .run()
        .status(0)
        .out(format!("{}\n", real.display()))
        .err("pwd: ignoring non-option arguments\n");
}

#[test]
fn removed_directory() {
    let o = sh("mkdir gone && cd gone && rmdir ../gone && exec pwd -P").run();
    o.status(1)
        .out("")
        .err("pwd: getcwd: No such file or directory\n");
}

#[test]
fn bad_option() {
    cmd("pwd")
        .arg("-x")
        .run()
        .status(1)
        .err_has("pwd: invalid option -- 'x'\n");
}
