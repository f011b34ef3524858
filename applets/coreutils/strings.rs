//! strings: print the runs of printable characters in files (binutils).
//!
//! A string is at least `-n N` (default 4; `-N` is the old spelling)
//! printable characters: ASCII graphic characters, space and tab, plus the
//! other white space with `-w`, plus bytes 128-255 with `-e S`. `-e b|l`
//! and `-e B|L` read 16- and 32-bit big/little-endian characters, at
//! every byte offset as binutils does. `-f` puts the file name first,
//! `-t o|d|x` (or `-o`) the offset; `-s SEP` ends strings with SEP
//! instead of a newline. The whole file is always scanned (`-a` is the
//! default and accepted); `-` is standard input, as in BusyBox.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "strings",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-afow] [-n LEN] [-t o|d|x] [-e s|S|b|l|B|L] [-s SEP] [FILE]...",
    help: "Print the runs of printable characters in FILEs (standard input for none).\n\
\n\
\t-a\tScan the whole file (the default)\n\
\t-f\tPrint the file name before each string\n\
\t-n LEN\tStrings are at least LEN characters (default 4); also -LEN\n\
\t-t o|d|x\tPrint each string's offset in octal, decimal or hex\n\
\t-o\tSame as -t o\n\
\t-w\tAll white space (newlines too) is part of a string\n\
\t-e ENC\ts 7-bit (default), S 8-bit, b/l 16-bit, B/L 32-bit big/little endian\n\
\t-s SEP\tEnd each string with SEP instead of a newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('f', "print-file-name"),
    Opt::value('n', "bytes"),
    Opt::value('t', "radix"),
    Opt::flag('o', ""),
    Opt::flag('w', "include-all-whitespace"),
    Opt::value('e', "encoding"),
    Opt::value('s', "output-separator"),
];

struct Conf {
    min: usize,
    /// Bytes per character and whether the first byte is the high one.
    width: usize,
    big: bool,
    eight_bit: bool,
    all_space: bool,
    radix: Option<u8>,
    names: bool,
    sep: Vec<u8>,
}

impl Conf {
    fn printable(&self, c: u32) -> bool {
        match c {
            0x20..=0x7e | 9 => true,
            10..=13 => self.all_space,
            128..=255 => self.eight_bit,
            _ => false,
        }
    }
}

/// Bytes from a descriptor, with room to step back over a partial character.
struct Reader {
    fd: i32,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    back: Vec<u8>,
    /// Offset of the next byte get() gives.
    offset: u64,
    eof: bool,
}

impl Reader {
    fn get(&mut self) -> std::io::Result<Option<u8>> {
        if let Some(b) = self.back.pop() {
            self.offset += 1;
            return Ok(Some(b));
        }
        if self.pos == self.len {
            if self.eof {
                return Ok(None);
            }
            self.len = read_fd(self.fd, &mut self.buf)?;
            self.pos = 0;
            if self.len == 0 {
                self.eof = true;
                return Ok(None);
            }
        }
        self.pos += 1;
        self.offset += 1;
        Ok(Some(self.buf[self.pos - 1]))
    }

    /// One character of `width` bytes, or None at the end.
    fn unit(&mut self, c: &Conf, bytes: &mut [u8; 4]) -> std::io::Result<Option<u32>> {
        let mut v = 0u32;
        for (i, slot) in bytes.iter_mut().enumerate().take(c.width) {
            let Some(b) = self.get()? else {
                return Ok(None);
            };
            *slot = b;
            v = if c.big { v << 8 | u32::from(b) } else { v | u32::from(b) << (8 * i) };
        }
        Ok(Some(v))
    }

    /// Steps back over all but the first byte of a character that ended a string.
    fn unget_tail(&mut self, c: &Conf, bytes: &[u8; 4]) {
        for i in (1..c.width).rev() {
            self.back.push(bytes[i]);
            self.offset -= 1;
        }
    }
}

