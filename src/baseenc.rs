//! Base64 and base32 (RFC 4648) streams, as `base64` and `base32` write
//! and read them: encoding wrapped at a column, decoding that ignores
//! newlines (all non-alphabet bytes with `-i`), accepts padded groups one
//! after another, and on bad input stops after writing what decoded.

/// One of the two alphabets.
#[derive(Clone, Copy)]
pub struct Alphabet {
    pub chars: &'static [u8],
    /// Bits per character: 6 or 5.
    pub bits: u32,
    /// Characters per padded group: 4 or 8.
    pub group: usize,
}

pub const BASE64: Alphabet = Alphabet {
    chars: b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    bits: 6,
    group: 4,
};

pub const BASE32: Alphabet = Alphabet {
    chars: b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    bits: 5,
    group: 8,
};

/// Streaming encoder: keeps the bits of a partial group and the column.
pub struct Encoder {
    alpha: Alphabet,
    wrap: usize,
    col: usize,
    acc: u64,
    nbits: u32,
    /// Characters of the current group written so far (for padding).
    in_group: usize,
}

impl Encoder {
    pub fn new(alpha: Alphabet, wrap: usize) -> Encoder {
        Encoder {
            alpha,
            wrap,
            col: 0,
            acc: 0,
            nbits: 0,
            in_group: 0,
        }
    }

    fn put(&mut self, c: u8, out: &mut Vec<u8>) {
        if self.wrap > 0 && self.col == self.wrap {
            out.push(b'\n');
            self.col = 0;
        }
        out.push(c);
        self.col += 1;
        self.in_group = (self.in_group + 1) % self.alpha.group;
    }

    pub fn feed(&mut self, mut data: &[u8], out: &mut Vec<u8>) {
        let b = self.alpha.bits;
        // Whole groups (3 bytes to 4 characters, 5 to 8) while the stream
        // is at a group boundary, written a group at a time.
        let chars = self.alpha.group;
        let bytes = chars * b as usize / 8;
        // First to the next group boundary, a byte at a time.
        while self.nbits != 0 {
            let Some((&byte, rest)) = data.split_first() else {
                return;
            };
            self.byte(byte, out);
            data = rest;
        }
        if data.len() >= bytes {
            let n_groups = data.len() / bytes;
            let most = n_groups * chars + n_groups * chars / self.wrap.max(1) + 2;
            out.reserve(most);
            let start = out.len();
            let mut t = [0u8; 64];
            t[..self.alpha.chars.len()].copy_from_slice(self.alpha.chars);
            let dst = out.spare_capacity_mut();
            let mut w = 0;
            // The release build optimises for size and would call a
            // function for every index here, so the loop writes through
            // raw pointers: `w` stays below `most` (each group adds at most
            // `chars` bytes and a newline per `wrap` of them), which the
            // reserve made room for; table indexes are masked to 64.
            let d = dst.as_mut_ptr().cast::<u8>();
            let tp = t.as_ptr();
            let put = |w: &mut usize, c: u8| {
                debug_assert!(*w < most);
                // SAFETY: *w < most <= the spare capacity.
                unsafe { d.add(*w).write(c) };
                *w += 1;
            };
            let mut groups = data.chunks_exact(bytes);
            for g in &mut groups {
                let mut text = [0u8; 8];
                // SAFETY: every index is masked below 64, t's length.
                unsafe {
                    if b == 6 {
                        let n = u32::from(g[0]) << 16 | u32::from(g[1]) << 8 | u32::from(g[2]);
                        text[0] = *tp.add((n >> 18) as usize & 63);
                        text[1] = *tp.add((n >> 12) as usize & 63);
                        text[2] = *tp.add((n >> 6) as usize & 63);
                        text[3] = *tp.add(n as usize & 63);
                    } else {
                        let n = u64::from(g[0]) << 32
                            | u64::from(g[1]) << 24
                            | u64::from(g[2]) << 16
                            | u64::from(g[3]) << 8
                            | u64::from(g[4]);
                        text[0] = *tp.add((n >> 35) as usize & 31);
                        text[1] = *tp.add((n >> 30) as usize & 31);
                        text[2] = *tp.add((n >> 25) as usize & 31);
                        text[3] = *tp.add((n >> 20) as usize & 31);
                        text[4] = *tp.add((n >> 15) as usize & 31);
                        text[5] = *tp.add((n >> 10) as usize & 31);
                        text[6] = *tp.add((n >> 5) as usize & 31);
                        text[7] = *tp.add(n as usize & 31);
                    }
                }
                if self.wrap == 0 || self.col + chars < self.wrap {
                    for &c in &text[..chars] {
                        put(&mut w, c);
                    }
                    self.col += chars;
                    continue;
                }
                for &c in &text[..chars] {
                    if self.col == self.wrap {
                        put(&mut w, b'\n');
                        self.col = 0;
                    }
                    put(&mut w, c);
                    self.col += 1;
                }
            }
            // SAFETY: the first w bytes of the spare capacity are written.
            unsafe { out.set_len(start + w) };
            data = groups.remainder();
        }
        for &byte in data {
            self.byte(byte, out);
        }
    }

