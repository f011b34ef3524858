//! The executor: walks the tree, forks for pipelines, subshells and
//! programs, and waits for them. `set -e`, loops, functions and `exit`
//! unwind through [`Flow`].

use super::ast::*;
use super::builtins;
use super::{Flow, Job, Shell};
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::rc::Rc;

/// How deep functions may call each other.
const MAX_CALLS: usize = 1000;

/// Whether the shell has a controlling terminal, which `set -m` needs
/// (dash and ash turn job control off without one).
pub fn have_tty() -> bool {
    // SAFETY: opening and closing a descriptor of our own.
    unsafe {
        let fd = libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        if fd < 0 {
            return false;
        }
        libc::close(fd);
    }
    true
}

/// The words of a command as C strings (a word cannot hold a NUL: one
/// that does is left out).
fn c_strings(argv: &[Vec<u8>]) -> Vec<CString> {
    argv.iter().filter_map(|a| CString::new(&a[..]).ok()).collect()
}

/// The NULL-terminated pointer array execve and posix_spawn take; valid
/// while `strings` is.
fn c_array(strings: &[CString]) -> Vec<*mut libc::c_char> {
    let mut v: Vec<*mut libc::c_char> = strings.iter().map(|c| c.as_ptr().cast_mut()).collect();
    v.push(std::ptr::null_mut());
    v
}

pub fn wait_status(st: i32) -> i32 {
    if libc::WIFEXITED(st) {
        libc::WEXITSTATUS(st)
    } else if libc::WIFSIGNALED(st) {
        128 + libc::WTERMSIG(st)
    } else {
        st
    }
}

impl Shell {
    pub fn fork(&mut self) -> i32 {
        // SAFETY: the shell is single-threaded; the child goes on running
        // the shell's own code.
        let pid = unsafe { libc::fork() };
        if pid < 0 {
            self.error("can't fork");
        }
        pid
    }

    /// Set-up of a forked child that runs shell code.
    pub fn enter_subshell(&mut self) {
        self.subshell = true;
        self.opts.interactive = false;
        self.prompts = None;
        self.traps.reset_for_subshell();
        // The parent's running jobs stay listed for `jobs` only.
        self.jobs.retain(|j| j.num > 0 && j.status.is_none());
        for j in &mut self.jobs {
            j.inherited = true;
        }
    }

    /// The end of a forked child: the EXIT trap, then `_exit`.
    pub fn child_exit(&mut self) -> ! {
        self.flow = Flow::Normal;
        let st = self.finish();
        // SAFETY: leaving the child without running the parent's cleanup.
        unsafe { libc::_exit(st) }
    }

