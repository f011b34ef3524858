//! Checksums of the `cksum` family: the POSIX CRC-32 (`cksum`), the zlib
//! CRC-32 (`crc32`), and the BSD and System V 16-bit sums (`sum -r`,
//! `sum -s`, `cksum -a bsd|sysv`).
//!
//! Both CRCs run slicing-by-8: eight 256-entry tables, built at compile
//! time, fold eight input bytes per step. The POSIX CRC is MSB-first with
//! polynomial 0x04C11DB7; zlib's is its bit-reflected twin (0xEDB88320).
//! On x86-64 with PCLMULQDQ the POSIX CRC folds 16 bytes per carry-less
//! multiply instead (about three times the table speed, as GNU's).

/// The POSIX `cksum` CRC: feed the data, then [`Posix::finish`] with the
/// total length.
pub struct Posix {
    crc: u32,
    len: u64,
}

const POSIX_POLY: u32 = 0x04C1_1DB7;
const ZLIB_POLY: u32 = 0xEDB8_8320;

const fn posix_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u32) << 24;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000_0000 != 0 {
                (c << 1) ^ POSIX_POLY
            } else {
                c << 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut s = 1;
    while s < 8 {
        let mut i = 0;
        while i < 256 {
            let p = t[s - 1][i];
            t[s][i] = (p << 8) ^ t[0][(p >> 24) as usize];
            i += 1;
        }
        s += 1;
    }
    t
}

const fn zlib_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ ZLIB_POLY
            } else {
                c >> 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut s = 1;
    while s < 8 {
        let mut i = 0;
        while i < 256 {
            let p = t[s - 1][i];
            t[s][i] = (p >> 8) ^ t[0][(p & 0xff) as usize];
            i += 1;
        }
        s += 1;
    }
    t
}

static POSIX_T: [[u32; 256]; 8] = posix_tables();
static ZLIB_T: [[u32; 256]; 8] = zlib_tables();

fn posix_update(mut crc: u32, data: &[u8]) -> u32 {
    let t = &POSIX_T;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let hi = crc ^ u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        crc = t[7][(hi >> 24) as usize]
            ^ t[6][((hi >> 16) & 0xff) as usize]
            ^ t[5][((hi >> 8) & 0xff) as usize]
            ^ t[4][(hi & 0xff) as usize]
            ^ t[3][c[4] as usize]
            ^ t[2][c[5] as usize]
            ^ t[1][c[6] as usize]
            ^ t[0][c[7] as usize];
    }
    for &b in chunks.remainder() {
        crc = (crc << 8) ^ t[0][((crc >> 24) ^ u32::from(b)) as usize];
    }
    crc
}

/// Carry-less multiplication folds 16 bytes a step where the CPU has it
/// (x86-64 PCLMULQDQ): the message so far stays a 128-bit polynomial
/// congruent to it modulo P, and its CRC is the CRC of those 16 bytes.
#[cfg(target_arch = "x86_64")]
mod fold {
    use std::arch::x86_64::{__m128i, _mm_clmulepi64_si128, _mm_cvtsi64_si128};

    /// x^n mod P, for the folding constants.
    const fn xpow(n: u32) -> u64 {
        let mut r: u64 = 1;
        let mut i = 0;
        while i < n {
            r <<= 1;
            if r & (1 << 32) != 0 {
                r ^= 0x1_04C1_1DB7;
            }
            i += 1;
        }
        r
    }
    const K128: u64 = xpow(128);
    const K192: u64 = xpow(192);

    #[inline]
    #[target_feature(enable = "pclmulqdq,sse2")]
    fn clmul(a: u64, b: u64) -> u128 {
        let r = _mm_clmulepi64_si128(_mm_cvtsi64_si128(a as i64), _mm_cvtsi64_si128(b as i64), 0);
        // SAFETY: __m128i and u128 are both 16 plain bytes; lane 0 is
        // the low half on x86-64.
        unsafe { std::mem::transmute::<__m128i, u128>(r) }
    }

    const K512: u64 = xpow(512);
    const K576: u64 = xpow(576);

    /// 16 bytes at `c` as a polynomial, first byte highest.
    #[inline(always)]
    fn block(c: &[u8]) -> u128 {
        assert!(c.len() >= 16);
        // SAFETY: 16 bytes are there (checked); an unaligned read of a
        // byte array is always valid.
        u128::from_be_bytes(unsafe { std::ptr::read_unaligned(c.as_ptr().cast::<[u8; 16]>()) })
    }

