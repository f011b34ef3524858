//! strings: print the runs of printable characters in files (binutils).
//!
//! A string is at least `-n N` (default 4; `-N` is the old spelling)
//! printable characters: ASCII graphic characters, space and tab, plus the
//! other white space with `-w`, plus bytes 128-255 with `-e S`. `-e b|l`
//! and `-e B|L` read 16- and 32-bit big/little-endian characters, at
//! every byte offset as binutils does. `-f` puts the file name first,
//! `-t o|d|x` (or `-o`) the offset; `-s SEP` ends strings with SEP
//! instead of a newline. `-` is standard input, as in BusyBox.
//!
//! The whole file is scanned (`-a`, the default) unless `-d`: then an ELF
//! file (32 or 64-bit, either byte order) has only its sections with
//! contents that are loaded (SHF_ALLOC, not SHT_NOBITS) scanned, one at a
//! time, with offsets in the file, as binutils' BFD does; any other file,
//! one without such sections, and standard input are scanned whole.
//! `-T BFDNAME` names the format: `binary` (the file is one section, so
//! the same as the whole file) or one of the ELF names; the other BFD
//! formats (PE, S-records, ...) are not supported and are an error.
//!
//! `-U`/`--unicode` (binutils 2.38+) reads UTF-8: `default` as without
//! it; the others read 8-bit (`-e` is then ignored) and take a sequence
//! of a lead byte 0xc0-0xff and its continuation bytes as one character
//! (binutils' lenient test: overlong forms and surrogates pass, a stray
//! high byte ends a string). `invalid` treats such characters as
//! non-printable; `locale` prints their first byte, `escape` a `\uXXXX`
//! escape, `highlight` the same in red on a terminal, `hex` `<0xBYTES>`,
//! each as binutils prints them (its 4-byte escapes are not code points,
//! and this matches them).

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
    usage: "[-adfow] [-n LEN] [-t o|d|x] [-e s|S|b|l|B|L] [-U d|i|l|e|x|h] [-T BFDNAME] [-s SEP] [FILE]...",
    help: "Print the runs of printable characters in FILEs (standard input for none).\n\
\n\
\t-a\tScan the whole file (the default)\n\
\t-d\tOnly the loaded sections of ELF files\n\
\t-T NAME\tThe file format for -d: binary, or an ELF one (elf64-x86-64 ...)\n\
\t-f\tPrint the file name before each string\n\
\t-n LEN\tStrings are at least LEN characters (default 4); also -LEN\n\
\t-t o|d|x\tPrint each string's offset in octal, decimal or hex\n\
\t-o\tSame as -t o\n\
\t-w\tAll white space (newlines too) is part of a string\n\
\t-e ENC\ts 7-bit (default), S 8-bit, b/l 16-bit, B/L 32-bit big/little endian\n\
\t-s SEP\tEnd each string with SEP instead of a newline\n\
\t-U MODE\tUTF-8: default, invalid, locale, escape, hex, highlight",
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
    Opt::flag('d', "data"),
    Opt::value('T', "target"),
    Opt::value('U', "unicode"),
];

/// How `-U` shows a UTF-8 character.
#[derive(Clone, Copy, PartialEq)]
enum Uni {
    Invalid,
    Locale,
    Escape,
    Highlight,
    Hex,
}

/// The ELF names of binutils' BFD targets (`strings --help` lists them).
const ELF_TARGETS: &[&str] = &[
    "elf64-x86-64",
    "elf32-i386",
    "elf32-iamcu",
    "elf32-x86-64",
    "elf64-little",
    "elf64-big",
    "elf32-little",
    "elf32-big",
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
    unicode: Option<Uni>,
    /// `-U highlight` colours only on a terminal.
    color: bool,
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

/// What is scanned: a descriptor read to its end, or one section of a
/// file already in memory.
#[derive(Clone, Copy)]
enum Src<'a> {
    Fd(i32),
    Mem(&'a [u8]),
}

/// Bytes from a source, with room to step back over a partial character.
struct Reader<'a> {
    fd: i32,
    buf: Vec<u8>,
    mem: &'a [u8],
    pos: usize,
    len: usize,
    back: Vec<u8>,
    /// Offset of the next byte get() gives.
    offset: u64,
    eof: bool,
}

