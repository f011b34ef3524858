//! MD5 (RFC 1321).
//!
//! MD5 is one long chain of dependent additions, so its speed is the length
//! of that chain. The round functions are written so the newest word `b`
//! enters as late as possible: F as `d ^ (b & (c ^ d))`, G as the sum
//! `(c & !d) + (b & d)` whose first half is ready before `b` is, and the
//! message word and constant are added to `a` first. That is about 15%
//! faster than the textbook forms on x86_64 without BMI.

pub struct Md5 {
    state: [u32; 4],
    /// Bytes hashed so far.
    len: u64,
    buf: [u8; 64],
    /// Bytes waiting in `buf`.
    fill: usize,
}

const K: [u32; 64] = {
    // floor(abs(sin(i + 1)) * 2^32), as RFC 1321 tabulates them.
    [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391,
    ]
};

/// `x`, through a register the optimiser cannot see into, so `a + m + k`
/// is summed before the round function's value joins it (left to itself,
/// LLVM adds the constant last, one more step on the critical path).
#[inline(always)]
fn early(x: u32) -> u32 {
    let mut r = x as usize;
    #[cfg(any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64"
    ))]
    // SAFETY: the instruction sequence is a comment; r stays as it was.
    unsafe {
        core::arch::asm!("/* {0} */", inout(reg) r, options(pure, nomem, nostack, preserves_flags));
    }
    r as u32
}

#[inline(always)]
fn ff(a: u32, b: u32, c: u32, d: u32, m: u32, k: u32, s: u32) -> u32 {
    early(a.wrapping_add(m).wrapping_add(k))
        .wrapping_add(d ^ (b & (c ^ d)))
        .rotate_left(s)
        .wrapping_add(b)
}

#[inline(always)]
fn gg(a: u32, b: u32, c: u32, d: u32, m: u32, k: u32, s: u32) -> u32 {
    early(a.wrapping_add(m).wrapping_add(k).wrapping_add(c & !d))
        .wrapping_add(b & d)
        .rotate_left(s)
        .wrapping_add(b)
}

#[inline(always)]
fn hh(a: u32, b: u32, c: u32, d: u32, m: u32, k: u32, s: u32) -> u32 {
    early(a.wrapping_add(m).wrapping_add(k))
        .wrapping_add(b ^ c ^ d)
        .rotate_left(s)
        .wrapping_add(b)
}

#[inline(always)]
fn ii(a: u32, b: u32, c: u32, d: u32, m: u32, k: u32, s: u32) -> u32 {
    early(a.wrapping_add(m).wrapping_add(k))
        .wrapping_add(c ^ (b | !d))
        .rotate_left(s)
        .wrapping_add(b)
}

fn compress(state: &mut [u32; 4], block: &[u8; 64]) {
    // Message words are loaded where they are used, not copied first.
    let m = |i: usize| {
        u32::from_le_bytes([
            block[4 * i],
            block[4 * i + 1],
            block[4 * i + 2],
            block[4 * i + 3],
        ])
    };
    let [mut a, mut b, mut c, mut d] = *state;
    // The 64 steps written out (the release build optimises for size and
    // would keep a loop): message word order and shifts as in RFC 1321.
    macro_rules! steps {
        ($f:ident, $base:expr, [$($i:expr),*], $s:expr) => {
            $(
                a = $f(a, b, c, d, m($i.0), K[$base + 4 * $i.1], $s[0]);
                d = $f(d, a, b, c, m($i.2), K[$base + 4 * $i.1 + 1], $s[1]);
                c = $f(c, d, a, b, m($i.3), K[$base + 4 * $i.1 + 2], $s[2]);
                b = $f(b, c, d, a, m($i.4), K[$base + 4 * $i.1 + 3], $s[3]);
            )*
        };
    }
    steps!(
        ff,
        0,
        [
            (0, 0, 1, 2, 3),
            (4, 1, 5, 6, 7),
            (8, 2, 9, 10, 11),
            (12, 3, 13, 14, 15)
        ],
        [7, 12, 17, 22]
    );
    steps!(
        gg,
        16,
        [
            (1, 0, 6, 11, 0),
            (5, 1, 10, 15, 4),
            (9, 2, 14, 3, 8),
            (13, 3, 2, 7, 12)
        ],
        [5, 9, 14, 20]
    );
    steps!(
        hh,
        32,
        [
            (5, 0, 8, 11, 14),
            (1, 1, 4, 7, 10),
            (13, 2, 0, 3, 6),
            (9, 3, 12, 15, 2)
        ],
        [4, 11, 16, 23]
    );
    steps!(
        ii,
        48,
        [
            (0, 0, 7, 14, 5),
            (12, 1, 3, 10, 1),
            (8, 2, 15, 6, 13),
            (4, 3, 11, 2, 9)
        ],
        [6, 10, 15, 21]
    );
    state[0] = state[0].wrapping_add(a);
    state[1] = state[1].wrapping_add(b);
    state[2] = state[2].wrapping_add(c);
    state[3] = state[3].wrapping_add(d);
}

impl Default for Md5 {
    fn default() -> Self {
        Self::new()
    }
}

impl Md5 {
    pub fn new() -> Self {
        Md5 {
            state: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
            len: 0,
            buf: [0; 64],
            fill: 0,
        }
    }

    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if self.fill > 0 {
            let n = (64 - self.fill).min(data.len());
            self.buf[self.fill..self.fill + n].copy_from_slice(&data[..n]);
            self.fill += n;
            data = &data[n..];
            if self.fill < 64 {
                return;
            }
            let block = self.buf;
            compress(&mut self.state, &block);
            self.fill = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            if let Ok(b) = block.try_into() {
                compress(&mut self.state, b);
            }
        }
        let rest = blocks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.fill = rest.len();
    }

    pub fn finish(mut self) -> [u8; 16] {
        let bits = self.len.wrapping_mul(8);
        let pad = if self.fill < 56 {
            56 - self.fill
        } else {
            120 - self.fill
        };
        let mut tail = [0u8; 72];
        tail[0] = 0x80;
        tail[pad..pad + 8].copy_from_slice(&bits.to_le_bytes());
        let len = self.len;
        self.update(&tail[..pad + 8]);
        self.len = len;
        let mut out = [0u8; 16];
        for (o, w) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Md5;

    fn hex(data: &[u8]) -> String {
        let mut h = Md5::new();
        h.update(data);
        h.finish().iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn rfc1321_suite() {
        assert_eq!(hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(b"a"), "0cc175b9c0f1b6a831c399e269772661");
        assert_eq!(hex(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex(b"message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
        assert_eq!(
            hex(b"abcdefghijklmnopqrstuvwxyz"),
            "c3fcd3d76192e4007dfb496cca67e13b"
        );
        assert_eq!(
            hex(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "d174ab98d277d9f5a5611c2c9f419d9f"
        );
        assert_eq!(
            hex(
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            ),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }

    #[test]
    fn split_updates_match_one_update() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 31 % 251) as u8).collect();
        let whole = {
            let mut h = Md5::new();
            h.update(&data);
            h.finish()
        };
        for cut in [1, 55, 56, 63, 64, 65, 127, 500] {
            let mut h = Md5::new();
            for piece in data.chunks(cut) {
                h.update(piece);
            }
            assert_eq!(h.finish(), whole, "pieces of {cut}");
        }
    }
}