    /// `a` moved `k` bits further along: the constants are x^(k+64) and
    /// x^k mod P.
    #[inline]
    #[target_feature(enable = "pclmulqdq,sse2")]
    fn shift(a: u128, hi: u64, lo: u64) -> u128 {
        clmul((a >> 64) as u64, hi) ^ clmul(a as u64, lo)
    }

    /// The register after `data` (whole 16-byte blocks, at least four),
    /// starting from `crc`. Four lanes fold 64 bytes a step so the
    /// multiplies overlap; they are joined at the end.
    #[target_feature(enable = "pclmulqdq,sse2")]
    fn blocks(crc: u32, data: &[u8]) -> u32 {
        let (quads, rest) = data.split_at(data.len() & !63);
        let mut q = quads.chunks_exact(64);
        let Some(first) = q.next() else {
            return crc;
        };
        let mut l = [
            block(&first[..16]) ^ (u128::from(crc) << 96),
            block(&first[16..32]),
            block(&first[32..48]),
            block(&first[48..]),
        ];
        for c in q {
            l[0] = shift(l[0], K576, K512) ^ block(c);
            l[1] = shift(l[1], K576, K512) ^ block(&c[16..]);
            l[2] = shift(l[2], K576, K512) ^ block(&c[32..]);
            l[3] = shift(l[3], K576, K512) ^ block(&c[48..]);
        }
        let mut a = l[0];
        for lane in &l[1..] {
            a = shift(a, K192, K128) ^ lane;
        }
        for c in rest.chunks_exact(16) {
            a = shift(a, K192, K128) ^ block(c);
        }
        super::posix_update(0, &a.to_be_bytes())
    }

    /// Whether the CPU can fold.
    pub fn available() -> bool {
        std::arch::is_x86_feature_detected!("pclmulqdq")
    }

    /// Folds the whole blocks of `data` if the CPU can; gives the register
    /// and how many bytes were taken.
    pub fn run(crc: u32, data: &[u8]) -> (u32, usize) {
        if data.len() < 64 || !available() {
            return (crc, 0);
        }
        let n = data.len() & !15;
        // SAFETY: the CPU has PCLMULQDQ (checked above) and SSE2 (x86-64).
        (unsafe { blocks(crc, &data[..n]) }, n)
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod fold {
    pub fn available() -> bool {
        false
    }
    pub fn run(crc: u32, _: &[u8]) -> (u32, usize) {
        (crc, 0)
    }
}

/// Whether the POSIX CRC runs on carry-less multiplies here.
pub fn posix_accelerated() -> bool {
    fold::available()
}

impl Posix {
    pub fn new() -> Posix {
        Posix { crc: 0, len: 0 }
    }

    pub fn update(&mut self, data: &[u8]) {
        let (crc, done) = fold::run(self.crc, data);
        self.crc = posix_update(crc, &data[done..]);
        self.len += data.len() as u64;
    }

    /// The CRC with the length folded in (its bytes, low first, as many as
    /// it needs), complemented; and the length.
    pub fn finish(&self) -> (u32, u64) {
        let mut crc = self.crc;
        let mut n = self.len;
        while n != 0 {
            crc = (crc << 8) ^ POSIX_T[0][((crc >> 24) ^ (n & 0xff) as u32) as usize];
            n >>= 8;
        }
        (!crc, self.len)
    }
}

impl Default for Posix {
    fn default() -> Self {
        Posix::new()
    }
}

/// The zlib (gzip, PNG, Ethernet) CRC-32, running: start at 0, feed, and
/// the value after any feed is the CRC of everything so far.
pub fn zlib_update(crc: u32, data: &[u8]) -> u32 {
    let t = &ZLIB_T;
    let mut crc = !crc;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        crc = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][c[4] as usize]
            ^ t[2][c[5] as usize]
            ^ t[1][c[6] as usize]
            ^ t[0][c[7] as usize];
    }
    for &b in chunks.remainder() {
        crc = (crc >> 8) ^ t[0][((crc ^ u32::from(b)) & 0xff) as usize];
    }
    !crc
}