impl<'a> Reader<'a> {
    fn new(src: Src<'a>, base: u64) -> Reader<'a> {
        let (fd, mem, buf) = match src {
            Src::Fd(fd) => (fd, &[][..], vec![0u8; 64 * 1024]),
            Src::Mem(m) => (-1, m, Vec::new()),
        };
        Reader {
            fd,
            buf,
            mem,
            pos: 0,
            len: mem.len(),
            back: Vec::new(),
            offset: base,
            eof: fd < 0,
        }
    }

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
        let data = if self.fd < 0 { self.mem } else { &self.buf[..] };
        Ok(Some(data[self.pos - 1]))
    }

    /// Gives `b` back: the next get() returns it.
    fn unget(&mut self, b: u8) {
        self.back.push(b);
        self.offset -= 1;
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
            self.unget(bytes[i]);
        }
    }
}

fn header(c: &Conf, name: &[u8], start: u64, text: &mut Vec<u8>) {
    if c.names {
        text.extend_from_slice(name);
        text.extend_from_slice(b": ");
    }
    match c.radix {
        Some(b'o') => text.extend_from_slice(format!("{start:7o} ").as_bytes()),
        Some(b'd') => text.extend_from_slice(format!("{start:7} ").as_bytes()),
        Some(_) => text.extend_from_slice(format!("{start:7x} ").as_bytes()),
        None => {}
    }
}

/// The one-byte encodings, a buffer at a time; offsets start at `base`.
fn scan_bytes(src: Src, base: u64, name: &[u8], c: &Conf, out: &mut Out) -> std::io::Result<()> {
    let mut table = [false; 256];
    for (b, slot) in table.iter_mut().enumerate() {
        *slot = c.printable(b as u32);
    }
    let mut owned = Vec::new();
    if let Src::Fd(_) = src {
        owned = vec![0u8; 64 * 1024];
    }
    let mut text: Vec<u8> = Vec::with_capacity(128 * 1024);
    // The run not yet long enough to print, and where it started.
    let mut run: Vec<u8> = Vec::new();
    let mut start = 0u64;
    let mut printing = false;
    let mut offset = base;
    let mut mem_done = false;
    loop {
        let buf: &[u8] = match src {
            Src::Fd(fd) => {
                let n = read_fd(fd, &mut owned)?;
                &owned[..n]
            }
            Src::Mem(m) if !mem_done => {
                mem_done = true;
                m
            }
            Src::Mem(_) => &[],
        };
        let n = buf.len();
        if n == 0 {
            break;
        }
        let mut i = 0;
        while i < n {
            let from = i;
            while i < n && table[usize::from(buf[i])] {
                i += 1;
            }
            if printing {
                text.extend_from_slice(&buf[from..i]);
            } else if i > from {
                if run.is_empty() {
                    start = offset + from as u64;
                }
                let need = c.min - run.len();
                if i - from >= need {
                    header(c, name, start, &mut text);
                    text.extend_from_slice(&run);
                    text.extend_from_slice(&buf[from..i]);
                    run.clear();
                    printing = true;
                } else {
                    run.extend_from_slice(&buf[from..i]);
                }
            }
            if i < n {
                // A byte that ends the run.
                if printing {
                    text.extend_from_slice(&c.sep);
                    printing = false;
                }
                run.clear();
                i += 1;
            }
            if text.len() >= 64 * 1024 {
                out.write_bytes(&text);
                text.clear();
            }
        }
        offset += n as u64;
    }
    if printing {
        text.extend_from_slice(&c.sep);
    }
    out.write_bytes(&text);
    Ok(())
}

