//! Running a compiled script: the input stream (files joined, or one at a
//! time with -s/-i), the cycle, the commands, and the outputs (stdout, the
//! in-place temporary file, `w` files) with GNU's missing-newline rule: a
//! last line read without its newline is written without one, and a
//! newline is put back only when more output follows on that stream.

use super::debug;
use super::parse::{Addr, Op, Part, Program, Subst};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::regex::Span;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

const BUF: usize = 128 * 1024;

pub struct Options {
    pub quiet: bool,
    pub separate: bool,
    /// -i: the backup suffix (empty for none).
    pub in_place: Option<Vec<u8>>,
    pub follow_symlinks: bool,
    pub sep: u8,
    pub unbuffered: bool,
    pub line_len: usize,
    pub posix: bool,
    /// --debug: the program and a trace of its run on standard output.
    pub debug: bool,
}

/// An error that ends sed: the message and the exit status (4 for I/O,
/// 1 for a script error found while running).
pub struct Fatal(pub String, pub i32);

type R<T> = Result<T, Fatal>;

struct Sink {
    out: Out,
    missing: bool,
    _file: Option<File>,
}

impl Sink {
    fn new(out: Out, file: Option<File>) -> Sink {
        Sink {
            out,
            missing: false,
            _file: file,
        }
    }

    fn fix(&mut self, sep: u8) {
        if self.missing {
            self.out.write_bytes(&[sep]);
            self.missing = false;
        }
    }

    /// Writes a line, with its terminator when `nl`.
    fn line(&mut self, data: &[u8], nl: bool, sep: u8) {
        self.fix(sep);
        self.out.write_bytes(data);
        if nl {
            self.out.write_bytes(&[sep]);
        } else {
            self.missing = true;
        }
    }

    fn text(&mut self, data: &[u8], sep: u8) {
        self.fix(sep);
        self.out.write_bytes(data);
    }
}

#[derive(Clone, Copy)]
enum Tgt {
    Cur,
    W(usize),
}

enum WOut {
    Stdout,
    Stderr,
    File(Sink),
}

struct Outs {
    stdout: Sink,
    stderr: Sink,
    inplace: Option<(Sink, InPlace)>,
    w: Vec<WOut>,
}

impl Outs {
    fn get(&mut self, t: Tgt) -> &mut Sink {
        match t {
            Tgt::Cur => match &mut self.inplace {
                Some((s, _)) => s,
                None => &mut self.stdout,
            },
            Tgt::W(i) => match &mut self.w[i] {
                WOut::Stdout => &mut self.stdout,
                WOut::Stderr => &mut self.stderr,
                WOut::File(s) => s,
            },
        }
    }

    fn flush_all(&mut self) {
        self.stdout.out.flush_now();
        self.stderr.out.flush_now();
        if let Some((s, _)) = &mut self.inplace {
            s.out.flush_now();
        }
        for w in &mut self.w {
            if let WOut::File(s) = w {
                s.out.flush_now();
            }
        }
    }
}

struct InPlace {
    tmp: PathBuf,
    target: PathBuf,
    shown: OsString,
}

enum Src {
    Stdin,
    File(File),
}

/// Buffered line reading from one descriptor.
struct Reader {
    src: Option<Src>,
    name: OsString,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    /// Read one byte at a time (-u on a pipe: leave the rest for others).
    small: bool,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            src: None,
            name: OsString::new(),
            buf: Vec::new(),
            pos: 0,
            len: 0,
            eof: true,
            small: false,
        }
    }

    fn set(&mut self, src: Src, name: &OsStr, unbuffered: bool) {
        let regular = match &src {
            Src::File(f) => f.metadata().is_ok_and(|m| m.is_file()),
            Src::Stdin => false,
        };
        self.small = unbuffered && !regular;
        self.src = Some(src);
        self.name = name.to_owned();
        if self.buf.len() < BUF {
            self.buf.resize(BUF, 0);
        }
        self.pos = 0;
        self.len = 0;
        self.eof = false;
    }

    fn fd(&self) -> i32 {
        match &self.src {
            Some(Src::File(f)) => f.as_raw_fd(),
            _ => 0,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        if self.eof || self.src.is_none() {
            self.eof = true;
            return Ok(());
        }
        let want = if self.small { 1 } else { self.buf.len() };
        let fd = self.fd();
        let n = read_fd(fd, &mut self.buf[..want])?;
        self.pos = 0;
        self.len = n;
        if n == 0 {
            self.eof = true;
        }
        Ok(())
    }

    fn has_more(&mut self) -> io::Result<bool> {
        if self.pos < self.len {
            return Ok(true);
        }
        self.fill()?;
        Ok(self.pos < self.len)
    }

    /// Appends the next line to `dst`; Some(true) when it ended in `sep`.
    fn line(&mut self, dst: &mut Vec<u8>, sep: u8) -> io::Result<Option<bool>> {
        let mut got = false;
        loop {
            if self.pos < self.len {
                got = true;
                let chunk = &self.buf[self.pos..self.len];
                if let Some(i) = memchr::memchr(sep, chunk) {
                    dst.extend_from_slice(&chunk[..i]);
                    self.pos += i + 1;
                    return Ok(Some(true));
                }
                dst.extend_from_slice(chunk);
                self.pos = self.len;
            }
            if self.eof {
                return Ok(got.then_some(false));
            }
            self.fill()?;
        }
    }
}

