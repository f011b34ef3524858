//! cmp: first difference, -l, -b, -s, -n, -i and SKIP operands, EOF
//! messages in GNU 3.8's wording, stdin, errors and exit statuses; every
//! expected text was checked against GNU cmp 3.8.

use crate::common::*;

fn files() -> TempDir {
    let t = TempDir::new();
    t.write("a", "abc\ndef\n");
    t.write("b", "abc\ndxf\n");
    t.write("c", "abc\n");
    t.write("e", "");
    t.write("p", "abc");
    t.write("q", "abcd");
    t.write("x", b"\x01\x80\xff\t\n a");
    t.write("y", b"\x02\x81\xfe\n\t ab");
    t.write("z1", vec![0u8; 2000]);
    let mut z2 = vec![0u8; 1500];
    z2.push(b'x');
    t.write("z2", z2);
    t
}

fn run(t: &TempDir, args: &[&str]) -> Out {
    cmd("cmp").args(args).cwd(t.path()).run()
}

#[test]
fn first_difference() {
    let t = files();
    run(&t, &["a", "b"])
        .status(1)
        .err("")
        .out("a b differ: byte 6, line 2\n");
    run(&t, &["a", "a"]).ok().out("");
    run(&t, &["e", "e"]).ok().out("");
    run(&t, &["z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 1501, line 1\n");
    run(&t, &["-b", "a", "b"])
        .status(1)
        .out("a b differ: byte 6, line 2 is 145 e 170 x\n");
    run(&t, &["--print-bytes", "x", "y"])
        .status(1)
        .out("x y differ: byte 1, line 1 is   1 ^A   2 ^B\n");
    run(&t, &["--print-chars", "a", "b"])
        .status(1)
        .out("a b differ: byte 6, line 2 is 145 e 170 x\n");
}

#[test]
fn eof_messages() {
    let t = files();
    run(&t, &["a", "c"])
        .status(1)
        .out("")
        .err("cmp: EOF on c after byte 4, line 1\n");
    run(&t, &["c", "a"])
        .status(1)
        .err("cmp: EOF on c after byte 4, line 1\n");
    // The last line read was incomplete: "in line".
    run(&t, &["p", "q"])
        .status(1)
        .err("cmp: EOF on p after byte 3, in line 1\n");
    run(&t, &["e", "a"])
        .status(1)
        .err("cmp: EOF on e which is empty\n");
    run(&t, &["-l", "a", "c"])
        .status(1)
        .out("")
        .err("cmp: EOF on c after byte 4\n");
    run(&t, &["-b", "p", "q"])
        .status(1)
        .err("cmp: EOF on p after byte 3, in line 1\n");
}

#[test]
fn list() {
    let t = files();
    run(&t, &["-l", "a", "b"])
        .status(1)
        .err("")
        .out("6 145 170\n");
    run(&t, &["--verbose", "x", "y"])
        .status(1)
        .out("1   1   2\n2 200 201\n3 377 376\n4  11  12\n5  12  11\n")
        .err("cmp: EOF on x after byte 7\n");
    run(&t, &["-lb", "x", "y"]).status(1).out(
        "1   1 ^A     2 ^B\n2 200 M-^@ 201 M-^A\n3 377 M-^? 376 M-~\n\
             4  11 ^I    12 ^J\n5  12 ^J    11 ^I\n",
    );
    run(&t, &["-lb", "a", "b"])
        .status(1)
        .out("6 145 e    170 x\n");
    // The offset column is as wide as the shorter file's size.
    run(&t, &["-l", "z1", "z2"]).status(1).out("1501   0 170\n");
    run(&t, &["-l", "-n", "1501", "z2", "z1"])
        .status(1)
        .out("1501 170   0\n");
    run(&t, &["-l", "-n", "1499", "z1", "z2"]).ok().out("");
    run(&t, &["-l", "a", "a"]).ok().out("");
}

#[test]
fn silent() {
    let t = files();
    run(&t, &["-s", "a", "b"]).status(1).err("").out("");
    run(&t, &["--quiet", "a", "c"]).status(1).err("").out("");
    run(&t, &["--silent", "z1", "z2"]).status(1).err("").out("");
    run(&t, &["-s", "a", "a"]).ok().out("");
    // Even errors are silent.
    run(&t, &["-s", "a", "nope"]).status(2).err("").out("");
}

#[test]
fn limits_and_skips() {
    let t = files();
    run(&t, &["-n", "5", "a", "b"]).ok().out("");
    run(&t, &["--bytes=3", "a", "b"]).ok().out("");
    run(&t, &["-n", "0", "a", "b"]).ok().out("");
    run(&t, &["-n", "1K", "z1", "z2"]).ok().out("");
    run(&t, &["-n", "2K", "z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 1501, line 1\n");
    // After skipping, bytes and lines count from the skip point.
    run(&t, &["-i", "5", "a", "b"])
        .status(1)
        .out("a b differ: byte 1, line 1\n");
    run(&t, &["-i", "5:1", "a", "b"])
        .status(1)
        .out("a b differ: byte 1, line 1\n");
    run(&t, &["--ignore-initial=3", "a", "b"])
        .status(1)
        .out("a b differ: byte 3, line 2\n");
    run(&t, &["a", "b", "5", "6"])
        .status(1)
        .out("a b differ: byte 1, line 1\n");
    // SKIP2 defaults to 0, not to SKIP1.
    run(&t, &["a", "c", "4"])
        .status(1)
        .out("a c differ: byte 1, line 1\n");
    run(&t, &["a", "c", "4", "4"])
        .status(1)
        .err("cmp: EOF on c which is empty\n");
    run(&t, &["-i", "1k", "z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 477, line 1\n");
    run(&t, &["-i", "1kB", "z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 501, line 1\n");
    run(&t, &["-i", "1KiB", "z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 477, line 1\n");
    run(&t, &["-i", "0x10", "a", "b"]).ok();
    run(&t, &["-i", "010", "z1", "z2"])
        .status(1)
        .out("z1 z2 differ: byte 1493, line 1\n");
    run(&t, &["-n", "2", "-i", "10", "p", "q"]).ok();
    run(&t, &["-i", "3", "p", "q"])
        .status(1)
        .err("cmp: EOF on p which is empty\n");
}

#[test]
fn stdin() {
    let t = files();
    cmd("cmp")
        .args(["-", "a"])
        .stdin("abc\ndxf\n")
        .cwd(t.path())
        .run()
        .status(1)
        .out("- a differ: byte 6, line 2\n");
    // One operand: the other is stdin.
    cmd("cmp")
        .args(["a"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(1)
        .err("cmp: EOF on - which is empty\n");
    cmd("cmp").args(["-", "-"]).stdin("ab").run().ok().out("");
    cmd("cmp")
        .args(["-l", "-", "a"])
        .stdin("xy")
        .cwd(t.path())
        .run()
        .status(1)
        .out("1 170 141\n2 171 142\n")
        .err("cmp: EOF on - after byte 2\n");
    // Skipping on a pipe reads the bytes away.
    cmd("cmp")
        .args(["-i", "2:0", "-", "c"])
        .stdin("xyabc\n")
        .cwd(t.path())
        .run()
        .ok();
    // Long inputs across buffer refills.
    let mut big = "line\n".repeat(40_000);
    let t2 = TempDir::new();
    t2.write("big", &big);
    big.replace_range(150_001..150_002, "X");
    cmd("cmp")
        .args(["-", "big"])
        .stdin(big)
        .cwd(t2.path())
        .run()
        .status(1)
        .out("- big differ: byte 150002, line 30001\n");
}

#[test]
fn errors() {
    let t = files();
    run(&t, &["a", "nope"])
        .status(2)
        .out("")
        .err("cmp: nope: No such file or directory\n");
    run(&t, &["a", "."])
        .status(2)
        .err("cmp: .: Is a directory\n");
    // GNU diffutils' form after the message.
    let usage = "cmp: Try 'cmp --help' for more information.\n";
    run(&t, &[])
        .status(2)
        .err(format!("cmp: missing operand after 'cmp'\n{usage}"));
    run(&t, &["-l", "-s", "a", "b"])
        .status(2)
        .err(format!("cmp: options -l and -s are incompatible\n{usage}"));
    run(&t, &["-n", "-1", "a", "b"])
        .status(2)
        .err(format!("cmp: invalid --bytes value '-1'\n{usage}"));
    run(&t, &["-i", "x", "a", "b"])
        .status(2)
        .err(format!("cmp: invalid --ignore-initial value 'x'\n{usage}"));
    run(&t, &["-i", "2:x", "a", "b"])
        .status(2)
        .err(format!("cmp: invalid --ignore-initial value 'x'\n{usage}"));
    run(&t, &["-i", "1:", "a", "b"])
        .status(2)
        .err(format!("cmp: invalid --ignore-initial value ''\n{usage}"));
    run(&t, &["a", "b", "1", "x"])
        .status(2)
        .err(format!("cmp: invalid --ignore-initial value 'x'\n{usage}"));
    run(&t, &["a", "b", "c", "d", "e"])
        .status(2)
        .err(format!("cmp: invalid --ignore-initial value 'c'\n{usage}"));
    run(&t, &["a", "b", "1", "2", "e"])
        .status(2)
        .err(format!("cmp: extra operand 'e'\n{usage}"));
    run(&t, &["-x", "a", "b"])
        .status(2)
        .err_has("invalid option -- 'x'");
    cmd("cmp")
        .args(["a", "b"])
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(2)
        .err("cmp: write error: No space left on device\n");
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    t.write("sp ace", "1\n");
    t.write("new\nline", "2\n");
    cmd("cmp")
        .args(["sp ace", "new\nline"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("sp ace new\nline differ: byte 1, line 1\n");
}
