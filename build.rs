//! The release binary's code laid out in the order a start runs it.
//!
//! `link/startup-order.txt` names the functions a start of the screens and of the
//! common commands runs, in the order they first run (made by
//! `benches/startup_order.py`). Handed to the linker, it puts them next to each other,
//! so that a start reads its code from about 15 pages instead of 65 spread over 11 MB
//! (docs/performance.md, "Eleventh round"). A name the build no longer has is skipped;
//! without the file, or with a linker that does not take it, the binary is the same
//! program laid out as the linker likes.

use std::env;
use std::process::Command;

const ORDER: &str = "link/startup-order.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-env-changed=WIJKDESK_NO_STARTUP_ORDER");
    if env::var("PROFILE").as_deref() != Ok("release")
        || env::var_os("WIJKDESK_NO_STARTUP_ORDER").is_some()
        || !linker_is_lld()
    {
        return;
    }
    let order = format!(
        "{}/{ORDER}",
        env::var("CARGO_MANIFEST_DIR").unwrap_or_default()
    );
    if std::path::Path::new(&order).is_file() {
        println!("cargo:rustc-link-arg-bin=wijkdesk=-Wl,--symbol-ordering-file={order}");
        println!("cargo:rustc-link-arg-bin=wijkdesk=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the binary is linked by LLD, which takes a symbol ordering file (GNU ld
/// refuses the option): the default on x86-64 Linux since Rust 1.90, unless the build
/// names a linker of its own.
fn linker_is_lld() -> bool {
    let target = env::var("TARGET").unwrap_or_default();
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let own_linker = flags.contains("linker")
        || flags.contains("link-self-contained")
        || env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some();
    target == "x86_64-unknown-linux-gnu" && !own_linker && rustc_minor().is_some_and(|m| m >= 90)
}

/// The minor version of the compiler building this (`rustc 1.95.0 (…)` → 95).
fn rustc_minor() -> Option<u32> {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc).arg("--version").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let version = text.split_whitespace().nth(1)?;
    version.split('.').nth(1)?.parse().ok()
}
