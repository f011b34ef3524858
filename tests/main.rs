//! The integration tests: one binary, one module per applet, each compiled
//! only when its applet's feature is on. They run the built oxbox through a
//! symlink named after the applet and check stdout, stderr and exit status.

mod common;

mod multi;

#[cfg(feature = "echo")]
mod echo;
#[cfg(feature = "false")]
mod r#false;
#[cfg(feature = "true")]
mod r#true;
