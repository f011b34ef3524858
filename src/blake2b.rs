//! BLAKE2b (RFC 7693), unkeyed, with any digest length from 1 to 64
//! bytes: the hash of `b2sum` and `cksum -a blake2b`. The digest length is
//! part of the parameter block, so BLAKE2b-256 is not a cut BLAKE2b-512.

const IV: [u64; 8] = [
    0x6a09_e667_f3bc_c908,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
    0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1,
    0x9b05_688c_2b3e_6c1f,
    0x1f83_d9ab_fb41_bd6b,
    0x5be0_cd19_137e_2179,
];

/// The longest digest, in bytes.
pub const MAX_BYTES: usize = 64;

/// A running BLAKE2b hash.
#[derive(Clone)]
pub struct Blake2b {
    h: [u64; 8],
    /// Bytes compressed so far.
    t: u128,
    buf: [u8; 128],
    /// Bytes waiting in `buf`; a full block waits until more data shows it
    /// is not the last.
    n: usize,
    out: usize,
}

impl Blake2b {
    /// A hash giving `out` bytes (1..=64; other values are clamped).
    pub fn new(out: usize) -> Blake2b {
        let out = out.clamp(1, MAX_BYTES);
        let mut h = IV;
        h[0] ^= 0x0101_0000 ^ out as u64;
        Blake2b {
            h,
            t: 0,
            buf: [0; 128],
            n: 0,
            out,
        }
    }

    /// Compresses `block` into the state. The sixteen state words are
    /// locals and every message index a literal, so the twelve rounds are
    /// straight-line code even at the size-optimising release level.
    fn compress(&mut self, block: &[u8; 128], last: bool) {
        let mut m = [0u64; 16];
        let mut i = 0;
        while i < 16 {
            let mut b = [0u8; 8];
            b.copy_from_slice(&block[i * 8..i * 8 + 8]);
            m[i] = u64::from_le_bytes(b);
            i += 1;
        }
        let [mut v0, mut v1, mut v2, mut v3, mut v4, mut v5, mut v6, mut v7] = self.h;
        let [mut v8, mut v9, mut v10, mut v11, mut v12, mut v13, mut v14, mut v15] = IV;
        v12 ^= self.t as u64;
        v13 ^= (self.t >> 64) as u64;
        if last {
            v14 = !v14;
        }
        macro_rules! g {
            ($a:ident, $b:ident, $c:ident, $d:ident, $x:expr, $y:expr) => {
                $a = $a.wrapping_add($b).wrapping_add($x);
                $d = ($d ^ $a).rotate_right(32);
                $c = $c.wrapping_add($d);
                $b = ($b ^ $c).rotate_right(24);
                $a = $a.wrapping_add($b).wrapping_add($y);
                $d = ($d ^ $a).rotate_right(16);
                $c = $c.wrapping_add($d);
                $b = ($b ^ $c).rotate_right(63);
            };
        }
        // One round, given its message word schedule (RFC 7693 SIGMA).
        macro_rules! round {
            ($s0:literal, $s1:literal, $s2:literal, $s3:literal,
             $s4:literal, $s5:literal, $s6:literal, $s7:literal,
             $s8:literal, $s9:literal, $s10:literal, $s11:literal,
             $s12:literal, $s13:literal, $s14:literal, $s15:literal) => {
                g!(v0, v4, v8, v12, m[$s0], m[$s1]);
                g!(v1, v5, v9, v13, m[$s2], m[$s3]);
                g!(v2, v6, v10, v14, m[$s4], m[$s5]);
                g!(v3, v7, v11, v15, m[$s6], m[$s7]);
                g!(v0, v5, v10, v15, m[$s8], m[$s9]);
                g!(v1, v6, v11, v12, m[$s10], m[$s11]);
                g!(v2, v7, v8, v13, m[$s12], m[$s13]);
                g!(v3, v4, v9, v14, m[$s14], m[$s15]);
            };
        }
        round!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        round!(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3);
        round!(11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4);
        round!(7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8);
        round!(9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13);
        round!(2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9);
        round!(12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11);
        round!(13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10);
        round!(6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5);
        round!(10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0);
        round!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        round!(14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3);
        let h = &mut self.h;
        h[0] ^= v0 ^ v8;
        h[1] ^= v1 ^ v9;
        h[2] ^= v2 ^ v10;
        h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12;
        h[5] ^= v5 ^ v13;
        h[6] ^= v6 ^ v14;
        h[7] ^= v7 ^ v15;
    }

    pub fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.n == 128 {
                self.t += 128;
                let block = self.buf;
                self.compress(&block, false);
                self.n = 0;
            }
            if self.n == 0 && data.len() > 128 {
                // Whole blocks straight from the input, keeping the last
                // one back in case it ends the message.
                let (block, rest) = data.split_at(128);
                self.t += 128;
                if let Ok(b) = <&[u8; 128]>::try_from(block) {
                    self.compress(b, false);
                }
                data = rest;
                continue;
            }
            let take = (128 - self.n).min(data.len());
            self.buf[self.n..self.n + take].copy_from_slice(&data[..take]);
            self.n += take;
            data = &data[take..];
        }
    }

    pub fn finalize(mut self) -> Vec<u8> {
        self.t += self.n as u128;
        self.buf[self.n..].fill(0);
        let block = self.buf;
        self.compress(&block, true);
        let mut out: Vec<u8> = self.h.iter().flat_map(|w| w.to_le_bytes()).collect();
        out.truncate(self.out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn sum(out: usize, data: &[u8]) -> String {
        let mut h = Blake2b::new(out);
        h.update(data);
        hex(&h.finalize())
    }

    #[test]
    fn rfc7693_abc() {
        // RFC 7693 appendix A.
        assert_eq!(
            sum(64, b"abc"),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1\
             7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        );
    }

    #[test]
    fn empty_and_lengths() {
        assert_eq!(
            sum(64, b""),
            "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419\
             d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"
        );
        assert_eq!(
            sum(32, b""),
            "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
        );
        assert_eq!(
            sum(32, b"The quick brown fox jumps over the lazy dog"),
            "01718cec35cd3d796dd00020e0bfecb473ad23457d063b75eff29c0ffa2e58a9"
        );
    }

    #[test]
    fn split_updates_match_one_update() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        for len in [0, 1, 127, 128, 129, 255, 256, 257, 1000] {
            let whole = sum(64, &data[..len]);
            for cut in [0, 1, 64, 128, 129] {
                let cut = cut.min(len);
                let mut h = Blake2b::new(64);
                h.update(&data[..cut]);
                h.update(&data[cut..len]);
                assert_eq!(hex(&h.finalize()), whole, "len {len} cut {cut}");
            }
        }
    }
}
