//! xxd: every layout compared with vim's xxd 2022-01-14 (the expected
//! outputs below are its outputs), reverting, patching, and the errors.

use crate::common::*;

const X1: &[u8] = b"hello world, this is a test of xxd!\n\0\x01\x02\xff";

/// A temp dir with the inputs the cases name.
fn files() -> TempDir {
    let t = TempDir::new();
    t.write("x1", X1);
    t.write("all", (0..=255u8).collect::<Vec<u8>>());
    let mut zeros = vec![b'q'; 20];
    zeros.extend_from_slice(&[0; 100]);
    zeros.extend_from_slice(b"abc");
    zeros.extend_from_slice(&[0; 64]);
    t.write("zeros", zeros);
    t.write("z4", [0u8; 64]);
    t.write("my-file.1", "ab");
    t.write("1st", "c");
    t.write("empty", "");
    t.write("d16", DUMP16);
    t.write("d20", DUMP20);
    t.write(
        "dp",
        "68656c6c6f20776f726c642c207468697320697320612074657374206f66\n20787864210a000102ff\n",
    );
    t
}

const DUMP16: &str = "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi
00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x
00000020: 7864 210a 0001 02ff                      xd!.....
";

const DUMP20: &str =
    "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869 7320 6973  hello world, this is
00000014: 2061 2074 6573 7420 6f66 2078 7864 210a 0001 02ff   a test of xxd!.....
";

#[track_caller]
fn run_bytes(args: &[&str], stdin: Option<&str>, expected: &[u8]) {
    let t = files();
    let mut c = cmd("xxd").args(args).cwd(t.path());
    if let Some(f) = stdin {
        c = c.stdin(std::fs::read(t.join(f)).unwrap());
    }
    c.run().ok().out(expected);
}

#[track_caller]
fn run(args: &[&str], stdin: Option<&str>, expected: &str) {
    run_bytes(args, stdin, expected.as_bytes());
}

#[test]
fn plain_default() {
    run(&["x1"], None, "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi\n00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x\n00000020: 7864 210a 0001 02ff                      xd!.....\n");
}

#[test]
fn all_bytes() {
    run(&["all"], None, "00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n00000010: 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f  ................\n00000020: 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f   !\"#$%&'()*+,-./\n00000030: 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f  0123456789:;<=>?\n00000040: 4041 4243 4445 4647 4849 4a4b 4c4d 4e4f  @ABCDEFGHIJKLMNO\n00000050: 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f  PQRSTUVWXYZ[\\]^_\n00000060: 6061 6263 6465 6667 6869 6a6b 6c6d 6e6f  `abcdefghijklmno\n00000070: 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f  pqrstuvwxyz{|}~.\n00000080: 8081 8283 8485 8687 8889 8a8b 8c8d 8e8f  ................\n00000090: 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f  ................\n000000a0: a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf  ................\n000000b0: b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf  ................\n000000c0: c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf  ................\n000000d0: d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf  ................\n000000e0: e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef  ................\n000000f0: f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff  ................\n");
}

#[test]
fn upper_groups() {
    run(&["-u", "-g", "4", "-c", "8", "x1"], None, "00000000: 68656C6C 6F20776F  hello wo\n00000008: 726C642C 20746869  rld, thi\n00000010: 73206973 20612074  s is a t\n00000018: 65737420 6F662078  est of x\n00000020: 7864210A 000102FF  xd!.....\n");
}

#[test]
fn cols_zero_is_default() {
    run(&["-c", "0", "x1"], None, "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi\n00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x\n00000020: 7864 210a 0001 02ff                      xd!.....\n");
}

#[test]
fn cols_attached_and_long() {
    run(
        &["-c4", "-len", "8", "x1"],
        None,
        "00000000: 6865 6c6c  hell\n00000004: 6f20 776f  o wo\n",
    );
}

#[test]
fn cols_long_name() {
    run(
        &["-cols", "4", "-l", "8", "x1"],
        None,
        "00000000: 6865 6c6c  hell\n00000004: 6f20 776f  o wo\n",
    );
}

