//! dd: copy a file, converting and blocking as asked.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/dd.html
//!
//! Operands `if= of= bs= ibs= obs= count= skip= seek= conv= iflag= oflag=
//! status=` with GNU's size suffixes (`c w b kB K MB M ...`) and `x`
//! products (`bs=2x512`). `bs=` copies block for block; `ibs`/`obs` reblock.
//! Conversions: `notrunc noerror sync fsync fdatasync excl nocreat ucase
//! lcase swab sparse`; flags: `append direct dsync sync fullblock nonblock
//! noatime nofollow skip_bytes count_bytes seek_bytes`. The closing
//! statistics are GNU's lines; `status=progress` updates a line each
//! second and SIGUSR1 prints the statistics without stopping.

use crate::diag::{self, Diag};
use crate::io::{read_fd, write_fd};
use crate::quote;
use crate::size;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub const APPLET: Applet = Applet {
    name: "dd",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N] [seek=N] [conv=LIST] [iflag=LIST] [oflag=LIST] [status=LEVEL]",
    help: "Copy a file (standard input to standard output by default), with\n\
conversions.\n\
\n\
\tif=FILE\tRead FILE\n\
\tof=FILE\tWrite FILE (truncated unless conv=notrunc)\n\
\tbs=N\tRead and write N bytes at a time\n\
\tibs=N, obs=N\tInput and output block sizes (default 512)\n\
\tcount=N\tCopy N input blocks\n\
\tskip=N\tSkip N input blocks; seek=N: skip N output blocks\n\
\tconv=\tnotrunc,noerror,sync,fsync,fdatasync,excl,nocreat,ucase,lcase,swab,sparse\n\
\tiflag=, oflag=\tappend,direct,dsync,sync,fullblock,nonblock,noatime,nofollow,\n\
\t\tskip_bytes,count_bytes (iflag), seek_bytes (oflag)\n\
\tstatus=\tnone, noxfer or progress\n\
N may end in c (1), w (2), b (512), kB (1000), K (1024), MB, M, GB, G...,\n\
and be a product like 2x512.",
    help_option: true,
    main,
};

static USR1: AtomicBool = AtomicBool::new(false);

extern "C" fn on_usr1(_: libc::c_int) {
    USR1.store(true, Ordering::Relaxed);
}

#[derive(Default)]
struct Conv {
    notrunc: bool,
    noerror: bool,
    sync: bool,
    fsync: bool,
    fdatasync: bool,
    excl: bool,
    nocreat: bool,
    ucase: bool,
    lcase: bool,
    swab: bool,
    sparse: bool,
}

