//! awk's associative arrays: an insertion-ordered hash table. Entries keep
//! their hash, so growing the table never touches the keys (which live
//! elsewhere in memory); for-in visits elements in the order they were
//! made. Deleted entries are left as holes and compacted away in bulk.

use super::value::Value;
use std::hash::Hasher;

/// A fast hash for subscripts (FxHash's multiply-rotate, whole words).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) ^ (h >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mix = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
        let n = bytes.len();
        let mut h = mix(self.0, n as u64);
        let mut i = 0;
        while i + 8 <= n {
            h = mix(h, word8(bytes, i));
            i += 8;
        }
        // The last 1 to 7 bytes in one or two loads, not a byte at a time
        // (keys are mostly short): two 4-byte words that may overlap, or
        // the first, middle and last byte.
        let r = n - i;
        let w = if r >= 4 {
            u64::from(word4(bytes, i)) | u64::from(word4(bytes, n - 4)) << 32
        } else if r > 0 {
            u64::from(bytes[i]) | u64::from(bytes[i + r / 2]) << 8 | u64::from(bytes[n - 1]) << 16
        } else {
            0
        };
        self.0 = mix(h, w);
    }
}

fn hash(k: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(k);
    h.finish()
}

/// The 8 bytes of `s` from `i`, as a word (native order).
#[inline(always)]
fn word8(s: &[u8], i: usize) -> u64 {
    assert!(i + 8 <= s.len());
    // SAFETY: the 8 bytes from i are inside s (checked above).
    unsafe { s.as_ptr().add(i).cast::<u64>().read_unaligned() }
}

/// The 4 bytes of `s` from `i`, as a word (native order).
#[inline(always)]
fn word4(s: &[u8], i: usize) -> u32 {
    assert!(i + 4 <= s.len());
    // SAFETY: the 4 bytes from i are inside s (checked above).
    unsafe { s.as_ptr().add(i).cast::<u32>().read_unaligned() }
}

/// Whether two keys are equal, in word loads inlined here: at opt-level z
/// a slice `==` is a chain of calls down to `bcmp`, which for the short
/// keys arrays mostly hold costs more than the compare (measured: 19
/// instructions a record on `c[$1]++`).
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        // Whole words from the front, then the last word (which may
        // overlap the one before).
        let mut i = 0;
        while i + 8 < n {
            if word8(a, i) != word8(b, i) {
                return false;
            }
            i += 8;
        }
        return word8(a, n - 8) == word8(b, n - 8);
    }
    if n >= 4 {
        return word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4);
    }
    let mut i = 0;
    while i < n {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const EMPTY: u32 = u32::MAX;

#[derive(Clone, Debug)]
struct Entry {
    hash: u64,
    /// The key's bytes in `keys`.
    off: usize,
    len: u32,
    live: bool,
    val: Value,
}

#[derive(Clone, Debug, Default)]
pub struct Map {
    entries: Vec<Entry>,
    /// Every key's bytes, one after the other: no allocation per key.
    keys: Vec<u8>,
    /// Open addressing with linear probing: entry numbers, or EMPTY.
    index: Vec<u32>,
    live: usize,
}

impl Map {
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.keys.clear();
        self.index.clear();
        self.live = 0;
    }

    fn key_of(&self, e: &Entry) -> &[u8] {
        &self.keys[e.off..e.off + e.len as usize]
    }

    fn find(&self, k: &[u8], h: u64) -> Option<usize> {
        if self.index.is_empty() {
            return None;
        }
        let mask = self.index.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let e = self.index[i];
            if e == EMPTY {
                return None;
            }
            let en = &self.entries[e as usize];
            if en.hash == h && en.live && same(self.key_of(en), k) {
                return Some(e as usize);
            }
            i = (i + 1) & mask;
        }
    }

    pub fn get(&self, k: &[u8]) -> Option<&Value> {
        let i = self.find(k, hash(k))?;
        Some(&self.entries[i].val)
    }

    pub fn get_mut(&mut self, k: &[u8]) -> Option<&mut Value> {
        let i = self.find(k, hash(k))?;
        Some(&mut self.entries[i].val)
    }

    pub fn contains_key(&self, k: &[u8]) -> bool {
        self.find(k, hash(k)).is_some()
    }

    /// Rebuilds the index (after dropping deleted entries and their key
    /// bytes) with room for `want` entries.
    fn rebuild(&mut self, want: usize) {
        if self.entries.len() > self.live {
            let mut keys = Vec::with_capacity(self.keys.len());
            let old = std::mem::take(&mut self.keys);
            self.entries.retain(|e| e.live);
            for e in self.entries.iter_mut() {
                let off = keys.len();
                keys.extend_from_slice(&old[e.off..e.off + e.len as usize]);
                e.off = off;
            }
            self.keys = keys;
        }
        let mut size = 16;
        while size < want * 2 {
            size *= 2;
        }
        self.index.clear();
        self.index.resize(size, EMPTY);
        let mask = size - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let mut i = e.hash as usize & mask;
            while self.index[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.index[i] = n as u32;
        }
    }

    pub fn insert(&mut self, k: &[u8], v: Value) {
        let h = hash(k);
        if let Some(i) = self.find(k, h) {
            self.entries[i].val = v;
            return;
        }
        if (self.entries.len() + 1) * 2 > self.index.len() {
            self.rebuild(self.live + 1);
        }
        let n = self.entries.len() as u32;
        let off = self.keys.len();
        self.keys.extend_from_slice(k);
        self.entries.push(Entry {
            hash: h,
            off,
            len: k.len() as u32,
            live: true,
            val: v,
        });
        self.live += 1;
        let mask = self.index.len() - 1;
        let mut i = h as usize & mask;
        while self.index[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.index[i] = n;
    }

    pub fn remove(&mut self, k: &[u8]) {
        if let Some(i) = self.find(k, hash(k)) {
            self.entries[i].live = false;
            self.entries[i].val = Value::Uninit;
            self.live -= 1;
            if self.live == 0 {
                self.clear();
            } else if self.entries.len() > 2 * self.live + 16 {
                self.rebuild(self.live);
            }
        }
    }

    /// Makes the array hold exactly `vals` under "1", "2", ...: what
    /// split does. When the array already is such a sequence (the last
    /// split's), its entries are reused rather than made anew.
    pub fn set_sequence(&mut self, vals: Vec<Value>) {
        let k = self.entries.len();
        let mut key = Vec::new();
        let is_seq = self.live == k
            && self.entries.iter().enumerate().all(|(i, e)| {
                key.clear();
                super::value::push_i64(&mut key, (i + 1) as i64);
                self.key_of(e) == key.as_slice()
            });
        if !is_seq {
            self.clear();
        }
        let n = vals.len();
        let have = self.entries.len();
        for (i, v) in vals.into_iter().enumerate() {
            if i < have {
                self.entries[i].val = v;
            } else {
                key.clear();
                super::value::push_i64(&mut key, (i + 1) as i64);
                self.insert(&key, v);
            }
        }
        if n < have {
            self.entries.truncate(n);
            self.keys.truncate(self.entries.last().map_or(0, |e| e.off + e.len as usize));
            self.live = n;
            self.rebuild(n);
        }
    }

    /// The subscripts, in the order they were made.
    pub fn keys(&self) -> impl Iterator<Item = &[u8]> {
        self.entries.iter().filter(|e| e.live).map(|e| self.key_of(e))
    }
}