fn scan(fd: i32, name: &[u8], c: &Conf, out: &mut Out) -> std::io::Result<()> {
    let mut r = Reader {
        fd,
        buf: vec![0u8; 64 * 1024],
        pos: 0,
        len: 0,
        back: Vec::new(),
        offset: 0,
        eof: false,
    };
    let mut run: Vec<u8> = Vec::with_capacity(c.min.min(1 << 20));
    let mut bytes = [0u8; 4];
    'outer: loop {
        let start = r.offset;
        run.clear();
        while run.len() < c.min {
            let Some(u) = r.unit(c, &mut bytes)? else {
                break 'outer;
            };
            if !c.printable(u) {
                r.unget_tail(c, &bytes);
                continue 'outer;
            }
            run.push(u as u8);
        }
        let mut head = Vec::new();
        if c.names {
            head.extend_from_slice(name);
            head.extend_from_slice(b": ");
        }
        match c.radix {
            Some(b'o') => head.extend_from_slice(format!("{start:7o} ").as_bytes()),
            Some(b'd') => head.extend_from_slice(format!("{start:7} ").as_bytes()),
            Some(_) => head.extend_from_slice(format!("{start:7x} ").as_bytes()),
            None => {}
        }
        out.write_bytes(&head);
        out.write_bytes(&run);
        run.clear();
        loop {
            let Some(u) = r.unit(c, &mut bytes)? else {
                out.write_bytes(&run);
                out.write_bytes(&c.sep);
                break 'outer;
            };
            if !c.printable(u) {
                r.unget_tail(c, &bytes);
                break;
            }
            run.push(u as u8);
            if run.len() >= 16 * 1024 {
                out.write_bytes(&run);
                run.clear();
            }
        }
        out.write_bytes(&run);
        out.write_bytes(&c.sep);
    }
    Ok(())
}

/// `-5` is `-n 5`.
fn legacy_args(args: &[OsString]) -> Vec<OsString> {
    let mut v = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        let b = a.as_bytes();
        if i > 0 && b == b"--" {
            v.extend(args[i..].iter().cloned());
            break;
        }
        if i > 0 && b.len() > 1 && b[0] == b'-' && b[1..].iter().all(u8::is_ascii_digit) {
            let mut n = b"-n".to_vec();
            n.extend_from_slice(&b[1..]);
            v.push(OsString::from_vec(n));
        } else {
            v.push(a.clone());
        }
    }
    v
}

use std::os::unix::ffi::OsStringExt;

fn main(args: &[OsString]) -> i32 {
    let argv = legacy_args(args);
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut conf = Conf {
        min: 4,
        width: 1,
        big: false,
        eight_bit: false,
        all_space: m.has("w"),
        radix: None,
        names: m.has("f"),
        sep: m.value("s").map_or(b"\n".to_vec(), |s| s.as_bytes().to_vec()),
    };
    if let Some(n) = m.value("n") {
        let text = String::from_utf8_lossy(n.as_bytes()).into_owned();
        match text.parse::<usize>() {
            Ok(0) => {
                diag.error(format_args!("invalid minimum string length {text}"));
                return 1;
            }
            Ok(v) => conf.min = v,
            Err(_) => {
                diag.error(format_args!("invalid integer argument {text}"));
                return 1;
            }
        }
    }
    if m.last_of(&["t", "o"]) == Some("o") {
        conf.radix = Some(b'o');
    }
    if m.last_of(&["t", "o"]) == Some("t") {
        match m.value("t").map(|v| v.as_bytes()) {
            Some(b"o") => conf.radix = Some(b'o'),
            Some(b"d") => conf.radix = Some(b'd'),
            Some(b"x") => conf.radix = Some(b'x'),
            _ => {
                return parser.usage_error(args, "invalid radix (use o, d or x)");
            }
        }
    }
    if let Some(e) = m.value("e") {
        match e.as_bytes() {
            b"s" => {}
            b"S" => conf.eight_bit = true,
            b"b" => (conf.width, conf.big) = (2, true),
            b"l" => conf.width = 2,
            b"B" => (conf.width, conf.big) = (4, true),
            b"L" => conf.width = 4,
            _ => return parser.usage_error(args, "invalid encoding (use s, S, b, l, B or L)"),
        }
    }
    let mut out = Out::stdout();
    if m.operands.is_empty() {
        if let Err(e) = scan(0, b"{standard input}", &conf, &mut out) {
            out.flush_now();
            diag.io_error(OsStr::new("{standard input}"), &e);
        }
    }
    for op in &m.operands {
        let result = Input::open(op).and_then(|i| scan(i.fd(), op.as_bytes(), &conf, &mut out));
        if let Err(e) = result {
            out.flush_now();
            diag.io_error(op, &e);
        }
    }
    out.close(&diag)
}