enum Append {
    Text(usize),
    File(usize),
    Line(Vec<u8>),
}

#[derive(Clone, Copy, Default)]
struct Range {
    active: bool,
    /// A range whose first address is a line number has run (it does not
    /// start again).
    closed: bool,
    end: usize,
}

enum Flow {
    Next,
    Jump(usize),
    /// End the cycle; autoprint unless false.
    End(bool),
    /// D with a newline: start again without reading.
    Restart,
    /// D without a newline: as d, but --debug shows no end of cycle.
    Drop,
    Quit(i32, bool),
}

pub struct Exec<'a> {
    prog: &'a Program,
    opts: &'a Options,
    files: Vec<OsString>,
    next_file: usize,
    reader: Reader,
    rfiles: Vec<Option<Reader>>,
    outs: Outs,
    ps: Vec<u8>,
    hs: Vec<u8>,
    sbuf: Vec<u8>,
    spans: Vec<Span>,
    chomped: bool,
    hs_chomped: bool,
    line: usize,
    tflag: bool,
    last_re: Option<usize>,
    ranges: Vec<Range>,
    appends: Vec<Append>,
    /// --debug's block depth for indenting the trace; as GNU's, it is
    /// not reset when a jump or `d` leaves a block.
    level: isize,
    pub diag: &'a mut Diag,
}