    /// `wait`'s kind of waiting: a trapped signal ends it with 128+N
    /// (the trap runs after). None: interrupted. `report`: say so when the
    /// child was killed (`wait PID`, as dash).
    pub fn wait_interruptible(&mut self, pid: i32, report: bool) -> Result<i32, i32> {
        loop {
            if let Some(sig) = super::trap::pending() {
                return Err(128 + sig);
            }
            let mut st = 0;
            // SAFETY: waitpid with a valid out pointer.
            let r = unsafe { libc::waitpid(pid, &mut st, 0) };
            if r == pid {
                if report {
                    super::trap::report_death(st);
                }
                return Ok(wait_status(st));
            }
            if r < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Ok(127);
            }
        }
    }

    /// Waits for one child; its status as the shell sees it.
    pub fn wait_pid(&mut self, pid: i32) -> i32 {
        loop {
            let mut st = 0;
            // SAFETY: waitpid with a valid out pointer.
            let r = unsafe { libc::waitpid(pid, &mut st, 0) };
            if r == pid {
                super::trap::report_death(st);
                // Background jobs that ended meanwhile are collected now,
                // as dash's wait for any child does: a later `wait PID`
                // then does not report how they died.
                if !self.jobs.is_empty() {
                    self.reap();
                }
                return wait_status(st);
            }
            if r < 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                // Already reaped (by `wait`): look it up.
                if let Some(j) = self.jobs.iter().find(|j| j.pid == pid) {
                    return j.status.unwrap_or(127);
                }
                return 127;
            }
        }
    }

    /// [`run_list`](Self::run_list) in a forked child about to exit: a
    /// last plain simple command replaces the process (as in dash), when
    /// no trap would need the shell afterwards.
    pub fn run_list_tail(&mut self, list: &List) -> i32 {
        let Some((last, rest)) = list.items.split_last() else {
            return self.status;
        };
        let plain = !last.background
            && last.cmd.rest.is_empty()
            && !last.cmd.first.bang
            && matches!(&last.cmd.first.cmds[..], [Command::Simple(_)]);
        if !plain || rest.iter().any(|i| i.background) {
            return self.run_list(list);
        }
        for item in rest {
            self.run_and_or(&item.cmd);
            self.run_traps();
            if self.flow != Flow::Normal {
                return self.status;
            }
        }
        if self.traps.actions.iter().any(|(_, a)| !a.is_empty()) {
            return self.run_list(&List {
                items: vec![last.clone()],
            });
        }
        let st = self.run_command(&last.cmd.first.cmds[0], true);
        self.check_errexit(st);
        st
    }

    pub fn run_list(&mut self, list: &List) -> i32 {
        for item in &list.items {
            if item.background {
                self.run_async(&item.cmd);
            } else {
                self.run_and_or(&item.cmd);
            }
            self.run_traps();
            if self.flow != Flow::Normal {
                break;
            }
        }
        self.status
    }

    /// Collects the background jobs that have ended, so they do not pile
    /// up as zombies in a long script (their statuses stay for `wait`).
    pub fn reap(&mut self) {
        for j in self.jobs.iter_mut().filter(|j| j.status.is_none() && !j.inherited) {
            let mut st = 0;
            // SAFETY: waitpid with WNOHANG and a valid out pointer.
            if unsafe { libc::waitpid(j.pid, &mut st, libc::WNOHANG) } == j.pid {
                j.status = Some(wait_status(st));
            }
        }
        // Keep the statuses of the last few hundred only.
        if self.jobs.len() > 1000 {
            let keep_from = self.jobs.len() - 500;
            let mut i = 0;
            self.jobs.retain(|j| {
                i += 1;
                j.status.is_none() || i > keep_from
            });
        }
    }

    fn run_async(&mut self, cmd: &AndOr) {
        self.reap();
        let pid = self.fork();
        if pid < 0 {
            self.status = 2;
            return;
        }
        // `set -m`: each background job is a process group of its own
        // (`kill -- -$!` reaches all of it), set on both sides of the fork
        // so neither has to wait for the other. The foreground stays in
        // the shell's group: there is no terminal hand-over yet.
        let monitor = self.opts.monitor;
        if monitor {
            // SAFETY: setpgid on our own child.
            unsafe { libc::setpgid(pid, pid) };
        }
        if pid == 0 {
            self.enter_subshell();
            if monitor {
                // SAFETY: setpgid on this process.
                unsafe { libc::setpgid(0, 0) };
            } else if !self.opts.interactive {
                // Background commands ignore SIGINT and SIGQUIT and read
                // /dev/null (POSIX, without job control).
                // SAFETY: signal dispositions and descriptors in the child.
                unsafe {
                    libc::signal(libc::SIGINT, libc::SIG_IGN);
                    libc::signal(libc::SIGQUIT, libc::SIG_IGN);
                    let fd = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
                    if fd > 0 {
                        libc::dup2(fd, 0);
                        libc::close(fd);
                    }
                }
            }
            self.run_and_or(cmd);
            self.child_exit();
        }
        // The lowest job number not in use, as ash numbers them.
        let mut num = 1;
        while self.jobs.iter().any(|j| j.num == num) {
            num += 1;
        }
        self.jobs.push(Job {
            pid,
            status: None,
            num,
            inherited: false,
        });
        self.last_bg = Some(pid);
        self.status = 0;
    }

    fn run_and_or(&mut self, ao: &AndOr) -> i32 {
        if ao.rest.is_empty() {
            return self.run_pipeline(&ao.first);
        }
        self.noerrexit += 1;
        let mut st = self.run_pipeline(&ao.first);
        self.noerrexit -= 1;
        for (i, (op, p)) in ao.rest.iter().enumerate() {
            if self.flow != Flow::Normal {
                return st;
            }
            let run = match op {
                AndOrOp::And => st == 0,
                AndOrOp::Or => st != 0,
            };
            if !run {
                continue;
            }
            let last = i + 1 == ao.rest.len();
            if !last {
                self.noerrexit += 1;
            }
            st = self.run_pipeline(p);
            if !last {
                self.noerrexit -= 1;
            }
        }
        st
    }

    fn run_pipeline(&mut self, p: &Pipeline) -> i32 {
        if p.bang {
            self.noerrexit += 1;
        }
        let mut st = if p.cmds.len() == 1 {
            self.run_command(&p.cmds[0], false)
        } else {
            self.run_stages(&p.cmds)
        };
        self.status = st;
        if p.bang {
            self.noerrexit -= 1;
            st = i32::from(st == 0);
            self.status = st;
        } else if !matches!(&p.cmds[..], [Command::Compound(c, ..)] if !matches!(**c, Compound::Subshell(_)))
        {
            // A compound command (but a subshell) fails set -e only through
            // the commands inside it: `{ false && true; }` goes on.
            self.check_errexit(st);
        }
        st
    }

    fn check_errexit(&mut self, st: i32) {
        if st != 0 && self.opts.errexit && self.noerrexit == 0 && self.flow == Flow::Normal {
            self.exit(st);
        }
    }

    fn run_stages(&mut self, cmds: &[Command]) -> i32 {
        let mut pids = Vec::with_capacity(cmds.len());
        let mut prev_read = -1;
        for (i, c) in cmds.iter().enumerate() {
            let last = i + 1 == cmds.len();
            let mut fds = [-1i32; 2];
            // SAFETY: fds has room for two descriptors.
            if !last && unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
                self.error("can't create pipe");
                break;
            }
            let pid = self.fork();
            if pid == 0 {
                // SAFETY: wiring the pipe ends in the child.
                unsafe {
                    if prev_read >= 0 {
                        libc::dup2(prev_read, 0);
                        libc::close(prev_read);
                    }
                    if !last {
                        libc::close(fds[0]);
                        libc::dup2(fds[1], 1);
                        libc::close(fds[1]);
                    }
                }
                self.enter_subshell();
                self.run_command(c, true);
                self.child_exit();
            }
            // SAFETY: closing the parent's copies.
            unsafe {
                if prev_read >= 0 {
                    libc::close(prev_read);
                }
                if !last {
                    libc::close(fds[1]);
                }
            }
            prev_read = fds[0];
            if pid > 0 {
                pids.push(pid);
            }
        }
        let mut st = 0;
        let mut fail = 0;
        for pid in pids {
            st = self.wait_pid(pid);
            if st != 0 {
                fail = st;
            }
        }
        if self.opts.pipefail {
            fail
        } else {
            st
        }
    }

    /// Runs one command. `last` says this process may be replaced (a forked
    /// child with nothing after this command).
    pub fn run_command(&mut self, cmd: &Command, last: bool) -> i32 {
        let st = match cmd {
            Command::Simple(s) => self.run_simple(s, last),
            Command::Compound(c, redirs, line) => {
                self.lineno = *line;
                if redirs.is_empty() {
                    self.run_compound(c, last)
                } else {
                    match self.redirect(redirs, true) {
                        Ok(saved) => {
                            let st = self.run_compound(c, false);
                            self.restore(saved);
                            st
                        }
                        Err(saved) => {
                            self.restore(saved);
                            self.check_errexit(1);
                            1
                        }
                    }
                }
            }
            Command::Function(name, body) => {
                self.funcs.insert(name.clone(), body.clone());
                0
            }
        };
        self.status = st;
        st
    }

    fn run_compound(&mut self, c: &Compound, last: bool) -> i32 {
        match c {
            Compound::Group(l) => self.run_list(l),
            Compound::Subshell(l) => {
                if last {
                    self.enter_subshell();
                    self.run_list_tail(l);
                    self.child_exit();
                }
                let pid = self.fork();
                if pid < 0 {
                    return 2;
                }
                if pid == 0 {
                    self.enter_subshell();
                    self.run_list_tail(l);
                    self.child_exit();
                }
                self.wait_pid(pid)
            }
            Compound::If { arms, otherwise } => {
                for (cond, body) in arms {
                    self.noerrexit += 1;
                    let st = self.run_list(cond);
                    self.noerrexit -= 1;
                    if self.flow != Flow::Normal {
                        return st;
                    }
                    if st == 0 {
                        return self.run_list(body);
                    }
                }
                match otherwise {
                    Some(l) => self.run_list(l),
                    None => 0,
                }
            }
            Compound::Loop { until, cond, body } => {
                let mut st = 0;
                self.loops += 1;
                loop {
                    self.noerrexit += 1;
                    let c = self.run_list(cond);
                    self.noerrexit -= 1;
                    if self.loop_flow() {
                        break;
                    }
                    if (c == 0) == *until {
                        break;
                    }
                    st = self.run_list(body);
                    if self.loop_flow() {
                        break;
                    }
                }
                self.loops -= 1;
                if matches!(self.flow, Flow::Normal) {
                    self.status = st;
                }
                st
            }
            Compound::For { var, words, body } => {
                let items = match words {
                    Some(w) => match self.expand_words(w) {
                        Ok(v) => v,
                        Err(_) => return self.status.max(1),
                    },
                    None => self.params.clone(),
                };
                let mut st = 0;
                self.loops += 1;
                for it in items {
                    if self.assign(var, it).is_err() {
                        st = 1;
                        self.fatal(1);
                        break;
                    }
                    st = self.run_list(body);
                    if self.loop_flow() {
                        break;
                    }
                }
                self.loops -= 1;
                st
            }
            Compound::Case { word, arms } => {
                let Ok(w) = self.expand_str(word) else {
                    return self.status.max(1);
                };
                let mut st = 0;
                let mut falling = false;
                for arm in arms {
                    let mut hit = falling;
                    if !hit {
                        for p in &arm.pats {
                            let Ok(pat) = self.expand_pattern(p) else {
                                return self.status.max(1);
                            };
                            if super::expand::matches(&pat, &w) {
                                hit = true;
                                break;
                            }
                        }
                    }
                    if hit {
                        st = self.run_list(&arm.body);
                        if arm.fallthrough && self.flow == Flow::Normal {
                            falling = true;
                            continue;
                        }
                        return st;
                    }
                }
                st
            }
        }
    }

    /// After a loop body: consumes a `break`/`continue` meant for this
    /// loop; true when the loop must end.
    fn loop_flow(&mut self) -> bool {
        match self.flow {
            Flow::Normal => false,
            Flow::Break(n) => {
                self.flow = if n > 1 { Flow::Break(n - 1) } else { Flow::Normal };
                true
            }
            Flow::Continue(n) => {
                if n > 1 {
                    self.flow = Flow::Continue(n - 1);
                    true
                } else {
                    self.flow = Flow::Normal;
                    false
                }
            }
            Flow::Return | Flow::Exit => true,
        }
    }

    fn xtrace(&mut self, assigns: &[(Vec<u8>, Vec<u8>)], argv: &[Vec<u8>]) {
        let line = self.xtrace_line(assigns, argv);
        crate::diag::write_stderr(&line);
    }

    /// The `set -x` line of a command: PS4, the assignments, the words.
    fn xtrace_line(&mut self, assigns: &[(Vec<u8>, Vec<u8>)], argv: &[Vec<u8>]) -> Vec<u8> {
        let ps4 = self.vars.get(b"PS4").unwrap_or(b"").to_vec();
        let mut line = match self.expand_ps(&ps4) {
            Some(s) => s,
            None => ps4,
        };
        let mut first = true;
        for (k, v) in assigns {
            if !first {
                line.push(b' ');
            }
            first = false;
            line.extend_from_slice(k);
            line.push(b'=');
            line.extend(builtins::quote(v));
        }
        for a in argv {
            if !first {
                line.push(b' ');
            }
            first = false;
            line.extend(builtins::quote(a));
        }
        line.push(b'\n');
        line
    }

    pub fn expand_ps(&mut self, ps: &[u8]) -> Option<Vec<u8>> {
        if !ps.contains(&b'$') && !ps.contains(&b'`') {
            return None;
        }
        let mut p = super::parser::Parser::new(Box::new(super::lexer::StrReader(Some(ps.to_vec()))));
        let parts = p.heredoc_parts().ok()?;
        let st = self.status;
        let r = self.expand_str(&parts).ok();
        self.status = st;
        r
    }

    fn run_simple(&mut self, s: &Simple, last: bool) -> i32 {
        self.lineno = s.line;
        self.cmdsub_status = None;
        let argv = match self.expand_command(&s.words) {
            Ok(v) => v,
            Err(_) => return self.status.max(1),
        };
        if self.flow != Flow::Normal {
            return self.status;
        }
        if argv.is_empty() {
            return self.run_assignments(s);
        }
        // POSIX 2.9.1: the redirections are made before the assignments
        // are expanded (`x=$(cmd 2>&1) prog 2>/dev/null` sends cmd's
        // errors away too), as dash and ash do; the trace still goes to the
        // shell's own standard error.
        let saved = match self.redirect(&s.redirs, true) {
            Ok(saved) => saved,
            Err(saved) => {
                self.restore(saved);
                if builtins::find_special(&argv[0]).is_some() {
                    self.fatal(1);
                }
                return 1;
            }
        };
        let Some(assigns) = self.expand_assigns(s) else {
            self.restore(saved);
            return self.status.max(1);
        };
        if self.opts.xtrace {
            let line = self.xtrace_line(&assigns, &argv);
            let fd = saved.original(2).unwrap_or(2);
            if fd >= 0 {
                // Tracing goes on even if that descriptor is unwritable.
                let _ = crate::io::write_fd(fd, &line);
            }
        }
        let (st, keep) = self.dispatch(argv, assigns, last);
        if keep {
            // `exec` without a command: the descriptors stay as they are.
            saved.forget();
        } else {
            self.restore(saved);
        }
        st
    }

    /// A command of assignments only: the redirections come first (their
    /// errors, and the assignments' messages, go where they say).
    fn run_assignments(&mut self, s: &Simple) -> i32 {
        let saved = match self.redirect(&s.redirs, true) {
            Ok(saved) => saved,
            Err(saved) => {
                self.restore(saved);
                return 1;
            }
        };
        let Some(assigns) = self.expand_assigns(s) else {
            self.restore(saved);
            return self.status.max(1);
        };
        // Traced after they are made (`PS4=x` shows the new PS4), as in
        // dash and ash.
        let trace = self.opts.xtrace.then(|| assigns.clone());
        for (k, v) in assigns {
            if self.assign(&k, v).is_err() {
                self.restore(saved);
                self.fatal(2);
                return 2;
            }
        }
        self.restore(saved);
        if let Some(t) = trace {
            self.xtrace(&t, &[]);
        }
        // The status of the last command substitution, in the
        // assignments or the redirections (`>f$(exit 3)`).
        self.cmdsub_status.unwrap_or(0)
    }

    /// The values of a command's assignments; None when one failed.
    fn expand_assigns(&mut self, s: &Simple) -> Option<Vec<(Vec<u8>, Vec<u8>)>> {
        let mut assigns = Vec::with_capacity(s.assigns.len());
        // `x=1 y=$x cmd`: each value sees the ones before it (for the
        // expansions only; what the command gets is settled later).
        let chained = s.assigns.len() > 1;
        if chained {
            self.vars.push_scope();
        }
        for (i, (k, w)) in s.assigns.iter().enumerate() {
            match self.expand_str(w) {
                Ok(v) => {
                    if chained && i + 1 < s.assigns.len() {
                        self.vars.make_local(k);
                        let _ = self.vars.set(k, v.clone(), false);
                    }
                    assigns.push((k.clone(), v))
                }
                Err(_) => {
                    if chained {
                        self.vars.pop_scope();
                    }
                    return None;
                }
            }
        }
        if chained {
            self.vars.pop_scope();
        }
        Some(assigns)
    }

    /// Runs a simple command whose redirections are in effect: the status,
    /// and whether they are to stay (`exec` without a command).
    fn dispatch(&mut self, argv: Vec<Vec<u8>>, assigns: Vec<(Vec<u8>, Vec<u8>)>, last: bool) -> (i32, bool) {
        let name = &argv[0][..];
        if let Some(b) = builtins::find_special(name) {
            // `x=1 exec prog`: the program gets x in its environment.
            let export = name == b"exec" && argv.len() > 1;
            for (k, v) in assigns {
                if self.assign(&k, v).is_err() {
                    self.fatal(1);
                    return (1, false);
                }
                if export {
                    self.vars.export(&k);
                }
            }
            let keep = name == b"exec";
            return (b(self, &argv), keep);
        }
        // An assignment to a read-only variable ends the shell before any
        // command runs (dash, ash and bash; POSIX 2.8.1).
        if let Some((k, _)) = assigns.iter().find(|(k, _)| self.vars.is_readonly(k)) {
            self.error(format!("{}: is read only", String::from_utf8_lossy(k)));
            self.fatal(2);
            return (2, false);
        }
        if let Some(body) = self.funcs.get(name).cloned() {
            return (self.call(&body, argv, assigns), false);
        }
        if let Some(b) = builtins::find(name) {
            if assigns.is_empty() {
                return (b(self, &argv), false);
            }
            self.vars.push_scope();
            for (k, v) in assigns {
                self.vars.make_local(&k);
                if self.vars.set(&k, v, true).is_err() {
                    self.error(format!("{}: is read only", String::from_utf8_lossy(&k)));
                }
            }
            let st = b(self, &argv);
            self.vars.pop_scope();
            return (st, false);
        }
        // A program, looked up with the command's own PATH if it has one.
        let path = match assigns.iter().rev().find(|(k, _)| k == b"PATH") {
            Some((_, p)) => {
                let saved = self.vars.get(b"PATH").map(<[u8]>::to_vec);
                let _ = self.vars.set(b"PATH", p.clone(), false);
                let r = self.search_path(name);
                match saved {
                    Some(s) => {
                        let _ = self.vars.set(b"PATH", s, false);
                    }
                    None => {
                        let _ = self.vars.unset(b"PATH");
                    }
                }
                r
            }
            None => self.find_program(name),
        };
        if last {
            self.exec_program(path, &argv, &assigns, &[]);
        }
        let Some(p) = &path else {
            // Said here, with the redirections in effect, without a fork.
            self.error(format!("{}: not found", String::from_utf8_lossy(name)));
            return (127, false);
        };
        if let Some(st) = self.spawn_program(p, &argv, &assigns) {
            return (st, false);
        }
        let pid = self.fork();
        if pid < 0 {
            return (2, false);
        }
        if pid == 0 {
            self.subshell = true;
            self.traps.reset_for_subshell();
            self.exec_program(path, &argv, &assigns, &[]);
        }
        (self.wait_pid(pid), false)
    }

    /// Calls a function.
    pub fn call(
        &mut self,
        body: &Rc<Command>,
        mut argv: Vec<Vec<u8>>,
        assigns: Vec<(Vec<u8>, Vec<u8>)>,
    ) -> i32 {
        if self.func_depth >= MAX_CALLS {
            self.error(format!(
                "{}: function nesting too deep",
                String::from_utf8_lossy(&argv[0])
            ));
            self.fatal(2);
            return 2;
        }
        self.func_depth += 1;
        self.vars.push_scope();
        for (k, v) in assigns {
            self.vars.make_local(&k);
            if self.vars.set(&k, v, true).is_err() {
                self.error(format!("{}: is read only", String::from_utf8_lossy(&k)));
            }
        }
        argv.remove(0);
        let saved = std::mem::replace(&mut self.params, argv);
        let saved_loops = std::mem::replace(&mut self.loops, 0);
        self.run_command(body, false);
        self.loops = saved_loops;
        self.params = saved;
        self.vars.pop_scope();
        if self.local_opts.last().is_some_and(|(d, _)| *d == self.func_depth) {
            if let Some((_, o)) = self.local_opts.pop() {
                self.opts = o;
            }
        }
        self.func_depth -= 1;
        if self.flow == Flow::Return {
            self.flow = Flow::Normal;
        }
        self.status
    }

    /// The path a program name runs from: a name with `/` as it is, else
    /// the `PATH` entry, remembered in the hash table.
    pub fn find_program(&mut self, name: &[u8]) -> Option<Vec<u8>> {
        if name.contains(&b'/') {
            return Some(name.to_vec());
        }
        if let Some(p) = self.hash.get(name) {
            return Some(p.clone());
        }
        let p = self.search_path(name)?;
        self.hash.insert(name.to_vec(), p.clone());
        Some(p)
    }

    /// Runs a program without redirections through `posix_spawn`, which
    /// musl does with `CLONE_VM | CLONE_VFORK`: no copy of the shell's page
    /// tables, as dash's vfork. The arguments and environment are built
    /// here, before the child exists. None: the file has no `#!` and is
    /// not a binary (ENOEXEC), which a forked shell must run.
    fn spawn_program(
        &mut self,
        path: &[u8],
        argv: &[Vec<u8>],
        assigns: &[(Vec<u8>, Vec<u8>)],
    ) -> Option<i32> {
        let cpath = CString::new(path).ok()?;
        let cargs = c_strings(argv);
        let argp = c_array(&cargs);
        let scoped = !assigns.is_empty();
        if scoped {
            self.vars.push_scope();
            for (k, v) in assigns {
                self.vars.make_local(k);
                let _ = self.vars.set(k, v.clone(), true);
            }
        }
        let envp = c_array(self.vars.environ());
        let mut pid = 0;
        // SAFETY: the attribute object is initialised before use and
        // destroyed after; the path, argv and envp arrays are valid,
        // NUL-terminated and outlive the call.
        let r = unsafe {
            let mut attr: libc::posix_spawnattr_t = std::mem::zeroed();
            libc::posix_spawnattr_init(&mut attr);
            // Signals the shell ignores for itself go back to default.
            if !self.traps.quiet.is_empty() {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                for &sig in &self.traps.quiet {
                    libc::sigaddset(&mut set, sig);
                }
                libc::posix_spawnattr_setsigdefault(&mut attr, &set);
                libc::posix_spawnattr_setflags(&mut attr, libc::POSIX_SPAWN_SETSIGDEF as _);
            }
            let r = libc::posix_spawn(
                &mut pid,
                cpath.as_ptr(),
                std::ptr::null(),
                &attr,
                argp.as_ptr(),
                envp.as_ptr(),
            );
            libc::posix_spawnattr_destroy(&mut attr);
            r
        };
        drop(envp);
        if scoped {
            self.vars.pop_scope();
        }
        match r {
            0 => Some(self.wait_pid(pid)),
            libc::ENOEXEC => None,
            e => {
                let name = String::from_utf8_lossy(&argv[0]);
                if e == libc::ENOENT {
                    self.error(format!("{name}: not found"));
                    Some(127)
                } else {
                    let err = std::io::Error::from_raw_os_error(e);
                    self.error(format!("{name}: {}", crate::diag::strerror(&err)));
                    Some(126)
                }
            }
        }
    }

    /// Forks and runs a program (for `command NAME`).
    pub fn run_program(&mut self, path: Option<Vec<u8>>, argv: &[Vec<u8>]) -> i32 {
        let pid = self.fork();
        if pid < 0 {
            return 2;
        }
        if pid == 0 {
            self.subshell = true;
            self.traps.reset_for_subshell();
            self.exec_program(path, argv, &[], &[]);
        }
        self.wait_pid(pid)
    }

    /// A readable file in `PATH` (for `.`).
    pub fn search_path_any(&self, name: &[u8]) -> Option<Vec<u8>> {
        let path = self.vars.get(b"PATH").unwrap_or(crate::sys::DEFAULT_PATH);
        for dir in path.split(|&c| c == b':') {
            let mut full = Vec::with_capacity(dir.len() + name.len() + 1);
            if !dir.is_empty() {
                full.extend_from_slice(dir);
                full.push(b'/');
            }
            full.extend_from_slice(name);
            if std::fs::metadata(std::ffi::OsStr::from_bytes(&full)).is_ok_and(|m| m.is_file()) {
                return Some(full);
            }
        }
        None
    }

    pub fn search_path(&self, name: &[u8]) -> Option<Vec<u8>> {
        let path = self
            .vars
            .get(b"PATH")
            .unwrap_or(crate::sys::DEFAULT_PATH)
            .to_vec();
        let mut denied = None;
        for dir in path.split(|&c| c == b':') {
            let mut full = Vec::with_capacity(dir.len() + name.len() + 1);
            if !dir.is_empty() {
                full.extend_from_slice(dir);
                full.push(b'/');
            }
            full.extend_from_slice(name);
            let Ok(c) = CString::new(full.clone()) else {
                continue;
            };
            // SAFETY: stat into a zeroed struct.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: c is a valid C string.
            if unsafe { libc::stat(c.as_ptr(), &mut st) } != 0 {
                continue;
            }
            if (st.st_mode & libc::S_IFMT) != libc::S_IFREG {
                continue;
            }
            // SAFETY: c is a valid C string.
            if unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
                return Some(full);
            }
            if denied.is_none() {
                denied = Some(full);
            }
        }
        denied
    }

    /// In a child (or as the last command): redirections, environment,
    /// then exec. Never returns.
    fn exec_program(
        &mut self,
        path: Option<Vec<u8>>,
        argv: &[Vec<u8>],
        assigns: &[(Vec<u8>, Vec<u8>)],
        redirs: &[Redir],
    ) -> ! {
        if self.redirect(redirs, false).is_err() {
            // SAFETY: leaving the child.
            unsafe { libc::_exit(1) };
        }
        for (k, v) in assigns {
            let _ = self.vars.set(k, v.clone(), true);
        }
        let name = String::from_utf8_lossy(&argv[0]).into_owned();
        let Some(path) = path else {
            self.error(format!("{name}: not found"));
            // SAFETY: leaving the child.
            unsafe { libc::_exit(127) };
        };
        let cargs = c_strings(argv);
        let argp = c_array(&cargs);
        let envp = c_array(self.vars.environ());
        let Ok(cpath) = CString::new(path.clone()) else {
            // SAFETY: leaving the child.
            unsafe { libc::_exit(127) };
        };
        // SAFETY: NUL-terminated arrays of valid C strings.
        unsafe { libc::execve(cpath.as_ptr(), argp.as_ptr().cast(), envp.as_ptr().cast()) };
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::ENOEXEC) => {
                // A script without `#!`: run it in this (forked) shell.
                self.run_script_here(&path, argv);
            }
            Some(libc::ENOENT) => {
                self.error(format!("{name}: not found"));
                // SAFETY: leaving the child.
                unsafe { libc::_exit(127) };
            }
            _ => {
                self.error(format!("{name}: {}", crate::diag::strerror(&e)));
                // SAFETY: leaving the child.
                unsafe { libc::_exit(126) };
            }
        }
    }

    fn run_script_here(&mut self, path: &[u8], argv: &[Vec<u8>]) -> ! {
        let fd = match super::redir::open_script(path) {
            Ok(fd) => fd,
            // SAFETY: leaving the child.
            Err(_) => unsafe { libc::_exit(126) },
        };
        self.funcs.clear();
        self.aliases.clear();
        self.vars.exported_only();
        for (k, v) in [
            (&b"IFS"[..], super::vars::DEFAULT_IFS),
            (b"PS1", b"$ "),
            (b"PS2", b"> "),
            (b"PS4", b"+ "),
            (b"OPTIND", b"1"),
        ] {
            if self.vars.get(k).is_none() {
                let _ = self.vars.set(k, v.to_vec(), false);
            }
        }
        self.opts = super::Opts::default();
        self.hash.clear();
        self.traps = Default::default();
        self.params = argv[1..].to_vec();
        self.arg0 = path.to_vec();
        self.name = path.to_vec();
        self.script = true;
        self.status = 0;
        self.flow = Flow::Normal;
        self.loops = 0;
        self.func_depth = 0;
        self.noerrexit = 0;
        let mut p = super::parser::Parser::new(Box::new(super::lexer::FdReader(fd)));
        self.run_parser(&mut p);
        self.child_exit();
    }
}
