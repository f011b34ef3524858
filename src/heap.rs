//! The global allocator: per-thread free lists for small blocks in front of
//! the C library's `malloc`.
//!
//! musl's malloc (mallocng) is built for hardening and small size, and it
//! shows: a `malloc`/`free` pair of a few dozen bytes costs hundreds of
//! instructions, and the shell, awk and sed make millions of such pairs
//! (a word, a field, a variable's value). Here a block of up to 512 bytes
//! comes from a free list of its 16-byte size class, or is cut from a chunk
//! taken from `malloc` (8 KiB at first, doubling up to 256 KiB, so a short
//! run asks for little); freeing pushes it back on its list. Blocks of
//! up to 64 KiB are rounded up to a power of two and kept on lists too (up
//! to 1 MiB per size), since musl returns them to the kernel at once and
//! fetches them again with the next mmap. Larger blocks, and blocks
//! aligned to more than 16 bytes, go straight to `malloc`.
//!
//! Rust tells the allocator each block's size on `dealloc` and `realloc`,
//! so blocks carry no header and the class is computed from the size.
//! The lists are thread-local, so no locking: a block freed by another
//! thread than the one that allocated it joins the freeing thread's list,
//! which is fine, as every block of a class is interchangeable. A thread's
//! cached blocks are not returned when it exits (oxbox's only threads are
//! sort's few workers), and small blocks are never given back to `malloc`:
//! a command's memory peaks once and ends with the process.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;
use std::alloc::System;

/// Blocks up to this size are cut from chunks.
const MAX_SMALL: usize = 512;
/// Small size classes are multiples of this, which is also the alignment
/// of every cached block.
const GRAIN: usize = 16;
const SMALL: usize = MAX_SMALL / GRAIN;
/// Medium blocks, powers of two from 1 KiB to this, come from `malloc`
/// one by one but are kept for reuse when freed: musl unmaps a freed
/// group of them at once, so a buffer of a few KiB made and dropped per
/// directory or per line would cost an mmap and a munmap each time.
const MAX_MEDIUM: usize = 64 << 10;
const CLASSES: usize = SMALL + 7;
/// How many bytes of each medium class the lists may keep.
const MEDIUM_KEEP: usize = 1 << 20;
const FIRST_CHUNK: usize = 8 << 10;
const MAX_CHUNK: usize = 256 << 10;

struct Cache {
    /// Heads of the free lists; a free block's first word links to the next.
    free: [*mut u8; CLASSES],
    /// How many blocks each medium class's list holds.
    kept: [u32; CLASSES - SMALL],
    /// The unused rest of the current chunk.
    bump: *mut u8,
    end: *mut u8,
    next_chunk: usize,
}

thread_local! {
    static CACHE: UnsafeCell<Cache> = const {
        UnsafeCell::new(Cache {
            free: [ptr::null_mut(); CLASSES],
            kept: [0; CLASSES - SMALL],
            bump: ptr::null_mut(),
            end: ptr::null_mut(),
            next_chunk: FIRST_CHUNK,
        })
    };
}

/// The allocator oxbox installs (see `lib.rs`).
pub struct Heap;

/// The class of a block of `layout`, if it is small enough to cache.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    if layout.align() > GRAIN || size == 0 || size > MAX_MEDIUM {
        None
    } else if size <= MAX_SMALL {
        Some((size - 1) / GRAIN)
    } else {
        // 513..=1024 is the first medium class, and so on by doubling.
        Some(SMALL + (usize::BITS - (size - 1).leading_zeros()) as usize - 10)
    }
}

/// The bytes a block of `class` really has.
#[inline(always)]
fn class_size(class: usize) -> usize {
    if class < SMALL {
        (class + 1) * GRAIN
    } else {
        1 << (class - SMALL + 10)
    }
}

/// The layout `malloc` gave a whole block of `class`.
#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a non-zero size, a power-of-two alignment.
    unsafe { Layout::from_size_align_unchecked(class_size(class), GRAIN) }
}