fn shown(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl<'a> Exec<'a> {
    pub fn new(
        prog: &'a Program,
        opts: &'a Options,
        files: Vec<OsString>,
        diag: &'a mut Diag,
    ) -> R<Exec<'a>> {
        let mut stdout = Sink::new(Out::stdout(), None);
        stdout.out.set_line_buffered(opts.unbuffered);
        let mut w = Vec::new();
        for name in &prog.wfiles {
            w.push(match name.as_slice() {
                b"/dev/stdout" => WOut::Stdout,
                b"/dev/stderr" => WOut::Stderr,
                _ => {
                    let f = File::create(OsStr::from_bytes(name)).map_err(|e| {
                        fatal(format!(
                            "couldn't open file {}: {}",
                            shown(name),
                            diag::strerror(&e)
                        ))
                    })?;
                    let mut s = Sink::new(Out::to_fd(f.as_raw_fd()), Some(f));
                    s.out.set_line_buffered(opts.unbuffered);
                    WOut::File(s)
                }
            });
        }
        let files = if files.is_empty() && opts.in_place.is_none() {
            vec![OsString::from("-")]
        } else {
            files
        };
        Ok(Exec {
            prog,
            opts,
            files,
            next_file: 0,
            reader: Reader::new(),
            rfiles: (0..prog.rfiles.len()).map(|_| None).collect(),
            outs: Outs {
                stdout,
                stderr: Sink::new(Out::to_fd(2), None),
                inplace: None,
                w,
            },
            ps: Vec::new(),
            hs: Vec::new(),
            sbuf: Vec::new(),
            spans: Vec::new(),
            chomped: true,
            hs_chomped: true,
            line: 0,
            tflag: false,
            last_re: None,
            ranges: Vec::new(),
            appends: Vec::new(),
            level: 0,
            diag,
        })
    }

    /// Runs the script over all input; gives the exit code of `q`/`Q`.
    pub fn run(&mut self) -> R<Option<i32>> {
        let mut code = None;
        let mut restart = false;
        let debug = self.opts.debug;
        self.reset_ranges();
        if debug {
            self.debug_program();
        }
        'cycles: loop {
            if !restart {
                if !self.read_line(false)? {
                    break;
                }
                if debug {
                    self.debug_input();
                }
            }
            restart = false;
            let mut pc = 0;
            let autoprint;
            loop {
                if pc >= self.prog.cmds.len() {
                    autoprint = true;
                    break;
                }
                if debug {
                    self.debug_command(pc);
                }
                if !self.selected(pc)? {
                    pc = match self.prog.cmds[pc].op {
                        Op::Block(end) => {
                            // GNU goes to the `}` and shows it.
                            if debug {
                                self.debug_command(end - 1);
                            }
                            end
                        }
                        _ => pc + 1,
                    };
                    continue;
                }
                match self.step(pc)? {
                    Flow::Next => pc += 1,
                    Flow::Jump(t) => pc = t,
                    Flow::End(p) => {
                        autoprint = p;
                        break;
                    }
                    Flow::Drop => {
                        self.dump_appends()?;
                        continue 'cycles;
                    }
                    Flow::Restart => {
                        self.dump_appends()?;
                        restart = true;
                        continue 'cycles;
                    }
                    Flow::Quit(c, p) => {
                        if p {
                            self.autoprint();
                            self.dump_appends()?;
                        }
                        code = Some(c);
                        break 'cycles;
                    }
                }
            }
            if debug {
                self.debug_out(b"END-OF-CYCLE:\n");
            }
            if autoprint {
                self.autoprint();
            }
            self.dump_appends()?;
        }
        self.end_file()?;
        Ok(code)
    }

    /// No range open; `0,/re/` starts inside its range.
    fn reset_ranges(&mut self) {
        self.ranges.clear();
        self.ranges.extend(self.prog.cmds.iter().map(|c| {
            let zero = matches!(c.a1, Some(Addr::Line(0)));
            Range {
                active: zero,
                closed: zero,
                end: 0,
            }
        }));
    }

    /// --debug output goes to standard output as it is, outside the
    /// missing-newline bookkeeping of the edited text (as GNU's does).
    fn debug_out(&mut self, b: &[u8]) {
        self.outs.stdout.out.write_bytes(b);
    }

    fn debug_program(&mut self) {
        let mut t = b"SED PROGRAM:\n".to_vec();
        let mut depth = 1usize;
        for (c, shown) in self.prog.cmds.iter().zip(&self.prog.shown) {
            if matches!(c.op, Op::EndBlock) {
                depth = depth.saturating_sub(1);
            }
            t.resize(t.len() + 2 * depth, b' ');
            t.extend_from_slice(shown);
            t.push(b'\n');
            if matches!(c.op, Op::Block(_)) {
                depth += 1;
            }
        }
        self.debug_out(&t);
    }

    fn debug_input(&mut self) {
        let name = self.reader.name.as_bytes();
        let name = if name == b"-" { &b"STDIN"[..] } else { name };
        let mut t = b"INPUT:   '".to_vec();
        t.extend_from_slice(name);
        t.extend_from_slice(format!("' line {}\n", self.line).as_bytes());
        self.debug_out(&t);
        self.debug_space(false);
    }

    fn debug_command(&mut self, pc: usize) {
        let op = &self.prog.cmds[pc].op;
        if matches!(op, Op::EndBlock) {
            self.level -= 1;
        }
        let mut t = b"COMMAND: ".to_vec();
        t.resize(t.len() + 2 * self.level.max(0) as usize, b' ');
        t.extend_from_slice(&self.prog.shown[pc]);
        t.push(b'\n');
        if matches!(op, Op::Block(_)) {
            self.level += 1;
        }
        self.debug_out(&t);
    }

    /// `PATTERN: ` or `HOLD:    ` and the space.
    fn debug_space(&mut self, hold: bool) {
        let (label, space) = if hold {
            (&b"HOLD:    "[..], &self.hs)
        } else {
            (&b"PATTERN: "[..], &self.ps)
        };
        let mut t = label.to_vec();
        debug::escaped(&mut t, space);
        t.push(b'\n');
        self.debug_out(&t);
    }

    /// The groups of the first match of `s`, up to the first unset one.
    fn debug_registers(&mut self, re: Option<usize>) -> R<()> {
        let re = &self.prog.regexes[self.resolve(re)?];
        let mut spans = vec![None; re.groups() + 1];
        if !re.captures_at(&self.ps, 0, &mut spans) {
            return Ok(());
        }
        let mut t = b"MATCHED REGEX REGISTERS\n".to_vec();
        for (i, (a, b)) in spans.iter().map_while(|s| *s).enumerate() {
            t.extend_from_slice(format!("  regex[{i}] = {a}-{b} '").as_bytes());
            t.extend_from_slice(&self.ps[a..b]);
            t.extend_from_slice(b"'\n");
        }
        self.debug_out(&t);
        Ok(())
    }

    /// After a fatal error: an in-place edit leaves the original alone.
    pub fn abort(&mut self) {
        if let Some((_, ip)) = self.outs.inplace.take() {
            let _ = fs::remove_file(&ip.tmp);
        }
    }

    /// Flushes every output; false when one failed.
    pub fn finish(mut self) -> bool {
        let mut ok = true;
        let name = self.diag.name().to_string();
        for w in std::mem::take(&mut self.outs.w) {
            if let WOut::File(s) = w {
                ok &= s.out.finish(&name, 0) == 0;
            }
        }
        let Outs { stdout, stderr, .. } = self.outs;
        ok &= stderr.out.finish(&name, 0) == 0;
        ok &= stdout.out.finish(&name, 0) == 0;
        ok
    }

    fn autoprint(&mut self) {
        if !self.opts.quiet {
            let sep = self.opts.sep;
            self.outs.get(Tgt::Cur).line(&self.ps, self.chomped, sep);
        }
    }

    fn dump_appends(&mut self) -> R<()> {
        if self.appends.is_empty() {
            return Ok(());
        }
        let sep = self.opts.sep;
        for a in std::mem::take(&mut self.appends) {
            match a {
                Append::Text(i) => {
                    if let Op::Append(t) = &self.prog.cmds[i].op {
                        self.outs.get(Tgt::Cur).text(t, sep);
                    }
                }
                Append::Line(l) => self.outs.get(Tgt::Cur).text(&l, sep),
                Append::File(i) => {
                    let Op::ReadFile(name) = &self.prog.cmds[i].op else {
                        continue;
                    };
                    // An unreadable file is silently skipped, as POSIX says.
                    let data = if name == b"/dev/stdin" {
                        let mut v = Vec::new();
                        let mut buf = vec![0u8; BUF];
                        while let Ok(n) = read_fd(0, &mut buf) {
                            if n == 0 {
                                break;
                            }
                            v.extend_from_slice(&buf[..n]);
                        }
                        v
                    } else {
                        fs::read(OsStr::from_bytes(name)).unwrap_or_default()
                    };
                    if !data.is_empty() {
                        let s = self.outs.get(Tgt::Cur);
                        s.fix(sep);
                        s.out.write_bytes(&data);
                    }
                }
            }
        }
        Ok(())
    }

    fn read_err(&self, e: &io::Error) -> Fatal {
        fatal(format!(
            "read error on {}: {}",
            shown(self.reader.name.as_bytes()),
            diag::strerror(e)
        ))
    }

    /// Reads the next line into the pattern space (after a newline when
    /// `append`). False at the end of input (of the file with -s/-i).
    fn read_line(&mut self, append: bool) -> R<bool> {
        // As GNU's, reading a line (n and N too) clears the flag of t and T.
        self.tflag = false;
        loop {
            if self.reader.src.is_some() {
                let keep = self.ps.len();
                if append {
                    self.ps.push(self.opts.sep);
                } else {
                    self.ps.clear();
                }
                match self.reader.line(&mut self.ps, self.opts.sep) {
                    Ok(Some(nl)) => {
                        self.chomped = nl;
                        self.line += 1;
                        return Ok(true);
                    }
                    Ok(None) => {
                        self.ps.truncate(keep);
                        self.reader.src = None;
                        self.end_file()?;
                        if append && self.opts.separate {
                            return Ok(false);
                        }
                    }
                    Err(e) => return Err(self.read_err(&e)),
                }
            }
            if !self.open_next()? {
                return Ok(false);
            }
        }
    }

    /// Whether the current line is the last (of its file with -s/-i).
    /// As GNU's, a file that fails to read here (a directory) counts as
    /// empty: `sed '$p' f dir` takes f's last line as the last, silently.
    fn is_last(&mut self) -> R<bool> {
        loop {
            if let Ok(true) = self.reader.has_more() {
                return Ok(false);
            }
            if self.opts.separate {
                return Ok(true);
            }
            self.reader.src = None;
            if !self.open_next()? {
                return Ok(true);
            }
        }
    }

    fn open_next(&mut self) -> R<bool> {
        while self.next_file < self.files.len() {
            let name = self.files[self.next_file].clone();
            self.next_file += 1;
            if self.opts.in_place.is_some() {
                if !self.begin_in_place(&name)? {
                    continue;
                }
            } else if name.as_bytes() == b"-" {
                self.reader.set(Src::Stdin, &name, self.opts.unbuffered);
            } else {
                match File::open(&name) {
                    Ok(f) => self.reader.set(Src::File(f), &name, self.opts.unbuffered),
                    Err(e) => {
                        self.flush_for_message();
                        self.diag.warn(format_args!(
                            "can't read {}: {}",
                            shown(name.as_bytes()),
                            diag::strerror(&e)
                        ));
                        self.diag.fail(2);
                        continue;
                    }
                }
            }
            if self.opts.separate {
                // As GNU's, each file starts with an empty hold space and
                // reads R's files from their start.
                self.line = 0;
                self.reset_ranges();
                self.hs.clear();
                self.rfiles.iter_mut().for_each(|r| *r = None);
            }
            return Ok(true);
        }
        Ok(false)
    }

    fn flush_for_message(&mut self) {
        self.outs.stdout.out.flush_now();
    }

    fn begin_in_place(&mut self, name: &OsString) -> R<bool> {
        let f = match File::open(name) {
            Ok(f) => f,
            Err(e) => {
                self.flush_for_message();
                self.diag.warn(format_args!(
                    "can't read {}: {}",
                    shown(name.as_bytes()),
                    diag::strerror(&e)
                ));
                self.diag.fail(2);
                return Ok(false);
            }
        };
        let meta = match f.metadata() {
            Ok(m) if m.is_file() => m,
            _ => {
                self.flush_for_message();
                self.diag.warn(format_args!(
                    "couldn't edit {}: not a regular file",
                    shown(name.as_bytes())
                ));
                self.diag.fail(4);
                return Ok(false);
            }
        };
        let target = if self.opts.follow_symlinks {
            resolve_links(Path::new(name)).map_err(|e| {
                fatal(format!(
                    "couldn't readlink {}: {}",
                    shown(name.as_bytes()),
                    diag::strerror(&e)
                ))
            })?
        } else {
            PathBuf::from(name)
        };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (tmp, file) = make_temp(&dir).map_err(|(p, e)| {
            fatal(format!(
                "couldn't open temporary file {}: {}",
                shown(p.as_os_str().as_bytes()),
                diag::strerror(&e)
            ))
        })?;
        // Owner first: chown clears the set-id bits that chmod then sets.
        // SAFETY: fchown on a descriptor we own; failure is ignored, as GNU
        // does when not allowed to give the file away.
        unsafe {
            libc::fchown(file.as_raw_fd(), meta.uid(), meta.gid());
        }
        let _ = file.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777));
        let mut sink = Sink::new(Out::to_fd(file.as_raw_fd()), Some(file));
        sink.out.set_line_buffered(self.opts.unbuffered);
        self.outs.inplace = Some((
            sink,
            InPlace {
                tmp,
                target,
                shown: name.clone(),
            },
        ));
        self.reader.set(Src::File(f), name, self.opts.unbuffered);
        Ok(true)
    }

    /// Ends an in-place edit: the temporary file replaces the original
    /// (after the backup is made), or is removed when writing failed.
    fn end_file(&mut self) -> R<()> {
        let Some((mut sink, ip)) = self.outs.inplace.take() else {
            return Ok(());
        };
        let ok = sink.out.flush_now();
        let name = self.diag.name().to_string();
        let status = sink.out.finish(&name, 0);
        if !ok || status != 0 {
            let _ = fs::remove_file(&ip.tmp);
            return Err(fatal(format!(
                "couldn't write {}",
                shown(ip.tmp.as_os_str().as_bytes())
            )));
        }
        let suffix = self.opts.in_place.as_deref().unwrap_or(b"");
        if !suffix.is_empty() {
            let backup = backup_name(&ip.target, suffix);
            if let Err(e) = fs::rename(&ip.target, &backup) {
                let _ = fs::remove_file(&ip.tmp);
                return Err(fatal(format!(
                    "cannot rename {}: {}",
                    shown(ip.target.as_os_str().as_bytes()),
                    diag::strerror(&e)
                )));
            }
        }
        if let Err(e) = fs::rename(&ip.tmp, &ip.target) {
            let _ = fs::remove_file(&ip.tmp);
            return Err(fatal(format!(
                "cannot rename {}: {}",
                shown(ip.tmp.as_os_str().as_bytes()),
                diag::strerror(&e)
            )));
        }
        let _ = ip.shown;
        Ok(())
    }

    fn re_match(&mut self, re: Option<usize>) -> R<bool> {
        let i = self.resolve(re)?;
        Ok(self.prog.regexes[i].is_match(&self.ps))
    }

    fn resolve(&mut self, re: Option<usize>) -> R<usize> {
        match re.or(self.last_re) {
            Some(i) => {
                self.last_re = Some(i);
                Ok(i)
            }
            None => Err(Fatal(
                "-e expression #1, char 0: no previous regular expression".into(),
                1,
            )),
        }
    }

    fn match1(&mut self, a: Addr) -> R<bool> {
        Ok(match a {
            Addr::Line(n) => self.line == n,
            Addr::Last => self.is_last()?,
            Addr::Re(r) => self.re_match(r)?,
            // The parser makes first~0 the line number: s > 0 here.
            Addr::Step(f, s) => self.line >= f && (self.line - f).is_multiple_of(s),
            Addr::Plus(_) | Addr::Mult(_) => false,
        })
    }

    /// Whether command `pc` applies to the current line. Ranges follow
    /// GNU 4.9:
    /// - a range whose first address is a line number starts on the first
    ///   line it sees at or past that number (a line that `n` or `d` kept
    ///   it from seeing still opens it), and never starts again;
    /// - `addr1,N` takes the lines up to N, and at its start just the one
    ///   line when N is not ahead (none when addr1 was passed, not met);
    /// - `addr1,+N` and `addr1,~N` end on the first line seen at or past
    ///   their end (the line N after the start, or the next multiple of N
    ///   after it), which belongs to the range;
    /// - with -s or -i every file starts with no range open.
    fn selected(&mut self, pc: usize) -> R<bool> {
        let c = &self.prog.cmds[pc];
        let (neg, a1, a2) = (c.neg, c.a1, c.a2);
        let Some(a1) = a1 else {
            // `!` without an address never applies, as in GNU.
            return Ok(!neg);
        };
        let Some(a2) = a2 else {
            return Ok(self.match1(a1)? != neg);
        };
        let line = self.line;
        let mut r = self.ranges[pc];
        let m = if r.active {
            match a2 {
                Addr::Line(_) => {
                    if line >= r.end {
                        r.active = false;
                    }
                    line <= r.end
                }
                Addr::Plus(_) | Addr::Mult(_) => {
                    if line >= r.end {
                        r.active = false;
                    }
                    true
                }
                Addr::Last => {
                    if self.is_last()? {
                        r.active = false;
                    }
                    true
                }
                Addr::Re(re) => {
                    if self.re_match(re)? {
                        r.active = false;
                    }
                    true
                }
                Addr::Step(..) => {
                    if self.match1(a2)? {
                        r.active = false;
                    }
                    true
                }
            }
        } else if let Addr::Line(first) = a1 {
            if r.closed || line < first {
                false
            } else {
                r.closed = true;
                let passed = line > first;
                self.open(&mut r, a2, line)?;
                !(passed && matches!(a2, Addr::Line(n) if n < line))
            }
        } else if self.match1(a1)? {
            self.open(&mut r, a2, line)?;
            true
        } else {
            false
        };
        self.ranges[pc] = r;
        Ok(m != neg)
    }

    /// Opens a range on `line` unless `a2` makes it a one-line range.
    fn open(&mut self, r: &mut Range, a2: Addr, line: usize) -> R<()> {
        r.active = match a2 {
            Addr::Line(n) => {
                r.end = n;
                n > line
            }
            // As GNU's: the range ends on the first line that first~step
            // matches, this one included.
            Addr::Step(..) => !self.match1(a2)?,
            Addr::Plus(n) => {
                r.end = line + n;
                n > 0
            }
            Addr::Mult(n) => match line.checked_div(n) {
                Some(q) => {
                    r.end = (q + 1) * n;
                    true
                }
                None => false,
            },
            Addr::Last => !self.is_last()?,
            Addr::Re(_) => true,
        };
        Ok(())
    }

    fn step(&mut self, pc: usize) -> R<Flow> {
        let prog = self.prog;
        let sep = self.opts.sep;
        let cmd = &prog.cmds[pc];
        match &cmd.op {
            Op::Block(_) | Op::EndBlock | Op::Label => {}
            Op::Eq => {
                // Ended by the line separator (NUL with -z), as GNU's.
                self.sbuf.clear();
                crate::num::push_u64(&mut self.sbuf, self.line as u64);
                self.outs.get(Tgt::Cur).line(&self.sbuf, true, sep);
            }
            Op::Append(_) => self.appends.push(Append::Text(pc)),
            Op::Insert(t) => self.outs.get(Tgt::Cur).text(t, sep),
            Op::Change(t) => {
                let mid_range = cmd.a2.is_some() && self.ranges[pc].active;
                if !mid_range || self.opts.posix {
                    self.outs.get(Tgt::Cur).text(t, sep);
                }
                return Ok(Flow::End(false));
            }
            Op::Branch(t) => return Ok(Flow::Jump(*t)),
            Op::BranchIf(t) => {
                if self.tflag {
                    self.tflag = false;
                    return Ok(Flow::Jump(*t));
                }
            }
            Op::BranchUnless(t) => {
                if !self.tflag {
                    return Ok(Flow::Jump(*t));
                }
                self.tflag = false;
            }
            Op::Delete => return Ok(Flow::End(false)),
            Op::DeleteFirst => {
                return Ok(match memchr::memchr(sep, &self.ps) {
                    None => Flow::Drop,
                    Some(i) => {
                        self.ps.drain(..=i);
                        if self.opts.debug {
                            self.debug_space(false);
                        }
                        Flow::Restart
                    }
                });
            }
            Op::Exec(c) => {
                self.outs.flush_all();
                if c.is_empty() {
                    let mut out = run_shell(&self.ps)?;
                    if out.last() == Some(&b'\n') {
                        out.pop();
                    }
                    self.ps = out;
                } else {
                    let out = run_shell(c)?;
                    self.outs.get(Tgt::Cur).text(&out, sep);
                }
            }
            Op::FileName => {
                let name = if self.reader.name.as_bytes() == b"-" || self.reader.name.is_empty()
                {
                    b"-".to_vec()
                } else {
                    self.reader.name.as_bytes().to_vec()
                };
                self.outs.get(Tgt::Cur).line(&name, true, sep);
            }
            // Each space keeps whether its text ends a line (GNU's
            // `chomped`): copying copies it, `x` swaps it.
            // --debug shows the hold space after g, as GNU 4.9 does.
            Op::Get => {
                self.ps.clone_from(&self.hs);
                self.chomped = self.hs_chomped;
                self.debug_after(false, true);
            }
            Op::GetAppend => {
                self.ps.push(sep);
                self.ps.extend_from_slice(&self.hs);
                self.chomped = self.hs_chomped;
                self.debug_after(true, false);
            }
            Op::Hold => {
                self.hs.clone_from(&self.ps);
                self.hs_chomped = self.chomped;
                self.debug_after(false, true);
            }
            Op::HoldAppend => {
                self.hs.push(sep);
                self.hs.extend_from_slice(&self.ps);
                self.hs_chomped = self.chomped;
                self.debug_after(false, true);
            }
            Op::Exchange => {
                std::mem::swap(&mut self.ps, &mut self.hs);
                std::mem::swap(&mut self.chomped, &mut self.hs_chomped);
                self.debug_after(true, true);
            }
            Op::List(n) => {
                let width = n.unwrap_or(self.opts.line_len);
                let text = list(&self.ps, width, sep);
                self.outs.get(Tgt::Cur).text(&text, sep);
            }
            Op::Next => {
                // At the end, GNU prints the line and quits (with or
                // without POSIXLY_CORRECT); --debug shows that order.
                let last = self.is_last()?;
                self.autoprint();
                if last {
                    return Ok(Flow::End(false));
                }
                self.dump_appends()?;
                if !self.read_line(false)? {
                    return Ok(Flow::End(false));
                }
                self.debug_after(true, false);
            }
            Op::NextAppend => {
                if self.is_last()? {
                    return Ok(Flow::End(!self.opts.posix));
                }
                self.dump_appends()?;
                if !self.read_line(true)? {
                    return Ok(Flow::End(!self.opts.posix));
                }
                self.debug_after(true, false);
            }
            Op::Print => {
                self.outs.get(Tgt::Cur).line(&self.ps, self.chomped, sep);
            }
            Op::PrintFirst => match memchr::memchr(sep, &self.ps) {
                Some(i) => self.outs.get(Tgt::Cur).line(&self.ps[..i], true, sep),
                None => self.outs.get(Tgt::Cur).line(&self.ps, self.chomped, sep),
            },
            Op::Quit(c) => return Ok(Flow::Quit(*c, true)),
            Op::QuitSilent(c) => return Ok(Flow::Quit(*c, false)),
            Op::ReadFile(_) => self.appends.push(Append::File(pc)),
            Op::ReadLine(i) => {
                if let Some(l) = self.rfile_line(*i) {
                    self.appends.push(Append::Line(l));
                }
            }
            Op::Subst(s) => {
                if self.opts.debug {
                    self.debug_registers(s.re)?;
                }
                if self.subst(s)? {
                    self.tflag = true;
                    if s.eval {
                        self.outs.flush_all();
                        let mut out = run_shell(&self.ps)?;
                        if out.last() == Some(&b'\n') {
                            out.pop();
                        }
                        self.ps = out;
                    }
                    if s.print {
                        self.outs.get(Tgt::Cur).line(&self.ps, self.chomped, sep);
                    }
                    if let Some(w) = s.wfile {
                        self.outs.get(Tgt::W(w)).line(&self.ps, self.chomped, sep);
                    }
                }
                self.debug_after(true, false);
            }
            Op::Write(w) => {
                self.outs.get(Tgt::W(*w)).line(&self.ps, self.chomped, sep);
            }
            Op::WriteFirst(w) => match memchr::memchr(sep, &self.ps) {
                Some(i) => self.outs.get(Tgt::W(*w)).line(&self.ps[..i], true, sep),
                None => self.outs.get(Tgt::W(*w)).line(&self.ps, self.chomped, sep),
            },
            Op::Translate(map) => {
                for b in &mut self.ps {
                    *b = map[usize::from(*b)];
                }
                self.debug_after(true, false);
            }
            Op::TranslateChars(pairs) => {
                self.sbuf.clear();
                let mut i = 0;
                while i < self.ps.len() {
                    let n = crate::text::decode(&self.ps[i..]).map_or(1, |(_, n)| n);
                    let c = &self.ps[i..i + n];
                    match pairs.binary_search_by(|p| p.0.as_slice().cmp(c)) {
                        Ok(k) => self.sbuf.extend_from_slice(&pairs[k].1),
                        Err(_) => self.sbuf.extend_from_slice(c),
                    }
                    i += n;
                }
                std::mem::swap(&mut self.ps, &mut self.sbuf);
                self.debug_after(true, false);
            }
            Op::Zap => {
                self.ps.clear();
                self.debug_after(true, false);
            }
        }
        Ok(Flow::Next)
    }

    /// --debug: the spaces a command changed.
    fn debug_after(&mut self, pattern: bool, hold: bool) {
        if self.opts.debug {
            if pattern {
                self.debug_space(false);
            }
            if hold {
                self.debug_space(true);
            }
        }
    }

    /// The next line of an `R` file, with its newline (one is added when
    /// the file's last line lacks it).
    fn rfile_line(&mut self, i: usize) -> Option<Vec<u8>> {
        if self.rfiles[i].is_none() {
            let name = &self.prog.rfiles[i];
            let mut r = Reader::new();
            if name == b"/dev/stdin" || name == b"-" {
                r.set(Src::Stdin, OsStr::new("-"), false);
            } else {
                let f = File::open(OsStr::from_bytes(name)).ok();
                match f {
                    Some(f) => r.set(Src::File(f), OsStr::from_bytes(name), false),
                    None => r.eof = true,
                }
            }
            self.rfiles[i] = Some(r);
        }
        let r = self.rfiles[i].as_mut()?;
        let mut l = Vec::new();
        // As GNU's, a last line without its terminator is appended as it is.
        match r.line(&mut l, self.opts.sep) {
            Ok(Some(nl)) => {
                if nl {
                    l.push(self.opts.sep);
                }
                Some(l)
            }
            _ => None,
        }
    }

    fn subst(&mut self, s: &Subst) -> R<bool> {
        let ri = self.resolve(s.re)?;
        let re = &self.prog.regexes[ri];
        if s.max_group > re.groups() {
            return Err(fatal(format!(
                "invalid reference \\{} on `s' command's RHS",
                s.max_group
            )));
        }
        let caps = s.max_group > 0;
        if caps {
            self.spans.clear();
            self.spans.resize(re.groups() + 1, None);
        }
        let text = &self.ps;
        let out = &mut self.sbuf;
        out.clear();
        let (mut pos, mut copied, mut count) = (0, 0, 0);
        let mut prev_end = None;
        let mut done = false;
        while pos <= text.len() {
            let m = if caps {
                if re.captures_at(text, pos, &mut self.spans) {
                    self.spans[0]
                } else {
                    None
                }
            } else {
                re.find_at(text, pos)
            };
            let Some((ms, me)) = m else {
                break;
            };
            if ms == me && prev_end == Some(ms) {
                pos = ms + 1;
                continue;
            }
            count += 1;
            if count >= s.nth {
                out.extend_from_slice(&text[copied..ms]);
                replace(out, &s.repl, text, (ms, me), &self.spans, s.has_case);
                copied = me;
                done = true;
                if !s.global {
                    break;
                }
            }
            prev_end = Some(me);
            pos = if me == ms { me + 1 } else { me };
        }
        if done {
            out.extend_from_slice(&text[copied..]);
            std::mem::swap(&mut self.ps, &mut self.sbuf);
        }
        Ok(done)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    None,
    Upper,
    Lower,
}

