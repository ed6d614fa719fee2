//! Wall time of commands run by turns, for `benches/measure.sh`.
//!
//! The machine is shared and its speed drifts over seconds. Timing every run of one command
//! and then every run of the other, as hyperfine does, lets that drift favour one of them;
//! here they take turns, and which goes first changes every round, so both meet the same
//! conditions. Written by hand for that reason: no benchmarking tool found here interleaves.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A command to time, and the exit statuses that mean it did its job (`git diff` exits 1
/// when the files differ).
pub struct Entrant {
    pub command: Vec<String>,
    pub success: &'static [i32],
}

/// The fastest and the median wall time of one command.
#[derive(Debug, Clone, Copy)]
pub struct Times {
    pub min: Duration,
    pub median: Duration,
}

/// Run each of `entrants` `warmup + runs` times, by turns, output discarded; the times of the
/// last `runs` rounds. A run that ends with another status, or by a signal, is an error: its
/// time would not be the time of the work.
pub fn race(entrants: &[Entrant], runs: usize, warmup: usize) -> Result<Vec<Times>, String> {
    if runs == 0 {
        return Err("at least one run".into());
    }
    let mut samples = vec![Vec::with_capacity(runs); entrants.len()];
    for round in 0..warmup + runs {
        for k in 0..entrants.len() {
            let i = (round + k) % entrants.len();
            let elapsed = run_once(&entrants[i])?;
            if round >= warmup {
                samples[i].push(elapsed);
            }
        }
    }
    Ok(samples
        .into_iter()
        .map(|mut s| {
            s.sort();
            Times {
                min: s[0],
                median: median(&s),
            }
        })
        .collect())
}

/// The median of sorted, non-empty `s`: the mean of the two middle values when there are two.
fn median(s: &[Duration]) -> Duration {
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

fn run_once(entrant: &Entrant) -> Result<Duration, String> {
    let command = &entrant.command;
    let (program, args) = command.split_first().ok_or("an empty command")?;
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("{program}: {e}"))?;
    let elapsed = start.elapsed();
    match status.code() {
        Some(code) if entrant.success.contains(&code) => Ok(elapsed),
        _ => Err(format!("{} failed: {status}", command.join(" "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let ms = |v: &[u64]| {
            v.iter()
                .map(|&m| Duration::from_millis(m))
                .collect::<Vec<_>>()
        };
        assert_eq!(median(&ms(&[1, 2, 4, 9])), Duration::from_millis(3));
        assert_eq!(median(&ms(&[1, 2, 9])), Duration::from_millis(2));
    }
}