#[test]
fn cols_256() {
    run(&["-c", "256", "-l", "20", "all"], None, "00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                ....................\n");
}

#[test]
fn group_zero_one_group() {
    run(&["-g", "0", "x1"], None, "00000000: 68656c6c6f20776f726c642c20746869  hello world, thi\n00000010: 7320697320612074657374206f662078  s is a test of x\n00000020: 7864210a000102ff                  xd!.....\n");
}

#[test]
fn group_wider_than_line() {
    run(&["-g", "20", "all"], None, "00000000: 000102030405060708090a0b0c0d0e0f  ................\n00000010: 101112131415161718191a1b1c1d1e1f  ................\n00000020: 202122232425262728292a2b2c2d2e2f   !\"#$%&'()*+,-./\n00000030: 303132333435363738393a3b3c3d3e3f  0123456789:;<=>?\n00000040: 404142434445464748494a4b4c4d4e4f  @ABCDEFGHIJKLMNO\n00000050: 505152535455565758595a5b5c5d5e5f  PQRSTUVWXYZ[\\]^_\n00000060: 606162636465666768696a6b6c6d6e6f  `abcdefghijklmno\n00000070: 707172737475767778797a7b7c7d7e7f  pqrstuvwxyz{|}~.\n00000080: 808182838485868788898a8b8c8d8e8f  ................\n00000090: 909192939495969798999a9b9c9d9e9f  ................\n000000a0: a0a1a2a3a4a5a6a7a8a9aaabacadaeaf  ................\n000000b0: b0b1b2b3b4b5b6b7b8b9babbbcbdbebf  ................\n000000c0: c0c1c2c3c4c5c6c7c8c9cacbcccdcecf  ................\n000000d0: d0d1d2d3d4d5d6d7d8d9dadbdcdddedf  ................\n000000e0: e0e1e2e3e4e5e6e7e8e9eaebecedeeef  ................\n000000f0: f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff  ................\n");
}

#[test]
fn group_three() {
    run(&["-g", "3", "-l", "40", "all"], None, "00000000: 000102 030405 060708 090a0b 0c0d0e 0f  ................\n00000010: 101112 131415 161718 191a1b 1c1d1e 1f  ................\n00000020: 202122 232425 2627                      !\"#$%&'\n");
}

#[test]
fn group_negative_is_default() {
    run(&["-g", "-5", "x1"], None, "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi\n00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x\n00000020: 7864 210a 0001 02ff                      xd!.....\n");
}

#[test]
fn bits() {
    run(&["-b", "x1"], None, "00000000: 01101000 01100101 01101100 01101100 01101111 00100000  hello \n00000006: 01110111 01101111 01110010 01101100 01100100 00101100  world,\n0000000c: 00100000 01110100 01101000 01101001 01110011 00100000   this \n00000012: 01101001 01110011 00100000 01100001 00100000 01110100  is a t\n00000018: 01100101 01110011 01110100 00100000 01101111 01100110  est of\n0000001e: 00100000 01111000 01111000 01100100 00100001 00001010   xxd!.\n00000024: 00000000 00000001 00000010 11111111                    ....\n");
}

#[test]
fn bits_groups() {
    run(&["-b", "-c", "4", "-g", "3", "x1"], None, "00000000: 011010000110010101101100 01101100  hell\n00000004: 011011110010000001110111 01101111  o wo\n00000008: 011100100110110001100100 00101100  rld,\n0000000c: 001000000111010001101000 01101001   thi\n00000010: 011100110010000001101001 01110011  s is\n00000014: 001000000110000100100000 01110100   a t\n00000018: 011001010111001101110100 00100000  est \n0000001c: 011011110110011000100000 01111000  of x\n00000020: 011110000110010000100001 00001010  xd!.\n00000024: 000000000000000100000010 11111111  ....\n");
}

#[test]
fn bits_one_group() {
    run(&["-b", "-g", "0", "-l", "10", "x1"], None, "00000000: 011010000110010101101100011011000110111100100000  hello \n00000006: 01110111011011110111001001101100                  worl\n");
}

