//! The three C math functions the program calls, defined here so that the dynamic loader
//! never loads `libm.so`: loading and relocating that library took ~65 µs of every start on
//! the README's machine, 5% of comparing two short articles, for `log` (passage weights),
//! `pow` (CSS numbers, in the HTML extractor) and `log2f` (the extractor's scores).
//!
//! The bodies are the `libm` crate's, a port of musl's, which like glibc's comes from Arm's
//! optimized-routines: the same algorithms, under one ulp of error. The linker takes these
//! definitions because the library comes before the standard library's `-lm` on the link
//! line, and then drops `libm.so` as not needed. They live in the library, not the binary,
//! so that the unit test below runs (the binary has none); any program linking the library
//! takes them, as the benchmarks and tests do.

#[unsafe(no_mangle)]
pub extern "C" fn log(x: f64) -> f64 {
    libm::log(x)
}

#[unsafe(no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[unsafe(no_mangle)]
pub extern "C" fn log2f(x: f32) -> f32 {
    libm::log2f(x)
}

#[cfg(test)]
mod tests {
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= b.abs() * 4.0 * f64::EPSILON
    }

    /// The standard library's methods, which call these, give correct values.
    #[test]
    fn standard_methods_give_correct_values() {
        assert!(close(std::f64::consts::E.ln(), 1.0));
        assert_eq!(1.0f64.ln(), 0.0);
        assert!(close(10.0f64.ln(), std::f64::consts::LN_10));
        assert!(close(1e-300f64.ln(), -300.0 * std::f64::consts::LN_10));
        assert!(0.0f64.ln().is_infinite() && (-1.0f64).ln().is_nan());
        assert_eq!(10.0f64.powf(3.0), 1000.0);
        assert_eq!(2.0f64.powf(-2.0), 0.25);
        assert!(close(2.0f64.powf(0.5), std::f64::consts::SQRT_2));
        assert_eq!(1024.0f32.log2(), 10.0);
        assert!((3.0f32.log2() - 1.584_962_5).abs() <= 2.0 * f32::EPSILON);
    }
}
