//! shuf: permutations and samples (checked as multisets and for
//! uniformity), -e, -i, -n, -r, -o onto the input, -z, random sources,
//! errors.

use crate::common::*;
use std::collections::HashMap;

fn sorted_lines(out: &[u8]) -> Vec<String> {
    let mut v: Vec<String> = String::from_utf8_lossy(out)
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

#[test]
fn permutes_input() {
    let o = cmd("shuf").stdin("a\nb\nc").run();
    o.ok();
    assert_eq!(sorted_lines(&o.stdout), ["a", "b", "c"]);
    assert!(o.stdout.ends_with(b"\n"));
    case("shuf", &[], "", "");
    case("shuf", &[], "x\n", "x\n");
    let t = TempDir::new();
    t.write("f", "1\n2\n3\n");
    let o = cmd("shuf").arg("f").cwd(t.path()).run();
    o.ok();
    assert_eq!(sorted_lines(&o.stdout), ["1", "2", "3"]);
    let o = cmd("shuf").arg("-").stdin("q\n").run();
    o.ok().out("q\n");
    let long = "z".repeat(100_000);
    case("shuf", &[], &long, &format!("{long}\n"));
    cmd("shuf").stdin(b"a\0b\n").run().ok().out(b"a\0b\n");
}

#[test]
fn every_permutation_turns_up() {
    let o = sh("i=0; while [ $i -lt 300 ]; do shuf -e a b c | tr -d '\\n'; echo; i=$((i+1)); done")
        .run();
    o.ok();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for l in o.stdout_str().lines() {
        *seen.entry(l.to_string()).or_default() += 1;
    }
    assert_eq!(seen.len(), 6, "{seen:?}");
    assert!(seen.values().all(|&n| n > 15), "{seen:?}");
}

#[test]
fn repeat_is_uniform() {
    let o = cmd("shuf").args(["-r", "-n", "60000", "-i", "1-6"]).run();
    o.ok();
    let mut counts = [0usize; 7];
    for l in o.stdout_str().lines() {
        counts[l.parse::<usize>().unwrap()] += 1;
    }
    assert_eq!(counts[0], 0);
    for c in &counts[1..] {
        assert!((9400..10600).contains(c), "{counts:?}");
    }
    cmd("shuf")
        .args(["-n", "3", "-r", "-e", "a"])
        .run()
        .ok()
        .out("a\na\na\n");
    cmd("shuf")
        .args(["-r", "-i", "7-7", "-n", "2"])
        .run()
        .ok()
        .out("7\n7\n");
    // Without -n, -r goes on until the reader stops.
    sh("shuf -r -e x | head -n 3").run().ok().out("x\nx\nx\n");
}

#[test]
fn echo_range_and_count() {
    let o = cmd("shuf").args(["-e", "a", "b b", "c"]).run();
    o.ok();
    assert_eq!(sorted_lines(&o.stdout), ["a", "b b", "c"]);
    cmd("shuf").arg("-e").run().ok().out("");
    let o = cmd("shuf").args(["-i", "1-10"]).run();
    o.ok();
    let mut v: Vec<u32> = o.stdout_str().lines().map(|l| l.parse().unwrap()).collect();
    v.sort();
    assert_eq!(v, (1..=10).collect::<Vec<_>>());
    cmd("shuf").args(["-i", "3-3"]).run().ok().out("3\n");
    cmd("shuf").args(["-i", "4-3"]).run().ok().out("");
    let o = cmd("shuf").args(["-i", "1-3", "-n", "5"]).run();
    o.ok();
    assert_eq!(sorted_lines(&o.stdout), ["1", "2", "3"]);
    let o = cmd("shuf").args(["-i", "1-1000000000000", "-n", "3"]).run();
    o.ok();
    let v: Vec<u64> = o.stdout_str().lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(v.len(), 3);
    assert!(v.iter().all(|&x| (1..=1_000_000_000_000).contains(&x)));
    assert!(v[0] != v[1] && v[1] != v[2] && v[0] != v[2]);
    // -n: the smallest count wins; the sample is a subset without repeats.
    let input: String = (1..=1000).map(|i| format!("{i}\n")).collect();
    let o = cmd("shuf").args(["-n", "9", "-n", "5"]).stdin(&input).run();
    o.ok();
    let mut v: Vec<u32> = o.stdout_str().lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(v.len(), 5);
    v.sort();
    v.dedup();
    assert_eq!(v.len(), 5);
    cmd("shuf").args(["-n", "0", "nonex"]).run().ok().out("");
}

#[test]
fn zero_terminated() {
    let o = cmd("shuf").args(["-z", "-e", "a", "b"]).run();
    o.ok();
    assert!(o.stdout == b"a\0b\0" || o.stdout == b"b\0a\0");
    let o = cmd("shuf").arg("-z").stdin(b"x\ny\0z").run();
    o.ok();
    assert!(o.stdout == b"x\ny\0z\0" || o.stdout == b"z\0x\ny\0");
}

#[test]
fn output_file_may_be_the_input() {
    let t = TempDir::new();
    t.write("f", "1\n2\n3\n");
    cmd("shuf")
        .args(["-o", "f", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    let text = std::fs::read(t.join("f")).unwrap();
    assert_eq!(sorted_lines(&text), ["1", "2", "3"]);
    cmd("shuf")
        .args(["--output=g", "-i", "1-2"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        sorted_lines(&std::fs::read(t.join("g")).unwrap()),
        ["1", "2"]
    );
    cmd("shuf")
        .args(["-o", "no/such", "-e", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("shuf: no/such: No such file or directory\n");
}

#[test]
fn random_source() {
    let t = TempDir::new();
    let bytes: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
    t.write("rs", &bytes);
    let a = cmd("shuf")
        .args(["--random-source=rs", "-i", "1-10"])
        .cwd(t.path())
        .run();
    a.ok();
    let b = cmd("shuf")
        .args(["--random-source", "rs", "-i", "1-10"])
        .cwd(t.path())
        .run();
    assert_eq!(a.stdout, b.stdout);
    cmd("shuf")
        .args(["--random-source=/dev/null", "-i", "1-5"])
        .run()
        .status(1)
        .err("shuf: '/dev/null': end of file\n");
    cmd("shuf")
        .args(["--random-source=nonex", "-i", "1-5"])
        .run()
        .status(1)
        .err("shuf: nonex: No such file or directory\n");
}

#[test]
fn errors() {
    for (args, msg) in [
        (&["-i", "5-3"][..], "shuf: invalid input range: '5-3'\n"),
        (&["-i", "x"], "shuf: invalid input range: 'x'\n"),
        (&["-i", "1-x"], "shuf: invalid input range: 'x'\n"),
        (&["-i", "1"], "shuf: invalid input range: '1'\n"),
        (&["-i", "0-18446744073709551615"], "shuf: invalid input range: '0-18446744073709551615'\n"),
        (
            &["-i", "0-18446744073709551616"],
            "shuf: invalid input range: '18446744073709551616': Value too large for defined data type\n",
        ),
        (&["-n", "x"], "shuf: invalid line count: 'x'\n"),
        (&["-n", "-1"], "shuf: invalid line count: '-1'\n"),
        (&["-o", "a", "-o", "b"], "shuf: multiple output files specified\n"),
        (&["-r"], "shuf: no lines to repeat\n"),
        (&["-r", "-e"], "shuf: no lines to repeat\n"),
        (&["nonex"], "shuf: nonex: No such file or directory\n"),
    ] {
        cmd("shuf").args(args).run().status(1).out("").err(msg);
    }
    cmd("shuf")
        .args(["-e", "a", "-i", "1-2"])
        .run()
        .status(1)
        .err_has("shuf: cannot combine -e and -i options\n");
    cmd("shuf")
        .args(["-i", "1-3", "x"])
        .run()
        .status(1)
        .err_has("shuf: extra operand 'x'\n");
    cmd("shuf")
        .args(["a", "b"])
        .run()
        .status(1)
        .err_has("shuf: extra operand 'b'\n");
    cmd("shuf")
        .args(["-e", "a"])
        .stdout_full()
        .run()
        .status(1)
        .err("shuf: write error: No space left on device\n");
}
