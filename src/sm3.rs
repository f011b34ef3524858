//! SM3 (GB/T 32905-2016, the Chinese national standard hash; 256-bit
//! digest): `cksum -a sm3`. A Merkle-Damgard hash on 64-byte blocks with
//! SHA-256's padding and big-endian words.

const IV: [u32; 8] = [
    0x7380_166f,
    0x4914_b2b9,
    0x1724_42d7,
    0xda8a_0600,
    0xa96f_30bc,
    0x1631_38aa,
    0xe38d_ee4d,
    0xb0fb_0e4e,
];

/// The round constants, each already rotated left by its round number.
const T: [u32; 64] = {
    let mut t = [0u32; 64];
    let mut j = 0;
    while j < 64 {
        let base: u32 = if j < 16 { 0x79cc_4519 } else { 0x7a87_9d8a };
        t[j] = base.rotate_left(j as u32 % 32);
        j += 1;
    }
    t
};

/// A running SM3 hash.
#[derive(Clone)]
pub struct Sm3 {
    v: [u32; 8],
    len: u64,
    buf: [u8; 64],
    n: usize,
}

impl Default for Sm3 {
    fn default() -> Self {
        Sm3::new()
    }
}

#[inline(always)]
fn p0(x: u32) -> u32 {
    x ^ x.rotate_left(9) ^ x.rotate_left(17)
}

#[inline(always)]
fn p1(x: u32) -> u32 {
    x ^ x.rotate_left(15) ^ x.rotate_left(23)
}

impl Sm3 {
    pub fn new() -> Sm3 {
        Sm3 {
            v: IV,
            len: 0,
            buf: [0; 64],
            n: 0,
        }
    }

