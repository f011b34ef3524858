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

    fn compress(&mut self, block: &[u8]) {
        let mut w = [0u32; 68];
        for (x, c) in w.iter_mut().zip(block.chunks_exact(4)) {
            *x = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for j in 16..68 {
            w[j] = p1(w[j - 16] ^ w[j - 9] ^ w[j - 3].rotate_left(15))
                ^ w[j - 13].rotate_left(7)
                ^ w[j - 6];
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.v;
        for j in 0..64 {
            let t: u32 = if j < 16 { 0x79cc_4519 } else { 0x7a87_9d8a };
            let a12 = a.rotate_left(12);
            let ss1 = a12
                .wrapping_add(e)
                .wrapping_add(t.rotate_left(j as u32 % 32))
                .rotate_left(7);
            let ss2 = ss1 ^ a12;
            let (ff, gg) = if j < 16 {
                (a ^ b ^ c, e ^ f ^ g)
            } else {
                ((a & b) | (a & c) | (b & c), (e & f) | (!e & g))
            };
            let tt1 = ff
                .wrapping_add(d)
                .wrapping_add(ss2)
                .wrapping_add(w[j] ^ w[j + 4]);
            let tt2 = gg.wrapping_add(h).wrapping_add(ss1).wrapping_add(w[j]);
            d = c;
            c = b.rotate_left(9);
            b = a;
            a = tt1;
            h = g;
            g = f.rotate_left(19);
            f = e;
            e = p0(tt2);
        }
        for (v, x) in self.v.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *v ^= x;
        }
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
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            self.compress(block);
        }
        let rest = blocks.remainder();
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
