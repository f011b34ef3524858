//! sh (ash): the POSIX command language.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sh.html
//!
//! As BusyBox ash in what it prints (error texts, `set` output) and POSIX in
//! what it does. The text comes from a [`lexer::Reader`] (a `-c` string, a
//! file, standard input; later a line editor); [`parser`] turns it into the
//! tree of [`ast`] one complete command at a time; [`exec`] runs it, with
//! [`expand`] for words, [`redir`] for redirections, [`builtins`],
//! [`trap`] for signals, [`vars`] for variables and [`arith`] for `$((...))`.
//! An interactive shell on a terminal reads through [`lineedit`].
//!
//! Exit status: that of the last command; 2 for a syntax error or a bad
//! option; 127 for a script that cannot be opened.

mod arith;
mod ast;
mod builtins;
mod exec;
mod expand;
mod lexer;
mod lineedit;
mod parser;
mod redir;
mod trap;
mod vars;

use crate::{Applet, Dir};
use ast::Command;
use lexer::{FdReader, Reader, StrReader};
use parser::Parser;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

pub const APPLET: Applet = Applet {
    name: "sh",
    aliases: &["ash"],
    dir: Dir::Bin,
    usage: "[-eaCfnuvx] [-o OPT] [-c 'SCRIPT' [ARG0 [ARGS]] | -s [ARGS] | FILE [ARGS]]",
    help: "Unix shell: run the SCRIPT, the FILE or standard input.\n\
\n\
\t-c SCRIPT\tRun SCRIPT; ARG0 becomes $0, ARGS the positional parameters\n\
\t-s\tRead commands from standard input\n\
\t-e\tExit when a command fails\n\
\t-u\tUnset variables are an error\n\
\t-x\tTrace commands\n\
\t-v\tPrint input as it is read\n\
\t-f\tNo pathname expansion\n\
\t-n\tRead commands but do not run them\n\
\t-C\tDo not overwrite files with >\n\
\t-a\tExport every variable assigned\n\
\t-o OPT\tSet option OPT by name (pipefail, noclobber, errexit, ...)",
    help_option: false,
    main,
};

/// The options of `set` and the command line.
#[derive(Clone, Copy, Default)]
pub struct Opts {
    pub errexit: bool,
    pub nounset: bool,
    pub xtrace: bool,
    pub verbose: bool,
    pub noglob: bool,
    pub noexec: bool,
    pub noclobber: bool,
    pub allexport: bool,
    pub pipefail: bool,
    /// `set -m`: background jobs in process groups of their own (with a
    /// terminal only).
    pub monitor: bool,
    /// `set -b`: accepted and shown; finished jobs are reported before
    /// the next prompt either way.
    pub notify: bool,
    pub interactive: bool,
    pub stdin: bool,
    pub cmd: bool,
}

/// Letters and long names of the options, in the order `set -o` lists them
/// (ash's order, without the interactive ones not done yet).
pub const OPT_TABLE: &[(u8, &str)] = &[
    (b'e', "errexit"),
    (b'f', "noglob"),
    (b'm', "monitor"),
    (b'n', "noexec"),
    (b'x', "xtrace"),
    (b'v', "verbose"),
    (b'C', "noclobber"),
    (b'a', "allexport"),
    (b'b', "notify"),
    (b'u', "nounset"),
    (0, "pipefail"),
];

impl Opts {
    pub fn flag(&mut self, c: u8) -> Option<&mut bool> {
        Some(match c {
            b'e' => &mut self.errexit,
            b'u' => &mut self.nounset,
            b'x' => &mut self.xtrace,
            b'v' => &mut self.verbose,
            b'f' => &mut self.noglob,
            b'n' => &mut self.noexec,
            b'C' => &mut self.noclobber,
            b'a' => &mut self.allexport,
            b'm' => &mut self.monitor,
            b'b' => &mut self.notify,
            _ => return None,
        })
    }

    pub fn named(&mut self, name: &[u8]) -> Option<&mut bool> {
        if name == b"pipefail" {
            return Some(&mut self.pipefail);
        }
        let c = OPT_TABLE.iter().find(|(_, n)| n.as_bytes() == name)?.0;
        self.flag(c)
    }
}