#[derive(Default)]
struct Flags {
    append: bool,
    direct: bool,
    dsync: bool,
    sync: bool,
    fullblock: bool,
    nonblock: bool,
    noatime: bool,
    nofollow: bool,
    skip_bytes: bool,
    count_bytes: bool,
    seek_bytes: bool,
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Status {
    Default,
    None,
    NoXfer,
    Progress,
}

struct Counts {
    full_in: u64,
    part_in: u64,
    full_out: u64,
    part_out: u64,
    bytes: u64,
    start: Instant,
}

/// A size operand: suffixed numbers joined by `x`.
fn number(s: &str) -> Option<u64> {
    let mut v: u64 = 1;
    for part in s.split('x') {
        let n = size::parse_size(part, size::DD).ok()?;
        v = v.checked_mul(n)?;
    }
    Some(v)
}

/// `1.0 kB`, `15 kB`, `977 KiB`: GNU's rounding to nearest, one decimal
/// under ten.
fn human(n: u64, base: u64, units: &[&str]) -> String {
    let mut e = 0;
    let mut scale = 1u128;
    while (n as u128) >= scale * base as u128 && e + 1 < units.len() {
        scale *= base as u128;
        e += 1;
    }
    loop {
        let tenths = ((n as u128) * 10 * 2 + scale) / (2 * scale);
        let text = if tenths < 100 {
            format!("{}.{}", tenths / 10, tenths % 10)
        } else {
            let whole = ((n as u128) * 2 + scale) / (2 * scale);
            if whole >= base as u128 && e + 1 < units.len() {
                scale *= base as u128;
                e += 1;
                continue;
            }
            whole.to_string()
        };
        return format!("{text} {}", units[e]);
    }
}

const SI: &[&str] = &["B", "kB", "MB", "GB", "TB", "PB", "EB"];
const IEC: &[&str] = &["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

fn c_g(v: f64) -> String {
    let mut buf = [0u8; 64];
    let f = b"%g\0";
    // SAFETY: a "%g" format with one double; the buffer holds 64 bytes.
    let n = unsafe { libc::snprintf(buf.as_mut_ptr().cast(), buf.len(), f.as_ptr().cast(), v) };
    String::from_utf8_lossy(&buf[..(n.max(0) as usize).min(buf.len() - 1)]).into_owned()
}

fn speed(bytes: u64, secs: f64) -> String {
    if bytes == 0 || secs <= 0.0 {
        return if bytes == 0 { "0.0 kB/s".to_string() } else { "Infinity B/s".to_string() };
    }
    let mut v = bytes as f64 / secs;
    let mut e = 0;
    while v >= 1000.0 && e + 1 < SI.len() {
        v /= 1000.0;
        e += 1;
    }
    let mut text = format!("{v:.1}");
    if text.len() > 4 {
        text = format!("{v:.0}");
    }
    format!("{text} {}/s", SI[e])
}

impl Counts {
    fn xfer_line(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        let b = self.bytes;
        let amount = if b == 1 {
            "1 byte".to_string()
        } else if b < 1000 {
            format!("{b} bytes")
        } else if b < 1024 {
            format!("{b} bytes ({})", human(b, 1000, SI))
        } else {
            format!("{b} bytes ({}, {})", human(b, 1000, SI), human(b, 1024, IEC))
        };
        format!("{amount} copied, {} s, {}", c_g(secs), speed(b, secs))
    }

    fn report(&self, status: Status) {
        if status == Status::None {
            return;
        }
        let mut text = format!(
            "{}+{} records in\n{}+{} records out\n",
            self.full_in, self.part_in, self.full_out, self.part_out
        );
        if status != Status::NoXfer {
            text.push_str(&self.xfer_line());
            text.push('\n');
        }
        diag::write_stderr(text.as_bytes());
    }
}

fn open_file(path: &[u8], flags: i32, mode: u32) -> io::Result<i32> {
    let c = CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(fd)
    }
}

struct Dd {
    diag: Diag,
    ifd: i32,
    ofd: i32,
    iname: String,
    oname: String,
    conv: Conv,
    status: Status,
    counts: Counts,
    last_progress: Instant,
    progress_shown: bool,
    /// Bytes skipped over in the output by conv=sparse, not yet written.
    pending_hole: u64,
}

impl Dd {
    fn tick(&mut self) {
        if USR1.swap(false, Ordering::Relaxed) {
            self.counts.report(Status::Default);
        }
        if self.status == Status::Progress && self.last_progress.elapsed().as_secs() >= 1 {
            self.last_progress = Instant::now();
            let line = format!("\r{}", self.counts.xfer_line());
            diag::write_stderr(line.as_bytes());
            self.progress_shown = true;
        }
    }

    /// Reads up to `buf.len()` bytes, all of them with `fullblock`.
    fn read_block(&mut self, buf: &mut [u8], fullblock: bool) -> io::Result<usize> {
        let mut got = 0;
        loop {
            let n = read_fd(self.ifd, &mut buf[got..])?;
            got += n;
            if n == 0 || !fullblock || got == buf.len() {
                return Ok(got);
            }
        }
    }

    fn write_out(&mut self, data: &[u8], obs: usize) -> io::Result<()> {
        if self.conv.sparse && !data.is_empty() && data.iter().all(|&b| b == 0) {
            self.pending_hole += data.len() as u64;
        } else {
            if self.pending_hole > 0 {
                // SAFETY: lseek on an open descriptor.
                if unsafe { libc::lseek(self.ofd, self.pending_hole as i64, libc::SEEK_CUR) } < 0 {
                    return Err(io::Error::last_os_error());
                }
                self.pending_hole = 0;
            }
            write_fd(self.ofd, data)?;
        }
        if data.len() == obs {
            self.counts.full_out += 1;
        } else {
            self.counts.part_out += 1;
        }
        self.counts.bytes += data.len() as u64;
        Ok(())
    }