/// Shows one UTF-8 character (valid by binutils' test) as `-U` says.
fn show_utf8(c: &Conf, seq: &[u8], text: &mut Vec<u8>) {
    match c.unicode {
        Some(Uni::Locale) => text.push(seq[0]),
        Some(Uni::Hex) => {
            text.extend_from_slice(b"<0x");
            for b in seq {
                text.extend_from_slice(format!("{b:02x}").as_bytes());
            }
            text.push(b'>');
        }
        Some(Uni::Escape | Uni::Highlight) => {
            if c.color {
                text.extend_from_slice(b"\x1b[31;47m");
            }
            let (b0, b1) = (u32::from(seq[0]), u32::from(seq[1]));
            // binutils' arithmetic, byte by byte: right for 2 and 3-byte
            // sequences, its own digits for 4-byte ones.
            let digits = match seq.len() {
                2 => format!("{:02x}{:02x}", (b0 & 0x1c) >> 2, ((b0 & 3) << 6) | (b1 & 0x3f)),
                3 => {
                    let b2 = u32::from(seq[2]);
                    format!(
                        "{:02x}{:02x}",
                        ((b0 & 0x0f) << 4) | ((b1 & 0x3c) >> 2),
                        ((b1 & 3) << 6) | (b2 & 0x3f)
                    )
                }
                _ => {
                    let (b2, b3) = (u32::from(seq[2]), u32::from(seq[3]));
                    format!(
                        "{:02x}{:02x}{:02x}",
                        ((b0 & 7) << 6) | ((b1 & 0x3c) >> 2),
                        ((b1 & 3) << 6) | ((b2 & 0x3c) >> 2),
                        ((b2 & 3) << 6) | (b3 & 0x3f)
                    )
                }
            };
            text.extend_from_slice(b"\\u");
            text.extend_from_slice(digits.as_bytes());
            if c.color {
                text.extend_from_slice(b"\x1b[0m");
            }
        }
        Some(Uni::Invalid) | None => text.extend_from_slice(seq),
    }
}

/// Reads one UTF-8 character after its lead byte `lead` (0xc0-0xff): its
/// bytes in `seq`, or None when a byte is no continuation (given back, so
/// it is looked at again) or the input ends (`*eof`).
fn utf8_tail(
    r: &mut Reader,
    lead: u8,
    seq: &mut [u8; 4],
    eof: &mut bool,
) -> std::io::Result<Option<usize>> {
    let len = match lead & 0x30 {
        0x00 | 0x10 => 2,
        0x20 => 3,
        _ => 4,
    };
    seq[0] = lead;
    for slot in &mut seq[1..len] {
        let Some(b) = r.get()? else {
            *eof = true;
            return Ok(None);
        };
        if b & 0xc0 != 0x80 {
            r.unget(b);
            return Ok(None);
        }
        *slot = b;
    }
    Ok(Some(len))
}

