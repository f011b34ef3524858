//! Shell variables: values, the export and readonly attributes, function
//! scopes for `local`, and the environment handed to executed programs.

use std::collections::HashMap;
use std::ffi::CString;

#[derive(Clone, Debug, Default)]
pub struct Var {
    pub value: Option<Vec<u8>>,
    pub exported: bool,
    pub readonly: bool,
}

/// A small fast hash for short byte keys (names), instead of SipHash.
#[derive(Default)]
pub struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type NameMap<V> = HashMap<Vec<u8>, V, std::hash::BuildHasherDefault<NameHasher>>;

#[derive(Default)]
pub struct Vars {
    map: NameMap<Var>,
    /// One entry per running function: what `local` saved.
    scopes: Vec<Vec<(Vec<u8>, Option<Var>)>>,
    /// Bumped on every change of an exported variable, so the environment
    /// is rebuilt only when it changed.
    pub env_gen: u64,
    /// Bumped when IFS may have changed (for the shell's cached set).
    pub ifs_gen: u64,
    env_cache: Option<(u64, Vec<CString>)>,
}

pub const DEFAULT_IFS: &[u8] = b" \t\n";

impl Vars {
    pub fn from_env() -> Vars {
        let mut v = Vars::default();
        for (k, val) in std::env::vars_os() {
            use std::os::unix::ffi::OsStrExt;
            let k = k.as_bytes();
            if super::lexer::is_name(k) {
                v.map.insert(
                    k.to_vec(),
                    Var {
                        value: Some(val.as_bytes().to_vec()),
                        exported: true,
                        readonly: false,
                    },
                );
            }
        }
        v
    }

    pub fn get(&self, name: &[u8]) -> Option<&[u8]> {
        self.map.get(name).and_then(|v| v.value.as_deref())
    }

    pub fn var(&self, name: &[u8]) -> Option<&Var> {
        self.map.get(name)
    }

    pub fn is_readonly(&self, name: &[u8]) -> bool {
        self.map.get(name).is_some_and(|v| v.readonly)
    }

    /// Sets a value; Err when the variable is read-only.
    pub fn set(&mut self, name: &[u8], value: Vec<u8>, export: bool) -> Result<(), ()> {
        if name == b"IFS" {
            self.ifs_gen += 1;
        }
        match self.map.get_mut(name) {
            Some(v) => {
                if v.readonly {
                    return Err(());
                }
                v.value = Some(value);
                if export {
                    v.exported = true;
                }
                if v.exported {
                    self.env_gen += 1;
                }
            }
            None => {
                self.map.insert(
                    name.to_vec(),
                    Var {
                        value: Some(value),
                        exported: export,
                        readonly: false,
                    },
                );
                if export {
                    self.env_gen += 1;
                }
            }
        }
        Ok(())
    }

    pub fn unset(&mut self, name: &[u8]) -> Result<(), ()> {
        if name == b"IFS" {
            self.ifs_gen += 1;
        }
        if let Some(v) = self.map.get(name) {
            if v.readonly {
                return Err(());
            }
            if v.exported {
                self.env_gen += 1;
            }
            if self.scopes.is_empty() {
                self.map.remove(name);
            } else if let Some(v) = self.map.get_mut(name) {
                // Keep the entry so the scope can restore it; an unset
                // variable has no value and no attributes.
                *v = Var::default();
            }
        }
        Ok(())
    }

    /// Keeps only the exported variables (a script without `#!` starts
    /// as a new shell would, from the environment).
    pub fn exported_only(&mut self) {
        self.scopes.clear();
        self.map.retain(|_, v| v.exported && v.value.is_some());
        for v in self.map.values_mut() {
            v.readonly = false;
        }
        self.ifs_gen += 1;
        self.env_gen += 1;
    }

    pub fn export(&mut self, name: &[u8]) {
        self.env_gen += 1;
        self.map.entry(name.to_vec()).or_default().exported = true;
    }

    pub fn unexport(&mut self, name: &[u8]) {
        self.env_gen += 1;
        if let Some(v) = self.map.get_mut(name) {
            v.exported = false;
        }
    }

    pub fn set_readonly(&mut self, name: &[u8]) {
        self.map.entry(name.to_vec()).or_default().readonly = true;
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    pub fn pop_scope(&mut self) {
        let Some(saved) = self.scopes.pop() else {
            return;
        };
        for (name, old) in saved.into_iter().rev() {
            let was_exported = self.map.get(&name).is_some_and(|v| v.exported);
            if was_exported || old.as_ref().is_some_and(|v| v.exported) {
                self.env_gen += 1;
            }
            if name == b"IFS" {
                self.ifs_gen += 1;
            }
            match old {
                Some(v) => {
                    self.map.insert(name, v);
                }
                None => {
                    self.map.remove(&name);
                }
            }
        }
    }

    pub fn in_function(&self) -> bool {
        !self.scopes.is_empty()
    }

    /// `local NAME`: saves the variable for the end of the function. The
    /// value stays (as in ash and dash) until assigned.
    pub fn make_local(&mut self, name: &[u8]) {
        let old = self.map.get(name).cloned();
        let Some(scope) = self.scopes.last_mut() else {
            return;
        };
        if scope.iter().any(|(n, _)| n == name) {
            return;
        }
        scope.push((name.to_vec(), old));
    }

    /// Names, sorted, for `set`, `export -p` and `readonly -p`.
    pub fn sorted(&self) -> Vec<(&[u8], &Var)> {
        let mut v: Vec<(&[u8], &Var)> = self.map.iter().map(|(k, v)| (k.as_slice(), v)).collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// The environment for an executed program.
    pub fn environ(&mut self) -> &[CString] {
        let stale = !matches!(&self.env_cache, Some((g, _)) if *g == self.env_gen);
        if stale {
            let mut env = Vec::new();
            for (k, v) in &self.map {
                if let (true, Some(val)) = (v.exported, &v.value) {
                    let mut s = Vec::with_capacity(k.len() + val.len() + 1);
                    s.extend_from_slice(k);
                    s.push(b'=');
                    s.extend_from_slice(val);
                    if let Ok(c) = CString::new(s) {
                        env.push(c);
                    }
                }
            }
            self.env_cache = Some((self.env_gen, env));
        }
        match &self.env_cache {
            Some((_, e)) => e,
            None => &[],
        }
    }
}