impl Cache {
    #[inline(always)]
    unsafe fn take(&mut self, class: usize) -> *mut u8 {
        let head = self.free[class];
        if !head.is_null() {
            // SAFETY: a free block's first word holds the next free block.
            self.free[class] = unsafe { head.cast::<*mut u8>().read() };
            if class >= SMALL {
                self.kept[class - SMALL] -= 1;
            }
            return head;
        }
        if class >= SMALL {
            // SAFETY: a valid layout.
            return unsafe { System.alloc(class_layout(class)) };
        }
        let size = class_size(class);
        if (self.end as usize) - (self.bump as usize) < size {
            // SAFETY: refill only replaces the chunk pointers.
            if !unsafe { self.refill(size) } {
                return ptr::null_mut();
            }
        }
        let p = self.bump;
        // SAFETY: the chunk holds at least `size` more bytes.
        self.bump = unsafe { p.add(size) };
        p
    }

    #[inline(always)]
    unsafe fn give(&mut self, p: *mut u8, class: usize) {
        if class >= SMALL {
            let kept = &mut self.kept[class - SMALL];
            if (*kept as usize + 1) * class_size(class) > MEDIUM_KEEP {
                // SAFETY: medium blocks come from System with this layout.
                return unsafe { System.dealloc(p, class_layout(class)) };
            }
            *kept += 1;
        }
        // SAFETY: `p` is a block of at least GRAIN bytes that nobody uses.
        unsafe { p.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = p;
    }

    #[cold]
    unsafe fn refill(&mut self, need: usize) -> bool {
        // The rest of the old chunk goes to the free lists rather than
        // being lost: carve it into the largest classes that fit.
        let mut left = (self.end as usize) - (self.bump as usize);
        while left >= GRAIN {
            let size = left.min(MAX_SMALL) / GRAIN * GRAIN;
            let p = self.bump;
            // SAFETY: `size` bytes remain in the chunk at `p`.
            unsafe {
                self.bump = p.add(size);
                self.give(p, size / GRAIN - 1);
            }
            left -= size;
        }
        let len = self.next_chunk.max(need);
        // SAFETY: a valid, non-zero layout.
        let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(len, GRAIN)) };
        if chunk.is_null() {
            return false;
        }
        self.next_chunk = (self.next_chunk * 2).min(MAX_CHUNK);
        self.bump = chunk;
        // SAFETY: the chunk is `len` bytes long.
        self.end = unsafe { chunk.add(len) };
        true
    }
}

/// Runs `f` on this thread's cache, or returns `None` while the thread's
/// storage is being torn down.
#[inline(always)]
fn with_cache<R>(f: impl FnOnce(&mut Cache) -> R) -> Option<R> {
    // SAFETY: the cache is only reached through here, never re-entrantly
    // (System's allocator does not call back into this one).
    CACHE.try_with(|c| f(unsafe { &mut *c.get() })).ok()
}

