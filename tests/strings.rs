//! strings: lengths, offsets, names, encodings, white space, errors.

use crate::common::*;

const BIN: &[u8] = b"abc\0defgh\0\tij kl\nmnop\x01qrstu\x80vwxyz";

fn strings(args: &[&str], input: &[u8]) -> String {
    let o = cmd("strings").args(args).stdin(input).run();
    o.ok();
    o.stdout_str()
}

#[test]
fn finds_strings() {
    assert_eq!(strings(&[], BIN), "defgh\n\tij kl\nmnop\nqrstu\nvwxyz\n");
    assert_eq!(
        strings(&["-a"], BIN),
        "defgh\n\tij kl\nmnop\nqrstu\nvwxyz\n"
    );
    assert_eq!(strings(&["-n", "6"], BIN), "\tij kl\n");
    assert_eq!(strings(&["--bytes=3"], BIN), strings(&["-3"], BIN));
    assert!(strings(&["-3"], BIN).starts_with("abc\ndefgh\n"));
    assert_eq!(strings(&[], b""), "");
    assert_eq!(strings(&[], b"abc"), "");
    assert_eq!(strings(&[], b"abcd"), "abcd\n");
    let long = "x".repeat(200_000);
    assert_eq!(strings(&[], long.as_bytes()), format!("{long}\n"));
}