    fn byte(&mut self, byte: u8, out: &mut Vec<u8>) {
        let b = self.alpha.bits;
        let mask = (1u64 << b) - 1;
        self.acc = (self.acc << 8) | u64::from(byte);
        self.nbits += 8;
        while self.nbits >= b {
            self.nbits -= b;
            let idx = ((self.acc >> self.nbits) & mask) as usize;
            self.put(self.alpha.chars[idx], out);
        }
        self.acc &= (1u64 << self.nbits) - 1;
    }

    /// Writes the last partial group with padding, and the final newline.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        let b = self.alpha.bits;
        if self.nbits > 0 {
            let idx = ((self.acc << (b - self.nbits)) & ((1 << b) - 1)) as usize;
            self.put(self.alpha.chars[idx], out);
            self.nbits = 0;
        }
        while self.in_group != 0 {
            self.put(b'=', out);
        }
        if self.wrap > 0 && self.col > 0 {
            out.push(b'\n');
        }
    }
}

/// Streaming decoder.
pub struct Decoder {
    alpha: Alphabet,
    table: [u8; 256],
    ignore_garbage: bool,
    acc: u64,
    nbits: u32,
    in_group: usize,
    /// Inside the padding of a group.
    padding: bool,
}

const INVALID: u8 = 0xff;

/// The input is not valid in the alphabet.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidInput;

impl Decoder {
    pub fn new(alpha: Alphabet, ignore_garbage: bool) -> Decoder {
        let mut table = [INVALID; 256];
        for (i, &c) in alpha.chars.iter().enumerate() {
            table[c as usize] = i as u8;
        }
        Decoder {
            alpha,
            table,
            ignore_garbage,
            acc: 0,
            nbits: 0,
            in_group: 0,
            padding: false,
        }
    }

    /// Decodes `data` into `out`; Err once the input is invalid (what
    /// decoded before it is in `out`).
    pub fn feed(&mut self, data: &[u8], out: &mut Vec<u8>) -> Result<(), InvalidInput> {
        for &c in data {
            if c == b'\n' {
                continue;
            }
            if c == b'=' {
                // Padding is allowed once a group holds at least two
                // characters, and runs to the end of the group.
                if self.in_group < 2 && !self.padding {
                    return Err(InvalidInput);
                }
                self.padding = true;
                self.in_group += 1;
                if self.in_group == self.alpha.group {
                    self.end_group();
                }
                continue;
            }
            let v = self.table[c as usize];
            if v == INVALID {
                if self.ignore_garbage {
                    continue;
                }
                return Err(InvalidInput);
            }
            if self.padding {
                return Err(InvalidInput);
            }
            self.acc = (self.acc << self.alpha.bits) | u64::from(v);
            self.nbits += self.alpha.bits;
            if self.nbits >= 8 {
                self.nbits -= 8;
                out.push((self.acc >> self.nbits) as u8);
                self.acc &= (1u64 << self.nbits) - 1;
            }
            self.in_group += 1;
            if self.in_group == self.alpha.group {
                self.end_group();
            }
        }
        Ok(())
    }

    fn end_group(&mut self) {
        self.in_group = 0;
        self.acc = 0;
        self.nbits = 0;
        self.padding = false;
    }

    /// Err when the input ended inside a group.
    pub fn finish(&mut self) -> Result<(), InvalidInput> {
        if self.in_group == 0 {
            Ok(())
        } else {
            Err(InvalidInput)
        }
    }
}

const OPTS: &[crate::args::Opt] = &[
    crate::args::Opt::flag('d', "decode"),
    crate::args::Opt::flag('i', "ignore-garbage"),
    crate::args::Opt::value('w', "wrap"),
];

