//! xargs: splitting and quoting, -0 -d -n -L -l -I -i -s -x -r -t -E -e
//! -a -P -o, exit statuses, size limits. Expected texts are GNU xargs
//! 4.9's in the C locale.

use crate::common::*;

#[track_caller]
fn x(args: &[&str], input: &str, out: &str) {
    cmd("xargs").args(args).stdin(input).run().ok().out(out);
}

#[test]
fn default_echo_and_splitting() {
    x(&[], "a b\n c\td\n\n", "a b c d\n");
    x(&["echo", "-n", "pre"], "a\n", "pre a");
    // No final newline; empty input still runs once.
    x(&[], "a b", "a b\n");
    x(&[], "", "\n");
    x(&["-r"], "", "");
    x(&["--no-run-if-empty"], " \n\n", "");
}

#[test]
fn quotes_and_backslashes() {
    x(&[], "'a b' \"c d\" e\\ f g\\\\h\n", "a b c d e f g\\h\n");
    x(
        &["-n", "1"],
        "'a b' \"it's\" 'say \"x\"'\n",
        "a b\nit's\nsay \"x\"\n",
    );
    x(&["-n", "1"], "a\\\nb\n", "a\nb\n");
    x(&["-n", "1"], "'' \"\" x\n", "\n\nx\n");
    cmd("xargs")
        .stdin("a 'b c\n")
        .run()
        .status(1)
        .out("a\n")
        .err("xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n");
    cmd("xargs")
        .stdin("a \"b\nc\"\n")
        .run()
        .status(1)
        .out("a\n")
        .err("xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n");
}

#[test]
fn null_and_delimiter() {
    x(&["-0", "-n", "1"], "a b\0'c'\0d\\e\0", "a b\n'c'\nd\\e\n");
    // Empty items are arguments; a last item needs no terminator.
    x(&["-0", "-n", "1"], "a\0\0b", "a\n\nb\n");
    x(&["--null"], "", "\n");
    x(&["-d", ","], "a,b,c\n", "a b c\n\n");
    x(&["-d", "\\n", "-n", "1"], "a b\nc 'd\n", "a b\nc 'd\n");
    x(&["-d", "\\x41"], "aAb", "a b\n");
    x(&["-d", "\\101"], "aAb", "a b\n");
    x(&["--delimiter=\\t"], "a\tb", "a b\n");
    cmd("xargs")
        .args(["-d", "\\q"])
        .run()
        .status(1)
        .err("xargs: Invalid escape sequence \\q in input delimiter specification.\n");
    cmd("xargs")
        .args(["-d", "\\400"])
        .run()
        .status(1)
        .err("xargs: Invalid escape sequence \\400 in input delimiter specification; character values must not exceed 377.\n");
    cmd("xargs")
        .args(["-d", "ab"])
        .run()
        .status(1)
        .err("xargs: Invalid input delimiter specification ab: the delimiter must be either a single character or an escape sequence starting with \\.\n");
}

#[test]
fn max_args() {
    x(&["-n", "2"], "a b c d e\n", "a b\nc d\ne\n");
    x(&["--max-args=1", "echo", "x"], "a b\n", "x a\nx b\n");
    x(&["-n1"], "a\n", "a\n");
    cmd("xargs")
        .args(["-n", "0"])
        .run()
        .status(1)
        .err_has("xargs: value 0 for -n option should be >= 1\n");
    cmd("xargs")
        .args(["-n", "x"])
        .run()
        .status(1)
        .err_has("xargs: invalid number \"x\" for -n option\n");
    cmd("xargs")
        .args(["-n"])
        .run()
        .status(1)
        .err_has("xargs: option requires an argument -- 'n'\n");
}

