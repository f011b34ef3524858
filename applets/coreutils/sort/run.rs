//! Reading, sorting, merging and writing.
//!
//! Input is read into one buffer per chunk; a chunk is as big as the memory
//! budget allows (`-S`). Lines are a vector of (prefix, offset, length)
//! entries into that buffer; the prefix is a 64-bit stand-in for the first
//! key (its first bytes, or its number) so that most comparisons never touch
//! the text. Whole-line sorts, and the runs of lines whose keys are equal
//! (ordered by the last resort), go through a radix sort on 8-byte words
//! of the line, which reads each line once per word instead of once per
//! comparison. Chunks are sorted on several threads and merged. When all the
//! input fits one chunk it goes straight to the output; otherwise each
//! sorted chunk goes to a temporary file and the files are merged, at most
//! `--batch-size` at a time, in levels (like a log-structured merge), so the
//! number of open files stays bounded.
//!
//! Temporary files are unlinked as soon as they are created: the kernel
//! frees them when the descriptor closes, so nothing is left behind on any
//! exit, even a signal.

use super::key::{self, Cmp};
use crate::diag;
use crate::io::{read_append, read_fd, write_fd};
use std::cmp::Ordering;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Seek, SeekFrom};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::os::unix::io::{AsRawFd, RawFd};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// A fatal error: the message after `sort: `; the exit status is 2.
pub struct Fatal(pub Vec<u8>);

impl Fatal {
    pub fn new(msg: impl AsRef<[u8]>) -> Fatal {
        Fatal(msg.as_ref().to_vec())
    }
    /// `what: NAME: why`.
    fn io(what: &str, name: &[u8], e: &io::Error) -> Fatal {
        let mut m = format!("{what}: ").into_bytes();
        m.extend_from_slice(name);
        m.extend_from_slice(b": ");
        m.extend_from_slice(diag::strerror(e).as_bytes());
        Fatal(m)
    }
}

/// Everything the machinery needs to know.
pub struct Opts {
    pub cmp: Cmp,
    pub eol: u8,
    pub unique: bool,
    /// Memory budget in bytes.
    pub budget: usize,
    pub threads: usize,
    pub batch: usize,
    pub tmpdirs: Vec<OsString>,
    /// `--compress-program`: temporary files go through it and back
    /// through it with `-d`.
    pub compress: Option<OsString>,
    /// `--debug`: how to annotate the output.
    pub debug: Option<super::debug::Debug>,
}

impl Opts {
    /// Equal for `-u`.
    fn same(&self, a: &[u8], b: &[u8]) -> bool {
        self.cmp.keys_cmp(a, b, 0) == Ordering::Equal
    }
}

/// Where the sorted lines go.
pub enum Target {
    Stdout,
    File(OsString),
}

const WBUF: usize = 256 * 1024;

/// Buffered line output that reports its errors as GNU does.
pub struct Writer {
    fd: RawFd,
    file: Option<File>,
    name: Vec<u8>,
    buf: Vec<u8>,
    eol: u8,
    debug: Option<super::debug::Debug>,
    /// The compressor a temporary file is written through.
    child: Option<(Child, ChildStdin, OsString)>,
}

/// GNU's word for a compressor that failed (either way).
fn abnormal(prog: &OsStr) -> Fatal {
    let mut m = crate::quote::msg(prog.as_bytes()).into_bytes();
    m.extend_from_slice(b" [-d] terminated abnormally");
    Fatal(m)
}

fn cannot_run(prog: &OsStr, decompress: bool, e: &io::Error) -> Fatal {
    Fatal(
        format!(
            "couldn't execute compress program{} {}: {}",
            if decompress { " (with -d)" } else { "" },
            crate::quote::msg(prog.as_bytes()),
            diag::strerror(e)
        )
        .into_bytes(),
    )
}

