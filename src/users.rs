//! Users and groups, read from `/etc/passwd` and `/etc/group` directly
//! (a static musl binary has no NSS).