    /// Compresses one 64-byte block. Written as straight-line code (the
    /// message expansion and the 64 rounds unrolled by macros, every index
    /// a literal, the eight working words renamed rather than moved), so it
    /// stays fast at the size-optimising release level.
    fn compress(&mut self, block: &[u8; 64]) {
        // The message words in a ring of sixteen, each expanded word
        // computed just before the round that first needs it.
        let mut w = [0u32; 16];
        let mut i = 0;
        while i < 16 {
            w[i] = u32::from_be_bytes([
                block[i * 4],
                block[i * 4 + 1],
                block[i * 4 + 2],
                block[i * 4 + 3],
            ]);
            i += 1;
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.v;
        // One round; the caller renames the words instead of shifting them.
        macro_rules! round {
            ($a:ident, $b:ident, $c:ident, $d:ident,
             $e:ident, $f:ident, $g:ident, $h:ident, $j:literal, $ff:expr, $gg:expr) => {
                if $j + 4 >= 16 {
                    let k = $j + 4;
                    // W[k] from W[k-16], W[k-9], W[k-3], W[k-13] and W[k-6],
                    // which sit at these ring places.
                    w[k & 15] = p1(w[k & 15] ^ w[(k + 7) & 15] ^ w[(k + 13) & 15].rotate_left(15))
                        ^ w[(k + 3) & 15].rotate_left(7)
                        ^ w[(k + 10) & 15];
                }
                let a12 = $a.rotate_left(12);
                let ss1 = a12.wrapping_add($e).wrapping_add(T[$j]).rotate_left(7);
                let tt1 = $ff
                    .wrapping_add($d)
                    .wrapping_add(ss1 ^ a12)
                    .wrapping_add(w[$j & 15] ^ w[($j + 4) & 15]);
                let tt2 = $gg
                    .wrapping_add($h)
                    .wrapping_add(ss1)
                    .wrapping_add(w[$j & 15]);
                $b = $b.rotate_left(9);
                $f = $f.rotate_left(19);
                $d = tt1;
                $h = p0(tt2);
            };
        }
        // Rounds 0 to 15: FF and GG are plain XOR.
        macro_rules! r1 {
            ($a:ident, $b:ident, $c:ident, $d:ident,
             $e:ident, $f:ident, $g:ident, $h:ident, $j:literal) => {
                round!(
                    $a,
                    $b,
                    $c,
                    $d,
                    $e,
                    $f,
                    $g,
                    $h,
                    $j,
                    $a ^ $b ^ $c,
                    $e ^ $f ^ $g
                );
            };
        }
        // Rounds 16 to 63: FF is majority, GG is choice.
        macro_rules! r2 {
            ($a:ident, $b:ident, $c:ident, $d:ident,
             $e:ident, $f:ident, $g:ident, $h:ident, $j:literal) => {
                round!(
                    $a,
                    $b,
                    $c,
                    $d,
                    $e,
                    $f,
                    $g,
                    $h,
                    $j,
                    ($a & $b) | ($c & ($a | $b)),
                    ($e & $f) | (!$e & $g)
                );
            };
        }
        macro_rules! four {
            ($r:ident, $j0:literal, $j1:literal, $j2:literal, $j3:literal) => {
                $r!(a, b, c, d, e, f, g, h, $j0);
                $r!(d, a, b, c, h, e, f, g, $j1);
                $r!(c, d, a, b, g, h, e, f, $j2);
                $r!(b, c, d, a, f, g, h, e, $j3);
            };
        }
        four!(r1, 0, 1, 2, 3);
        four!(r1, 4, 5, 6, 7);
        four!(r1, 8, 9, 10, 11);
        four!(r1, 12, 13, 14, 15);
        four!(r2, 16, 17, 18, 19);
        four!(r2, 20, 21, 22, 23);
        four!(r2, 24, 25, 26, 27);
        four!(r2, 28, 29, 30, 31);
        four!(r2, 32, 33, 34, 35);
        four!(r2, 36, 37, 38, 39);
        four!(r2, 40, 41, 42, 43);
        four!(r2, 44, 45, 46, 47);
        four!(r2, 48, 49, 50, 51);
        four!(r2, 52, 53, 54, 55);
        four!(r2, 56, 57, 58, 59);
        four!(r2, 60, 61, 62, 63);
        let v = &mut self.v;
        v[0] ^= a;
        v[1] ^= b;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }

    pub fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if self.n > 0 {
            let take = (64 - self.n).min(data.len());
            self.buf[self.n..self.n + take].copy_from_slice(&data[..take]);
            self.n += take;
            data = &data[take..];
            if self.n < 64 {
                return;
            }
            let block = self.buf;
            self.compress(&block);
            self.n = 0;
        }
        while data.len() >= 64 {
            let (block, rest) = data.split_at(64);
            if let Ok(b) = <&[u8; 64]>::try_from(block) {
                self.compress(b);
            }
            data = rest;
        }
        let rest = data;
        self.buf[..rest.len()].copy_from_slice(rest);
        self.n = rest.len();
    }

    pub fn finalize(mut self) -> Vec<u8> {
        let bits = self.len.wrapping_mul(8);
        let mut pad = [0u8; 72];
        pad[0] = 0x80;
        let zeros = (55usize.wrapping_sub(self.n)) % 64;
        let total = 1 + zeros;
        pad[total..total + 8].copy_from_slice(&bits.to_be_bytes());
        let len = self.len;
        self.update(&pad[..total + 8]);
        self.len = len;
        self.v.iter().flat_map(|w| w.to_be_bytes()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(data: &[u8]) -> String {
        let mut h = Sm3::new();
        h.update(data);
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn standard_examples() {
        // GB/T 32905-2016 appendix A, examples 1 and 2.
        assert_eq!(
            sum(b"abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
        assert_eq!(
            sum(&b"abcd".repeat(16)),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
        );
    }

    #[test]
    fn empty_and_split() {
        assert_eq!(
            sum(b""),
            "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b"
        );
        let data: Vec<u8> = (0..300u32).map(|i| (i * 13) as u8).collect();
        for len in [55, 56, 63, 64, 65, 119, 120, 300] {
            let whole = sum(&data[..len]);
            let mut h = Sm3::new();
            h.update(&data[..7]);
            h.update(&data[7..len]);
            let split: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(split, whole);
        }
    }
}