impl Writer {
    pub fn open(t: &Target, eol: u8) -> Result<Writer, Fatal> {
        match t {
            Target::Stdout => Ok(Writer {
                fd: 1,
                file: None,
                name: b"'standard output'".to_vec(),
                buf: Vec::with_capacity(WBUF),
                eol,
                debug: None,
                child: None,
            }),
            Target::File(p) => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(p)
                    .map_err(|e| Fatal::io("open failed", p.as_bytes(), &e))?;
                Ok(Writer::tofile(f, p.as_bytes(), eol))
            }
        }
    }

    fn tofile(f: File, name: &[u8], eol: u8) -> Writer {
        Writer {
            fd: f.as_raw_fd(),
            file: Some(f),
            name: name.to_vec(),
            buf: Vec::with_capacity(WBUF),
            eol,
            debug: None,
            child: None,
        }
    }

    /// The sorted output, annotated under `--debug`.
    pub fn output(t: &Target, o: &Opts) -> Result<Writer, Fatal> {
        let mut w = Writer::open(t, o.eol)?;
        w.debug = o.debug.clone();
        Ok(w)
    }

    /// A temporary file's writer, through `--compress-program` if given.
    fn totemp(t: Temp, o: &Opts) -> Result<Writer, Fatal> {
        let Some(prog) = &o.compress else {
            return Ok(Writer::tofile(t.file, &t.name, o.eol));
        };
        let out = t
            .file
            .try_clone()
            .map_err(|e| Fatal::io("write failed", &t.name, &e))?;
        let mut child = Command::new(prog)
            .stdin(Stdio::piped())
            .stdout(Stdio::from(out))
            .spawn()
            .map_err(|e| cannot_run(prog, false, &e))?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| Fatal::new("lost a compressor's pipe"))?;
        let mut w = Writer::tofile(t.file, &t.name, o.eol);
        w.fd = stdin.as_raw_fd();
        w.child = Some((child, stdin, prog.clone()));
        Ok(w)
    }

    /// Finishes a temporary file: flushed, its compressor done.
    fn close_temp(mut self) -> Result<File, Fatal> {
        self.flush()?;
        if let Some((mut child, stdin, prog)) = self.child.take() {
            drop(stdin);
            if !child.wait().is_ok_and(|s| s.success()) {
                return Err(abnormal(&prog));
            }
        }
        self.file.take().ok_or_else(|| Fatal::new("lost a temporary file"))
    }

    #[inline]
    pub fn put(&mut self, line: &[u8]) -> Result<(), Fatal> {
        if let Some(d) = &self.debug {
            d.annotate(line, &mut self.buf);
            if self.buf.len() >= WBUF {
                self.flush()?;
            }
            return Ok(());
        }
        let n = line.len();
        self.buf.reserve(n + 1);
        self.buf.extend_from_slice(line);
        self.buf.push(self.eol);
        if self.buf.len() >= WBUF {
            self.flush()?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> Result<(), Fatal> {
        let r = write_fd(self.fd, &self.buf);
        self.buf.clear();
        r.map_err(|e| Fatal::io("write failed", &self.name, &e))
    }
}

/// Reads the lines of one stream, any length, the last one with or
/// without its line end.
pub struct LineReader {
    fd: RawFd,
    _file: Option<File>,
    /// The decompressor a temporary file is read through.
    child: Option<(Child, ChildStdout, OsString)>,
    pub name: Vec<u8>,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
    cur: (usize, usize),
    eol: u8,
}

impl LineReader {
    fn new(fd: RawFd, file: Option<File>, name: &[u8], eol: u8, size: usize) -> LineReader {
        LineReader {
            fd,
            _file: file,
            child: None,
            name: name.to_vec(),
            buf: vec![0; size],
            pos: 0,
            end: 0,
            eof: false,
            cur: (0, 0),
            eol,
        }
    }

    /// Opens an input operand (`-` is stdin).
    pub fn open(name: &OsStr, eol: u8, size: usize) -> Result<LineReader, Fatal> {
        if name.as_bytes() == b"-" {
            return Ok(LineReader::new(0, None, b"-", eol, size));
        }
        let f = File::open(name).map_err(|e| Fatal::io("cannot read", name.as_bytes(), &e))?;
        Ok(LineReader::new(f.as_raw_fd(), Some(f), name.as_bytes(), eol, size))
    }

    fn temp(mut t: Temp, o: &Opts, size: usize) -> Result<LineReader, Fatal> {
        t.file
            .seek(SeekFrom::Start(0))
            .map_err(|e| Fatal::io("read failed", &t.name, &e))?;
        let Some(prog) = &o.compress else {
            return Ok(LineReader::new(t.file.as_raw_fd(), Some(t.file), &t.name, o.eol, size));
        };
        let mut child = Command::new(prog)
            .arg("-d")
            .stdin(Stdio::from(t.file))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| cannot_run(prog, true, &e))?;
        let out = child
            .stdout
            .take()
            .ok_or_else(|| Fatal::new("lost a decompressor's pipe"))?;
        let mut r = LineReader::new(out.as_raw_fd(), None, &t.name, o.eol, size);
        r.child = Some((child, out, prog.clone()));
        Ok(r)
    }

    /// At the end of a decompressed file: the decompressor must have
    /// succeeded.
    fn reap(&mut self) -> Result<(), Fatal> {
        if let Some((mut child, out, prog)) = self.child.take() {
            drop(out);
            if !child.wait().is_ok_and(|s| s.success()) {
                return Err(abnormal(&prog));
            }
        }
        Ok(())
    }

    /// Moves to the next line; false at the end.
    pub fn next(&mut self) -> Result<bool, Fatal> {
        loop {
            if let Some(i) = memchr::memchr(self.eol, &self.buf[self.pos..self.end]) {
                self.cur = (self.pos, self.pos + i);
                self.pos += i + 1;
                return Ok(true);
            }
            if self.eof {
                if self.pos < self.end {
                    self.cur = (self.pos, self.end);
                    self.pos = self.end;
                    return Ok(true);
                }
                return Ok(false);
            }
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.end, 0);
                self.end -= self.pos;
                self.pos = 0;
            }
            if self.end == self.buf.len() {
                let n = self.buf.len().max(4096) * 2;
                self.buf.resize(n, 0);
            }
            match read_fd(self.fd, &mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    self.reap()?;
                }
                Ok(n) => self.end += n,
                Err(e) => return Err(Fatal::io("read failed", &self.name, &e)),
            }
        }
    }

    #[inline]
    pub fn line(&self) -> &[u8] {
        &self.buf[self.cur.0..self.cur.1]
    }
}