/// What unwinds the executor: loops, functions, `exit`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flow {
    Normal,
    Break(u32),
    Continue(u32),
    Return,
    Exit,
}

/// A background job: its process and, once reaped, its status.
pub struct Job {
    pub pid: i32,
    pub status: Option<i32>,
    /// The job number `jobs` shows; 0 once waited for or reported done
    /// (and for the shell's own helper processes).
    pub num: u32,
    /// In a subshell: the parent's job, listed by `jobs` (`$(jobs -p)`,
    /// as in ash) but not this process's child to wait for.
    pub inherited: bool,
}

impl Shell {
    /// The process of a job spec (`%N`, `%%`, `%+`, `%-`); None when no
    /// such job is in the table.
    pub fn job_spec_pid(&self, spec: &[u8]) -> Option<i32> {
        let mut live = self.jobs.iter().filter(|j| j.num > 0).rev();
        match spec {
            b"%" | b"%%" | b"%+" => live.next().map(|j| j.pid),
            b"%-" => live.nth(1).map(|j| j.pid),
            _ => {
                let n: u32 = std::str::from_utf8(spec.strip_prefix(b"%")?).ok()?.parse().ok()?;
                self.jobs.iter().find(|j| j.num == n && n > 0).map(|j| j.pid)
            }
        }
    }
}

pub struct Shell {
    pub vars: vars::Vars,
    pub params: Vec<Vec<u8>>,
    pub arg0: Vec<u8>,
    /// The name in error messages.
    pub name: Vec<u8>,
    /// Whether messages carry `line N` (a script file).
    pub script: bool,
    pub status: i32,
    pub opts: Opts,
    pub funcs: vars::NameMap<Rc<Command>>,
    pub aliases: Vec<(Vec<u8>, Vec<u8>)>,
    pub hash: vars::NameMap<Vec<u8>>,
    pub flow: Flow,
    pub loops: u32,
    pub func_depth: usize,
    /// Above zero where `set -e` does not apply.
    pub noerrexit: usize,
    pub jobs: Vec<Job>,
    pub last_bg: Option<i32>,
    pub traps: trap::Traps,
    pub lineno: u32,
    /// True in a forked child (a subshell): exit instead of returning.
    pub subshell: bool,
    pub rootpid: i32,
    pub eval_depth: usize,
    pub dot_depth: usize,
    pub random: u32,
    /// The status of the last command substitution (for `x=$(false)`).
    pub cmdsub_status: Option<i32>,
    pub getopts_pos: usize,
    /// The prompt texts an interactive reader shows.
    pub prompts: Option<lexer::Prompts>,
    /// IFS as a byte set, and the variable generation it was made from.
    pub ifs_cache: Option<(u64, expand::IfsSet)>,
    /// Inside `command SPECIAL-BUILTIN`: its errors do not end the shell.
    pub no_fatal: u32,
    /// While a trap action runs: the status from before it, which a bare
    /// `exit` there uses (POSIX).
    pub trap_status: Option<i32>,
    /// `local -`: the options to put back when the function at that
    /// depth returns.
    pub local_opts: Vec<(usize, Opts)>,
    /// `eval` or the dot file being run, for error messages.
    pub ctx: Option<Vec<u8>>,
}