#[test]
fn offsets_and_names() {
    assert_eq!(
        strings(&["-n", "2", "-t", "x"], BIN),
        "      0 abc\n      4 defgh\n      a \tij kl\n     11 mnop\n     16 qrstu\n     1c vwxyz\n"
    );
    assert_eq!(strings(&["-td", "-n", "6"], BIN), "     10 \tij kl\n");
    assert_eq!(strings(&["-o", "-n", "6"], BIN), "     12 \tij kl\n");
    assert_eq!(strings(&["-t", "o", "-n", "6"], BIN), "     12 \tij kl\n");
    // The last of -o and -t wins.
    assert_eq!(
        strings(&["-o", "-t", "d", "-n", "6"], BIN),
        "     10 \tij kl\n"
    );
    assert_eq!(
        strings(&["-f", "-n", "6"], BIN),
        "{standard input}: \tij kl\n"
    );
    let t = TempDir::new();
    t.write("a b", BIN);
    t.write("c", "zzzzz");
    cmd("strings")
        .args(["-f", "-o", "-n", "5", "a b", "c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("a b:       4 defgh\na b:      12 \tij kl\na b:      26 qrstu\na b:      34 vwxyz\nc:       0 zzzzz\n");
    cmd("strings")
        .args(["-n", "5", "c", "-"])
        .stdin("yyyyyy")
        .cwd(t.path())
        .run()
        .ok()
        .out("zzzzz\nyyyyyy\n");
}

#[test]
fn white_space_and_encodings() {
    assert_eq!(
        strings(&["-w", "-n", "4"], b"abc\ndefg\r\n"),
        "abc\ndefg\r\n\n"
    );
    assert_eq!(strings(&["-w"], b"abcd\x0b\x0c"), "abcd\x0b\x0c\n");
    assert_eq!(strings(&[], b"abc\x7fdefg\n"), "defg\n");
    let o = cmd("strings")
        .args(["-e", "S", "-td"])
        .stdin(b"abcde\xe9fgh")
        .run();
    o.ok().out(b"      0 abcde\xe9fgh\n");
    assert_eq!(strings(&["-e", "s"], b"abcde\xe9fgh"), "abcde\n");
    assert_eq!(
        strings(&["-el"], b"a\0b\0c\0d\0\0\0x\0y\0z\0w\0"),
        "abcd\nxyzw\n"
    );
    // Wide characters are read at every byte offset.
    assert_eq!(strings(&["-el"], b"Za\0b\0c\0d\0"), "abcd\n");
    assert_eq!(strings(&["-eb"], b"\0a\0b\0c\0d"), "abcd\n");
    assert_eq!(
        strings(&["-eB", "-tx"], b"\0\0\0a\0\0\0b\0\0\0c\0\0\0d\0\0\x01e"),
        "      0 abcd\n"
    );
    assert_eq!(strings(&["-eL"], b"a\0\0\0b\0\0\0c\0\0\0d\0\0\0"), "abcd\n");
    // 16-bit characters above 127 are not printable, even with -e S rules.
    assert_eq!(strings(&["-el"], b"a\0b\0\xe9\0c\0d\0e\0f\0"), "cdef\n");
}

#[test]
fn runs_across_reads() {
    let t = TempDir::new();
    let mut data = vec![0u8; 65534];
    data.extend_from_slice(b"abcdefgh\0xy");
    data.extend(std::iter::repeat_n(b'z', 70_000));
    t.write("big", &data);
    let want = format!("  65534 abcdefgh\n  65543 xy{}\n", "z".repeat(70_000));
    cmd("strings")
        .args(["-td", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out(want);
}

#[test]
fn separators() {
    assert_eq!(strings(&["-s", "|"], b"abcdef\0ghijk"), "abcdef|ghijk|");
    assert_eq!(
        strings(&["--output-separator="], b"abcdef\0ghijk"),
        "abcdefghijk"
    );
}

const UTF8: &[u8] = b"ab\xc3\xa9cd\0\xe2\x82\xacxyz\0\xe2\x82\xac\xe2\x82\xac\0\xc3(abcd\0\xf0\x9f\x98\x80abc\0\xff\xfeab\xe9cdef\0\xc3\xa9\0\xed\xa0\x80abcd\0\xc0\xafabcd\0\xf4\x90\x80\x80abcd\0";

/// `-U`: outputs of binutils 2.40 for the same bytes.
#[test]
fn unicode() {
    let u = |args: &[&str], want: &[u8]| {
        cmd("strings").args(args).stdin(UTF8).run().ok().out(want);
    };
    // A character is a lead byte and its continuations, however long
    // the encoding (overlong, surrogate, past U+10FFFF); each counts one.
    u(
        &["-U", "e"],
        b"ab\\u00e9cd\n\\u20acxyz\n(abcd\n\\u07c600abc\ncdef\n\\ud800abcd\n\\u002fabcd\n\\u1040000abcd\n",
    );
    u(&["--unicode=escape"], b"ab\\u00e9cd\n\\u20acxyz\n(abcd\n\\u07c600abc\ncdef\n\\ud800abcd\n\\u002fabcd\n\\u1040000abcd\n");
    // Highlight colours only on a terminal.
    u(&["-U", "highlight"], b"ab\\u00e9cd\n\\u20acxyz\n(abcd\n\\u07c600abc\ncdef\n\\ud800abcd\n\\u002fabcd\n\\u1040000abcd\n");
    u(
        &["-U", "x"],
        b"ab<0xc3a9>cd\n<0xe282ac>xyz\n(abcd\n<0xf09f9880>abc\ncdef\n<0xeda080>abcd\n<0xc0af>abcd\n<0xf4908080>abcd\n",
    );
    u(
        &["--unicode=hex", "-n", "1"],
        b"ab<0xc3a9>cd\n<0xe282ac>xyz\n<0xe282ac><0xe282ac>\n(abcd\n<0xf09f9880>abc\nab\ncdef\n<0xc3a9>\n<0xeda080>abcd\n<0xc0af>abcd\n<0xf4908080>abcd\n",
    );
    // locale shows a character's first byte, as binutils does.
    u(
        &["-U", "locale"],
        b"ab\xc3cd\n\xe2xyz\n(abcd\n\xf0abc\ncdef\n\xedabcd\n\xc0abcd\n\xf4abcd\n",
    );
    u(
        &["-U", "l"],
        b"ab\xc3cd\n\xe2xyz\n(abcd\n\xf0abc\ncdef\n\xedabcd\n\xc0abcd\n\xf4abcd\n",
    );
    // invalid: characters are not printable, nor is any high byte even
    // with -e S.
    u(&["-U", "i"], b"(abcd\ncdef\nabcd\nabcd\nabcd\n");
    u(
        &["-U", "invalid", "-e", "S"],
        b"(abcd\ncdef\nabcd\nabcd\nabcd\n",
    );
    // default is the plain reading; with -e S high bytes are raw.
    u(&["-U", "d"], b"(abcd\ncdef\nabcd\nabcd\nabcd\n");
    u(&["-U", "default", "-e", "S", "-n", "6"], b"ab\xc3\xa9cd\n\xe2\x82\xacxyz\n\xe2\x82\xac\xe2\x82\xac\n\xc3(abcd\n\xf0\x9f\x98\x80abc\n\xff\xfeab\xe9cdef\n\xed\xa0\x80abcd\n\xc0\xafabcd\n\xf4\x90\x80\x80abcd\n");
    // Offsets are of the first byte; -e is overridden. binutils 2.40 adds
    // 2^32 to the offset of `cdef` (a string right after one that ended
    // on a bad sequence); here it is the byte's offset.
    u(
        &["-U", "e", "-t", "d", "-n", "2", "-s", "|", "-e", "l"],
        b"      0 ab\\u00e9cd|      7 \\u20acxyz|     14 \\u20ac\\u20ac|     22 (abcd|     28 \\u07c600abc|     38 ab|     41 cdef|     49 \\ud800abcd|     57 \\u002fabcd|     64 \\u1040000abcd|",
    );
    cmd("strings")
        .args(["-U", "e", "-w", "-n", "3"])
        .stdin(b"a\xc3\xa9\tb\nc\xe2\x82\xacd\n")
        .run()
        .ok()
        .out(b"a\\u00e9\tb\nc\\u20acd\n\n");
    // A sequence cut by the end of the input ends the string before it.
    cmd("strings")
        .args(["-U", "x", "-n", "3"])
        .stdin(b"abc\xe2\x82")
        .run()
        .ok()
        .out("abc\n");
    cmd("strings")
        .args(["-U", "show"])
        .stdin("abcd")
        .run()
        .status(1)
        .out("")
        .err("strings: invalid argument to -U/--unicode: show\n");
}

/// A little ELF file: a header, `loose` bytes, one section per entry of
/// `secs` (type, flags, contents) in order, a section-name table, the
/// section headers, and `tail`.
fn elf(wide: bool, big: bool, secs: &[(u32, u64, &[u8])], loose: &[u8], tail: &[u8]) -> Vec<u8> {
    let put = |v: &mut Vec<u8>, x: u64, n: usize| {
        let b = x.to_le_bytes();
        if big {
            v.extend(b[..n].iter().rev());
        } else {
            v.extend_from_slice(&b[..n]);
        }
    };
    let hsize = if wide { 64 } else { 52 };
    let mut body = loose.to_vec();
    let mut offs = Vec::new();
    for (_, _, b) in secs {
        offs.push((hsize + body.len()) as u64);
        body.extend_from_slice(b);
    }
    let shstr: &[u8] = b"\0.s\0";
    let off_shstr = (hsize + body.len()) as u64;
    body.extend_from_slice(shstr);
    let shoff = (hsize + body.len()).div_ceil(8) * 8;
    let mut all = vec![(0, 0, 0, 0, 0)];
    for ((t, f, b), o) in secs.iter().zip(&offs) {
        all.push((1, *t, *f, *o, b.len() as u64));
    }
    all.push((1, 3, 0, off_shstr, shstr.len() as u64));
    let n = all.len() as u64;
    let mut v = b"\x7fELF".to_vec();
    v.extend_from_slice(&[if wide { 2 } else { 1 }, if big { 2 } else { 1 }, 1]);
    v.extend_from_slice(&[0; 9]);
    let w = if wide { 8 } else { 4 };
    put(&mut v, 1, 2);
    put(&mut v, if wide { 62 } else { 8 }, 2);
    put(&mut v, 1, 4);
    put(&mut v, 0, w);
    put(&mut v, 0, w);
    put(&mut v, shoff as u64, w);
    put(&mut v, 0, 4);
    put(&mut v, hsize as u64, 2);
    put(&mut v, 0, 2);
    put(&mut v, 0, 2);
    put(&mut v, if wide { 64 } else { 40 }, 2);
    put(&mut v, n, 2);
    put(&mut v, n - 1, 2);
    v.extend_from_slice(&body);
    v.resize(shoff, 0);
    for (name, kind, flags, off, size) in all {
        put(&mut v, name, 4);
        put(&mut v, u64::from(kind), 4);
        put(&mut v, flags, w);
        put(&mut v, 0, w);
        put(&mut v, off, w);
        put(&mut v, size, w);
        put(&mut v, 0, 4);
        put(&mut v, 0, 4);
        put(&mut v, 1, w);
        put(&mut v, 0, w);
    }
    v.extend_from_slice(tail);
    v
}

/// `-d`: only the loaded sections of an ELF file (outputs of binutils
/// 2.40 on the same files).
#[test]
fn data_sections() {
    const ALLOC: u64 = 2;
    let t = TempDir::new();
    // PROGBITS alloc+write, a non-alloc one, NOBITS alloc, alloc+exec.
    t.write(
        "a",
        elf(
            true,
            false,
            &[
                (1, 3, b"inside data one\0\x01\x02data two\0"),
                (1, 0, b"outside comment\0"),
                (8, 3, b"bss bytes here\0"),
                (1, 6, b"exec code text\0"),
            ],
            b"loose text before\0",
            b"trailing junk text\n",
        ),
    );
    let d = |args: &[&str], want: &str| {
        cmd("strings").args(args).cwd(t.path()).run().ok().out(want);
    };
    d(
        &["-d", "-t", "x", "a"],
        "     52 inside data one\n     64 data two\n     8c exec code text\n",
    );
    d(
        &["--data", "-f", "-t", "d", "-n", "3", "a"],
        "a:      82 inside data one\na:     100 data two\na:     140 exec code text\n",
    );
    d(
        &["-d", "-U", "e", "a"],
        "inside data one\ndata two\nexec code text\n",
    );
    // The last of -a and -d counts; -T binary is the whole file.
    let whole = "loose text before\ninside data one\ndata two\noutside comment\nbss bytes here\nexec code text\ntrailing junk text\n";
    d(&["-d", "-a", "-n", "5", "a"], whole);
    d(&["-a", "-n", "5", "a"], whole);
    d(&["-d", "-T", "binary", "-n", "5", "a"], whole);
    d(
        &["-d", "-T", "elf64-x86-64", "-n", "5", "a"],
        "inside data one\ndata two\nexec code text\n",
    );
    // Sections are scanned one by one: no string runs across two.
    t.write(
        "b",
        elf(
            false,
            true,
            &[(1, ALLOC, b"abcd"), (1, ALLOC, b"efgh"), (1, ALLOC, b"")],
            b"loose text before\0",
            b"trailing junk text\n",
        ),
    );
    d(&["-d", "-t", "x", "b"], "     46 abcd\n     4a efgh\n");
    d(&["-d", "-U", "e", "b"], "abcd\nefgh\n");
    // No loaded section, or no ELF file: the whole file; stdin always.
    t.write(
        "c",
        elf(
            true,
            false,
            &[(1, 0, b"only unloaded\0")],
            b"loose text before\0",
            b"trailing junk text\n",
        ),
    );
    d(
        &["-d", "-t", "x", "c"],
        "     40 loose text before\n     52 only unloaded\n    128 trailing junk text\n",
    );
    t.write("txt", "plain text\n");
    d(&["-d", "txt"], "plain text\n");
    cmd("strings")
        .arg("-d")
        .stdin(elf(
            true,
            false,
            &[(1, ALLOC, b"in data\0")],
            b"loose one\0",
            b"",
        ))
        .run()
        .ok()
        .out("loose one\nin data\n");
    t.write(
        "u",
        elf(
            true,
            false,
            &[(1, ALLOC, b"caf\xc3\xa9 ol\xc3\xa9\0")],
            b"loose text before\0",
            b"trailing junk text\n",
        ),
    );
    d(&["-d", "-t", "x", "u"], "");
    d(&["-d", "-U", "e", "u"], "caf\\u00e9 ol\\u00e9\n");
    d(
        &["-d", "-f", "-t", "d", "-n", "3", "u"],
        "u:      82 caf\nu:      87  ol\n",
    );
    // Wide characters too.
    t.write(
        "w",
        elf(
            true,
            false,
            &[(1, ALLOC, b"a\0b\0c\0d\0")],
            b"l\0o\0o\0s\0e\0",
            b"",
        ),
    );
    d(&["-d", "-e", "l", "-t", "x", "w"], "     4a abcd\n");
    // A section past the end of the file is reported and skipped.
    let mut cut = elf(
        true,
        false,
        &[(1, ALLOC, b"gone gone\0"), (1, ALLOC, b"kept text\0")],
        b"",
        b"",
    );
    // Section 1's offset (header at shoff + 64, offset field at +0x18).
    let shoff = u64::from_le_bytes(cut[0x28..0x30].try_into().unwrap()) as usize;
    cut[shoff + 64 + 0x18..shoff + 64 + 0x20].copy_from_slice(&100_000u64.to_le_bytes());
    t.write("cut", cut);
    cmd("strings")
        .args(["-d", "cut"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("kept text\n")
        .err("strings: cut: a section at offset 0x186a0 is past the end of the file\n");
}

#[test]
fn targets() {
    let t = TempDir::new();
    t.write("f", "some text\n");
    for target in ["binary", "elf32-i386", "elf64-big"] {
        cmd("strings")
            .args(["-T", target, "f"])
            .cwd(t.path())
            .run()
            .ok()
            .out("some text\n");
    }
    // GNU falls back to the whole file for formats it cannot read; the
    // other BFD formats are not built here, and say so.
    for target in ["srec", "pei-x86-64", "nope"] {
        cmd("strings")
            .args(["--target", target, "-d", "f"])
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(format!(
                "strings: '{target}': unsupported target (binary and the ELF ones are)\n"
            ));
    }
}

#[test]
fn errors() {
    cmd("strings")
        .args(["-n", "0"])
        .run()
        .status(1)
        .err("strings: invalid minimum string length 0\n");
    cmd("strings")
        .args(["-n", "x"])
        .run()
        .status(1)
        .err("strings: invalid integer argument x\n");
    cmd("strings")
        .args(["-t", "q"])
        .run()
        .status(1)
        .err_has("strings: invalid radix");
    cmd("strings")
        .args(["-e", "q"])
        .run()
        .status(1)
        .err_has("strings: invalid encoding");
    let t = TempDir::new();
    t.write("f", "abcdef");
    std::fs::create_dir(t.join("d")).unwrap();
    cmd("strings")
        .args(["nonex", "d", "f"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("abcdef\n")
        .err("strings: nonex: No such file or directory\nstrings: d: Is a directory\n");
    cmd("strings")
        .stdin("abcdef")
        .stdout_full()
        .run()
        .status(1)
        .err("strings: write error: No space left on device\n");
}