/// A temporary file, already unlinked.
struct Temp {
    file: File,
    name: Vec<u8>,
    level: u32,
}

struct Temps<'a> {
    dirs: &'a [OsString],
    next_dir: usize,
    files: Vec<Temp>,
    serial: u64,
}

fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.finish()
}

impl<'a> Temps<'a> {
    fn new(dirs: &'a [OsString]) -> Temps<'a> {
        Temps {
            dirs,
            next_dir: 0,
            files: Vec::new(),
            serial: random_u64(),
        }
    }

    fn create(&mut self, level: u32) -> Result<Temp, Fatal> {
        let dir = self.dirs[self.next_dir % self.dirs.len()].clone();
        self.next_dir += 1;
        let mut tries = 0;
        loop {
            self.serial = self.serial.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let mut path = PathBuf::from(&dir);
            path.push(format!("sort{:08x}", self.serial >> 32));
            match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(file) => {
                    let _ = std::fs::remove_file(&path);
                    return Ok(Temp {
                        file,
                        name: path.as_os_str().as_bytes().to_vec(),
                        level,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
                Err(e) => {
                    let mut m = b"cannot create temporary file in '".to_vec();
                    m.extend_from_slice(dir.as_bytes());
                    m.extend_from_slice(b"': ");
                    m.extend_from_slice(diag::strerror(&e).as_bytes());
                    return Err(Fatal(m));
                }
            }
        }
    }

    /// Merges `files[from..]` into one temporary file in their place.
    fn merge_tail(&mut self, o: &Opts, from: usize) -> Result<(), Fatal> {
        let level = self.files[from..].iter().map(|t| t.level).max().unwrap_or(0) + 1;
        let group: Vec<Temp> = self.files.drain(from..).collect();
        let out = self.create(level)?;
        let mut srcs = group
            .into_iter()
            .map(|t| LineReader::temp(t, o, MERGE_BUF))
            .collect::<Result<Vec<_>, _>>()?;
        let name = out.name.clone();
        let mut w = Writer::totemp(out, o)?;
        merge(o, &mut srcs, &mut w)?;
        let file = w.close_temp()?;
        self.files.push(Temp {
            file,
            name,
            level,
        });
        Ok(())
    }

    /// Adds a sorted run and merges runs of one level when there are enough.
    fn push(&mut self, o: &Opts, t: Temp) -> Result<(), Fatal> {
        self.files.push(t);
        loop {
            let n = self.files.len();
            if n < o.batch {
                return Ok(());
            }
            let level = self.files[n - 1].level;
            if self.files[n - o.batch..].iter().any(|t| t.level != level) {
                return Ok(());
            }
            self.merge_tail(o, n - o.batch)?;
        }
    }

    /// Merges everything into the output.
    fn finish(mut self, o: &Opts, target: &Target) -> Result<(), Fatal> {
        while self.files.len() > o.batch {
            // Merge the last runs (the order of the runs is kept: stability).
            let n = self.files.len();
            let from = n - o.batch;
            self.merge_tail(o, from)?;
        }
        let mut srcs = self
            .files
            .drain(..)
            .map(|t| LineReader::temp(t, o, MERGE_BUF))
            .collect::<Result<Vec<_>, _>>()?;
        let mut w = Writer::output(target, o)?;
        merge(o, &mut srcs, &mut w)?;
        w.flush()
    }
}

const MERGE_BUF: usize = 128 * 1024;

/// Merges sorted sources; ties go to the earlier source (stable).
fn merge(o: &Opts, srcs: &mut [LineReader], w: &mut Writer) -> Result<(), Fatal> {
    let cmp = &o.cmp;
    let mut active: Vec<usize> = Vec::with_capacity(srcs.len());
    let place = |active: &[usize], srcs: &[LineReader], s: usize| -> usize {
        let line = srcs[s].line();
        active.partition_point(|&x| match cmp.cmp(srcs[x].line(), line) {
            Ordering::Less => true,
            Ordering::Equal => x < s,
            Ordering::Greater => false,
        })
    };
    for s in 0..srcs.len() {
        if srcs[s].next()? {
            let p = place(&active, srcs, s);
            active.insert(p, s);
        }
    }
    let mut last: Vec<u8> = Vec::new();
    let mut have_last = false;
    while let Some(&s) = active.first() {
        let line = srcs[s].line();
        if o.unique {
            if !have_last || !o.same(&last, line) {
                w.put(line)?;
                last.clear();
                last.extend_from_slice(line);
                have_last = true;
            }
        } else {
            w.put(line)?;
        }
        if srcs[s].next()? {
            // Move the source to its new place among the others; a few
            // sources, so a loop beats two calls to memmove.
            let p = 1 + place(&active[1..], srcs, s);
            for i in 1..p {
                active[i - 1] = active[i];
            }
            active[p - 1] = s;
        } else {
            active.remove(0);
        }
    }
    Ok(())
}

/// The input operands read as one stream of chunks.
struct Inputs<'a> {
    names: &'a [OsString],
    idx: usize,
    cur: Option<(RawFd, Option<File>, &'a [u8], u64)>,
    eol: u8,
}

impl<'a> Inputs<'a> {
    /// Appends input to `buf` until it holds `limit` bytes or the input
    /// ends (true). Every file's last line gets its line end.
    fn fill(&mut self, buf: &mut Vec<u8>, limit: usize) -> Result<bool, Fatal> {
        while buf.len() < limit {
            if self.cur.is_none() {
                let Some(name) = self.names.get(self.idx) else {
                    return Ok(true);
                };
                self.idx += 1;
                let name = name.as_bytes();
                let (fd, file) = if name == b"-" {
                    (0, None)
                } else {
                    let f = File::open(OsStr::from_bytes(name))
                        .map_err(|e| Fatal::io("cannot read", name, &e))?;
                    (f.as_raw_fd(), Some(f))
                };
                // SAFETY: fstat on an open descriptor into a zeroed struct.
                let mut st: libc::stat = unsafe { std::mem::zeroed() };
                let size = if unsafe { libc::fstat(fd, &mut st) } == 0
                    && st.st_mode & libc::S_IFMT == libc::S_IFREG
                {
                    st.st_size.max(0) as u64
                } else {
                    0
                };
                self.cur = Some((fd, file, name, size));
            }
            let Some((fd, _, name, size)) = &mut self.cur else {
                continue;
            };
            let room = (limit - buf.len()).max(64 * 1024);
            let want = if *size > 0 {
                (*size as usize).saturating_add(1).min(room)
            } else {
                room.min(4 << 20)
            };
            match read_append(*fd, buf, want) {
                Ok(0) => {
                    if buf.last().is_some_and(|&c| c != self.eol) {
                        buf.push(self.eol);
                    }
                    self.cur = None;
                }
                Ok(n) => *size = size.saturating_sub(n as u64),
                Err(e) => return Err(Fatal::io("read failed", name, &e)),
            }
        }
        Ok(false)
    }
}


/// A line in a chunk, with the prefix of its first key. The top bit of
/// `len` says the prefix is exact (see [`key::prefix`]).
#[derive(Clone, Copy)]
struct Ent {
    pre: u64,
    start: u32,
    len: u32,
    /// Where the first key lies in the line.
    kofs: u32,
    klen: u32,
}

const EXACT: u32 = 1 << 31;

impl Ent {
    #[inline]
    fn line<'a>(&self, buf: &'a [u8]) -> &'a [u8] {
        let s = self.start as usize;
        &buf[s..s + (self.len & !EXACT) as usize]
    }

    #[inline]
    fn key<'a>(&self, buf: &'a [u8]) -> &'a [u8] {
        let s = self.start as usize + self.kofs as usize;
        &buf[s..s + self.klen as usize]
    }
}