#[test]
fn max_lines() {
    x(&["-L", "1"], "a b\nc\n\nd\n", "a b\nc\nd\n");
    x(&["-L", "2"], "a\n\nb\nc\nd\n", "a b\nc d\n");
    // A trailing blank continues the line.
    x(&["-L", "1"], "a b \nc\nd\n", "a b c\nd\n");
    x(&["-l"], "a\nb\n", "a\nb\n");
    x(&["-l2"], "a\nb\nc\n", "a b\nc\n");
    x(&["--max-lines"], "a\nb\n", "a\nb\n");
    // -0: each item is a line.
    x(&["-0", "-L", "2"], "a\0b\0c\0", "a b\nc\n");
}

#[test]
fn last_of_n_and_l_wins_with_warning() {
    cmd("xargs")
        .args(["-L", "1", "-n", "2"])
        .stdin("a b c\n")
        .run()
        .status(0)
        .out("a b\nc\n")
        .err("xargs: warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value\n");
    cmd("xargs")
        .args(["-n", "2", "-L", "1"])
        .stdin("a b c\n")
        .run()
        .status(0)
        .out("a b c\n")
        .err("xargs: warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value\n");
}

#[test]
fn replace() {
    x(
        &["-I{}", "echo", "[{}]"],
        "  a b  \n c\n\n",
        "[a b  ]\n[c]\n",
    );
    x(&["-I", "X", "echo", "X-X", "Y"], "p\nq\n", "p-p Y\nq-q Y\n");
    x(&["-i", "echo", "<{}>"], "x\n", "<x>\n");
    x(&["-iZ", "echo", "<Z>"], "x\n", "<x>\n");
    x(&["--replace", "echo", "{}{}"], "'a b'\n", "a ba b\n");
    x(&["-I{}", "echo", "{}"], "", "");
    cmd("xargs")
        .args(["-n", "3", "-I", "X", "echo", "X"])
        .stdin("p\nq\n")
        .run()
        .status(0)
        .out("p\nq\n")
        .err("xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value\n");
}

#[test]
fn replace_against_lines_and_args() {
    // -n after -I keeps one command per line, quietly.
    x(&["-I", "X", "-n", "1", "echo", "X"], "p q\nr\n", "p q\nr\n");
    cmd("xargs")
        .args(["-I", "X", "-L", "1", "echo", "X"])
        .stdin("p q\nr\n")
        .run()
        .status(0)
        .out("X p q\nX r\n")
        .err("xargs: warning: options --replace and -L are mutually exclusive, ignoring previous --replace value\n");
    cmd("xargs")
        .args(["-L", "1", "-I", "X", "echo", "X"])
        .stdin("p\n")
        .run()
        .status(0)
        .out("p\n")
        .err("xargs: warning: options --max-lines and --replace/-I/-i are mutually exclusive, ignoring previous --max-lines value\n");
    // The bare command must fit in -s.
    x(&["-s", "5", "echo"], "", "\n");
    cmd("xargs")
        .args(["-s", "4", "echo"])
        .run()
        .status(1)
        .err("xargs: cannot fit single argument within argument list size limit\n");
}

#[test]
fn eof_string() {
    x(&["-E", "x"], "a b\nx\nc\n", "a b\n");
    x(&["-E", "b"], "a b c\n", "a\n");
    x(&["-eb"], "a b c\n", "a\n");
    x(&["--eof=b"], "a b c\n", "a\n");
    // -e alone: no end-of-file string.
    x(&["-e"], "a _ b\n", "a _ b\n");
    cmd("xargs")
        .args(["-0", "-E", "b"])
        .stdin("a\0b\0c\0")
        .run()
        .status(0)
        .out("a b c\n")
        .err("xargs: warning: the -E option has no effect if -0 or -d is used.\n\n");
}