impl Shell {
    pub fn new(name: &[u8]) -> Shell {
        // SAFETY: getpid cannot fail.
        let pid = unsafe { libc::getpid() };
        let mut sh = Shell {
            vars: vars::Vars::from_env(),
            params: Vec::new(),
            arg0: name.to_vec(),
            name: name.to_vec(),
            script: false,
            status: 0,
            opts: Opts::default(),
            funcs: Default::default(),
            aliases: Vec::new(),
            hash: Default::default(),
            flow: Flow::Normal,
            loops: 0,
            func_depth: 0,
            noerrexit: 0,
            jobs: Vec::new(),
            last_bg: None,
            traps: trap::Traps::default(),
            lineno: 0,
            subshell: false,
            rootpid: pid,
            eval_depth: 0,
            dot_depth: 0,
            random: (pid as u32).wrapping_mul(2654435761) ^ 0x5bd1e995,
            cmdsub_status: None,
            getopts_pos: 0,
            prompts: None,
            ifs_cache: None,
            no_fatal: 0,
            trap_status: None,
            local_opts: Vec::new(),
            ctx: None,
        };
        if sh.vars.get(b"IFS").is_none() {
            let _ = sh.vars.set(b"IFS", vars::DEFAULT_IFS.to_vec(), false);
        }
        for (k, v) in [
            (&b"PS1"[..], &b"$ "[..]),
            (b"PS2", b"> "),
            (b"PS4", b"+ "),
            (b"OPTIND", b"1"),
        ] {
            if sh.vars.get(k).is_none() {
                let _ = sh.vars.set(k, v.to_vec(), false);
            }
        }
        // SAFETY: getppid cannot fail.
        let ppid = unsafe { libc::getppid() };
        let _ = sh.vars.set(b"PPID", ppid.to_string().into_bytes(), false);
        if let Ok(cwd) = std::env::current_dir() {
            let cwd = cwd.as_os_str().as_bytes().to_vec();
            let keep = sh.vars.get(b"PWD").is_some_and(|p| {
                p.first() == Some(&b'/') && same_file(p, &cwd) && !has_dot_parts(p)
            });
            if !keep {
                // Exported, as dash and ash do.
                let _ = sh.vars.set(b"PWD", cwd, true);
            }
        }
        sh
    }

    /// `sh: msg` (with `line N` in a script), at once on stderr.
    pub fn error(&self, msg: impl AsRef<[u8]>) {
        let mut m = self.name.clone();
        m.extend_from_slice(b": ");
        // Inside eval or a dot file: its name, as dash and ash say it.
        if let Some(c) = &self.ctx {
            m.extend_from_slice(c);
            m.extend_from_slice(b": ");
        }
        if self.script {
            m.extend_from_slice(format!("line {}: ", self.lineno).as_bytes());
        }
        m.extend_from_slice(msg.as_ref());
        m.push(b'\n');
        crate::diag::write_stderr(&m);
    }

    /// A builtin's error, as ash words it: `sh: NAME: line N: msg`.
    pub fn berror(&self, builtin: &str, msg: impl AsRef<[u8]>) {
        let mut m = self.name.clone();
        m.extend_from_slice(b": ");
        m.extend_from_slice(builtin.as_bytes());
        m.extend_from_slice(b": ");
        if self.script {
            m.extend_from_slice(format!("line {}: ", self.lineno).as_bytes());
        }
        m.extend_from_slice(msg.as_ref());
        m.push(b'\n');
        crate::diag::write_stderr(&m);
    }

    /// Ends the shell (or the subshell) with `status` as soon as the
    /// executor has unwound.
    pub fn exit(&mut self, status: i32) {
        self.status = status;
        self.flow = Flow::Exit;
    }