/// `-U` other than default: UTF-8 characters count as one each.
fn scan_unicode(src: Src, base: u64, name: &[u8], c: &Conf, out: &mut Out) -> std::io::Result<()> {
    let mut r = Reader::new(src, base);
    let invalid = c.unicode == Some(Uni::Invalid);
    let graphic = |b: u8| b >= 0x80 || c.printable(u32::from(b));
    let mut run: Vec<u8> = Vec::new();
    let mut text: Vec<u8> = Vec::new();
    let mut seq = [0u8; 4];
    let mut eof = false;
    while !eof {
        // Find `min` characters in a row.
        let (mut count, mut start) = (0usize, 0u64);
        run.clear();
        while count < c.min {
            let Some(b) = r.get()? else {
                eof = true;
                break;
            };
            if !graphic(b) || (0x80..0xc0).contains(&b) {
                count = 0;
                run.clear();
                continue;
            }
            if count == 0 {
                start = r.offset - 1;
            }
            if b < 0x80 {
                run.push(b);
                count += 1;
                continue;
            }
            match utf8_tail(&mut r, b, &mut seq, &mut eof)? {
                Some(n) if !invalid => {
                    run.extend_from_slice(&seq[..n]);
                    count += 1;
                }
                Some(n) => {
                    // Looked at again: continuation bytes end nothing more.
                    for &x in seq[1..n].iter().rev() {
                        r.unget(x);
                    }
                    count = 0;
                    run.clear();
                }
                None if eof => break,
                None => {
                    count = 0;
                    run.clear();
                }
            }
        }
        if count < c.min {
            break;
        }
        text.clear();
        header(c, name, start, &mut text);
        let mut i = 0;
        while i < run.len() {
            if run[i] < 0x80 {
                text.push(run[i]);
                i += 1;
            } else {
                let n = match run[i] & 0x30 {
                    0x00 | 0x10 => 2,
                    0x20 => 3,
                    _ => 4,
                };
                show_utf8(c, &run[i..i + n], &mut text);
                i += n;
            }
        }
        // Then the rest of the string.
        loop {
            let Some(b) = r.get()? else {
                eof = true;
                break;
            };
            if !graphic(b) || (0x80..0xc0).contains(&b) {
                break;
            }
            if b < 0x80 {
                text.push(b);
            } else {
                match utf8_tail(&mut r, b, &mut seq, &mut eof)? {
                    Some(n) if !invalid => show_utf8(c, &seq[..n], &mut text),
                    Some(n) => {
                        for &x in seq[1..n].iter().rev() {
                            r.unget(x);
                        }
                        break;
                    }
                    None => break,
                }
            }
            if text.len() >= 64 * 1024 {
                out.write_bytes(&text);
                text.clear();
            }
        }
        text.extend_from_slice(&c.sep);
        out.write_bytes(&text);
    }
    Ok(())
}