#[test]
fn size_limits() {
    // "echo"+1 plus each argument and one: 11 bytes hold three.
    x(&["-s", "11", "echo"], "a b c d\n", "a b c\nd\n");
    x(&["--max-chars=7"], "a b\n", "a\nb\n");
    cmd("xargs")
        .args(["-s", "5"])
        .stdin("a\n")
        .run()
        .status(1)
        .out("")
        .err("xargs: argument line too long\n");
    cmd("xargs")
        .args(["-s", "0"])
        .stdin("a\n")
        .run()
        .status(1)
        .err("xargs: value 0 for -s option should be >= 1\nxargs: cannot fit single argument within argument list size limit\n");
    let o = cmd("xargs").args(["-s", "999999999"]).stdin("a\n").run();
    o.status(0).out("a\n");
    assert!(o
        .stderr_str()
        .starts_with("xargs: value 999999999 for -s option should be <= "));
    // -x: a line that cannot hold -n items is an error.
    cmd("xargs")
        .args(["-x", "-n", "2", "-s", "8", "echo"])
        .stdin("a b c d\n")
        .run()
        .status(1)
        .out("")
        .err("xargs: argument list too long\n");
    x(&["-n", "2", "-s", "8", "echo"], "a b c d\n", "a\nb\nc\nd\n");
    x(&["-n", "2", "-s", "9", "echo"], "a b c d\n", "a b\nc d\n");
    // Many arguments are split into several commands within the limit.
    let input: String = (0..50_000).map(|i| format!("arg{i}\n")).collect();
    let o = cmd("xargs")
        .args(["sh", "-c", "echo $#", "sh"])
        .stdin(&input)
        .run();
    o.ok();
    let counts: Vec<usize> = o
        .stdout_str()
        .lines()
        .map(|l| l.parse().expect("count"))
        .collect();
    assert!(counts.len() > 1, "{counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), 50_000);
}

#[test]
fn show_limits() {
    let o = cmd("xargs").args(["--show-limits", "-r"]).run();
    o.ok();
    let s = o.stdout_str();
    assert!(s.starts_with("Your environment variables take up "), "{s}");
    assert!(s.contains(
        "\nPOSIX smallest allowable upper limit on argument length (all systems): 4096\n"
    ));
    assert!(
        s.contains("\nSize of command buffer we are actually using: 131072\n"),
        "{s}"
    );
}

#[test]
fn exit_statuses() {
    cmd("xargs")
        .args(["sh", "-c", "exit 1"])
        .stdin("a\n")
        .run()
        .status(123)
        .err("");
    cmd("xargs")
        .args(["sh", "-c", "exit 125"])
        .stdin("a\n")
        .run()
        .status(123);
    // 123 goes on with the next command; 255 stops.
    cmd("xargs")
        .args(["-n", "1", "sh", "-c", "echo $0; exit 2"])
        .stdin("a b\n")
        .run()
        .status(123)
        .out("a\nb\n");
    cmd("xargs")
        .args(["-n", "1", "sh", "-c", "echo $0; exit 255"])
        .stdin("a b\n")
        .run()
        .status(124)
        .out("a\n")
        .err("xargs: sh: exited with status 255; aborting\n");
    cmd("xargs")
        .args(["-n", "1", "sh", "-c", "echo $0; kill $$"])
        .stdin("a b\n")
        .run()
        .status(125)
        .out("a\n")
        .err("xargs: sh: terminated by signal 15\n");
    cmd("xargs")
        .args(["no_such_command_x"])
        .stdin("a\n")
        .run()
        .status(127)
        .err("xargs: no_such_command_x: No such file or directory\n");
    let c = cmd("xargs");
    let f = c.dir().join("noexec");
    std::fs::write(&f, "#!/bin/sh\n").expect("write");
    c.arg(&f)
        .stdin("a\n")
        .run()
        .status(126)
        .err(format!("xargs: {}: Permission denied\n", f.display()));
    cmd("xargs")
        .args(["-q"])
        .run()
        .status(1)
        .err_has("xargs: invalid option -- 'q'\n");
    cmd("xargs")
        .args(["--foo"])
        .run()
        .status(1)
        .err_has("xargs: unrecognized option '--foo'\n");
}

#[test]
fn scripts_without_a_shebang_run_in_the_shell() {
    let c = cmd("xargs");
    let f = c.dir().join("script");
    std::fs::write(&f, "echo hi \"$@\"\n").expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    c.arg(&f).stdin("a b\n").run().ok().out("hi a b\n");
}

#[test]
fn verbose_trace() {
    cmd("xargs")
        .args(["-t", "echo"])
        .stdin("a b\n")
        .run()
        .status(0)
        .out("a b\n")
        .err("echo a b\n");
    cmd("xargs")
        .args(["-t", "-I{}", "sh", "-c", "echo {}"])
        .stdin("a b\n")
        .run()
        .status(0)
        .out("a b\n")
        .err("sh -c 'echo a b'\n");
    cmd("xargs")
        .args(["--verbose", "-n", "1"])
        .stdin("x y\n")
        .run()
        .status(0)
        .out("x\ny\n")
        .err("echo x\necho y\n");
}

#[test]
fn arg_file_and_stdin_of_commands() {
    let c = cmd("xargs");
    std::fs::write(c.dir().join("list"), "f1 f2\n").expect("write");
    // With -a the commands keep xargs' standard input.
    c.args(["-a", "list", "sh", "-c", "echo $*; cat", "sh"])
        .stdin("from stdin\n")
        .run()
        .ok()
        .out("f1 f2\nfrom stdin\n");
    // Otherwise it is /dev/null.
    x(&["sh", "-c", "cat; echo $*", "sh"], "a\n", "a\n");
    cmd("xargs")
        .args(["-a", "/nonexistent"])
        .run()
        .status(1)
        .err("xargs: Cannot open input file '/nonexistent': No such file or directory\n");
}

#[test]
fn parallel() {
    // Two at once: the shorter sleep finishes first.
    let o = cmd("xargs")
        .args(["-P", "2", "-n", "1", "sh", "-c", "sleep $0; echo $0"])
        .stdin("0.6 0.1\n")
        .run();
    o.ok().out("0.1\n0.6\n");
    let o = cmd("xargs")
        .args([
            "-P",
            "0",
            "-n",
            "1",
            "--process-slot-var=SLOT",
            "sh",
            "-c",
            "echo $SLOT",
        ])
        .stdin("a\n")
        .run();
    o.ok().out("0\n");
    let o = cmd("xargs")
        .args(["-P", "3", "-n", "1", "sh", "-c", "exit $0"])
        .stdin("0 1 0\n")
        .run();
    o.status(123);
    cmd("xargs")
        .args(["-P", "3000000000"])
        .run()
        .status(1)
        .err_has("xargs: value 3000000000 for -P option should be <= 2147483647\n");
    // Counts too big to hold are as good as the largest.
    x(&["-n", "99999999999999999999"], "a b\n", "a b\n");
    cmd("xargs")
        .args(["-P", "x"])
        .run()
        .status(1)
        .err_has("xargs: invalid number \"x\" for -P option\n");
}

#[test]
fn odd_bytes_and_long_items() {
    let o = cmd("xargs")
        .args(["-0", "printf", "[%s]"])
        .stdin(b"caf\xe9\0new\nline\0")
        .run();
    o.ok().out(&b"[caf\xe9][new\nline]"[..]);
    let long = "y".repeat(100_000);
    let o = cmd("xargs")
        .args(["-n", "1", "sh", "-c", "echo ${#0}"])
        .stdin(format!("{long} z\n"))
        .run();
    o.ok().out("100000\n1\n");
}

/// Runs a shell command on a pseudo-terminal (util-linux `script`),
/// with `input` typed at it; None when `script` is not installed.
fn on_tty(command: &str, input: &str) -> Option<String> {
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: no /usr/bin/script");
        return None;
    }
    let o = sh(&format!("/usr/bin/script -qec \"{command}\" /dev/null"))
        .stdin(input)
        .run();
    Some(o.stdout_str())
}