    fn finish_hole(&mut self) -> io::Result<()> {
        if self.pending_hole > 0 {
            // SAFETY: lseek and ftruncate on an open descriptor.
            unsafe {
                let end = libc::lseek(self.ofd, self.pending_hole as i64, libc::SEEK_CUR);
                if end < 0 || libc::ftruncate(self.ofd, end) != 0 {
                    return Err(io::Error::last_os_error());
                }
            }
            self.pending_hole = 0;
        }
        Ok(())
    }
}

fn convert(buf: &mut [u8], conv: &Conv) {
    if conv.swab {
        for pair in buf.chunks_exact_mut(2) {
            pair.swap(0, 1);
        }
    }
    if conv.ucase {
        buf.make_ascii_uppercase();
    } else if conv.lcase {
        buf.make_ascii_lowercase();
    }
}

fn main(args: &[OsString]) -> i32 {
    let mut diag = Diag::new(args);
    let usage = |diag: &mut Diag, msg: String| -> i32 {
        diag.error(msg);
        diag::write_stderr(format!("Try '{} --help' for more information.\n", diag.name()).as_bytes());
        1
    };
    let mut ifile: Option<Vec<u8>> = None;
    let mut ofile: Option<Vec<u8>> = None;
    let (mut ibs, mut obs, mut bs) = (512usize, 512usize, None::<usize>);
    let (mut count, mut skip, mut seek) = (None::<u64>, 0u64, 0u64);
    let mut conv = Conv::default();
    let mut iflag = Flags::default();
    let mut oflag = Flags::default();
    let mut status = Status::Default;
    for arg in &args[1.min(args.len())..] {
        let a = arg.as_bytes();
        if a == b"--" {
            continue;
        }
        let Some(eq) = a.iter().position(|&b| b == b'=') else {
            return usage(&mut diag, format!("unrecognized operand {}", quote::msg(a)));
        };
        let (key, val) = (&a[..eq], &a[eq + 1..]);
        let text = String::from_utf8_lossy(val).into_owned();
        let num = |diag: &mut Diag, positive: bool| -> Result<u64, i32> {
            match number(&text) {
                Some(v) if !positive || v > 0 => Ok(v),
                _ => {
                    diag.error(format_args!("invalid number: {}", quote::msg(val)));
                    Err(1)
                }
            }
        };
        let block = |diag: &mut Diag| -> Result<usize, i32> {
            let v = num(diag, true)?;
            usize::try_from(v).ok().filter(|&v| v <= isize::MAX as usize / 2).ok_or_else(|| {
                diag.error(format_args!("invalid number: {}", quote::msg(val)));
                1
            })
        };
        let r: Result<(), i32> = (|| {
            match key {
                b"if" => ifile = Some(val.to_vec()),
                b"of" => ofile = Some(val.to_vec()),
                b"bs" => bs = Some(block(&mut diag)?),
                b"ibs" => ibs = block(&mut diag)?,
                b"obs" => obs = block(&mut diag)?,
                b"cbs" => {
                    block(&mut diag)?;
                }
                b"count" => count = Some(num(&mut diag, false)?),
                b"skip" | b"iseek" => skip = num(&mut diag, false)?,
                b"seek" | b"oseek" => seek = num(&mut diag, false)?,
                b"conv" => {
                    for c in text.split(',') {
                        match c {
                            "notrunc" => conv.notrunc = true,
                            "noerror" => conv.noerror = true,
                            "sync" => conv.sync = true,
                            "fsync" => conv.fsync = true,
                            "fdatasync" => conv.fdatasync = true,
                            "excl" => conv.excl = true,
                            "nocreat" => conv.nocreat = true,
                            "ucase" => conv.ucase = true,
                            "lcase" => conv.lcase = true,
                            "swab" => conv.swab = true,
                            "sparse" => conv.sparse = true,
                            "block" | "unblock" | "ascii" | "ebcdic" | "ibm" => {
                                diag.error(format_args!("unsupported conversion: {}", quote::msg(c.as_bytes())));
                                return Err(1);
                            }
                            _ => {
                                return Err(usage(&mut diag, format!("invalid conversion: {}", quote::msg(c.as_bytes()))));
                            }
                        }
                    }
                }
                b"iflag" | b"oflag" => {
                    let input = key == b"iflag";
                    let f = if input { &mut iflag } else { &mut oflag };
                    for c in text.split(',') {
                        match c {
                            "append" if !input => f.append = true,
                            "direct" => f.direct = true,
                            "dsync" => f.dsync = true,
                            "sync" => f.sync = true,
                            "fullblock" if input => f.fullblock = true,
                            "nonblock" => f.nonblock = true,
                            "noatime" => f.noatime = true,
                            "nofollow" => f.nofollow = true,
                            "skip_bytes" if input => f.skip_bytes = true,
                            "count_bytes" if input => f.count_bytes = true,
                            "seek_bytes" if !input => f.seek_bytes = true,
                            _ => {
                                let which = if input { "input" } else { "output" };
                                return Err(usage(&mut diag, format!("invalid {which} flag: {}", quote::msg(c.as_bytes()))));
                            }
                        }
                    }
                }
                b"status" => {
                    status = match val {
                        b"none" => Status::None,
                        b"noxfer" => Status::NoXfer,
                        b"progress" => Status::Progress,
                        _ => return Err(usage(&mut diag, format!("invalid status level: {}", quote::msg(val)))),
                    }
                }
                _ => return Err(usage(&mut diag, format!("unrecognized operand {}", quote::msg(a)))),
            }
            Ok(())
        })();
        if let Err(code) = r {
            return code;
        }
    }
    if let Some(b) = bs {
        ibs = b;
        obs = b;
    }
    if conv.ucase && conv.lcase {
        return usage(&mut diag, "cannot combine lcase and ucase".to_string());
    }
    if conv.excl && conv.nocreat {
        return usage(&mut diag, "cannot combine excl and nocreat".to_string());
    }
    let flag_bits = |f: &Flags| {
        let mut b = 0;
        if f.direct {
            b |= libc::O_DIRECT;
        }
        if f.dsync {
            b |= libc::O_DSYNC;
        }
        if f.sync {
            b |= libc::O_SYNC;
        }
        if f.nonblock {
            b |= libc::O_NONBLOCK;
        }
        if f.noatime {
            b |= libc::O_NOATIME;
        }
        if f.nofollow {
            b |= libc::O_NOFOLLOW;
        }
        if f.append {
            b |= libc::O_APPEND;
        }
        b
    };
    let ifd = match &ifile {
        None => 0,
        Some(p) => match open_file(p, libc::O_RDONLY | flag_bits(&iflag), 0) {
            Ok(fd) => fd,
            Err(e) => {
                diag.error(format_args!("failed to open {}: {}", quote::msg(p), diag::strerror(&e)));
                return 1;
            }
        },
    };
    let seek_bytes = if oflag.seek_bytes { seek } else { seek.saturating_mul(obs as u64) };
    let ofd = match &ofile {
        None => 1,
        Some(p) => {
            let mut fl = libc::O_WRONLY | flag_bits(&oflag);
            if !conv.nocreat {
                fl |= libc::O_CREAT;
            }
            if conv.excl {
                fl |= libc::O_EXCL;
            }
            if !conv.notrunc && seek == 0 && !oflag.append {
                fl |= libc::O_TRUNC;
            }
            match open_file(p, fl, 0o666) {
                Ok(fd) => {
                    if !conv.notrunc && seek > 0 && !oflag.append {
                        // Keep what lies before the seek point.
                        // SAFETY: ftruncate on an open descriptor.
                        let mut st: libc::stat = unsafe { std::mem::zeroed() };
                        unsafe { libc::fstat(fd, &mut st) };
                        if st.st_mode & libc::S_IFMT == libc::S_IFREG {
                            // SAFETY: as above.
                            if unsafe { libc::ftruncate(fd, seek_bytes as i64) } != 0 {
                                let e = io::Error::last_os_error();
                                diag.error(format_args!("failed to truncate to {seek_bytes} bytes in output file {}: {}", quote::msg(p), diag::strerror(&e)));
                                return 1;
                            }
                        }
                    }
                    fd
                }
                Err(e) => {
                    diag.error(format_args!("failed to open {}: {}", quote::msg(p), diag::strerror(&e)));
                    return 1;
                }
            }
        }
    };
    let iname = ifile.as_ref().map_or("'standard input'".to_string(), |p| quote::msg(p));
    let oname = ofile.as_ref().map_or("'standard output'".to_string(), |p| quote::msg(p));
    // SAFETY: installing a handler that only sets an atomic flag.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_usr1 as extern "C" fn(libc::c_int) as usize;
        libc::sigaction(libc::SIGUSR1, &sa, std::ptr::null_mut());
    }
    let mut dd = Dd {
        diag,
        ifd,
        ofd,
        iname,
        oname,
        conv,
        status,
        counts: Counts {
            full_in: 0,
            part_in: 0,
            full_out: 0,
            part_out: 0,
            bytes: 0,
            start: Instant::now(),
        },
        last_progress: Instant::now(),
        progress_shown: false,
        pending_hole: 0,
    };
    let code = run(&mut dd, ibs, obs, count, skip, seek_bytes, &iflag);
    if dd.progress_shown {
        diag::write_stderr(b"\n");
    }
    dd.counts.report(dd.status);
    code.max(dd.diag.status())
}