fn scan(src: Src, base: u64, name: &[u8], c: &Conf, out: &mut Out) -> std::io::Result<()> {
    if c.unicode.is_some() {
        return scan_unicode(src, base, name, c, out);
    }
    if c.width == 1 {
        return scan_bytes(src, base, name, c, out);
    }
    let mut r = Reader::new(src, base);
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
        header(c, name, start, &mut head);
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

/// The loaded sections of an ELF file, as (file offset, size), in section
/// header order; None when `data` is no ELF file BFD would read or names
/// no such section (the whole file is then scanned).
fn elf_sections(data: &[u8]) -> Option<Vec<(u64, u64)>> {
    if data.len() < 0x34 || &data[..4] != b"\x7fELF" {
        return None;
    }
    let wide = match data[4] {
        1 => false,
        2 => true,
        _ => return None,
    };
    let big = match data[5] {
        1 => false,
        2 => true,
        _ => return None,
    };
    let num = |at: usize, n: usize| -> Option<u64> {
        let b = data.get(at..at + n)?;
        Some(b.iter().enumerate().fold(0u64, |v, (i, &x)| {
            if big {
                v << 8 | u64::from(x)
            } else {
                v | u64::from(x) << (8 * i)
            }
        }))
    };
    let (shoff, shentsize, mut shnum) = if wide {
        (num(0x28, 8)?, num(0x3a, 2)?, num(0x3c, 2)?)
    } else {
        (num(0x20, 4)?, num(0x2e, 2)?, num(0x30, 2)?)
    };
    let min_ent = if wide { 0x40 } else { 0x28 };
    if shoff == 0 || shentsize < min_ent {
        return None;
    }
    let shoff = usize::try_from(shoff).ok()?;
    let ent = shentsize as usize;
    if shnum == 0 {
        // More than 0xff00 sections: the count is in section 0's size.
        shnum = if wide { num(shoff + 0x20, 8)? } else { num(shoff + 0x14, 4)? };
    }
    let table_end = (shnum as usize).checked_mul(ent)?.checked_add(shoff)?;
    if table_end > data.len() {
        return None;
    }
    let mut v = Vec::new();
    for i in 1..shnum as usize {
        let h = shoff + i * ent;
        let kind = num(h + 4, 4)?;
        let (flags, offset, size) = if wide {
            (num(h + 8, 8)?, num(h + 0x18, 8)?, num(h + 0x20, 8)?)
        } else {
            (num(h + 8, 4)?, num(h + 0x10, 4)?, num(h + 0x14, 4)?)
        };
        const SHF_ALLOC: u64 = 2;
        const SHT_NOBITS: u64 = 8;
        if flags & SHF_ALLOC != 0 && kind != SHT_NOBITS && size > 0 {
            v.push((offset, size));
        }
    }
    (!v.is_empty()).then_some(v)
}

/// `-d`: the loaded sections of an ELF file, else the whole file.
fn scan_data(fd: i32, name: &[u8], c: &Conf, diag: &mut Diag, out: &mut Out) -> std::io::Result<()> {
    let mut data = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = read_fd(fd, &mut buf)?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
    }
    let Some(sections) = elf_sections(&data) else {
        return scan(Src::Mem(&data), 0, name, c, out);
    };
    for (offset, size) in sections {
        let range = usize::try_from(offset)
            .ok()
            .zip(usize::try_from(size).ok())
            .and_then(|(o, s)| Some(o..o.checked_add(s)?))
            .filter(|r| r.end <= data.len());
        match range {
            Some(r) => scan(Src::Mem(&data[r]), offset, name, c, out)?,
            None => {
                out.flush_now();
                diag.error(format_args!(
                    "{}: a section at offset {offset:#x} is past the end of the file",
                    String::from_utf8_lossy(name)
                ));
            }
        }
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
        unicode: None,
        color: false,
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
    if let Some(u) = m.value("U") {
        conf.unicode = match u.as_bytes() {
            b"d" | b"default" => None,
            b"i" | b"invalid" => Some(Uni::Invalid),
            b"l" | b"locale" => Some(Uni::Locale),
            b"e" | b"escape" => Some(Uni::Escape),
            b"x" | b"hex" => Some(Uni::Hex),
            b"h" | b"highlight" => Some(Uni::Highlight),
            other => {
                diag.error(format_args!(
                    "invalid argument to -U/--unicode: {}",
                    String::from_utf8_lossy(other)
                ));
                return 1;
            }
        };
        if conf.unicode.is_some() {
            // Every mode but the default reads 8-bit, whatever -e said.
            (conf.width, conf.big, conf.eight_bit) = (1, false, true);
            conf.color = conf.unicode == Some(Uni::Highlight) && crate::sys::isatty(1);
        }
    }
    if let Some(t) = m.value("T") {
        let t = t.as_bytes();
        if t != b"binary" && !ELF_TARGETS.iter().any(|e| e.as_bytes() == t) {
            diag.error(format_args!(
                "{}: unsupported target (binary and the ELF ones are)",
                crate::quote::msg(t)
            ));
            return 1;
        }
    }
    // `-T binary` makes the file one section: the whole file.
    let data_only = m.last_of(&["a", "d"]) == Some("d") && m.value("T").is_none_or(|t| t != "binary");
    let mut out = Out::stdout();
    if m.operands.is_empty() {
        if let Err(e) = scan(Src::Fd(0), 0, b"{standard input}", &conf, &mut out) {
            out.flush_now();
            diag.io_error(OsStr::new("{standard input}"), &e);
        }
    }
    for op in &m.operands {
        let result = Input::open(op).and_then(|i| {
            if data_only && op != "-" {
                scan_data(i.fd(), op.as_bytes(), &conf, &mut diag, &mut out)
            } else {
                scan(Src::Fd(i.fd()), 0, op.as_bytes(), &conf, &mut out)
            }
        });
        if let Err(e) = result {
            out.flush_now();
            diag.io_error(op, &e);
        }
    }
    out.close(&diag)
}
