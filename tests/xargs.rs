//! xargs: splitting and quoting, -0 -d -n -L -l -I -i -s -x -r -t -E -e
//! -a -P -o, exit statuses, size limits. Expected texts are GNU xargs
//! 4.9's in the C locale.

use crate::common::*;

/// `xargs ARGS` with INPUT: GNU's stdout, stderr and status.
#[track_caller]
fn g(args: &[&str], input: &str, out: &str, err: &str, status: i32) {
    cmd("xargs")
        .args(args)
        .stdin(input)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

/// As `g`, with FILES written in the directory xargs runs in.
#[track_caller]
fn gf(files: &[(&str, &str)], args: &[&str], input: &str, out: &str, err: &str, status: i32) {
    let c = cmd("xargs");
    for (name, text) in files {
        std::fs::write(c.dir().join(name), text).expect("write");
    }
    c.args(args)
        .stdin(input)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

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
    // GNU writes the limits on standard error.
    let o = cmd("xargs").args(["--show-limits", "-r"]).run();
    o.status(0).out("");
    let s = o.stderr_str();
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

/// -d with escapes (\n \t \x41 \\ \0), -0/--null, which last of -0/-d wins. Each expected text is GNU xargs 4.9's.
#[test]
fn delimiters_as_gnu() {
    g(&["-d", "\\n", "-n", "1"], "a b\n\nc\n", "a b\n\nc\n", "", 0);
    g(
        &["-d", "\\n"],
        "'q' \"r\"\nx\\y\n",
        "'q' \"r\" x\\y\n",
        "",
        0,
    );
    g(
        &["-d", "\\t", "-n", "1"],
        "a b\tc\n\td",
        "a b\nc\n\nd\n",
        "",
        0,
    );
    g(&["-d", "\\t"], "a\t\tb\t", "a  b\n", "", 0);
    g(&["-d", "\\x41", "-n", "1"], "xAAyA", "x\n\ny\n", "", 0);
    g(&["-d", "\\x4a"], "pJq", "p q\n", "", 0);
    g(&["-d", "\\\\"], "a\\b\\c", "a b c\n", "", 0);
    g(&["-d", "\\0", "-n", "1"], "a\0b c\0", "a\nb c\n", "", 0);
    // With -d the final newline is part of the last item.
    g(&["-d", " ", "-n", "1"], "a  b\n", "a\n\nb\n\n", "", 0);
    g(&["-d", "x", "-L", "1"], "axbxc", "a\nb\nc\n", "", 0);
    g(&["-d", ",", "-r"], "", "", "", 0);
    g(&["-d", ","], "", "\n", "", 0);
    g(&["--delimiter", ",", "-n2"], "a,b,c,d", "a b\nc d\n", "", 0);
    g(&["--delimiter=\\n"], "a\nb\n", "a b\n", "", 0);
    g(&["-d", "\\a", "-n", "1"], "x\x07y", "x\ny\n", "", 0);
    g(
        &["-d", "\\e"],
        "x",
        "",
        "xargs: Invalid escape sequence \\e in input delimiter specification.\n",
        1,
    );
    g(&["-d", "\\"], "a\\b", "a b\n", "", 0);
    g(&["-d", ""], "x", "", "xargs: Invalid input delimiter specification : the delimiter must be either a single character or an escape sequence starting with \\.\n", 1);
    g(&["-0", "-L", "1"], "a b\0c\0", "a b\nc\n", "", 0);
    g(&["-0", "-r"], "", "", "", 0);
    g(&["-0"], "\0", "\n", "", 0);
    g(
        &["-0", "-n", "1"],
        "'a'\0\"b\"\0c\\d\0",
        "'a'\n\"b\"\nc\\d\n",
        "",
        0,
    );
    g(
        &["-0", "-E", "x"],
        "a\0x\0b\0",
        "a x b\n",
        "xargs: warning: the -E option has no effect if -0 or -d is used.\n\n",
        0,
    );
    // The last of -0 and -d counts; an item is cut at a NUL.
    g(&["--null", "-d", ","], "a,b\0c", "a b\n", "", 0);
    g(&["-d", ",", "-0"], "a,b\0c", "a,b c\n", "", 0);
}

/// POSIX quoting, blank lines, -L/-l and a trailing blank continuing a line. Each expected text is GNU xargs 4.9's.
#[test]
fn quoting_blank_lines_and_max_lines_as_gnu() {
    g(&[], "\"a\\\\\"b\"\n", "", "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&[], "'a\\b'\n", "a\\b\n", "", 0);
    g(&["-n", "1"], "a\"b c\"d e'f g'h\n", "ab cd\nef gh\n", "", 0);
    g(&["-n", "1"], "\"'\" '\"'\n", "'\n\"\n", "", 0);
    g(&["-n", "1"], "\\  \\' \\\" \\\\\n", " \n'\n\"\n\\\n", "", 0);
    g(&["-n", "1"], "a\\\tb\n", "a\tb\n", "", 0);
    g(&[], "a\\", "a\n", "", 0);
    g(&["-n", "1"], "\"\"\"\" x''y\n", "\nxy\n", "", 0);
    g(&[], "\"a\nb\"\n", "", "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&[], "'a\nb'\n", "", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&[], "x \"abc", "x\n", "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&[], "x 'abc", "x\n", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&["-n", "1"], "x 'a'b'c'\n", "x\nabc\n", "", 0);
    g(&["-0"], "a'b\0", "a'b\n", "", 0);
    g(&["-L", "1"], "'a b' c\n'd\n", "a b c\n", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&["-I", "{}", "echo", "[{}]"], "x \"a b\n", "", "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(&[], "\n\n\n", "\n", "", 0);
    g(&["-r"], "\n\n\n", "", "", 0);
    g(&["echo", "x"], "   \t\n", "x\n", "", 0);
    g(&["-r", "echo", "x"], "   \t\n", "", "", 0);
    g(
        &["-n", "1"],
        "\t a \t b\n\n\n c\x0d\n",
        "a\nb\nc\x0d\n",
        "",
        0,
    );
    g(&["-n", "1"], "a\x0cb\x0bc\n", "a\x0cb\x0bc\n", "", 0);
    g(&["-r", "-n", "1"], "\n\na\n\n", "a\n", "", 0);
    g(&["-L", "1"], "a b \nc d\ne\n", "a b c d\ne\n", "", 0);
    g(&["-L", "1"], "a b\t\nc d\ne\n", "a b c d\ne\n", "", 0);
    g(&["-L", "1"], "a \n\nb\n", "a b\n", "", 0);
    g(&["-L", "1"], "a b \n", "a b\n", "", 0);
    g(&["-L", "1"], "a \\\nb\nc\n", "a \nb\nc\n", "", 0);
    g(&["-L", "2"], "a\nb\nc\nd\ne\n", "a b\nc d\ne\n", "", 0);
    g(&["-L", "2"], "a \nb\nc\nd\n", "a b c\nd\n", "", 0);
    g(&["-L", "3", "-n", "1"], "a b\nc\n", "a\nb\nc\n", "xargs: warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value\n", 0);
    g(&["--max-lines=2"], "a\nb\nc\n", "a b\nc\n", "", 0);
    g(&["--max-lines"], "a b\nc\n", "a b\nc\n", "", 0);
    g(&["-l1"], "a\nb\nc\n", "a\nb\nc\n", "", 0);
    g(&["-l"], "a \nb\nc\n", "a b\nc\n", "", 0);
    g(&["-L", "1", "echo", "x"], "\n\n", "x\n", "", 0);
    g(&["-L", "1", "-r"], "\n  \n", "", "", 0);
    g(
        &["-L", "0"],
        "a\n",
        "",
        "xargs: value 0 for -L option should be >= 1\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(
        &["-L", "x"],
        "a\n",
        "",
        "xargs: invalid number \"x\" for -L option\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(
        &["-L"],
        "a\n",
        "",
        "xargs: option requires an argument -- 'L'\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(&["-L", "1"], "a 'b\nc' d\ne\n", "", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
}

/// -I/-i/--replace: several times, inside words, leading blanks, with -n/-L. Each expected text is GNU xargs 4.9's.
#[test]
fn replace_strings_as_gnu() {
    g(
        &["-I", "{}", "echo", "{}", "{}", "-{}-"],
        "a b\n",
        "a b a b -a b-\n",
        "",
        0,
    );
    g(
        &["-I", "%", "echo", "pre%post", "%%"],
        "x\ny\n",
        "prexpost xx\npreypost yy\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "echo", "[{}]"],
        "   lead\ttab  \n",
        "[lead\ttab  ]\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "echo", "[{}]"],
        "a\n\n\nb\n",
        "[a]\n[b]\n",
        "",
        0,
    );
    g(&["-I", "{}", "echo", "[{}]"], "a\\ b\n", "[a b]\n", "", 0);
    g(
        &["-I", "{}", "echo", "[{}]"],
        "'q a' \"r\"\n",
        "[q a r]\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "echo", "[{}]"],
        "a \\\nb\n",
        "[a \nb]\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "echo", "[{}]"],
        "a \nb\n",
        "[a ]\n[b]\n",
        "",
        0,
    );
    g(&["-I", "{}", "echo", "x"], "a\nb\n", "x\nx\n", "", 0);
    g(&["-I", "{}"], "a\nb\n", "\n\n", "", 0);
    g(&["-I", "{}", "echo", "[{}]"], "  \n", "", "", 0);
    g(&["-I", "{}", "-r", "echo", "[{}]"], "\n", "", "", 0);
    g(&["-I", "{}", "echo", "[{}]"], "\n", "", "", 0);
    g(
        &["-I", "{}", "echo", "[{}]", "{}"],
        "a  b\n",
        "[a  b] a  b\n",
        "",
        0,
    );
    g(
        &["-I", "ab", "echo", "xabyab", "aab"],
        "Z\n",
        "xZyZ aZ\n",
        "",
        0,
    );
    // An empty replace string "matches" without end: GNU gives up.
    g(
        &["-I", "", "echo", "x"],
        "a\n",
        "",
        "xargs: command too long\n",
        1,
    );
    g(&["-i", "echo", "[{}]"], "a\nb\n", "[a]\n[b]\n", "", 0);
    g(&["-ix", "echo", "[x]"], "a\n", "[a]\n", "", 0);
    g(&["--replace", "echo", "[{}]"], "a\n", "[a]\n", "", 0);
    g(&["--replace=X", "echo", "[X]"], "a\n", "[a]\n", "", 0);
    g(
        &["--replace=", "echo", "[{}]"],
        "a\n",
        "",
        "xargs: command too long\n",
        1,
    );
    // -n 1 goes with -I; any other -n after -I ends it.
    g(&["-I", "{}", "-n", "2", "echo", "[{}]"], "a b\nc\n", "[{}] a b\n[{}] c\n", "xargs: warning: options --replace and --max-args/-n are mutually exclusive, ignoring previous --replace value\n", 0);
    g(&["-n", "1", "-I", "{}", "echo", "[{}]"], "a b\nc\n", "[a b]\n[c]\n", "xargs: warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value\n", 0);
    g(&["-I", "{}", "-L", "2", "echo", "[{}]"], "a\nb\nc\n", "[{}] a b\n[{}] c\n", "xargs: warning: options --replace and -L are mutually exclusive, ignoring previous --replace value\n", 0);
    g(
        &["-0", "-I", "{}", "echo", "[{}]"],
        "  a b\0c\n\0",
        "[  a b]\n[c\n]\n",
        "",
        0,
    );
    g(
        &["-d", ",", "-I", "{}", "echo", "[{}]"],
        " a, b",
        "[ a]\n[ b]\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "-E", "stop", "echo", "[{}]"],
        "a\nstop\nb\n",
        "[a]\n",
        "",
        0,
    );
    g(
        &["-I", "{}", "-E", "stop", "echo", "[{}]"],
        "a\nstop x\nb\n",
        "[a]\n[stop x]\n[b]\n",
        "",
        0,
    );
    g(&["-I", "{}", "sh", "-c", "echo \"$1\"", "sh", "{}"], "a'b\n", "", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(
        &["-I", "{}", "-t", "echo", "{}"],
        "a b\n",
        "a b\n",
        "echo 'a b'\n",
        0,
    );
    g(
        &["-I{}", "-P", "1", "echo", "{}"],
        "1\n2\n",
        "1\n2\n",
        "",
        0,
    );
}

/// -s/-x limits, -E/-e/--eof, -t's shell quoting on stderr. Each expected text is GNU xargs 4.9's.
#[test]
fn sizes_eof_strings_and_trace_as_gnu() {
    g(
        &["-s", "20", "echo"],
        "aaaa bbbb cccc dddd eeee\n",
        "aaaa bbbb cccc\ndddd eeee\n",
        "",
        0,
    );
    g(&["-s", "10", "echo"], "aaaa bbbb\n", "aaaa\nbbbb\n", "", 0);
    g(
        &["-s", "9", "echo"],
        "aaaa bbbb\n",
        "",
        "xargs: argument line too long\n",
        1,
    );
    g(
        &["--max-chars=10", "echo"],
        "aaaa bbbb\n",
        "aaaa\nbbbb\n",
        "",
        0,
    );
    g(
        &["-s", "6", "echo"],
        "a\n",
        "",
        "xargs: argument line too long\n",
        1,
    );
    g(
        &["-s", "6", "echo"],
        "ab\n",
        "",
        "xargs: argument line too long\n",
        1,
    );
    g(
        &["-s", "7", "echo", "x"],
        "a\n",
        "",
        "xargs: argument line too long\n",
        1,
    );
    g(
        &["-s", "12", "-x", "echo"],
        "aaaa bbbb cccc\n",
        "aaaa\nbbbb\ncccc\n",
        "",
        0,
    );
    g(
        &["-s", "12", "-x", "-n", "2", "echo"],
        "aaaa bbbb cccc\n",
        "",
        "xargs: argument list too long\n",
        1,
    );
    g(
        &["-s", "12", "-x", "-n", "1", "echo"],
        "aaaa bbbb cccc\n",
        "aaaa\nbbbb\ncccc\n",
        "",
        0,
    );
    g(
        &["-s", "12", "-x", "-L", "1", "echo"],
        "aaaa\nbbbb cccc\n",
        "aaaa\n",
        "xargs: argument list too long\n",
        1,
    );
    g(
        &["-s", "12", "--exit", "-L", "1", "echo"],
        "aaaa\nbbbb\n",
        "aaaa\nbbbb\n",
        "",
        0,
    );
    g(&["-x", "echo"], "a b\n", "a b\n", "", 0);
    g(
        &["-s", "x"],
        "a\n",
        "",
        "xargs: invalid number \"x\" for -s option\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(
        &["-s"],
        "a\n",
        "",
        "xargs: option requires an argument -- 's'\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(
        &["-s", "12", "-I", "{}", "echo", "{}"],
        "aaaaaaaaaaaa\n",
        "",
        "xargs: argument line too long\n",
        1,
    );
    g(
        &["-n", "2", "-s", "10", "echo"],
        "a b c d e\n",
        "a b\nc d\ne\n",
        "",
        0,
    );
    g(&["-E", "END"], "a END b\n", "a\n", "", 0);
    g(&["-E", "END"], "a ENDx b\n", "a ENDx b\n", "", 0);
    g(&["-E", "END"], "END\n", "\n", "", 0);
    g(&["-E", "END", "-r"], "END a\n", "", "", 0);
    g(&["-E", "END", "-n", "1"], "a b END c\n", "a\nb\n", "", 0);
    g(
        &["-E", "END", "-L", "1"],
        "a b\nc END d\ne\n",
        "a b\nc\n",
        "",
        0,
    );
    g(&["-E", "'END'"], "a 'END' b\n", "a END b\n", "", 0);
    g(&["-E", "END"], "a 'END' b\n", "a\n", "", 0);
    // The end string is compared after quotes are removed.
    g(&["-E", "END"], "a \"END\" b\n", "a\n", "", 0);
    g(&["-E", "END"], "a E\\ND b\n", "a\n", "", 0);
    g(&["-E", ""], "a END _ b\n", "a END _ b\n", "", 0);
    g(&[], "a _ b\n", "a _ b\n", "", 0);
    g(&["-e"], "a _ b\n", "a _ b\n", "", 0);
    g(&["-eEND", "-E", "x"], "a x END b\n", "a\n", "", 0);
    g(&["-E", "x", "-e"], "a x b\n", "a x b\n", "", 0);
    // --eof takes its value only after `=`: here x is the command.
    g(
        &["--eof", "x"],
        "a x b\n",
        "",
        "xargs: x: No such file or directory\n",
        127,
    );
    g(&["--eof=x"], "a x b\n", "a\n", "", 0);
    g(&["--eof"], "a x b\n", "a x b\n", "", 0);
    g(
        &["-d", "\\n", "-E", "x"],
        "a\nx\nb\n",
        "a x b\n",
        "xargs: warning: the -E option has no effect if -0 or -d is used.\n\n",
        0,
    );
    g(&["-t"], "a b\n", "a b\n", "echo a b\n", 0);
    g(
        &["-t", "echo", "x y"],
        "a\n",
        "x y a\n",
        "echo 'x y' a\n",
        0,
    );
    g(&["-t", "printf", "%s\\n"], "a'b\" 'c d'\n", "ab\" c\n", "printf '%s\\n' 'ab\" c'\nxargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1);
    g(
        &["-t", "-n", "1", "echo"],
        "'' a\n",
        "\na\n",
        "echo ''\necho a\n",
        0,
    );
    g(
        &["-t", "-0", "echo"],
        "tab\there\0\0nl\nx\0",
        "tab\there  nl\nx\n",
        "echo 'tab'$'\\t''here' '' 'nl'$'\\n''x'\n",
        0,
    );
    g(&["-t", "-r"], "", "", "", 0);
    g(&["-t"], "", "\n", "echo\n", 0);
    // -t quotes as gnulib's shell style: `=` anywhere, `~` first.
    g(
        &["-t", "echo", "$x", "*", "a=b", "~"],
        "\n",
        "$x * a=b ~\n",
        "echo '$x' '*' 'a=b' '~'\n",
        0,
    );
    g(
        &["--verbose", "-L", "1", "echo"],
        "a\nb\n",
        "a\nb\n",
        "echo a\necho b\n",
        0,
    );
    g(
        &["-t", "-s", "4", "echo"],
        "a\n",
        "",
        "xargs: cannot fit single argument within argument list size limit\n",
        1,
    );
}

/// Exit statuses, -a/--arg-file, option clusters and long forms. Each expected text is GNU xargs 4.9's.
#[test]
fn statuses_arg_files_and_option_forms_as_gnu() {
    g(&["sh", "-c", "exit 1"], "a\n", "", "", 123);
    g(&["sh", "-c", "exit 124"], "a\n", "", "", 123);
    g(&["sh", "-c", "exit 126"], "a\n", "", "", 123);
    g(&["sh", "-c", "exit 127"], "a\n", "", "", 123);
    g(&["sh", "-c", "exit 128"], "a\n", "", "", 123);
    g(&["sh", "-c", "exit 254"], "a\n", "", "", 123);
    g(
        &["-n", "1", "sh", "-c", "echo $0; exit 255"],
        "a b c\n",
        "a\n",
        "xargs: sh: exited with status 255; aborting\n",
        124,
    );
    g(
        &[
            "-n",
            "1",
            "sh",
            "-c",
            "echo $0; test $0 = b && kill -9 $$; exit 0",
        ],
        "a b c\n",
        "a\nb\n",
        "xargs: sh: terminated by signal 9\n",
        125,
    );
    g(
        &[
            "-n",
            "1",
            "sh",
            "-c",
            "echo $0; test $0 = a && exit 3; exit 0",
        ],
        "a b c\n",
        "a\nb\nc\n",
        "",
        123,
    );
    g(
        &["-I", "{}", "sh", "-c", "exit {}"],
        "0\n5\n0\n",
        "",
        "",
        123,
    );
    // A command that cannot run is 126; one not found is 127.
    g(&["/"], "a\n", "", "xargs: /: Permission denied\n", 126);
    g(
        &["./nonexist"],
        "a\n",
        "",
        "xargs: ./nonexist: No such file or directory\n",
        127,
    );
    g(
        &["nonexistent_cmd_q", "x"],
        "",
        "",
        "xargs: nonexistent_cmd_q: No such file or directory\n",
        127,
    );
    g(&["-r", "nonexistent_cmd_q"], "", "", "", 0);
    g(&["-r", "-n", "1", "sh", "-c", "exit 0"], "a\n", "", "", 0);
    gf(
        &[("list", "x y\nz\n")],
        &["-a", "list"],
        "stdin\n",
        "x y z\n",
        "",
        0,
    );
    gf(
        &[("list", "x y\nz\n")],
        &["--arg-file=list", "-n", "1"],
        "stdin\n",
        "x\ny\nz\n",
        "",
        0,
    );
    gf(
        &[("list", "q\n")],
        &["--arg-file", "list"],
        "",
        "q\n",
        "",
        0,
    );
    g(&["-a", "-"], "from stdin\n", "from stdin\n", "", 0);
    gf(
        &[("list", "one\n"), ("list2", "two\n")],
        &["-a", "list", "-a", "list2"],
        "",
        "two\n",
        "",
        0,
    );
    gf(&[("empty", "")], &["-a", "empty"], "", "\n", "", 0);
    gf(&[("empty", "")], &["-r", "-a", "empty"], "", "", "", 0);
    g(
        &["-a", "nonexist"],
        "",
        "",
        "xargs: Cannot open input file 'nonexist': No such file or directory\n",
        1,
    );
    gf(
        &[("list", "a b\0c\0")],
        &["-0", "-a", "list"],
        "",
        "a b c\n",
        "",
        0,
    );
    g(
        &["-a"],
        "",
        "",
        "xargs: option requires an argument -- 'a'\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(&["--", "echo", "x"], "a\n", "x a\n", "", 0);
    g(&["echo", "-n", "--", "x"], "a\n", "-- x a", "", 0);
    g(
        &["-n", "1", "--", "-n"],
        "",
        "",
        "xargs: -n: No such file or directory\n",
        127,
    );
    g(&["-rn1", "echo"], "a b\n", "a\nb\n", "", 0);
    g(&["-tn1"], "a b\n", "a\nb\n", "echo a\necho b\n", 0);
    g(
        &["-n1t"],
        "a b\n",
        "",
        "xargs: invalid number \"1t\" for -n option\nTry 'xargs --help' for more information.\n",
        1,
    );
    g(&["--max-args", "1"], "a b\n", "a\nb\n", "", 0);
    g(&["--max-ar=1"], "a b\n", "a\nb\n", "", 0);
    g(&["--no-run"], "", "", "", 0);
    g(&["--null", "--max-args=1"], "a\0b\0", "a\nb\n", "", 0);
    g(&["--max-procs=1", "-n", "1"], "a b\n", "a\nb\n", "", 0);
    g(&["-P", "1", "-n", "2"], "a b c\n", "a b\nc\n", "", 0);
    g(
        &["--exit", "-s", "20", "-n", "3", "echo"],
        "aaaa bbbb cccc\n",
        "aaaa bbbb cccc\n",
        "",
        0,
    );
}

#[test]
fn replace_is_not_done_in_the_command_name() {
    // GNU replaces only in the initial arguments, not the command.
    g(
        &["-I", "X", "Xo", "hi"],
        "ech\n",
        "",
        "xargs: Xo: No such file or directory\n",
        127,
    );
    g(&["-I", "", "echo"], "a\n", "\n", "", 0);
    g(&["-I", "", "echo", "x"], "", "", "", 0);
}

#[test]
fn parallel_runs_are_concurrent() {
    // Each command waits for the other's file: only two at once finish.
    let script = "touch $0; i=0; while [ ! -e $1 ]; do sleep 0.05; i=$((i+1)); [ $i -gt 200 ] && exit 1; done; echo $0";
    let o = cmd("xargs")
        .args(["-P", "2", "-L", "1", "sh", "-c", script])
        .stdin("a b\nb a\n")
        .run();
    o.ok();
    let mut v: Vec<String> = o.stdout_str().lines().map(String::from).collect();
    v.sort();
    assert_eq!(v, ["a", "b"]);
    let o = cmd("xargs")
        .args(["--max-procs=2", "-n", "1", "sh", "-c", "echo $0"])
        .stdin("1 2 3 4 5\n")
        .run();
    o.ok();
    let mut v: Vec<String> = o.stdout_str().lines().map(String::from).collect();
    v.sort();
    assert_eq!(v, ["1", "2", "3", "4", "5"]);
    // The worst status counts, whichever order the commands end in.
    cmd("xargs")
        .args(["-P", "2", "-n", "1", "sh", "-c", "exit $0"])
        .stdin("0 3 0 0\n")
        .run()
        .status(123)
        .out("");
}

#[test]
fn trace_quotes_runs_of_odd_bytes_together() {
    // GNU: echo ''$'\303\251' x
    g(
        &["-t", "echo", "\u{e9}"],
        "x\n",
        "\u{e9} x\n",
        "echo ''$'\\303\\251' x\n",
        0,
    );
}

/// Names for the `-t` trace cases: a run of odd bytes, odd bytes between,
/// after and before ordinary ones, all odd, empty, newline and tab,
/// controls, single quotes, and invalid UTF-8 (a stray 0xff after é, a
/// cut sequence, a C1 control).
const ODD_NAMES: &[u8] = b"a\xc3\xa9b\0\xc3\xa9\xc3\xa9\0a\xc3\xa9\0\xc3\xa9b\0\xff\xfe\0\0a\n\tb\0\x01\x1b[m\0it's\0a'\xc3\xa9\0\xc3\xa9\xff\0a\xc3b\0x\xc2\x85y\0";

#[test]
fn trace_quotes_odd_bytes_as_gnu_in_c_locale() {
    // GNU 4.9: LC_ALL=C xargs -0 -t true
    cmd("xargs")
        .args(["-0", "-t", "true"])
        .stdin(ODD_NAMES)
        .run()
        .status(0)
        .out("")
        .err(concat!(
            r"true 'a'$'\303\251''b' ''$'\303\251\303\251' 'a'$'\303\251' ''$'\303\251''b' ",
            r#"''$'\377\376' '' 'a'$'\n\t''b' ''$'\001\033''[m' "it's" '''a'\'''$'\303\251' "#,
            r"''$'\303\251\377' 'a'$'\303''b' 'x'$'\302\205''y'",
            "\n"
        ));
}

#[test]
fn trace_shows_printable_characters_in_a_utf8_locale() {
    // GNU 4.9: LC_ALL=C.UTF-8 xargs -0 -t true; invalid bytes stay escaped.
    cmd("xargs")
        .env("LC_ALL", "C.UTF-8")
        .args(["-0", "-t", "true"])
        .stdin(ODD_NAMES)
        .run()
        .status(0)
        .out("")
        .err(concat!(
            "true a\u{e9}b \u{e9}\u{e9} a\u{e9} \u{e9}b ",
            r#"''$'\377\376' '' 'a'$'\n\t''b' ''$'\001\033''[m' "it's" "#,
            "\"a'\u{e9}\" '\u{e9}'$'\\377' ",
            r"'a'$'\303''b' 'x'$'\302\205''y'",
            "\n"
        ));
}

#[test]
fn open_tty_without_a_terminal_fails_cleanly() {
    // GNU 4.9 here reports the error, then trips an assertion in the
    // child and exits 125; oxbox stops with the error and status 1.
    let o = sh("setsid xargs -o echo; echo rc=$?").stdin("a\n").run();
    o.out("rc=1\n")
        .err("xargs: failed to open /dev/tty for reading: No such device or address\n");
    // With -P 2 the slot numbers are 0 and 1 (GNU), whatever the order.
    let o = cmd("xargs")
        .args([
            "-P",
            "2",
            "-n",
            "1",
            "--process-slot-var=S",
            "sh",
            "-c",
            "echo $S",
        ])
        .stdin("1 2 3 4\n")
        .run();
    o.ok();
    let mut v: Vec<String> = o.stdout_str().lines().map(String::from).collect();
    v.sort();
    v.dedup();
    assert!(v == ["0", "1"] || v == ["0"], "{v:?}");
}