    /// Runs everything `parser` gives, command by command. Returns the
    /// status; a syntax error ends the run with status 2.
    pub fn run_parser(&mut self, parser: &mut Parser) -> i32 {
        let mut ran = false;
        loop {
            parser.aliases.clone_from(&self.aliases);
            if let Some(p) = &self.prompts {
                let ps1 = self.vars.get(b"PS1").unwrap_or(b"").to_vec();
                let ps2 = self.vars.get(b"PS2").unwrap_or(b"").to_vec();
                *p.borrow_mut() = (ps1, ps2);
            }
            let cmd = match parser.next_command() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    self.lineno = e.line;
                    self.error(format!("syntax error: {}", e.msg));
                    if self.opts.interactive && self.eval_depth == 0 {
                        parser.reset();
                        self.status = 2;
                        continue;
                    }
                    self.exit(2);
                    return 2;
                }
            };
            // -v echoes what is read from a file or stdin, not the -c
            // string (dash, ash).
            if self.opts.verbose && !(self.opts.cmd && self.eval_depth == 0) {
                // The text of the command just read.
                let text = &parser.inp.buf[..parser.inp.pos];
                crate::diag::write_stderr(text);
            }
            if self.opts.noexec {
                continue;
            }
            ran = true;
            if self.opts.cmd && self.eval_depth == 0 && self.tail_ok(&cmd) && parser.inp.at_end() {
                // `sh -c 'prog args'`: the last command replaces the shell.
                if let Some(ast::Item { cmd: ao, .. }) = cmd.items.first() {
                    self.run_command(&ao.first.cmds[0], true);
                }
            } else {
                self.run_list(&cmd);
            }
            self.run_traps();
            if self.flow != Flow::Normal {
                break;
            }
        }
        if !ran {
            self.status = 0;
        }
        self.status
    }

    /// Whether `list` is one plain simple command that may replace the
    /// shell when it is the last thing to run.
    fn tail_ok(&self, list: &ast::List) -> bool {
        if self.traps.actions.iter().any(|(s, a)| *s == 0 && !a.is_empty()) {
            return false;
        }
        match &list.items[..] {
            [item] => {
                !item.background
                    && item.cmd.rest.is_empty()
                    && !item.cmd.first.bang
                    && matches!(&item.cmd.first.cmds[..], [Command::Simple(_)])
            }
            _ => false,
        }
    }

    /// Runs a string as shell text (`eval`, `-c`, traps).
    pub fn run_string(&mut self, text: &[u8]) -> i32 {
        self.run_string_at(text, 1)
    }

    /// [`run_string`](Self::run_string) with the text's first line
    /// numbered `line` (`eval`: LINENO goes on from the command's line).
    pub fn run_string_at(&mut self, text: &[u8], line: u32) -> i32 {
        self.eval_depth += 1;
        if self.eval_depth > 200 {
            self.eval_depth -= 1;
            self.error("eval: nesting too deep");
            return 2;
        }
        let mut p = Parser::new(Box::new(StrReader(Some(text.to_vec()))));
        p.inp.line = line;
        let saved_line = self.lineno;
        let st = self.run_parser(&mut p);
        self.lineno = saved_line;
        self.eval_depth -= 1;
        st
    }

    /// Runs a start-up file (a profile, $ENV) if it can be read.
    fn read_profile(&mut self, path: &[u8]) {
        if self.flow != Flow::Normal {
            return;
        }
        if let Ok(text) = std::fs::read(std::ffi::OsStr::from_bytes(path)) {
            self.run_string(&text);
            if self.flow == Flow::Return {
                self.flow = Flow::Normal;
            }
        }
    }

    /// The end of the shell: the EXIT trap, then the status.
    pub fn finish(&mut self) -> i32 {
        if let Some(action) = self.traps.take_exit() {
            let st = self.status;
            self.flow = Flow::Normal;
            let saved = self.trap_status.replace(st);
            self.run_string(&action);
            self.trap_status = saved;
            if self.flow != Flow::Exit {
                self.status = st;
            }
        }
        self.status
    }
}

fn same_file(a: &[u8], b: &[u8]) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(x), Ok(y)) = (
        std::fs::metadata(std::ffi::OsStr::from_bytes(a)),
        std::fs::metadata(std::ffi::OsStr::from_bytes(b)),
    ) else {
        return false;
    };
    x.dev() == y.dev() && x.ino() == y.ino()
}

fn has_dot_parts(p: &[u8]) -> bool {
    p.split(|&c| c == b'/').any(|c| c == b"." || c == b"..")
}