#[test]
fn interactive_asks_the_terminal() {
    let Some(out) = on_tty("printf 'a\\nb\\n' | xargs -p -n1 echo", "y\nn\n") else {
        return;
    };
    // The terminal may echo the typed answers before the first prompt is
    // out (a loaded machine): leave the echoes out.
    let seen = out.replace("y\r\n", "").replace("n\r\n", "");
    assert!(seen.contains("echo a?...a\r\n"), "{out:?}");
    assert!(seen.ends_with("echo b?..."), "{out:?}");
    // -o gives the commands the terminal as standard input.
    let Some(out) = on_tty("echo x | xargs -o sh -c 'test -t 0 && echo tty'", "") else {
        return;
    };
    assert!(out.contains("tty"), "{out:?}");
    let Some(out) = on_tty("echo x | xargs sh -c 'test -t 0 || echo notty'", "") else {
        return;
    };
    assert!(out.contains("notty"), "{out:?}");
}

#[test]
fn interactive_without_a_terminal_fails() {
    let o = sh("setsid xargs -p echo; echo rc=$?").stdin("a\n").run();
    o.out("rc=1\n");
    // The command is shown, but not the "?..." of a prompt that cannot be.
    o.err("echo axargs: failed to open /dev/tty for reading: No such device or address\n");
}