// The methods stay out of line: inlined into every allocation and drop
// site under LTO they cost 60 KB of the full binary for 3% fewer
// instructions on the shell's function calls.
// SAFETY: small blocks are distinct GRAIN-aligned pieces of chunks from
// System, handed out once until given back; the rest is System's.
unsafe impl GlobalAlloc for Heap {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some(class) = class_of(layout) {
            // SAFETY: see Cache::take.
            if let Some(p) = with_cache(|c| unsafe { c.take(class) }) {
                return p;
            }
            // No cache (never, for a thread-local without destructor):
            // a block of the whole class size, as the lists would hold,
            // since another thread may free it into its own list.
            // SAFETY: a valid, non-zero layout.
            return unsafe { System.alloc(class_layout(class)) };
        }
        // SAFETY: the caller's layout contract.
        unsafe { System.alloc(layout) }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if let Some(class) = class_of(layout) {
            // SAFETY: `p` came from `alloc` with this layout, so it is a
            // block of this class (a thread without storage leaks it).
            let _ = with_cache(|c| unsafe { c.give(p, class) });
            return;
        }
        // SAFETY: `p` came from System with this layout.
        unsafe { System.dealloc(p, layout) }
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if class_of(layout).is_some() {
            // SAFETY: as alloc; a small block is zeroed by hand.
            let p = unsafe { self.alloc(layout) };
            if !p.is_null() {
                unsafe { p.write_bytes(0, layout.size()) };
            }
            return p;
        }
        // SAFETY: the caller's layout contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = class_of(layout);
        // SAFETY: `new_size` with the old alignment is valid per the
        // caller's contract.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = class_of(new_layout);
        if old.is_none() && new.is_none() {
            // SAFETY: both sides belong to System.
            return unsafe { System.realloc(p, layout, new_size) };
        }
        if old.is_some() && old == new {
            return p;
        }
        // SAFETY: a fresh block, the common prefix copied, the old freed.
        unsafe {
            let q = self.alloc(new_layout);
            if !q.is_null() {
                ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                self.dealloc(p, layout);
            }
            q
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    #[test]
    fn blocks_are_distinct_and_keep_their_bytes() {
        // Many live blocks of every class and a few large ones, written
        // with a pattern, then checked, freed half and reallocated.
        let mut v: Vec<Vec<u8>> = Vec::new();
        for i in 0..5000usize {
            let n = (i * 7) % 700;
            v.push(vec![(i % 251) as u8; n]);
        }
        for (i, b) in v.iter().enumerate() {
            assert!(b.iter().all(|&x| x == (i % 251) as u8));
        }
        for b in v.iter_mut().step_by(2) {
            b.resize(b.len() * 3 + 1, 9);
        }
        for (i, b) in v.iter().enumerate() {
            let n = (i * 7) % 700;
            assert!(b[..n].iter().all(|&x| x == (i % 251) as u8));
            assert!(b[n..].iter().all(|&x| x == 9));
        }
    }

    #[test]
    fn medium_blocks_are_reused_and_grow_in_place_within_a_class() {
        let mut v: Vec<Vec<u8>> = (0..300).map(|i| vec![i as u8; 600 + i * 230]).collect();
        for (i, b) in v.iter().enumerate() {
            assert!(b.iter().all(|&x| x == i as u8));
        }
        v.clear();
        let a = vec![1u8; 3000];
        let p = a.as_ptr();
        drop(a);
        let mut b = Vec::with_capacity(3000);
        b.push(2u8);
        assert_eq!(b.as_ptr(), p, "a freed 4 KiB block comes back");
        let mut c: Vec<u8> = Vec::with_capacity(2100);
        let q = c.as_ptr();
        c.resize(2100, 3);
        c.reserve_exact(1900);
        assert_eq!(c.as_ptr(), q, "2100 to 4000 bytes stays in the 4 KiB block");
        assert!(c.iter().all(|&x| x == 3));
    }

    #[test]
    fn aligned_and_zeroed() {
        #[repr(align(64))]
        struct Big([u8; 64]);
        let b = Box::new(Big([1; 64]));
        assert_eq!((&*b as *const Big as usize) % 64, 0);
        assert_eq!(b.0[63], 1);
        let z = vec![0u64; 40];
        assert!(z.iter().all(|&x| x == 0));
        let mut m: HashMap<String, usize> = HashMap::new();
        for i in 0..10000 {
            m.insert(i.to_string(), i);
        }
        assert_eq!(m["4242"], 4242);
    }

    #[test]
    fn other_threads_allocate_too() {
        let h: Vec<_> = (0..4)
            .map(|t| {
                std::thread::spawn(move || {
                    let v: Vec<Vec<u8>> = (0..2000).map(|i| vec![t as u8; i % 300]).collect();
                    v.iter()
                        .enumerate()
                        .all(|(i, b)| b.len() == i % 300 && b.iter().all(|&x| x == t as u8))
                })
            })
            .collect();
        for j in h {
            assert_eq!(j.join().ok(), Some(true));
        }
    }
}
