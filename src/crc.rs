//! Checksums of the `cksum` family: the POSIX CRC-32 (`cksum`), the zlib
//! CRC-32 (`crc32`), and the BSD and System V 16-bit sums (`sum -r`,
//! `sum -s`, `cksum -a bsd|sysv`).
//!
//! Both CRCs run slicing-by-8: eight 256-entry tables, built at compile
//! time, fold eight input bytes per step. The POSIX CRC is MSB-first with
//! polynomial 0x04C11DB7; zlib's is its bit-reflected twin (0xEDB88320).

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

impl Posix {
    pub fn new() -> Posix {
        Posix { crc: 0, len: 0 }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.crc = posix_update(self.crc, data);
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
/// the end by [`sysv_finish`].
pub fn sysv_update(total: u64, data: &[u8]) -> u64 {
    // Byte totals of a few GB do not overflow u64; the fold below takes
    // the low 32 bits as System V's unsigned int did.
    // Chunks of 2^16 bytes sum in u32 without overflow, which the
    // compiler turns into wide vector adds.
    data.chunks(1 << 16).fold(total, |t, c| {
        t.wrapping_add(u64::from(c.iter().map(|&b| u32::from(b)).sum::<u32>()))
    })
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