#[test]
fn replace_size_limits() {
    let bad = |input: &str, args: &[&str], msg: &str| {
        let mut all = vec!["-I{}", "-s", "10"];
        all.extend_from_slice(args);
        cmd("xargs")
            .args(all)
            .stdin(input)
            .run()
            .status(1)
            .out("")
            .err(format!("xargs: {msg}\n"));
    };
    // Only the arguments without {} count before a line is read.
    bad(
        "a\n",
        &["echo12345678", "{}"],
        "cannot fit single argument within argument list size limit",
    );
    // The line itself, one argument built from it, the whole command.
    bad("abcdefghij\n", &["echo", "{}"], "argument line too long");
    bad("abcdefghi\n", &["echo", "{}"], "command too long");
    bad("a\n", &["echo", "{}{}{}{}{}{}{}{}{}"], "command too long");
    bad(
        "a\n",
        &["echo", "{}{}{}{}{}{}{}{}"],
        "argument list too long",
    );
    bad("a\n", &["echo", "{}{}{}", "{}{}"], "argument list too long");
    x(&["-I{}", "-s", "10", "echo", "{}"], "abcd\n", "abcd\n");
    x(&["-I{}", "-s", "10", "echo", "{}{}{}{}"], "a\n", "aaaa\n");
}

#[test]
fn negative_numbers_are_out_of_range() {
    for (opt, min) in [("-n", 1), ("-L", 1), ("-P", 0)] {
        cmd("xargs")
            .args([opt, "-1", "echo"])
            .stdin("a\n")
            .run()
            .status(1)
            .out("")
            .err(format!(
                "xargs: value -1 for {opt} option should be >= {min}\nTry 'xargs --help' for more information.\n"
            ));
    }
    // -s goes on with 1, which nothing fits in.
    cmd("xargs")
        .args(["-s", "-1", "echo"])
        .stdin("a\n")
        .run()
        .status(1)
        .out("")
        .err("xargs: value -1 for -s option should be >= 1\nxargs: cannot fit single argument within argument list size limit\n");
}

#[test]
fn bad_quote_with_l_drops_the_unfinished_line() {
    let q = "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n";
    cmd("xargs")
        .args(["-L1", "echo"])
        .stdin("x\na 'b c\n")
        .run()
        .status(1)
        .out("x\n")
        .err(q);
    cmd("xargs")
        .args(["-L2", "echo"])
        .stdin("x y\nz\na 'b c\n")
        .run()
        .status(1)
        .out("x y z\n")
        .err(q);
    // Without -L what was read is run.
    cmd("xargs")
        .args(["echo"])
        .stdin("x\na 'b c\n")
        .run()
        .status(1)
        .out("x a\n")
        .err(q);
}

#[test]
fn a_finished_command_frees_its_slot() {
    // The first command has long ended when the second item comes: its
    // slot is reused (GNU collects ended children before each command).
    sh("(echo a; sleep 0.5; echo b) | xargs -P2 -n1 --process-slot-var=S sh -c 'echo $S'")
        .run()
        .ok()
        .out("0\n0\n");
}