#[test]
fn little_endian() {
    run(&["-e", "x1"], None, "00000000: 6c6c6568 6f77206f 2c646c72 69687420  hello world, thi\n00000010: 73692073 74206120 20747365 7820666f  s is a test of x\n00000020: 0a216478 ff020100                    xd!.....\n");
}

#[test]
fn little_endian_partial() {
    run(
        &["-e", "-g", "8", "-c", "8", "-l", "2", "x1"],
        None,
        "00000000:             6568  he\n",
    );
}

#[test]
fn little_endian_overlap() {
    run(
        &["-e", "-c", "6", "-g", "4", "-l", "12", "x1"],
        None,
        "00000000: 6c6c6568     206fllo \n00000006: 6c726f77     2c64rld,\n",
    );
}

#[test]
fn little_endian_upper() {
    run(&["-e", "-u", "-c", "7", "-l", "30", "all"], None, "00000000: 03020100   060504.......\n00000007: 0A090807   0D0C0B.......\n0000000e: 11100F0E   141312.......\n00000015: 18171615   1B1A19.......\n0000001c:     1D1C         ..\n");
}

#[test]
fn bits_then_e_last_wins() {
    run(&["-b", "-e", "x1"], None, "00000000: 6c6c6568 6f77206f 2c646c72 69687420  hello world, thi\n00000010: 73692073 74206120 20747365 7820666f  s is a test of x\n00000020: 0a216478 ff020100                    xd!.....\n");
}

#[test]
fn plain() {
    run(
        &["-p", "x1"],
        None,
        "68656c6c6f20776f726c642c207468697320697320612074657374206f66\n20787864210a000102ff\n",
    );
}

#[test]
fn plain_cols() {
    run(&["-ps", "-c", "8", "x1"], None, "68656c6c6f20776f\n726c642c20746869\n7320697320612074\n657374206f662078\n7864210a000102ff\n");
}

#[test]
fn plain_one_line() {
    run(
        &["-p", "-c", "0", "x1"],
        None,
        "68656c6c6f20776f726c642c207468697320697320612074657374206f6620787864210a000102ff\n",
    );
}

#[test]
fn plain_upper_len() {
    run(&["-u", "--ps", "-l", "4", "x1"], None, "68656C6C\n");
}

