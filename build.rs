//! Two link settings of release builds, each for a quicker start of every run; the
//! program is the same without them (docs/performance.md, "Eleventh round").
//!
//! - The code a start runs, laid out in the order it runs it: `link/startup-order.txt`
//!   (made by `benches/startup_order.py`) names the functions a start of the screens
//!   and of the common commands runs, in the order they first run; handed to the
//!   linker, it puts them next to each other, so that a start reads its code from about
//!   15 pages instead of 65 spread over 11 MB. A name the build no longer has is
//!   skipped, so the file can go stale but never wrong.
//! - The unwinder linked in: std asks for GCC's shared `libgcc_s` (for panics and
//!   backtraces), a library loaded at every start (about 0.2 ms) for the few functions the
//!   static `libgcc_eh` also has, as `gcc -static-libgcc` links them. A `libgcc_s.so`
//!   in this build's own folder, searched first, names the static ones instead.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const ORDER: &str = "link/startup-order.txt";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-env-changed=WIJKDESK_PLAIN_LINK");
    let release = env::var("PROFILE").as_deref() == Ok("release");
    let gnu_linux = env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if !release || !gnu_linux || env::var_os("WIJKDESK_PLAIN_LINK").is_some() {
        return;
    }
    let Some(out) = env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    if linker_is_lld() {
        startup_order(&out);
    }
    static_unwinder(&out);
}

/// Hand the ordering file to the linker, from a copy in this build's own folder (the
/// link may come after this script's run was kept from another checkout sharing the
/// target folder).
fn startup_order(out: &Path) {
    let Some(manifest) = env::var_os("CARGO_MANIFEST_DIR") else {
        return;
    };
    let copy = out.join("startup-order.txt");
    if std::fs::copy(Path::new(&manifest).join(ORDER), &copy).is_ok() {
        println!(
            "cargo:rustc-link-arg-bin=wijkdesk=-Wl,--symbol-ordering-file={}",
            copy.display()
        );
        println!("cargo:rustc-link-arg-bin=wijkdesk=-Wl,--no-warn-symbol-ordering");
    }
}

/// Link GCC's static unwinder where std asks for `-lgcc_s`, when the C compiler has it.
fn static_unwinder(out: &Path) {
    let (Some(eh), Some(gcc)) = (cc_file("libgcc_eh.a"), cc_file("libgcc.a")) else {
        return;
    };
    let dir = out.join("static-unwinder");
    let script = format!("GROUP ( {} {} )\n", eh.display(), gcc.display());
    if std::fs::create_dir_all(&dir).is_ok()
        && std::fs::write(dir.join("libgcc_s.so"), script).is_ok()
    {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
}

/// Where the C compiler that links the program finds `name` (`cc -print-file-name`):
/// rustc links through `cc` unless the build names a linker.
fn cc_file(name: &str) -> Option<PathBuf> {
    let cc = env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".into());
    let out = Command::new(cc)
        .arg(format!("-print-file-name={name}"))
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    // Without the file, the compiler echoes the bare name.
    (path.is_absolute() && path.is_file()).then_some(path)
}

/// Whether the binary is linked by LLD, which takes a symbol ordering file (GNU ld
/// refuses the option): the default on x86-64 Linux since Rust 1.90, unless the build
/// names a linker of its own.
fn linker_is_lld() -> bool {
    let target = env::var("TARGET").unwrap_or_default();
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let own_linker = ["linker", "link-self-contained", "fuse-ld"]
        .iter()
        .any(|f| flags.contains(f))
        || env::var_os("RUSTC_LINKER").is_some();
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