#[allow(clippy::too_many_arguments)]
fn run(dd: &mut Dd, ibs: usize, obs: usize, count: Option<u64>, skip: u64, seek_bytes: u64, iflag: &Flags) -> i32 {
    // Skip input: lseek where possible, else read and throw away.
    let skip_bytes = if iflag.skip_bytes { skip } else { skip.saturating_mul(ibs as u64) };
    if skip_bytes > 0 {
        // SAFETY: lseek on an open descriptor.
        let r = unsafe { libc::lseek(dd.ifd, skip_bytes as i64, libc::SEEK_CUR) };
        if r < 0 {
            let mut left = skip_bytes;
            let mut buf = vec![0u8; ibs.min(1 << 20)];
            while left > 0 {
                let want = (left as usize).min(buf.len());
                match read_fd(dd.ifd, &mut buf[..want]) {
                    Ok(0) => {
                        let msg = format!("{}: cannot skip to specified offset", dd.iname);
                        dd.diag.error(msg);
                        break;
                    }
                    Ok(n) => left -= n as u64,
                    Err(e) => {
                        let msg = format!("{}: cannot skip: {}", dd.iname, diag::strerror(&e));
                        dd.diag.error(msg);
                        return 1;
                    }
                }
            }
        }
    }
    if seek_bytes > 0 {
        // SAFETY: lseek on an open descriptor.
        if unsafe { libc::lseek(dd.ofd, seek_bytes as i64, libc::SEEK_CUR) } < 0 {
            let e = io::Error::last_os_error();
            let msg = format!("{}: cannot seek: {}", dd.oname, diag::strerror(&e));
            dd.diag.error(msg);
            return 1;
        }
    }
    let mut inbuf = vec![0u8; ibs];
    let mut outbuf: Vec<u8> = Vec::with_capacity(obs);
    let reblock = ibs != obs;
    let mut copied_in: u64 = 0;
    loop {
        dd.tick();
        let mut want = ibs;
        if let Some(c) = count {
            if iflag.count_bytes {
                if copied_in >= c {
                    break;
                }
                want = want.min((c - copied_in) as usize);
            } else if dd.counts.full_in + dd.counts.part_in >= c {
                break;
            }
        }
        let n = match dd.read_block(&mut inbuf[..want], iflag.fullblock) {
            Ok(n) => n,
            Err(e) => {
                let msg = format!("error reading {}: {}", dd.iname, diag::strerror(&e));
                dd.diag.error(msg);
                if !dd.conv.noerror {
                    break;
                }
                dd.counts.report(Status::NoXfer);
                dd.counts.part_in += 1;
                if dd.conv.sync {
                    inbuf[..want].fill(0);
                    let block = inbuf[..want].to_vec();
                    if emit(dd, &block, obs, reblock, &mut outbuf).is_err() {
                        return 1;
                    }
                }
                // Step over the bad block.
                // SAFETY: lseek on an open descriptor.
                unsafe { libc::lseek(dd.ifd, want as i64, libc::SEEK_CUR) };
                continue;
            }
        };
        if n == 0 {
            break;
        }
        copied_in += n as u64;
        if n == ibs {
            dd.counts.full_in += 1;
        } else {
            dd.counts.part_in += 1;
        }
        let mut len = n;
        if dd.conv.sync && n < ibs {
            inbuf[n..].fill(0);
            len = ibs;
        }
        let mut block = std::mem::take(&mut inbuf);
        convert(&mut block[..len], &dd.conv);
        let r = emit(dd, &block[..len], obs, reblock, &mut outbuf);
        inbuf = block;
        if r.is_err() {
            return 1;
        }
    }
    if !outbuf.is_empty() {
        let rest = std::mem::take(&mut outbuf);
        if let Err(e) = dd.write_out(&rest, obs) {
            let msg = format!("error writing {}: {}", dd.oname, diag::strerror(&e));
            dd.diag.error(msg);
            return 1;
        }
    }
    if let Err(e) = dd.finish_hole() {
        let msg = format!("error writing {}: {}", dd.oname, diag::strerror(&e));
        dd.diag.error(msg);
        return 1;
    }
    // SAFETY: fsync/fdatasync on an open descriptor.
    let r = unsafe {
        if dd.conv.fsync {
            libc::fsync(dd.ofd)
        } else if dd.conv.fdatasync {
            libc::fdatasync(dd.ofd)
        } else {
            0
        }
    };
    if r != 0 {
        let e = io::Error::last_os_error();
        let msg = format!("fsync failed for {}: {}", dd.oname, diag::strerror(&e));
        dd.diag.error(msg);
        return 1;
    }
    if dd.ofd != 1 {
        // SAFETY: the descriptor is ours.
        if unsafe { libc::close(dd.ofd) } != 0 {
            let e = io::Error::last_os_error();
            let msg = format!("closing output file {}: {}", dd.oname, diag::strerror(&e));
            dd.diag.error(msg);
            return 1;
        }
    }
    0
}

