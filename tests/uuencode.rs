//! uuencode: the historical and base64 (-m) encodings, the mode in the
//! begin line, standard input, and the operand errors; compared with
//! sharutils 4.15 and BusyBox, which agree byte for byte.

use crate::common::*;

fn all_bytes() -> Vec<u8> {
    (0..=255u8).collect()
}

const ALL_UU: &str = "begin 600 all
M``$\"`P0%!@<(\"0H+#`T.#Q`1$A,4%187&!D:&QP='A\\@(2(C)\"4F)R@I*BLL
M+2XO,#$R,S0U-C<X.3H[/#T^/T!!0D-$149'2$E*2TQ-3D]045)35%565UA9
M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^`@8*#A(6&
MAXB)BHN,C8Z/D)&2DY25EI>8F9J;G)V>GZ\"AHJ.DI::GJ*FJJZRMKJ^PL;*S
MM+6VM[BYNKN\\O;Z_P,'\"P\\3%QL?(R<K+S,W.S]#1TM/4U=;7V-G:V]S=WM_@
?X>+CY.7FY^CIZNOL[>[O\\/'R\\_3U]O?X^?K[_/W^_P``
`
end
";

const ALL_B64: &str = "begin-base64 600 all
AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKiss
LS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZ
WltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWG
h4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKz
tLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g
4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==
====
";

#[test]
fn historical() {
    let t = TempDir::new();
    let f = t.write("all", all_bytes());
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    cmd("uuencode")
        .args(["all", "all"])
        .cwd(t.path())
        .run()
        .ok()
        .out(ALL_UU);
    // A partial group is padded with zero bits; zero is a backquote.
    sh("umask 022; printf ab | uuencode x")
        .run()
        .ok()
        .out("begin 644 x\n\"86(`\n`\nend\n");
    sh("umask 022; head -c 50 /dev/zero | uuencode z")
        .run()
        .ok()
        .out(format!(
            "begin 644 z\nM{}\n%````````\n`\nend\n",
            "`".repeat(60)
        ));
    sh("umask 022; uuencode empty </dev/null")
        .run()
        .ok()
        .out("begin 644 empty\n`\nend\n");
}

#[test]
fn base64() {
    let t = TempDir::new();
    let f = t.write("all", all_bytes());
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    cmd("uuencode")
        .args(["-m", "all", "all"])
        .cwd(t.path())
        .run()
        .ok()
        .out(ALL_B64);
    sh("umask 022; printf ab | uuencode -m x; uuencode --base64 e </dev/null")
        .run()
        .ok()
        .out("begin-base64 644 x\nYWI=\n====\nbegin-base64 644 e\n====\n");
}

#[test]
fn modes_and_stdin() {
    let t = TempDir::new();
    let f = t.write("s", "hello\n");
    // Only the permission bits: setuid is dropped.
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o4755)).unwrap();
    cmd("uuencode")
        .args(["s", "out name"])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin 755 out name\n&:&5L;&\\*\n`\nend\n");
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    cmd("uuencode")
        .args(["s", "s"])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin 0 s\n&:&5L;&\\*\n`\nend\n");
    // Standard input, with no FILE or with -, is 0666 less the umask.
    sh("umask 027; printf 'hello\\n' | uuencode - n; printf 'hello\\n' | uuencode n")
        .run()
        .ok()
        .out("begin 640 n\n&:&5L;&\\*\n`\nend\nbegin 640 n\n&:&5L;&\\*\n`\nend\n");
}

/// `-e`: the name base64-encoded in a begin-encoded line (sharutils
/// 4.15.2, whose uudecode reads it back).
#[test]
fn encoded_name() {
    let t = TempDir::new();
    let f = t.write("h", "hello\n");
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
    cmd("uuencode")
        .args(["-e", "h", "my file.txt"])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin-encoded 644 bXkgZmlsZS50eHQ=\n&:&5L;&\\*\n`\nend\n");
    cmd("uuencode")
        .args(["-em", "h", "x y"])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin-base64-encoded 644 eCB5\naGVsbG8K\n====\n");
    cmd("uuencode")
        .args(["--encode-file-name", "--base64", "h", "a\nb"])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin-base64-encoded 644 YQpi\naGVsbG8K\n====\n");
    // A long name is not wrapped; an empty one stays empty.
    let long = "n".repeat(100);
    let o = cmd("uuencode").args(["-e", "h", &long]).cwd(t.path()).run();
    o.ok();
    let first = o.stdout_str().lines().next().unwrap_or("").to_string();
    assert_eq!(first.len(), "begin-encoded 644 ".len() + 136, "{first}");
    cmd("uuencode")
        .args(["-e", "h", ""])
        .cwd(t.path())
        .run()
        .ok()
        .out("begin-encoded 644 \n&:&5L;&\\*\n`\nend\n");
    sh("umask 022; printf ab | uuencode -e é/x")
        .run()
        .ok()
        .out("begin-encoded 644 w6kveA==\n\"86(`\n`\nend\n");
}

#[test]
fn errors() {
    cmd("uuencode")
        .run()
        .status(1)
        .out("")
        .err("uuencode: missing operand\nUsage: uuencode [-em] [FILE] NAME\n");
    cmd("uuencode")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .out("")
        .err("uuencode: extra operand 'c'\nUsage: uuencode [-em] [FILE] NAME\n");
    cmd("uuencode")
        .args(["nope", "x"])
        .run()
        .status(1)
        .out("")
        .err("uuencode: nope: No such file or directory\n");
    cmd("uuencode")
        .args([".", "x"])
        .run()
        .status(1)
        .out("")
        .err("uuencode: .: Is a directory\n");
    for (args, what) in [
        (&["-e", "-e"][..], "encode-file-name"),
        (&["-mm"][..], "base64"),
    ] {
        cmd("uuencode")
            .args(args)
            .arg("x")
            .stdin("hi")
            .run()
            .status(1)
            .out("")
            .err_has(&format!("uuencode: only one {what} option allowed\n"));
    }
    cmd("uuencode")
        .args(["-x", "x"])
        .run()
        .status(1)
        .err_has("uuencode: invalid option -- 'x'");
    cmd("uuencode")
        .arg("x")
        .stdin("hi")
        .stdout_full()
        .run()
        .status(1)
        .err("uuencode: write error: No space left on device\n");
}
