//! Wall time of commands run by turns, for `benches/measure.sh`.
//!
//! The machine is shared and its speed drifts over seconds. Timing every run of one command
//! and then every run of the other, as hyperfine does, lets that drift favour one of them;
//! here they take turns, and which goes first changes every round, so both meet the same
//! conditions. Written by hand for that reason: no benchmarking tool found here interleaves.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The fastest and the median wall time of one command.
#[derive(Debug, Clone, Copy)]
pub struct Times {
    pub min: Duration,
    pub median: Duration,
}

/// Run each of `commands` `warmup + runs` times, by turns, output discarded; the times of the
/// last `runs` rounds. A command may fail (`git diff` exits 1 when files differ); one killed
/// by a signal is an error.
pub fn race(commands: &[Vec<String>], runs: usize, warmup: usize) -> Result<Vec<Times>, String> {
    if runs == 0 {
        return Err("at least one run".into());
    }
    let mut samples = vec![Vec::with_capacity(runs); commands.len()];
    for round in 0..warmup + runs {
        for k in 0..commands.len() {
            let i = (round + k) % commands.len();
            let elapsed = run_once(&commands[i])?;
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
                median: s[s.len() / 2],
            }
        })
        .collect())
}

fn run_once(command: &[String]) -> Result<Duration, String> {
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
        Some(_) => Ok(elapsed),
        None => Err(format!("{} ended by a signal: {status}", command.join(" "))),
    }
}