fn main(args: &[OsString]) -> i32 {
    let argv0 = args.first().map(|a| a.as_bytes()).unwrap_or(b"sh");
    let base = argv0.rsplit(|&c| c == b'/').next().unwrap_or(b"sh").to_vec();
    let mut sh = Shell::new(&base);
    let mut i = 1;
    let mut command = None;
    let mut login = argv0.first() == Some(&b'-');
    while i < args.len() {
        let a = args[i].as_bytes();
        if a == b"--" || a == b"-" {
            i += 1;
            break;
        }
        if a.len() < 2 || (a[0] != b'-' && a[0] != b'+') {
            break;
        }
        let on = a[0] == b'-';
        i += 1;
        for &c in &a[1..] {
            match c {
                b'c' => sh.opts.cmd = on,
                b's' => sh.opts.stdin = on,
                b'i' => sh.opts.interactive = on,
                b'l' => login = on,
                b'o' => {
                    let Some(name) = args.get(i) else {
                        sh.error("-o: option requires an argument");
                        return 2;
                    };
                    i += 1;
                    match sh.opts.named(name.as_bytes()) {
                        Some(f) => *f = on,
                        None => {
                            sh.error(format!("illegal option -o {}", name.to_string_lossy()));
                            return 2;
                        }
                    }
                }
                c => match sh.opts.flag(c) {
                    Some(f) => *f = on,
                    None => {
                        sh.error(format!("illegal option -{}", c as char));
                        return 2;
                    }
                },
            }
        }
    }
    if sh.opts.cmd {
        let Some(c) = args.get(i) else {
            sh.error("-c requires an argument");
            return 2;
        };
        command = Some(c.as_bytes().to_vec());
        i += 1;
        if let Some(a0) = args.get(i) {
            sh.arg0 = a0.as_bytes().to_vec();
            i += 1;
        }
    }
    let prompts = Rc::new(std::cell::RefCell::new((Vec::new(), Vec::new())));
    let mut reader: Box<dyn Reader> = Box::new(FdReader(0));
    if let Some(c) = command {
        reader = Box::new(StrReader(Some(c)));
    } else if !sh.opts.stdin && i < args.len() {
        let file = args[i].as_bytes().to_vec();
        i += 1;
        match redir::open_script(&file) {
            Ok(fd) => reader = Box::new(FdReader(fd)),
            Err(e) => {
                sh.error(format!(
                    "can't open '{}': {}",
                    String::from_utf8_lossy(&file),
                    crate::diag::strerror(&e)
                ));
                return 2;
            }
        }
        sh.name = file.clone();
        sh.arg0 = file;
        sh.script = true;
    }
    if !sh.opts.cmd && !sh.script && (sh.opts.interactive || (crate::sys::isatty(0) && crate::sys::isatty(2))) {
        sh.opts.interactive = true;
        sh.prompts = Some(prompts.clone());
        reader = if crate::sys::isatty(0) {
            Box::new(lineedit::LineEditor::new(0, prompts))
        } else {
            Box::new(lexer::PromptReader { fd: 0, prompts })
        };
        // An interactive shell survives ^C and ignores SIGTERM and SIGQUIT.
        for sig in [libc::SIGINT, libc::SIGQUIT, libc::SIGTERM] {
            sh.traps.ignore_quietly(sig);
        }
    }
    if !sh.opts.cmd && !sh.script {
        sh.opts.stdin = true;
    }
    sh.params = args[i.min(args.len())..]
        .iter()
        .map(|a| a.as_bytes().to_vec())
        .collect();
    if sh.opts.monitor && !exec::have_tty() {
        sh.error("can't access tty; job control turned off");
        sh.opts.monitor = false;
    }
    // A login shell reads the profiles; an interactive one (`-c` too, as
    // in ash and dash) the file $ENV names, after expansion.
    if login {
        sh.read_profile(b"/etc/profile");
        if let Some(home) = sh.vars.get(b"HOME").map(<[u8]>::to_vec) {
            let mut p = home;
            p.extend_from_slice(b"/.profile");
            sh.read_profile(&p);
        }
    }
    if sh.opts.interactive && sh.flow == Flow::Normal {
        if let Some(env) = sh.vars.get(b"ENV").map(<[u8]>::to_vec) {
            let file = sh.expand_ps(&env).unwrap_or(env);
            if !file.is_empty() {
                sh.read_profile(&file);
            }
        }
    }
    if sh.flow != Flow::Normal {
        sh.flow = Flow::Normal;
        return sh.finish();
    }
    let mut parser = Parser::new(reader);
    sh.run_parser(&mut parser);
    sh.flow = Flow::Normal;
    sh.finish()
}