/// The BSD sum (`sum -r`): a 16-bit checksum rotated right by one bit
/// before each byte is added.
pub fn bsd_update(mut sum: u16, data: &[u8]) -> u16 {
    for &b in data {
        sum = sum.rotate_right(1).wrapping_add(u16::from(b));
    }
    sum
}

/// The System V sum (`sum -s`): the plain byte total, folded to 16 bits at
/// the end by [`sysv_finish`]. (A u64 total of bytes does not overflow in
/// practice; the fold takes its low 32 bits, as System V's unsigned int.)
pub fn sysv_update(total: u64, data: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SSE2 is part of x86-64: PSADBW adds 16 bytes a step.
        let (head, rest) = data.split_at(data.len() & !15);
        // SAFETY: SSE2 is always there on x86-64.
        let t = unsafe { sysv_sse2(head) };
        total
            .wrapping_add(t)
            .wrapping_add(rest.iter().map(|&b| u64::from(b)).sum::<u64>())
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // Chunks of 2^16 bytes sum in u32 without overflow, which the
        // compiler turns into wide vector adds.
        data.chunks(1 << 16).fold(total, |t, c| {
            t.wrapping_add(u64::from(c.iter().map(|&b| u32::from(b)).sum::<u32>()))
        })
    }
}

/// The byte total of whole 16-byte blocks.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sysv_sse2(data: &[u8]) -> u64 {
    use std::arch::x86_64::{
        _mm_add_epi64, _mm_loadu_si128, _mm_sad_epu8, _mm_setzero_si128, _mm_storeu_si128,
    };
    let zero = _mm_setzero_si128();
    let mut acc = zero;
    for c in data.chunks_exact(16) {
        // SAFETY: the chunk holds 16 bytes; the load is unaligned.
        let v = unsafe { _mm_loadu_si128(c.as_ptr().cast()) };
        acc = _mm_add_epi64(acc, _mm_sad_epu8(v, zero));
    }
    let mut out = [0u64; 2];
    // SAFETY: `out` is 16 writable bytes.
    unsafe { _mm_storeu_si128(out.as_mut_ptr().cast(), acc) };
    out[0].wrapping_add(out[1])
}

pub fn sysv_finish(total: u64) -> u16 {
    let s = total & 0xffff_ffff;
    let r = (s & 0xffff) + (s >> 16);
    ((r & 0xffff) + (r >> 16)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let mut p = Posix::new();
        p.update(b"hello\n");
        assert_eq!(p.finish(), (3015617425, 6));
        assert_eq!(Posix::new().finish(), (4294967295, 0));
        assert_eq!(zlib_update(0, b"hello\n"), 0x363a3020);
        assert_eq!(zlib_update(0, b"123456789"), 0xcbf43926);
        assert_eq!(bsd_update(0, b"hello\n"), 36979);
        assert_eq!(sysv_finish(sysv_update(0, b"hello\n")), 542);
        let big: Vec<u8> = (0..100_000u32).map(|i| (i * 31 + i / 7) as u8).collect();
        let plain: u64 = big.iter().map(|&b| u64::from(b)).sum();
        assert_eq!(sysv_update(5, &big), plain + 5);
        assert_eq!(
            sysv_update(0, &big[3..40]),
            big[3..40].iter().map(|&b| u64::from(b)).sum::<u64>()
        );
    }

    #[test]
    fn folding_agrees_with_tables() {
        let mut x: u32 = 0x1234_5678;
        let data: Vec<u8> = (0..5000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("pclmulqdq") {
            assert_eq!(fold::run(0, &data[..100]).1, 96);
        }
        for len in [0, 1, 15, 16, 63, 64, 65, 100, 128, 129, 1000, 4999, 5000] {
            for split in [0, 1, 7, 16, 33] {
                let split = split.min(len);
                let mut a = Posix::new();
                a.update(&data[..split]);
                a.update(&data[split..len]);
                let table = posix_update(posix_update(0, &data[..split]), &data[split..len]);
                assert_eq!(a.crc, table, "len {len} split {split}");
            }
        }
    }

    #[test]
    fn slices_agree_with_bytes() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        let mut whole = Posix::new();
        whole.update(&data);
        let mut bytes = Posix::new();
        let mut z = 0;
        for b in data.chunks(1) {
            bytes.update(b);
            z = zlib_update(z, b);
        }
        assert_eq!(whole.finish(), bytes.finish());
        assert_eq!(zlib_update(0, &data), z);
    }
}