struct CaseState {
    mode: Case,
    one: Case,
}

/// Appends `bytes` with the case changes in force: `\u`/`\l` for the
/// first character, `\U`/`\L` for all. In a UTF-8 locale a character is
/// changed whole (`\u` on `é` gives `É`).
fn push_cased(out: &mut Vec<u8>, bytes: &[u8], st: &mut CaseState) {
    let utf8 = crate::sys::utf8_locale();
    let mut i = 0;
    while i < bytes.len() {
        let c = if st.one != Case::None {
            let c = st.one;
            st.one = Case::None;
            c
        } else {
            st.mode
        };
        match c {
            Case::None => {
                out.extend_from_slice(&bytes[i..]);
                return;
            }
            _ => i += crate::text::push_case_one(out, &bytes[i..], c == Case::Upper, utf8),
        }
    }
}

fn replace(
    out: &mut Vec<u8>,
    parts: &[Part],
    text: &[u8],
    m: (usize, usize),
    spans: &[Span],
    has_case: bool,
) {
    let group = |n: usize| -> &[u8] {
        if n == 0 {
            return &text[m.0..m.1];
        }
        match spans.get(n).copied().flatten() {
            Some((a, b)) => &text[a..b],
            None => &[],
        }
    };
    if !has_case {
        for p in parts {
            match p {
                Part::Lit(l) => out.extend_from_slice(l),
                Part::Group(n) => out.extend_from_slice(group(*n)),
                _ => {}
            }
        }
        return;
    }
    let mut st = CaseState {
        mode: Case::None,
        one: Case::None,
    };
    for p in parts {
        match p {
            Part::Lit(l) => push_cased(out, l, &mut st),
            Part::Group(n) => push_cased(out, group(*n), &mut st),
            Part::Upper => {
                st.mode = Case::Upper;
                st.one = Case::None;
            }
            Part::Lower => {
                st.mode = Case::Lower;
                st.one = Case::None;
            }
            Part::UpperOne => st.one = Case::Upper,
            Part::LowerOne => st.one = Case::Lower,
            Part::EndCase => {
                st.mode = Case::None;
                st.one = Case::None;
            }
        }
    }
}

