//! The libraries the binary needs at start. Each shared library the dynamic loader maps costs
//! every run of `parallax compare` tens of microseconds, so the binary does without two that
//! Rust would link: `libm` (src/math.rs) and `libgcc_s` (the build script links GCC's static
//! unwinder instead, where the C compiler has it, and then sets the cfg `static_unwinder`).
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::process::Command;

/// The shared libraries the dynamic loader maps for the binary, as `ldd` lists them: glibc's
/// loader prints them instead of running the program when `LD_TRACE_LOADED_OBJECTS` is set.
fn loaded_libraries() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--version")
        .env("LD_TRACE_LOADED_OBJECTS", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_binary_needs_neither_libm_nor_libgcc_s() {
    let libraries = loaded_libraries();
    assert!(libraries.contains("libc.so"), "{libraries}");
    assert!(!libraries.contains("libm.so"), "{libraries}");
    if cfg!(static_unwinder) {
        assert!(!libraries.contains("libgcc_s"), "{libraries}");
    }
}

/// With GCC's static unwinder, as in the binary, a panic still unwinds and is caught. This test
/// program links the library, which brings the unwinder, so it runs without `libgcc_s` too.
#[test]
fn panics_unwind_with_the_static_unwinder() {
    // Link the library, and with it the unwinder, into this test program.
    use parallax as _;
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    if cfg!(static_unwinder) {
        assert!(!maps.contains("libgcc_s"), "{maps}");
    }
    let caught = std::thread::spawn(|| {
        std::panic::catch_unwind(|| -> u8 { panic!("unwound through the static unwinder") })
    })
    .join()
    .unwrap();
    assert!(caught.is_err());
}