/// The most a chunk may hold: entries address it with 32 bits.
const MAX_CHUNK: usize = u32::MAX as usize;

fn index(o: &Opts, buf: &[u8]) -> Vec<Ent> {
    let mut v = Vec::with_capacity(buf.len() / 32 + 16);
    let mut start = 0usize;
    for p in memchr::memchr_iter(o.eol, buf) {
        v.push(Ent {
            pre: 0,
            start: start as u32,
            len: (p - start) as u32,
            kofs: 0,
            klen: 0,
        });
        start = p + 1;
    }
    let cmp = &o.cmp;
    let Some(k) = cmp.keys.first() else {
        return v;
    };
    let fill = |part: &mut [Ent]| {
        for e in part {
            let line = e.line(buf);
            let text = key::extract(k, cmp.tab, line);
            e.kofs = (text.as_ptr() as usize - line.as_ptr() as usize) as u32;
            e.klen = text.len() as u32;
            let (pre, exact) = key::prefix(k, cmp.seed, text);
            e.pre = pre;
            if exact {
                e.len |= EXACT;
            }
        }
    };
    let t = threads_for(o.threads, v.len());
    if t <= 1 {
        fill(&mut v);
    } else {
        let per = v.len().div_ceil(t);
        on_threads(v.chunks_mut(per).collect(), t, fill);
    }
    v
}

