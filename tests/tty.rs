//! tty: a terminal, not a terminal, -s, usage status 2.

use crate::common::*;

#[test]
fn not_a_tty() {
    cmd("tty")
        .stdin("")
        .run()
        .status(1)
        .err("")
        .out("not a tty\n");
    cmd("tty")
        .arg("-s")
        .stdin("")
        .run()
        .status(1)
        .err("")
        .out("");
    cmd("tty").arg("--silent").run().status(1).out("");
    cmd("tty").arg("--quiet").run().status(1).out("");
}

#[test]
fn a_terminal() {
    // A pseudo-terminal from the C library gives a real tty to test with.
    // SAFETY: plain libc calls on descriptors this test owns.
    unsafe {
        let m = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        if m < 0 || libc::grantpt(m) != 0 || libc::unlockpt(m) != 0 {
            return; // no ptys in this sandbox
        }
        let mut buf = [0 as libc::c_char; 128];
        if libc::ptsname_r(m, buf.as_mut_ptr(), buf.len()) != 0 {
            return;
        }
        let name = std::ffi::CStr::from_ptr(buf.as_ptr())
            .to_string_lossy()
            .into_owned();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&name)
            .expect("open the pty");
        let mut c = cmd("tty");
        c.command().stdin(slave);
        // run() would replace stdin; spawn by hand.
        let o = c
            .command()
            .stdout(std::process::Stdio::piped())
            .output()
            .expect("run tty");
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&o.stdout), format!("{name}\n"));
        let mut c = cmd("tty").arg("-s");
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .open(&name)
            .expect("open the pty");
        c.command().stdin(slave);
        let o = c.command().output().expect("run tty -s");
        assert_eq!(o.status.code(), Some(0));
        assert!(o.stdout.is_empty());
        libc::close(m);
    }
}

#[test]
fn usage_errors_are_2() {
    cmd("tty")
        .arg("-x")
        .run()
        .status(2)
        .err_has("tty: invalid option -- 'x'\n");
    cmd("tty")
        .arg("a")
        .run()
        .status(2)
        .err_has("tty: extra operand 'a'\n");
}
