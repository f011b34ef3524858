//! The integration tests: one binary, one module per applet, each compiled
//! only when its applet's feature is on. They run the built oxbox through a
//! symlink named after the applet and check stdout, stderr and exit status.

mod common;

mod multi;

#[cfg(feature = "basename")]
mod basename;
#[cfg(feature = "chmod")]
mod chmod;
#[cfg(feature = "chown")]
mod chown;
#[cfg(feature = "dirname")]
mod dirname;
#[cfg(feature = "echo")]
mod echo;
#[cfg(feature = "env")]
mod env;
#[cfg(feature = "false")]
mod r#false;
#[cfg(feature = "id")]
mod id;
#[cfg(feature = "nproc")]
mod nproc;
#[cfg(feature = "printenv")]
mod printenv;
#[cfg(feature = "pwd")]
mod pwd;
#[cfg(feature = "readlink")]
mod readlink;
#[cfg(feature = "realpath")]
mod realpath;
#[cfg(feature = "sleep")]
mod sleep;
#[cfg(feature = "stat")]
mod stat;
#[cfg(feature = "true")]
mod r#true;
#[cfg(feature = "tty")]
mod tty;
#[cfg(feature = "uname")]
mod uname;
#[cfg(feature = "whoami")]
mod whoami;
#[cfg(feature = "yes")]
mod yes;