const PER_THREAD: usize = 32 * 1024;

/// Runs the tasks on up to `threads` threads, this one included. A thread
/// that cannot be started is no error: the others (at worst this one) take
/// its share.
fn on_threads<T: Send, W: Fn(T) + Sync>(tasks: Vec<T>, threads: usize, work: W) {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::sync::Mutex;
    let slots: Vec<Mutex<Option<T>>> = tasks.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let worker = || {
        while let Some(slot) = slots.get(next.fetch_add(1, Relaxed)) {
            let task = slot.lock().ok().and_then(|mut t| t.take());
            if let Some(task) = task {
                work(task);
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads.min(slots.len()) {
            if std::thread::Builder::new().spawn_scoped(s, worker).is_err() {
                break;
            }
        }
        worker();
    });
}

fn threads_for(threads: usize, n: usize) -> usize {
    threads.min(n / PER_THREAD).max(1)
}

/// Sorts one chunk's lines.
fn sort_chunk(o: &Opts, buf: &[u8]) -> Vec<Ent> {
    let mut v = index(o, buf);
    let cmp = &o.cmp;
    let Some(k0) = cmp.keys.first() else {
        return v;
    };
    let rev = k0.reverse;
    if cmp.plain {
        radix_sort(&mut v, buf, o.threads, LINE);
        if rev {
            // Equal lines are identical: reversing the order is enough.
            v.reverse();
        }
        return v;
    }
    // The keys alone.
    let f = |a: &Ent, b: &Ent| -> Ordering {
        if a.pre != b.pre {
            let o = a.pre.cmp(&b.pre);
            return if rev { o.reverse() } else { o };
        }
        // Equal exact prefixes: the first key is equal, go on from the next.
        if a.len & b.len & EXACT == 0 {
            let o = key::key_cmp(k0, cmp.seed, a.key(buf), b.key(buf));
            if o != Ordering::Equal {
                return o;
            }
        }
        cmp.keys_cmp(a.line(buf), b.line(buf), 1)
    };
    if cmp.stable {
        par_sort(&mut v, o.threads, true, &f);
        return v;
    }
    if cmp.keys.len() == 1 && k0.mode == key::Mode::Text && k0.ignore == key::Ignore::None {
        // One text key: the radix sort on the key's bytes.
        radix_sort(
            &mut v,
            buf,
            o.threads,
            By {
                key: true,
                fold: k0.fold,
            },
        );
        if rev {
            v.reverse();
        }
    } else {
        par_sort(&mut v, o.threads, false, &f);
    }
    // Then each run of equal keys in the order of the last resort, whole
    // lines as bytes, with the radix sort: far fewer passes over the text
    // when keys repeat.
    let mut i = 0;
    while i < v.len() {
        let mut j = i + 1;
        while j < v.len() && f(&v[i], &v[j]) == Ordering::Equal {
            j += 1;
        }
        if j - i > 1 {
            let run = &mut v[i..j];
            for e in run.iter_mut() {
                e.pre = LINE.window(e, buf, 0);
            }
            radix_sort(run, buf, o.threads, LINE);
            if cmp.reverse {
                run.reverse();
            }
        }
        i = j;
    }
    v
}

/// What the radix sort orders: the whole line or the first key, folded
/// to upper case or not.
#[derive(Clone, Copy)]
struct By {
    key: bool,
    fold: bool,
}

const LINE: By = By {
    key: false,
    fold: false,
};

impl By {
    #[inline]
    fn text<'a>(self, e: &Ent, buf: &'a [u8]) -> &'a [u8] {
        if self.key {
            e.key(buf)
        } else {
            e.line(buf)
        }
    }

    #[inline]
    fn len(self, e: &Ent) -> usize {
        if self.key {
            e.klen as usize
        } else {
            (e.len & !EXACT) as usize
        }
    }

    /// How much of the text is left from `depth` on, counted up to 9:
    /// 0..=8 means it ends inside the 8-byte window.
    #[inline]
    fn rest(self, e: &Ent, depth: usize) -> u32 {
        self.len(e).saturating_sub(depth).min(9) as u32
    }

    /// The eight bytes from `depth` on, big-endian, zero-padded.
    #[inline]
    fn window(self, e: &Ent, buf: &[u8], depth: usize) -> u64 {
        let w = key::word_at(self.text(e, buf).get(depth..).unwrap_or_default());
        if self.fold {
            key::upper8(w)
        } else {
            w
        }
    }

    #[inline]
    fn cmp(self, a: &Ent, b: &Ent, depth: usize) -> Ordering {
        a.pre
            .cmp(&b.pre)
            .then_with(|| self.rest(a, depth).cmp(&self.rest(b, depth)))
    }
}

