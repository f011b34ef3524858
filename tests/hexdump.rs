//! hexdump and hd: the canned formats, the format language (iterations,
//! byte counts, blanks past the end, `%_` conversions), squeezing, -n/-s,
//! errors. The expected outputs are util-linux 2.38's.

use crate::common::*;

/// Runs hexdump with `args` on `stdin` and checks status, stdout and stderr.
#[track_caller]
fn check(args: &[&str], stdin: &[u8], status: i32, out: &[u8], err: &[u8]) {
    cmd("hexdump")
        .args(args)
        .stdin(stdin)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

#[test]
fn default_and_canned_formats() {
    check(
        &[],
        b"abc",
        0,
        b"0000000 6261 0063                              \n0000003\n",
        b"",
    );
    check(&[], b"abcdefghijklmnopqrstuvwxyz", 0, b"0000000 6261 6463 6665 6867 6a69 6c6b 6e6d 706f\n0000010 7271 7473 7675 7877 7a79               \n000001a\n", b"");
    check(
        &["-C"],
        b"abc",
        0,
        b"00000000  61 62 63                                          |abc|\n00000003\n",
        b"",
    );
    check(&["-C"], b"abcdefghijklmnopqrstuvwxyz", 0, b"00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|\n00000010  71 72 73 74 75 76 77 78  79 7a                    |qrstuvwxyz|\n0000001a\n", b"");
    check(
        &["-b"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"0000000 141 142 000 012 200 177 011 172 001                            \n0000009\n",
        b"",
    );
    check(
        &["-c"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"0000000   a   b  \\0  \\n 200 177  \\t   z 001                            \n0000009\n",
        b"",
    );
    check(
        &["-d"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"0000000   25185   02560   32640   31241   00001                        \n0000009\n",
        b"",
    );
    check(
        &["-o"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"0000000  061141  005000  077600  075011  000001                        \n0000009\n",
        b"",
    );
    check(
        &["-x"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"0000000    6261    0a00    7f80    7a09    0001                        \n0000009\n",
        b"",
    );
    check(&["-C"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"00000000  0b 30 55 7a 9f c4 e9 0e  33 58 7d a2 c7 ec 11 36  |.0Uz....3X}....6|\n00000010  5b 80 a5 ca ef 14 39 5e  83 a8 cd f2 17 3c 61 86  |[.....9^.....<a.|\n00000020  ab d0 f5 1a 3f 64 89 ae  d3 f8 1d 42 67 8c b1 d6  |....?d.....Bg...|\n00000030  fb 20 45 6a 8f b4 d9 fe  23 48 6d 92 b7 dc 01 26  |. Ej....#Hm....&|\n00000040\n", b"");
    check(&["-x", "-c", "-C"], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca", 0, b"0000000    300b    7a55    c49f    0ee9    5833    a27d    ecc7    3611\n0000000  \\v   0   U   z 237 304 351 016   3   X   } 242 307 354 021   6\n00000000  0b 30 55 7a 9f c4 e9 0e  33 58 7d a2 c7 ec 11 36  |.0Uz....3X}....6|\n0000010    805b    caa5                                                \n0000010   [ 200 245 312                                                \n00000010  5b 80 a5 ca                                       |[...|\n00000014\n", b"");
    check(&["--canonical"], b"xyz{|}~\x7f\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b", 0, b"00000000  78 79 7a 7b 7c 7d 7e 7f  80 81 82 83 84 85 86 87  |xyz{|}~.........|\n00000010  88 89 8a 8b                                       |....|\n00000014\n", b"");
}

#[test]
fn empty_and_short_input() {
    check(&[], b"", 0, b"", b"");
    check(&["-C"], b"", 0, b"", b"");
    check(
        &["-C"],
        b"a",
        0,
        b"00000000  61                                                |a|\n00000001\n",
        b"",
    );
    check(&["-e", "\"%_Ax\\n\""], b"", 0, b"", b"");
    check(&["-v", "-C"], b"", 0, b"", b"");
}

#[test]
fn squeezing() {
    check(&["-C"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", 0, b"00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n*\n00000040  62                                                |b|\n00000041\n", b"");
    check(&["-C"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, b"00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n*\n00000040\n", b"");
    check(&["-v", "-C"], b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, b"00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n00000010  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n00000020  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n00000030\n", b"");
    check(
        &["-e", "16/1 \"%_p\" \"\\n\""],
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        0,
        b"aaaaaaaaaaaaaaaa\n*\n",
        b"",
    );
    check(&["-C"], b"aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbaaaaaaaaaaaaaaaaaaa", 0, b"00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n00000010  62 62 62 62 62 62 62 62  62 62 62 62 62 62 62 62  |bbbbbbbbbbbbbbbb|\n00000020  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n00000030  61 61 61                                          |aaa|\n00000033\n", b"");
}

#[test]
fn format_strings() {
    check(
        &["-e", "16/1 \"%_u \" \"\\n\""],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"a b nul lf 80 del ht z soh       \n",
        b"",
    );
    check(
        &["-e", "\"%_Ad|\" 4/1 \"%3_c\" \"\\n\""],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"9|",
        b"",
    );
    check(
        &["-e", "\"%08.3e %G %f\\n\""],
        b"abcdefghijklmnop",
        0,
        b"8.541e+194 3.90382E+233 \n",
        b"",
    );
    check(
        &["-e", "\"%-5x|%+d|% d|%#o|%#x|%X|%5.3u|\\n\"", "-n", "24"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"64636261|+1751606885| 1818978921|016033667155|0x74737271|78777675|     |\n",
        b"",
    );
    check(
        &["-e", "1/3 \"%s|\" \"\\n\"", "-n", "8"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"abc|\ndef|\ngh|\n",
        b"",
    );
    check(
        &["-e", "\"%3.2s|\" \"\\n\"", "-n", "5"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b" ab|\n cd|\n  e|\n",
        b"",
    );
    check(
        &["-e", "\"x\" \"%c\" 1/1 \"<%x>\" \"\\n\"", "-n", "4"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"xa<62>\nxc<64>\n",
        b"",
    );
    check(
        &["-e", "\"x\\n\""],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"",
        b"",
    );
    check(
        &["-e", "\"%5.3_c|%-4_p|%3_u|\" \"\\n\"", "-n", "3"],
        b"ab\x00\n\x80\x7f\x09z\x01",
        0,
        b"    a|b   |nul|\n",
        b"",
    );
    check(
        &["-e", "\"%c%c\" \"\\n\"", "-n", "3"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"ab\nc\n",
        b"",
    );
    check(
        &["-e", "/1 \"%02X\" /2 \" %d\" \"\\n\"", "-n", "5"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"61 25442\n64 101\n",
        b"",
    );
    check(
        &["-e", "\"%_ad:\" 2/1 \"%02x\" \"\\n\""],
        b"abc",
        0,
        b"0:6162\n2:63  \n",
        b"",
    );
    check(
        &[
            "-e",
            "\"%_ad:\" 2/1 \"%02x\" \"\\n\"",
            "-e",
            "\"%_ao:\" 4/1 \"%02x\" \"\\n\"",
        ],
        b"abcdefghij",
        0,
        b"0:6162\n0:61626364\n4:6566\n4:65666768\n8:696a\n10:696a    \n",
        b"",
    );
    check(&["-e", "4/4 \"%d \" 2/8 \"%d\" \"\\n\""], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"2052403211 250201247 -1568843725 9071443916789480933367316571-8763657326330795901\n452317355 -1366727617 1109260499 -693007257-828365900734051892738712729411733539\n", b"");
    check(&["-e", "4/4 \"%u \" 2/8 \"%X\" \"\\n\""], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86\xab\xd0\xf5\x1a?d\x89\xae\xd3\xf8\x1dBg\x8c\xb1\xd6\xfb Ej\x8f\xb4\xd9\xfe#Hm\x92\xb7\xdc\x01&", 0, b"2052403211 250201247 2726123571 9071443915E3914EFCAA5805B86613C17F2CDA883\n452317355 2928239679 1109260499 3601960039FED9B48F6A4520FB2601DCB7926D4823\n", b"");
    check(
        &["-e", "1/1 \"%d \" 1/2 \"%d \" 1/1 \"%i\" \"\\n\""],
        b"\x0b0Uz\x9f\xc4\xe9\x0e",
        0,
        b"11 21808 122\n-97 -5692 14\n",
        b"",
    );
    check(&["-e", "2/4 \"%e \" 1/8 \"%g\" \"\\n\""], b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83\xa8\xcd\xf2\x17<a\x86", 0, b"2.767334e+35 5.762827e-303.06618e-48\n-5.423150e+06 3.334137e+18-6.07657e-278\n", b"");
    check(
        &["-e", "\"%07_Ao\\n\" \"%07_ao \" 8/1 \"%03o \" \"\\n\""],
        b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca",
        0,
        b"0000024\n",
        b"",
    );
    check(
        &[
            "-e",
            "\"%_Ax\\n\"",
            "-e",
            "\"%_ax:\" 10/1 \"%02x\"",
            "-e",
            "\"\\n\"",
        ],
        b"\x0b0Uz\x9f\xc4\xe9\x0e3X}\xa2\xc7\xec\x116[\x80\xa5\xca\xef\x149^\x83",
        0,
        b"0:0b30557a9fc4e90e3358\na:7da2c7ec11365b80a5ca\n14:ef14395e83          \n19\n",
        b"",
    );
    check(
        &["-e", "2/4 \"%08x \" \"\\n\"", "-n", "5"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"64636261 00000065\n",
        b"",
    );
    check(
        &["-e", "3 \"%x\" \"\\n\"", "-n", "13"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"64636261686766656c6b6a69\n6d\n",
        b"",
    );
    check(
        &["-e", "8 /2 \"%04x\"", "-n", "4"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"62616463                        ",
        b"",
    );
    // Escapes: \\ is one backslash and the next byte stays itself
    // (util-linux 2.38 turns that next byte into a backslash too).
    check(
        &["-e", "\"\\t\\\\|\\a\\q\" 1/1 \"%c\" \"\\n\"", "-n", "2"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"\x09\\|\x07qa\n\x09\\|\x07qb\n",
        b"",
    );
}

#[test]
fn length_and_skip() {
    check(
        &["-n", "0x4", "-C"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"00000000  61 62 63 64                                       |abcd|\n00000004\n",
        b"",
    );
    check(
        &["-n", "010", "-C"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"00000000  61 62 63 64 65 66 67 68                           |abcdefgh|\n00000008\n",
        b"",
    );
    check(
        &["-n", "0", "-C"],
        b"abcdefghijklmnopqrstuvwxyz",
        0,
        b"",
        b"",
    );
    check(&["-n", "1KiB"], b"abcdefghijklmnopqrstuvwxyz", 0, b"0000000 6261 6463 6665 6867 6a69 6c6b 6e6d 706f\n0000010 7271 7473 7675 7877 7a79               \n000001a\n", b"");
    check(
        &["-n", "100", "-C"],
        b"abc",
        0,
        b"00000000  61 62 63                                          |abc|\n00000003\n",
        b"",
    );
}

#[test]
fn format_errors() {
    check(
        &["-e", "1/1\"%x\""],
        b"",
        1,
        b"",
        b"hexdump: bad format {1/1\"%x\"}\n",
    );
    check(
        &["-e", "\"%z\""],
        b"",
        1,
        b"",
        b"hexdump: bad conversion character %z\n",
    );
    check(
        &["-e", "4/2 \"%c\""],
        b"",
        1,
        b"",
        b"hexdump: bad byte count for conversion character c\n",
    );
    check(
        &["-e", "\"%s\""],
        b"",
        1,
        b"",
        b"hexdump: %s requires a precision or a byte count\n",
    );
    check(
        &["-e", "\"%_q\""],
        b"",
        1,
        b"",
        b"hexdump: bad conversion character %_q\n",
    );
    check(
        &["-e", "\"%_ay\""],
        b"",
        1,
        b"",
        b"hexdump: bad conversion character %_ay\n",
    );
    check(
        &["-e", "2/1 \"%x %x\""],
        b"",
        1,
        b"",
        b"hexdump: byte count with multiple conversion characters\n",
    );
    check(
        &["-e", "\"abc"],
        b"",
        1,
        b"",
        b"hexdump: bad format {\"abc}\n",
    );
    check(
        &["-e", "3/3 \"%x\""],
        b"",
        1,
        b"",
        b"hexdump: bad byte count for conversion character x\n",
    );
    check(
        &["-e", "/3 \"%e\""],
        b"",
        1,
        b"",
        b"hexdump: bad byte count for conversion character e\n",
    );
    check(
        &["-e", "/2 \"%_p\""],
        b"",
        1,
        b"",
        b"hexdump: bad byte count for conversion character _p\n",
    );
    check(
        &["-n", "x"],
        b"",
        1,
        b"",
        b"hexdump: failed to parse length: 'x': Invalid argument\n",
    );
    check(
        &["-s", "x"],
        b"",
        1,
        b"",
        b"hexdump: failed to parse offset: 'x': Invalid argument\n",
    );
    check(
        &["-n", "-1"],
        b"",
        1,
        b"",
        b"hexdump: failed to parse length: '-1': Invalid argument\n",
    );
    check(
        &["-s", "08"],
        b"",
        1,
        b"",
        b"hexdump: failed to parse offset: '08': Invalid argument\n",
    );
    check(&["-n", "99999999999999999999999"], b"", 1, b"", b"hexdump: failed to parse length: '99999999999999999999999': Numerical result out of range\n");
}

#[test]
fn hd_is_canonical_plus_other_formats() {
    cmd("hd")
        .stdin("abc")
        .run()
        .ok()
        .out("00000000  61 62 63                                          |abc|\n00000003\n");
    cmd("hd")
        .arg("-x")
        .stdin("abc")
        .run()
        .ok()
        .out("00000000  61 62 63                                          |abc|\n0000000    6261    0063                                                \n0000003\n");
}

#[test]
fn skip_on_a_pipe_reads_through() {
    // util-linux fails with "stdin: Illegal seek"; reading the bytes is
    // what a script piping into hexdump -s wants.
    cmd("hexdump")
        .args(["-s", "2", "-C"])
        .stdin("abcdef")
        .run()
        .ok()
        .out("00000002  63 64 65 66                                       |cdef|\n00000006\n");
    cmd("hexdump")
        .args(["-s", "10", "-C"])
        .stdin("abcdef")
        .run()
        .ok()
        .out("00000006\n");
}

#[test]
fn files_skip_and_errors() {
    let t = TempDir::new();
    t.write("a", "abcdefghijklmnopqrstuvwxyz");
    t.write("fmt", "# comment\n\n  \"%_ad \" 4/1 \"%02x\"\n\"\\n\"\n");
    let run = |args: &[&str]| cmd("hexdump").args(args).cwd(t.path()).run();
    // A skip beyond a file's size moves on to the next file.
    run(&["-s", "30", "-C", "a"]).ok().out("0000001a\n");
    run(&["-s", "28", "-C", "a", "a"])
        .ok()
        .out("0000001c  63 64 65 66 67 68 69 6a  6b 6c 6d 6e 6f 70 71 72  |cdefghijklmnopqr|\n0000002c  73 74 75 76 77 78 79 7a                           |stuvwxyz|\n00000034\n");
    run(&["-s", "1K", "a"]).ok().out("000001a\n");
    run(&["-n", "6", "-f", "fmt", "a"])
        .ok()
        .out("0 61626364\n4 6566    \n");
    run(&["-C", "nofile", "a"])
        .status(1)
        .out("00000000  61 62 63 64 65 66 67 68  69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|\n00000010  71 72 73 74 75 76 77 78  79 7a                    |qrstuvwxyz|\n0000001a\n")
        .err("hexdump: nofile: No such file or directory\n");
    run(&["-C", "nofile"]).status(1).out("").err(
        "hexdump: nofile: No such file or directory\nhexdump: all input file arguments failed\n",
    );
    // util-linux reports a directory but exits 0; this exits 1.
    run(&["-C", ".", "a"])
        .status(1)
        .err("hexdump: .: Is a directory\n");
    run(&["-f", "nofile"])
        .status(1)
        .err("hexdump: can't read nofile: No such file or directory\n");
    run(&["-L"])
        .status(1)
        .err("hexdump: option -L (--color) is not supported\n");
    cmd("hexdump")
        .arg("-C")
        .stdin("abc")
        .stdout_full()
        .run()
        .status(1)
        .err("hexdump: write error: No space left on device\n");
}
