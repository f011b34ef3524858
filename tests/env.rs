//! env: printing, -i -u -0 -C -S, assignments, running commands, statuses.

use crate::common::*;

#[test]
fn prints_environment() {
    cmd("env")
        .env_clear()
        .env("A", "1")
        .env("B", "x y")
        .run()
        .ok()
        .out("A=1\nB=x y\n");
    cmd("env")
        .env_clear()
        .env("A", "1")
        .arg("-0")
        .run()
        .ok()
        .out("A=1\0");
}

#[test]
fn ignore_unset_and_assign() {
    cmd("env")
        .args(["-i", "A=1", "B=2"])
        .run()
        .ok()
        .out("A=1\nB=2\n");
    cmd("env").args(["-", "A=1"]).run().ok().out("A=1\n");
    cmd("env")
        .args(["-i", "A=1", "A=2"])
        .run()
        .ok()
        .out("A=2\n");
    cmd("env")
        .args(["-i", "A=", "B==x"])
        .run()
        .ok()
        .out("A=\nB==x\n");
    cmd("env")
        .env_clear()
        .env("A", "1")
        .env("AB", "2")
        .args(["-u", "A"])
        .run()
        .ok()
        .out("AB=2\n");
    cmd("env")
        .env_clear()
        .env("A", "1")
        .args(["--unset=A", "-u", "NOTSET"])
        .run()
        .ok()
        .out("");
}

#[test]
fn runs_command_with_new_environment() {
    // PATH is looked up in the new environment.
    let bin = bin_dir().to_string_lossy().into_owned();
    cmd("env")
        .args(["-i", &format!("PATH={bin}"), "X=hi", "printenv", "X"])
        .run()
        .ok()
        .out("hi\n");
    cmd("env")
        .args(["X=1", "printenv", "X"])
        .run()
        .ok()
        .out("1\n");
    // Options after the command are the command's.
    cmd("env").args(["echo", "-n", "x"]).run().ok().out("x");
    // Exit status of the command.
    cmd("env").args(["false"]).run().status(1);
    cmd("env").args(["sh", "-c", "exit 7"]).run().status(7);
}

#[test]
fn chdir() {
    let c = cmd("env");
    std::fs::create_dir(c.dir().join("sub")).expect("mkdir");
    c.args(["-C", "sub", "sh", "-c", "basename \"$(/bin/pwd)\""])
        .run()
        .ok()
        .out("sub\n");
    cmd("env")
        .args(["-C", "nonexist", "true"])
        .run()
        .status(125)
        .err("env: cannot change directory to 'nonexist': No such file or directory\n");
    cmd("env")
        .args(["-C", "/"])
        .run()
        .status(125)
        .err_has("env: must specify command with --chdir (-C)\n");
}

#[test]
fn split_string() {
    cmd("env")
        .arg(r#"-Sprintf [%s] a\_b "c\_d" 'e\_f' "" x\cy"#)
        .run()
        .ok()
        .out(r"[a][b][c d][e\_f][][x]");
    cmd("env")
        .env("V", "val")
        .arg(r"-S printf [%s] ${V}x a#b #comment")
        .run()
        .ok()
        .out("[valx][a#b]");
    // As a #! line passes it: one argument, then the script's operands.
    cmd("env").args(["-S echo -n a", "b"]).run().ok().out("a b");
    cmd("env")
        .args([r"-S echo \q"])
        .run()
        .status(125)
        .err("env: invalid sequence '\\q' in -S\n");
    cmd("env")
        .args([r#"-S echo "a"#])
        .run()
        .status(125)
        .err("env: no terminating quote in -S string\n");
}

#[test]
fn command_failures() {
    cmd("env")
        .arg("no-such-command")
        .run()
        .status(127)
        .err("env: 'no-such-command': No such file or directory\n");
    cmd("env")
        .arg("./nonexist")
        .run()
        .status(127)
        .err("env: './nonexist': No such file or directory\n");
    let c = cmd("env");
    let f = c.dir().join("plain");
    std::fs::write(&f, "echo hi\n").expect("write");
    c.arg(&f).run().status(126).err_has("Permission denied\n");
    cmd("env")
        .arg("/")
        .run()
        .status(126)
        .err("env: '/': Permission denied\n");
}

#[test]
fn script_without_shebang_runs_in_sh() {
    use std::os::unix::fs::PermissionsExt;
    let c = cmd("env");
    let f = c.dir().join("script");
    std::fs::write(&f, "echo from-script \"$1\"\n").expect("write");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    c.args([f.as_os_str(), "arg".as_ref()])
        .run()
        .ok()
        .out("from-script arg\n");
}

#[test]
fn usage_errors_are_125() {
    cmd("env")
        .args(["-u"])
        .run()
        .status(125)
        .err_has("env: option requires an argument -- 'u'\n");
    cmd("env")
        .args(["-u", "A=B", "true"])
        .run()
        .status(125)
        .err("env: cannot unset 'A=B': Invalid argument\n");
    cmd("env")
        .args(["-0", "true"])
        .run()
        .status(125)
        .err_has("env: cannot specify --null (-0) with command\n");
    cmd("env")
        .arg("-q")
        .run()
        .status(125)
        .err_has("invalid option -- 'q'");
}

#[test]
fn write_error() {
    cmd("env")
        .stdout_full()
        .run()
        .status(1)
        .err("env: write error: No space left on device\n");
}