/// Texts in byte order, eight bytes at a time (a most-significant-digit
/// radix sort whose digits are words): sort on the window (`pre` holds
/// the first), then sort each run of equal windows on the next eight
/// bytes. The text is read once per level, not once per comparison. A
/// text that ends inside the window is a prefix of every longer one with
/// the same window, so it sorts before them, by length.
fn radix_sort(v: &mut [Ent], buf: &[u8], threads: usize, by: By) {
    par_sort(v, threads, false, &|a: &Ent, b: &Ent| by.cmp(a, b, 0));
    let t = threads_for(threads, v.len());
    if t <= 1 {
        refine(v, buf, by);
        return;
    }
    // Cut at run boundaries and refine the parts on their own threads.
    let mut parts = Vec::new();
    let mut rest_v: &mut [Ent] = v;
    let per = rest_v.len().div_ceil(t);
    while !rest_v.is_empty() {
        let mut cut = per.min(rest_v.len());
        while cut < rest_v.len() && by.cmp(&rest_v[cut - 1], &rest_v[cut], 0) == Ordering::Equal {
            cut += 1;
        }
        let (a, b) = std::mem::take(&mut rest_v).split_at_mut(cut);
        parts.push(a);
        rest_v = b;
    }
    on_threads(parts, t, |p| refine(p, buf, by));
}

fn refine(v: &mut [Ent], buf: &[u8], by: By) {
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    runs(v, 0, 0, by, &mut stack);
    while let Some((lo, hi, depth)) = stack.pop() {
        let d = depth + 8;
        let g = &mut v[lo..hi];
        for e in g.iter_mut() {
            e.pre = by.window(e, buf, d);
        }
        g.sort_unstable_by(|a, b| by.cmp(a, b, d));
        runs(g, lo, d, by, &mut stack);
    }
}

/// Pushes the runs of equal windows that go on past the window.
fn runs(v: &[Ent], base: usize, depth: usize, by: By, stack: &mut Vec<(usize, usize, usize)>) {
    let mut i = 0;
    while i < v.len() {
        let mut j = i + 1;
        if by.rest(&v[i], depth) == 9 {
            while j < v.len() && v[j].pre == v[i].pre && by.rest(&v[j], depth) == 9 {
                j += 1;
            }
            if j - i > 1 {
                stack.push((base + i, base + j, depth));
            }
        }
        i = j;
    }
}

/// Sorts on up to `threads` threads: the parts are sorted apart, then
/// merged pairwise, each merge split among the threads.
fn par_sort<T, F>(v: &mut [T], threads: usize, stable: bool, f: &F)
where
    T: Copy + Send + Sync,
    F: Fn(&T, &T) -> Ordering + Sync,
{
    let t = threads_for(threads, v.len());
    let sort1 = |c: &mut [T]| {
        if stable {
            c.sort_by(f)
        } else {
            c.sort_unstable_by(f)
        }
    };
    if t <= 1 {
        sort1(v);
        return;
    }
    let n = v.len();
    let per = n.div_ceil(t);
    on_threads(v.chunks_mut(per).collect(), t, sort1);
    let mut runs: Vec<usize> = (0..n).step_by(per).chain(std::iter::once(n)).collect();
    let mut other: Vec<T> = v.to_vec();
    let mut in_v = true;
    while runs.len() > 2 {
        let (src, dst): (&[T], &mut [T]) = if in_v {
            (&*v, &mut other[..])
        } else {
            (&other[..], &mut *v)
        };
        let pairs = (runs.len() - 1).div_ceil(2);
        let pieces = t.div_ceil(pairs).max(1);
        let mut tasks: Vec<(&[T], &[T], &mut [T])> = Vec::new();
        let mut rest = dst;
        let mut new_runs = vec![0];
        let mut r = 0;
        while r + 1 < runs.len() {
            let lo = runs[r];
            let mid = runs[r + 1];
            let hi = if r + 2 < runs.len() { runs[r + 2] } else { mid };
            r += 2;
            new_runs.push(hi);
            let (a, b) = (&src[lo..mid], &src[mid..hi]);
            let (mut out, tail) = std::mem::take(&mut rest).split_at_mut(hi - lo);
            rest = tail;
            let (mut ai, mut bi) = (0, 0);
            for p in 1..=pieces {
                let k = if p == pieces { hi - lo } else { (hi - lo) * p / pieces };
                let i = corank(k, a, b, f);
                let j = k - i;
                let (o1, o2) = std::mem::take(&mut out).split_at_mut(k - ai - bi);
                out = o2;
                tasks.push((&a[ai..i], &b[bi..j], o1));
                ai = i;
                bi = j;
            }
        }
        on_threads(tasks, t, |(a, b, out)| merge2(a, b, out, f));
        runs = new_runs;
        in_v = !in_v;
    }
    if !in_v {
        v.copy_from_slice(&other);
    }
}