/// The `l` form of `ps`: escapes, octal for other unprintable bytes,
/// lines broken with `\` to fit `width` (0: never), `$` at the end.
fn list(ps: &[u8], width: usize, sep: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(ps.len() + 8);
    let mut col = 0;
    let mut rep = [0u8; 4];
    for &b in ps {
        let n = match b {
            b'\\' => put(&mut rep, b"\\\\"),
            7 => put(&mut rep, b"\\a"),
            8 => put(&mut rep, b"\\b"),
            12 => put(&mut rep, b"\\f"),
            b'\n' => put(&mut rep, b"\\n"),
            b'\r' => put(&mut rep, b"\\r"),
            b'\t' => put(&mut rep, b"\\t"),
            11 => put(&mut rep, b"\\v"),
            32..=126 => put(&mut rep, &[b]),
            _ => put(
                &mut rep,
                &[b'\\', b'0' + (b >> 6), b'0' + ((b >> 3) & 7), b'0' + (b & 7)],
            ),
        };
        if width > 0 && col + n > width - 1 {
            out.extend_from_slice(b"\\\n");
            col = 0;
        }
        out.extend_from_slice(&rep[..n]);
        col += n;
    }
    out.push(b'$');
    out.push(sep);
    out
}

fn put(rep: &mut [u8; 4], s: &[u8]) -> usize {
    rep[..s.len()].copy_from_slice(s);
    s.len()
}