#[test]
fn plain_wide() {
    run(&["-p", "-c", "1000", "all"], None, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff\n");
}

#[test]
fn plain_empty() {
    run(&["-p"], Some("empty"), "");
}

#[test]
fn plain_empty_one_line() {
    run(&["-p", "-c", "0"], Some("empty"), "\n");
}

#[test]
fn plain_prefix_pr_is_p() {
    run(
        &["-pr", "x1"],
        None,
        "68656c6c6f20776f726c642c207468697320697320612074657374206f66\n20787864210a000102ff\n",
    );
}

#[test]
fn plain_then_b_last_wins() {
    run(
        &["-p", "-b", "-l", "3", "x1"],
        None,
        "00000000: 01101000 01100101 01101100                             hel\n",
    );
}

#[test]
fn empty_input() {
    run(&[], Some("empty"), "");
}

#[test]
fn include() {
    run(&["-i", "x1"], None, "unsigned char x1[] = {\n  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x2c,\n  0x20, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x61, 0x20, 0x74,\n  0x65, 0x73, 0x74, 0x20, 0x6f, 0x66, 0x20, 0x78, 0x78, 0x64, 0x21, 0x0a,\n  0x00, 0x01, 0x02, 0xff\n};\nunsigned int x1_len = 40;\n");
}

#[test]
fn include_stdin() {
    run(&["-i"], Some("x1"), "  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x2c,\n  0x20, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x61, 0x20, 0x74,\n  0x65, 0x73, 0x74, 0x20, 0x6f, 0x66, 0x20, 0x78, 0x78, 0x64, 0x21, 0x0a,\n  0x00, 0x01, 0x02, 0xff\n");
}

#[test]
fn include_stdin_dash() {
    run(&["-i", "-"], Some("x1"), "  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x2c,\n  0x20, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x61, 0x20, 0x74,\n  0x65, 0x73, 0x74, 0x20, 0x6f, 0x66, 0x20, 0x78, 0x78, 0x64, 0x21, 0x0a,\n  0x00, 0x01, 0x02, 0xff\n");
}

#[test]
fn include_empty_file() {
    run(
        &["-i", "empty"],
        None,
        "unsigned char empty[] = {\n};\nunsigned int empty_len = 0;\n",
    );
}

#[test]
fn include_empty_stdin() {
    run(&["-i"], Some("empty"), "");
}

#[test]
fn include_name_mangled() {
    run(
        &["-i", "my-file.1"],
        None,
        "unsigned char my_file_1[] = {\n  0x61, 0x62\n};\nunsigned int my_file_1_len = 2;\n",
    );
}

#[test]
fn include_name_digit() {
    run(
        &["-i", "1st"],
        None,
        "unsigned char __1st[] = {\n  0x63\n};\nunsigned int __1st_len = 1;\n",
    );
}

#[test]
fn include_name_capitals() {
    run(
        &["-i", "-C", "my-file.1"],
        None,
        "unsigned char MY_FILE_1[] = {\n  0x61, 0x62\n};\nunsigned int MY_FILE_1_LEN = 2;\n",
    );
}

#[test]
fn include_dash_n() {
    run(
        &["-i", "-n", "my-var.1", "-l", "2", "x1"],
        None,
        "unsigned char my_var_1[] = {\n  0x68, 0x65\n};\nunsigned int my_var_1_len = 2;\n",
    );
}

#[test]
fn include_dash_n_digit() {
    run(
        &["-i", "-n", "9x", "-l", "2", "x1"],
        None,
        "unsigned char __9x[] = {\n  0x68, 0x65\n};\nunsigned int __9x_len = 2;\n",
    );
}

#[test]
fn include_dash_n_stdin() {
    run(
        &["-i", "-name", "foo", "-l", "2"],
        Some("x1"),
        "unsigned char foo[] = {\n  0x68, 0x65\n};\nunsigned int foo_len = 2;\n",
    );
}

#[test]
fn include_upper_cols() {
    run(
        &["-i", "-u", "-c", "3", "-l", "5", "x1"],
        None,
        "unsigned char x1[] = {\n  0X68, 0X65, 0X6C,\n  0X6C, 0X6F\n};\nunsigned int x1_len = 5;\n",
    );
}

#[test]
fn include_cols_zero() {
    run(&["-i", "-c", "0", "x1"], None, "unsigned char x1[] = {\n  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x2c,\n  0x20, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x61, 0x20, 0x74,\n  0x65, 0x73, 0x74, 0x20, 0x6f, 0x66, 0x20, 0x78, 0x78, 0x64, 0x21, 0x0a,\n  0x00, 0x01, 0x02, 0xff\n};\nunsigned int x1_len = 40;\n");
}

#[test]
fn include_seek() {
    run(
        &["-i", "-s", "3", "-l", "2", "x1"],
        None,
        "unsigned char x1[] = {\n  0x6c, 0x6f\n};\nunsigned int x1_len = 2;\n",
    );
}

#[test]
fn include_seek_end() {
    run(
        &["-i", "-s", "-3", "x1"],
        None,
        "unsigned char x1[] = {\n  0x01, 0x02, 0xff\n};\nunsigned int x1_len = 3;\n",
    );
}

#[test]
fn include_then_b_last_wins() {
    run(
        &["-i", "-b", "-l", "3", "x1"],
        None,
        "00000000: 01101000 01100101 01101100                             hel\n",
    );
}

#[test]
fn decimal_offset() {
    run(
        &["-d", "-o", "100", "-c", "4", "-l", "12", "x1"],
        None,
        "00000100: 6865 6c6c  hell\n00000104: 6f20 776f  o wo\n00000108: 726c 642c  rld,\n",
    );
}

#[test]
fn negative_offset() {
    run(
        &["-o", "-1", "-l", "1", "x1"],
        None,
        "ffffffffffffffff: 68                                       h\n",
    );
}

#[test]
fn negative_decimal_offset() {
    run(
        &["-d", "-o", "-1", "-l", "1", "x1"],
        None,
        "-0000001: 68                                       h\n",
    );
}

#[test]
fn offset_hex() {
    run(
        &["-o", "0x100", "-l", "1", "x1"],
        None,
        "00000100: 68                                       h\n",
    );
}

#[test]
fn seek_and_len() {
    run(
        &["-s", "10", "-l", "4", "x1"],
        None,
        "0000000a: 642c 2074                                d, t\n",
    );
}

#[test]
fn seek_from_end() {
    run(
        &["-s", "-5", "x1"],
        None,
        "00000023: 0a00 0102 ff                             .....\n",
    );
}

#[test]
fn seek_relative() {
    run(
        &["-s", "+5", "-l", "3", "x1"],
        None,
        "00000005: 2077 6f                                   wo\n",
    );
}

#[test]
fn seek_pipe() {
    run(
        &["-s", "+3", "-l", "2"],
        Some("x1"),
        "00000003: 6c6f                                     lo\n",
    );
}

#[test]
fn seek_long_name() {
    run(
        &["-seek", "3", "-l", "2", "x1"],
        None,
        "00000003: 6c6f                                     lo\n",
    );
}

#[test]
fn seek_past_end_of_file() {
    run(&["-s", "100", "x1"], None, "");
}

#[test]
fn seek_hex_junk() {
    run(
        &["-s", "0x3junk", "-l", "2", "x1"],
        None,
        "00000003: 6c6f                                     lo\n",
    );
}

#[test]
fn len_negative_is_all() {
    run(&["-l", "-3", "x1"], None, "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi\n00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x\n00000020: 7864 210a 0001 02ff                      xd!.....\n");
}

#[test]
fn len_hex() {
    run(
        &["-l", "0x3", "x1"],
        None,
        "00000000: 6865 6c                                  hel\n",
    );
}

#[test]
fn len_octal() {
    run(
        &["-l", "010", "x1"],
        None,
        "00000000: 6865 6c6c 6f20 776f                      hello wo\n",
    );
}

#[test]
fn len_zero() {
    run(&["-l", "0", "x1"], None, "");
}

#[test]
fn autoskip() {
    run(&["-a", "zeros"], None, "00000000: 7171 7171 7171 7171 7171 7171 7171 7171  qqqqqqqqqqqqqqqq\n00000010: 7171 7171 0000 0000 0000 0000 0000 0000  qqqq............\n00000020: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n*\n00000070: 0000 0000 0000 0000 6162 6300 0000 0000  ........abc.....\n00000080: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n*\n000000b0: 0000 0000 0000 0000 0000 00              ...........\n");
}

#[test]
fn autoskip_narrow() {
    run(&["-a", "-c", "8", "zeros"], None, "00000000: 7171 7171 7171 7171  qqqqqqqq\n00000008: 7171 7171 7171 7171  qqqqqqqq\n00000010: 7171 7171 0000 0000  qqqq....\n00000018: 0000 0000 0000 0000  ........\n*\n00000078: 6162 6300 0000 0000  abc.....\n00000080: 0000 0000 0000 0000  ........\n*\n000000b8: 0000 00              ...\n");
}

#[test]
fn autoskip_toggled_off() {
    run(&["-a", "-a", "zeros"], None, "00000000: 7171 7171 7171 7171 7171 7171 7171 7171  qqqqqqqqqqqqqqqq\n00000010: 7171 7171 0000 0000 0000 0000 0000 0000  qqqq............\n00000020: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000030: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000040: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000050: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000060: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000070: 0000 0000 0000 0000 6162 6300 0000 0000  ........abc.....\n00000080: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000090: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n000000a0: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n000000b0: 0000 0000 0000 0000 0000 00              ...........\n");
}

#[test]
fn autoskip_all_zero() {
    run(&["-a", "z4"], None, "00000000: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n*\n00000030: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n");
}

#[test]
fn autoskip_plain_ignored() {
    run(&["-a", "-p", "-c", "40", "zeros"], None, "71717171717171717171717171717171717171710000000000000000000000000000000000000000\n00000000000000000000000000000000000000000000000000000000000000000000000000000000\n00000000000000000000000000000000000000000000000000000000000000000000000000000000\n61626300000000000000000000000000000000000000000000000000000000000000000000000000\n000000000000000000000000000000000000000000000000000000\n");
}

#[test]
fn autoskip_bits() {
    run(&["-a", "-b", "-c", "16", "zeros"], None, "00000000: 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001 01110001  qqqqqqqqqqqqqqqq\n00000010: 01110001 01110001 01110001 01110001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000  qqqq............\n00000020: 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000  ................\n*\n00000070: 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 01100001 01100010 01100011 00000000 00000000 00000000 00000000 00000000  ........abc.....\n00000080: 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000  ................\n*\n000000b0: 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000                                               ...........\n");
}

#[test]
fn ebcdic() {
    run(&["-E", "all"], None, "00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n00000010: 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f  ................\n00000020: 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f  ................\n00000030: 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f  ................\n00000040: 4041 4243 4445 4647 4849 4a4b 4c4d 4e4f   ...........<(+|\n00000050: 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f  &.........!$*);~\n00000060: 6061 6263 6465 6667 6869 6a6b 6c6d 6e6f  -/.........,%_>?\n00000070: 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f  .........`:#@'=\"\n00000080: 8081 8283 8485 8687 8889 8a8b 8c8d 8e8f  .abcdefghi......\n00000090: 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f  .jklmnopqr^.....\n000000a0: a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf  ..stuvwxyz...[..\n000000b0: b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf  .............]..\n000000c0: c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf  {ABCDEFGHI......\n000000d0: d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf  }JKLMNOPQR......\n000000e0: e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef  \\.STUVWXYZ......\n000000f0: f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff  0123456789......\n");
}

#[test]
fn ebcdic_prefix_au() {
    run(
        &["-au", "-E", "-l", "3", "x1"],
        None,
        "00000000: 6865 6c                                  ..%\n",
    );
}

#[test]
fn double_dash_ends_options() {
    run(&["--", "x1"], None, "00000000: 6865 6c6c 6f20 776f 726c 642c 2074 6869  hello world, thi\n00000010: 7320 6973 2061 2074 6573 7420 6f66 2078  s is a test of x\n00000020: 7864 210a 0001 02ff                      xd!.....\n");
}

#[test]
fn dash_is_stdin() {
    run(
        &["-l", "3", "-"],
        Some("x1"),
        "00000000: 6865 6c                                  hel\n",
    );
}

#[test]
fn revert_normal() {
    run_bytes(
        &["-r", "d16"],
        None,
        b"hello world, this is a test of xxd!\n\x00\x01\x02\xff",
    );
}

#[test]
fn revert_stdin() {
    run_bytes(
        &["-r"],
        Some("d16"),
        b"hello world, this is a test of xxd!\n\x00\x01\x02\xff",
    );
}

#[test]
fn revert_wide_dump_default_cols() {
    run(
        &["-r", "d20"],
        None,
        "hello world, thi\x00\x00\x00\x00 a test of xxd!\n",
    );
}

#[test]
fn revert_wide_dump_cols() {
    run_bytes(
        &["-r", "-c", "20", "d20"],
        None,
        b"hello world, this is a test of xxd!\n\x00\x01\x02\xff",
    );
}

#[test]
fn revert_plain() {
    run_bytes(
        &["-r", "-p", "dp"],
        None,
        b"hello world, this is a test of xxd!\n\x00\x01\x02\xff",
    );
}

#[test]
fn revert_plain_cols_ignored() {
    run_bytes(
        &["-r", "-ps", "-c", "300", "dp"],
        None,
        b"hello world, this is a test of xxd!\n\x00\x01\x02\xff",
    );
}

/// `xxd -r` of `dump` (with `args`) on a pipe gives `bytes`.
#[track_caller]
fn revert(args: &[&str], dump: &str, bytes: &[u8]) {
    cmd("xxd")
        .arg("-r")
        .args(args)
        .stdin(dump)
        .run()
        .ok()
        .out(bytes);
}

#[test]
fn revert_gaps_and_garbage() {
    // A gap on a pipe is zeros; an offset added by -s, or taken away.
    revert(
        &[],
        "00000010: 4142\n",
        b"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0AB",
    );
    revert(&["-s", "-0x10"], "00000010: 4142\n", b"AB");
    revert(&["-s", "4"], "00000000: 4142\n", b"\0\0\0\0AB");
    revert(&["-s", "+2"], "00000000: 4142\n", b"\0\0AB");
    // An offset line with nothing after it still moves the output.
    revert(&[], "00000010: \n", &[0; 16]);
    // Leading junk, odd digits, and text after two blanks are skipped.
    revert(
        &[],
        "  junk\n0000: 41 42 43\n00000003: 4 4 45 46  EF\n",
        b"ABCEF",
    );
    // Carriage returns are ignored.
    revert(&[], "00000000: 41\r\n00000001: 42\r\n", b"AB");
    // A line of only an offset runs into the next (as xxd does).
    revert(&[], "0010\n0000: 41\n", &[0; 18]);
    // Plain hex: white space anywhere, garbage ends the line.
    revert(&["-p"], "6162\n 63 64\r\nzz65\n", b"abcd");
    revert(&["-p"], "a b c 61\n", b"\xab\xc6");
    revert(&["-p"], "61zz62\n", b"a");
    revert(&["-p"], "61 zz 62\n63\n", b"ac");
    revert(&["-p"], "", b"");
    revert(&[], "", b"");
}

#[test]
fn revert_round_trips() {
    let t = files();
    for args in ["", "-c 7", "-g 3", "-u", "-c 256", "-a", "-o 16", "-s 3"] {
        for f in ["x1", "all", "zeros", "empty"] {
            let rc = if args.starts_with("-c") { args } else { "" };
            let rs = match args {
                "-o 16" => "-s -16",
                "-s 3" => "-s -3",
                _ => "",
            };
            let skip = if args == "-s 3" { "| tail -c +4" } else { "" };
            sh(&format!(
                "xxd {args} {f} | xxd -r {rc} {rs} > back && cat {f} {skip} | cmp - back && \
                 xxd -p {args} {f} | xxd -r -p > back && cat {f} {skip} | cmp - back"
            ))
            .cwd(t.path())
            .run()
            .ok()
            .out("");
        }
    }
}

#[test]
fn revert_patches_a_file() {
    let t = files();
    t.write("target", "X".repeat(40));
    t.write("patch", "00000010: 4142\n00000000: 4344\n");
    cmd("xxd")
        .args(["-r", "patch", "target"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(
        std::fs::read(t.join("target")).unwrap(),
        format!("CD{}AB{}", "X".repeat(14), "X".repeat(22)).as_bytes()
    );
    // A new file; a gap at the start is a hole of zeros.
    cmd("xxd")
        .args(["-r", "patch", "new"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        std::fs::read(t.join("new")).unwrap(),
        format!("CD{}AB", "\0".repeat(14)).as_bytes()
    );
    // Backwards on a pipe cannot be done.
    cmd("xxd")
        .args(["-r", "patch"])
        .cwd(t.path())
        .run()
        .status(5)
        .out(format!("{}AB", "\0".repeat(16)))
        .err("xxd: Sorry, cannot seek backwards.\n");
    // "-" as the output is standard output.
    cmd("xxd")
        .args(["-r", "d16", "-"])
        .cwd(t.path())
        .run()
        .ok()
        .out(X1);
}

#[test]
fn dump_to_a_file_truncates_it() {
    let t = files();
    t.write("out", "Y".repeat(500));
    cmd("xxd")
        .args(["-l", "2", "x1", "out"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(
        std::fs::read_to_string(t.join("out")).unwrap(),
        "00000000: 6865                                     he\n"
    );
}

#[test]
fn seek_on_a_shared_descriptor() {
    let t = files();
    // Without -s the input is read from where it is; +N is from there.
    sh(
        "{ dd bs=5 count=1 of=/dev/null 2>/dev/null; xxd -l 4; } < x1; \
        { dd bs=5 count=1 of=/dev/null 2>/dev/null; xxd -s +1 -l 4; } < x1",
    )
    .cwd(t.path())
    .run()
    .ok()
    .out(
        "00000000: 2077 6f72                                 wor\n\
             00000006: 776f 726c                                worl\n",
    );
}

#[test]
fn errors() {
    let t = files();
    let fail = |args: &[&str], status: i32, err: &str| {
        cmd("xxd")
            .args(args)
            .cwd(t.path())
            .stdin("abc")
            .run()
            .status(status)
            .out("")
            .err_has(err);
    };
    fail(
        &["-c", "300", "x1"],
        1,
        "xxd: invalid number of columns (max. 256).\n",
    );
    fail(
        &["-c", "-1", "x1"],
        1,
        "xxd: invalid number of columns (max. 256).\n",
    );
    fail(&["-r", "-c", "300", "d16"], 1, "invalid number of columns");
    fail(
        &["-e", "-g", "3", "x1"],
        1,
        "xxd: number of octets per group must be a power of 2 with -e.\n",
    );
    fail(&["-s", "0x20"], 4, "xxd: Sorry, cannot seek.\n");
    fail(&["-s", "-1"], 4, "xxd: Sorry, cannot seek.\n");
    fail(&["-s", "-100", "x1"], 4, "xxd: Sorry, cannot seek.\n");
    fail(&["nope"], 2, "xxd: nope: No such file or directory\n");
    fail(&["."], 2, "xxd: .: Is a directory\n");
    fail(
        &["x1", "no/such/out"],
        3,
        "xxd: no/such/out: No such file or directory\n",
    );
    fail(
        &["-r", "-b", "d16"],
        1,
        "xxd: Sorry, cannot revert this type of hexdump\n",
    );
    fail(
        &["-r", "-i", "d16"],
        1,
        "xxd: Sorry, cannot revert this type of hexdump\n",
    );
    fail(
        &["-r", "-e", "d16"],
        1,
        "xxd: Sorry, cannot revert this type of hexdump\n",
    );
    fail(&["-z"], 1, "xxd: invalid option '-z'\nUsage: xxd ");
    fail(&["-c"], 1, "xxd: option requires an argument -- 'c'\n");
    fail(&["-n"], 1, "xxd: option requires an argument -- 'n'\n");
    fail(&["a", "b", "c"], 1, "xxd: extra operand 'c'\n");
    // Options come before the files: this -l is a third operand.
    fail(&["x1", "-", "-l"], 1, "xxd: extra operand '-l'\n");
    // A prefix match: -dl is -d, and 3 is then the file.
    fail(
        &["-dl", "3", "x1"],
        2,
        "xxd: 3: No such file or directory\n",
    );
    cmd("xxd")
        .arg("x1")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err("xxd: write error: No space left on device\n");
}

#[test]
fn help_and_version() {
    let o = cmd("xxd").arg("-h").run();
    assert_eq!(o.code, Some(0));
    assert!(o.stdout_str().starts_with("Usage: xxd "));
    let o = cmd("xxd").arg("--help").run();
    assert!(o.stdout_str().starts_with("Usage: xxd "));
    cmd("xxd")
        .arg("-v")
        .run()
        .status(0)
        .out("")
        .err_has("xxd 2022-01-14");
}
#[test]
fn little_endian_group_shrinks_to_line() {
    run(&["-e", "-c", "3", "x1"], None, "00000000: 6c  68 65el\n00000003: 20  6c 6fo \n00000006: 72  77 6for\n00000009: 2c  6c 64d,\n0000000c: 68  20 74th\n0000000f: 20  69 73s \n00000012: 20  69 73s \n00000015: 74  61 20 t\n00000018: 74  65 73st\n0000001b: 66  20 6fof\n0000001e: 78  20 78xx\n00000021: 0a  64 21!.\n00000024: 02  00 01..\n00000027:     ff  .\n");
}

#[test]
fn little_endian_group_zero() {
    run(&["-e", "-g", "0", "-c", "6", "x1"], None, "00000000: 206f    6568 6c6llo \n00000006: 2c64    6f77 6c7rld,\n0000000c: 2073    7420 696his \n00000012: 7420    7369 612 a t\n00000018: 666f    7365 207t of\n0000001e: 0a21    7820 647xd!.\n00000024:         0100 ff0..\n");
}