/// How many of the first `k` merged elements come from `a` (ties to `a`).
fn corank<T, F: Fn(&T, &T) -> Ordering>(k: usize, a: &[T], b: &[T], f: &F) -> usize {
    let mut lo = k.saturating_sub(b.len());
    let mut hi = k.min(a.len());
    while lo < hi {
        let i = lo + (hi - lo) / 2;
        let j = k - i;
        if j > 0 && f(&a[i], &b[j - 1]) != Ordering::Greater {
            lo = i + 1;
        } else {
            hi = i;
        }
    }
    lo
}

fn merge2<T: Copy, F: Fn(&T, &T) -> Ordering>(a: &[T], b: &[T], out: &mut [T], f: &F) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        if j == b.len() || (i < a.len() && f(&b[j], &a[i]) != Ordering::Less) {
            *slot = a[i];
            i += 1;
        } else {
            *slot = b[j];
            j += 1;
        }
    }
}

/// Writes a sorted chunk, leaving out duplicates under `-u`.
fn write_chunk(o: &Opts, buf: &[u8], v: &[Ent], w: &mut Writer) -> Result<(), Fatal> {
    let mut last: Option<&[u8]> = None;
    // Sorted lines are scattered over the buffer: fetch ahead (as shuf).
    const AHEAD: usize = 16;
    for (i, e) in v.iter().enumerate() {
        if let Some(f) = v.get(i + AHEAD) {
            crate::sys::prefetch(&buf[f.start as usize..]);
        }
        let l = e.line(buf);
        if o.unique {
            if let Some(p) = last {
                if o.same(p, l) {
                    continue;
                }
            }
            last = Some(l);
        }
        w.put(l)?;
    }
    Ok(())
}

/// Sorts the operands into `target`.
pub fn sort(o: &Opts, names: &[OsString], target: &Target) -> Result<(), Fatal> {
    let mut inputs = Inputs {
        names,
        idx: 0,
        cur: None,
        eol: o.eol,
    };
    // The budget holds the text and two entries a line (the sort's merge
    // buffer): the share of the text follows the line length seen so far,
    // half to begin with.
    let per_line = 2 * std::mem::size_of::<Ent>();
    let mut chunk = (o.budget / 2).clamp(1024, MAX_CHUNK / 4);
    let mut temps = Temps::new(&o.tmpdirs);
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let mut buf = std::mem::take(&mut carry);
        let mut limit = chunk.max(buf.len() + 1024);
        let done = loop {
            let done = inputs.fill(&mut buf, limit)?;
            if done || memchr::memrchr(o.eol, &buf).is_some() {
                break done;
            }
            if buf.len() >= MAX_CHUNK / 4 {
                return Err(Fatal::new("line too long"));
            }
            limit = limit.saturating_mul(2);
        };
        if buf.len() >= EXACT as usize {
            return Err(Fatal::new("line too long"));
        }
        if !done {
            let cut = memchr::memrchr(o.eol, &buf).map_or(0, |i| i + 1);
            carry = buf[cut..].to_vec();
            buf.truncate(cut);
        }
        if done && temps.files.is_empty() {
            let v = sort_chunk(o, &buf);
            let mut w = Writer::output(target, o)?;
            write_chunk(o, &buf, &v, &mut w)?;
            return w.flush();
        }
        if !buf.is_empty() {
            let v = sort_chunk(o, &buf);
            let avg = buf.len() / v.len().max(1) + 1;
            chunk = (o.budget / (avg + per_line) * avg).clamp(1024, MAX_CHUNK / 4);
            let t = temps.create(0)?;
            let name = t.name.clone();
            let mut w = Writer::totemp(t, o)?;
            write_chunk(o, &buf, &v, &mut w)?;
            let file = w.close_temp()?;
            temps.push(
                o,
                Temp {
                    file,
                    name,
                    level: 0,
                },
            )?;
        }
        if done {
            break;
        }
    }
    temps.finish(o, target)
}

fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// `-m`: merges the operands, which are taken to be sorted.
pub fn merge_files(o: &Opts, names: &[OsString], target: &Target) -> Result<(), Fatal> {
    for n in names {
        let b = n.as_bytes();
        if b != b"-" {
            if let Err(e) = std::fs::metadata(n).and_then(|m| {
                if m.is_dir() {
                    Err(io::Error::from_raw_os_error(libc::EISDIR))
                } else {
                    File::open(n).map(drop)
                }
            }) {
                let what = if e.raw_os_error() == Some(libc::EISDIR) {
                    "read failed"
                } else {
                    "cannot read"
                };
                return Err(Fatal::io(what, b, &e));
            }
        }
    }
    let out_meta = match target {
        Target::File(p) => std::fs::metadata(p).ok(),
        Target::Stdout => None,
    };
    let mut temps = Temps::new(&o.tmpdirs);
    // Sources are either an operand or a temporary copy / merge of some.
    enum Src {
        Name(usize),
        Temp(Temp),
    }
    let mut srcs: Vec<Src> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let clash = n.as_bytes() != b"-"
            && out_meta
                .as_ref()
                .is_some_and(|om| std::fs::metadata(n).is_ok_and(|m| same_file(om, &m)));
        if clash {
            // The output would truncate this input: copy it first.
            let t = temps.create(0)?;
            let mut r = LineReader::open(n, o.eol, MERGE_BUF)?;
            let name = t.name.clone();
            let mut w = Writer::totemp(t, o)?;
            while r.next()? {
                w.put(r.line())?;
            }
            let file = w.close_temp()?;
            srcs.push(Src::Temp(Temp {
                file,
                name,
                level: 0,
            }));
        } else {
            srcs.push(Src::Name(i));
        }
    }
    let open = |s: Src| -> Result<LineReader, Fatal> {
        match s {
            Src::Name(i) => LineReader::open(&names[i], o.eol, MERGE_BUF),
            Src::Temp(t) => LineReader::temp(t, o, MERGE_BUF),
        }
    };
    while srcs.len() > o.batch {
        let group: Vec<Src> = srcs.drain(..o.batch).collect();
        let mut rs = group.into_iter().map(open).collect::<Result<Vec<_>, _>>()?;
        let t = temps.create(1)?;
        let name = t.name.clone();
            let mut w = Writer::totemp(t, o)?;
        merge(o, &mut rs, &mut w)?;
        let file = w.close_temp()?;
        srcs.push(Src::Temp(Temp {
            file,
            name,
            level: 1,
        }));
        // Keep the order of the inputs: the merged group goes first.
        let last = srcs.len() - 1;
        srcs[..=last].rotate_right(1);
    }
    let mut rs = srcs.into_iter().map(open).collect::<Result<Vec<_>, _>>()?;
    let mut w = Writer::output(target, o)?;
    merge(o, &mut rs, &mut w)?;
    w.flush()
}

/// `-c`/`-C`: 0 if sorted, 1 (after the message unless `quiet`) if not.
pub fn check(o: &Opts, name: &OsStr, quiet: bool) -> Result<i32, Fatal> {
    let mut r = LineReader::open(name, o.eol, MERGE_BUF)?;
    let mut prev: Vec<u8> = Vec::new();
    let mut n: u64 = 0;
    while r.next()? {
        n += 1;
        let line = r.line();
        if n > 1 {
            let c = o.cmp.cmp(&prev, line);
            if c == Ordering::Greater || (o.unique && c == Ordering::Equal) {
                if !quiet {
                    let mut m = b"sort: ".to_vec();
                    m.extend_from_slice(&r.name);
                    m.extend_from_slice(format!(":{n}: disorder: ").as_bytes());
                    m.extend_from_slice(line);
                    m.push(o.eol);
                    diag::write_stderr(&m);
                }
                return Ok(1);
            }
        }
        prev.clear();
        prev.extend_from_slice(line);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_sort_is_stable_and_sorted() {
        let mut v: Vec<(u32, u32)> = (0..200_000u32).map(|i| ((i * 7919) % 1000, i)).collect();
        par_sort(&mut v, 3, true, &|a: &(u32, u32), b: &(u32, u32)| a.0.cmp(&b.0));
        assert!(v.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)));
        let mut u: Vec<u32> = (0..100_000u32).rev().collect();
        par_sort(&mut u, 4, false, &|a: &u32, b: &u32| a.cmp(b));
        assert!(u.windows(2).all(|w| w[0] <= w[1]));
    }
}