/// The whole of `base64` or `base32`: `[-di] [-w COLS] [FILE]`.
pub fn run(applet: &'static crate::Applet, args: &[std::ffi::OsString], alpha: Alphabet) -> i32 {
    use crate::diag::Diag;
    use crate::io::{read_fd, Out};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    let parser = crate::args::Parser::new(applet, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 1) {
        return status;
    }
    let mut diag = Diag::new(args);
    let wrap = match m.value("w") {
        None => 76,
        Some(w) => match std::str::from_utf8(w.as_bytes())
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        {
            Some(n) => n,
            None => {
                diag.error(format_args!(
                    "invalid wrap size: {}",
                    crate::quote::msg(w.as_bytes())
                ));
                return 1;
            }
        },
    };
    let name = m
        .operands
        .first()
        .cloned()
        .unwrap_or_else(|| std::ffi::OsString::from("-"));
    let file;
    let fd = if name == "-" {
        0
    } else {
        match std::fs::File::open(&name) {
            Ok(f) => {
                file = f;
                file.as_raw_fd()
            }
            Err(e) => {
                diag.io_error(&name, &e);
                return 1;
            }
        }
    };
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 96 * 1024];
    let mut text = Vec::with_capacity(160 * 1024);
    let decode = m.has("d");
    let mut enc = Encoder::new(alpha, wrap);
    let mut dec = Decoder::new(alpha, m.has("i"));
    let mut bad = false;
    loop {
        let n = match read_fd(fd, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                out.flush_now();
                diag.io_error(&name, &e);
                return out.finish(diag.name(), 1);
            }
        };
        text.clear();
        if decode {
            bad = dec.feed(&buf[..n], &mut text).is_err();
        } else {
            enc.feed(&buf[..n], &mut text);
        }
        out.write_bytes(&text);
        if bad {
            break;
        }
    }
    text.clear();
    if decode {
        bad = bad || dec.finish().is_err();
    } else {
        enc.finish(&mut text);
        out.write_bytes(&text);
    }
    if bad {
        out.flush_now();
        diag.error("invalid input");
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_groups_match_byte_at_a_time() {
        let data: Vec<u8> = (0..2000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        for a in [BASE64, BASE32] {
            for wrap in [0, 1, 3, 4, 5, 7, 8, 9, 64, 76] {
                for len in [0, 1, 2, 3, 4, 5, 6, 7, 11, 100, 999, 2000] {
                    let want = enc(a, &data[..len], wrap);
                    for piece in [3, 5, 7, 64, 2000] {
                        let mut e = Encoder::new(a, wrap);
                        let mut out = Vec::new();
                        for c in data[..len].chunks(piece) {
                            e.feed(c, &mut out);
                        }
                        e.finish(&mut out);
                        assert_eq!(
                            String::from_utf8(out).expect("ascii"),
                            want,
                            "wrap {wrap} len {len} piece {piece}"
                        );
                    }
                }
            }
        }
    }

    fn enc(a: Alphabet, s: &[u8], wrap: usize) -> String {
        let mut e = Encoder::new(a, wrap);
        let mut out = Vec::new();
        // Fed in pieces, to cross group boundaries.
        for chunk in s.chunks(2) {
            e.feed(chunk, &mut out);
        }
        e.finish(&mut out);
        String::from_utf8(out).expect("ascii")
    }

    fn dec(a: Alphabet, s: &str, ignore: bool) -> (Vec<u8>, bool) {
        let mut d = Decoder::new(a, ignore);
        let mut out = Vec::new();
        let ok = d.feed(s.as_bytes(), &mut out).is_ok() && d.finish().is_ok();
        (out, ok)
    }

    #[test]
    fn base64() {
        assert_eq!(enc(BASE64, b"hello", 76), "aGVsbG8=\n");
        assert_eq!(enc(BASE64, b"", 76), "");
        assert_eq!(enc(BASE64, b"ab", 0), "YWI=");
        assert_eq!(enc(BASE64, b"\xff\xfe\xfd", 2), "//\n79\n");
        assert_eq!(
            dec(BASE64, "aGVs\nbG8=\n", false),
            (b"hello".to_vec(), true)
        );
        assert_eq!(
            dec(BASE64, "aGVsbG8=aGk=", false),
            (b"hellohi".to_vec(), true)
        );
        assert_eq!(dec(BASE64, "aGV*sbG8=", false), (b"he".to_vec(), false));
        assert_eq!(dec(BASE64, "aGV*sbG8=", true), (b"hello".to_vec(), true));
        assert_eq!(dec(BASE64, "aGVsbG8", false), (b"hello".to_vec(), false));
        assert_eq!(dec(BASE64, "a", false), (Vec::new(), false));
        assert_eq!(dec(BASE64, "a===", false), (Vec::new(), false));
    }

    #[test]
    fn base32() {
        assert_eq!(enc(BASE32, b"hello", 76), "NBSWY3DP\n");
        assert_eq!(enc(BASE32, b"a", 76), "ME======\n");
        assert_eq!(dec(BASE32, "NBSWY3DP", false), (b"hello".to_vec(), true));
        assert_eq!(dec(BASE32, "ME======", false), (b"a".to_vec(), true));
    }
}