/// Passes one input block on: as it is with `bs=`, reblocked to `obs` else.
fn emit(dd: &mut Dd, block: &[u8], obs: usize, reblock: bool, outbuf: &mut Vec<u8>) -> Result<(), ()> {
    let fail = |dd: &mut Dd, e: io::Error| {
        let msg = format!("error writing {}: {}", dd.oname, diag::strerror(&e));
        dd.diag.error(msg);
    };
    if !reblock {
        return dd.write_out(block, obs).map_err(|e| fail(dd, e));
    }
    let mut rest = block;
    while !rest.is_empty() {
        let take = (obs - outbuf.len()).min(rest.len());
        outbuf.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        if outbuf.len() == obs {
            let full = std::mem::take(outbuf);
            dd.write_out(&full, obs).map_err(|e| fail(dd, e))?;
            *outbuf = full;
            outbuf.clear();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(number("2x512"), Some(1024));
        assert_eq!(number("1K"), Some(1024));
        assert_eq!(number("1kB"), Some(1000));
        assert_eq!(number("3w"), Some(6));
        assert_eq!(number("2b"), Some(1024));
        assert_eq!(number("x"), None);
    }

    #[test]
    fn human_forms() {
        assert_eq!(human(1000, 1000, SI), "1.0 kB");
        assert_eq!(human(1023, 1000, SI), "1.0 kB");
        assert_eq!(human(5000, 1024, IEC), "4.9 KiB");
        assert_eq!(human(15000, 1000, SI), "15 kB");
        assert_eq!(human(99999, 1000, SI), "100 kB");
        assert_eq!(human(999_999, 1000, SI), "1.0 MB");
        assert_eq!(human(999_999, 1024, IEC), "977 KiB");
        assert_eq!(human(3_145_728_000, 1000, SI), "3.1 GB");
        assert_eq!(speed(1, 3.4832e-05), "28.7 kB/s");
        assert_eq!(speed(512, 0.000592026), "865 kB/s");
        assert_eq!(speed(0, 1.0), "0.0 kB/s");
    }
}