fn run_shell(cmd: &[u8]) -> R<Vec<u8>> {
    use std::os::unix::process::CommandExt;
    // Named `sh`, as popen(3) runs it, for the shell's messages.
    let out = std::process::Command::new("/bin/sh")
        .arg0("sh")
        .arg("-c")
        .arg(OsStr::from_bytes(cmd))
        .stdin(std::process::Stdio::inherit())
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| fatal(format!("couldn't run /bin/sh: {}", diag::strerror(&e))))?;
    Ok(out.stdout)
}

/// Follows a chain of symbolic links to the file it ends at.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        let meta = fs::symlink_metadata(&p)?;
        if !meta.file_type().is_symlink() {
            return Ok(p);
        }
        let link = fs::read_link(&p)?;
        p = if link.is_absolute() {
            link
        } else {
            match p.parent() {
                Some(d) => d.join(link),
                None => link,
            }
        };
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

fn make_temp(dir: &Path) -> Result<(PathBuf, File), (PathBuf, io::Error)> {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
        ^ (u64::from(std::process::id()) << 32);
    let mut last = (dir.join("sedXXXXXX"), io::Error::from_raw_os_error(libc::EEXIST));
    for _ in 0..100 {
        let mut name = b"sed".to_vec();
        for _ in 0..6 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            name.push(CHARS[((seed >> 33) % CHARS.len() as u64) as usize]);
        }
        let path = dir.join(OsStr::from_bytes(&name));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = (path, e),
            Err(e) => return Err((path, e)),
        }
    }
    Err(last)
}

/// GNU's backup name: SUFFIX appended, or with `*` in it, each `*`
/// replaced by the file's name (a `/` in it puts the backup elsewhere).
fn backup_name(target: &Path, suffix: &[u8]) -> PathBuf {
    let base = target.file_name().map(|b| b.as_bytes()).unwrap_or(b"");
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    if suffix.contains(&b'*') {
        let mut name = Vec::new();
        for &c in suffix {
            if c == b'*' {
                name.extend_from_slice(base);
            } else {
                name.push(c);
            }
        }
        if name.contains(&b'/') {
            return PathBuf::from(OsStr::from_bytes(&name));
        }
        return match dir {
            Some(d) => d.join(OsStr::from_bytes(&name)),
            None => PathBuf::from(OsStr::from_bytes(&name)),
        };
    }
    let mut name = base.to_vec();
    name.extend_from_slice(suffix);
    match dir {
        Some(d) => d.join(OsStr::from_bytes(&name)),
        None => PathBuf::from(OsStr::from_bytes(&name)),
    }
}

fn fatal(msg: String) -> Fatal {
    Fatal(msg, 4)
}
