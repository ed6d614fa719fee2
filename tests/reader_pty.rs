//! End to end: the real binary in a pseudo-terminal. Output is fed to a terminal emulator
//! (vt100) and the tests wait, with a bounded deadline, for the screen to show what they expect.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(30);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
    _config: Option<tempfile::TempDir>,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let config = tempfile::tempdir().unwrap();
        let mut session = Session::start_in(args, config.path());
        session._config = Some(config);
        session
    }

    /// Runs parallax with `XDG_CONFIG_HOME` at `config`, which the caller keeps.
    fn start_in(args: &[&str], config: &std::path::Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.env("XDG_CONFIG_HOME", config);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            master: pty.master,
            writer,
            output,
            screen: vt100::Parser::new(30.try_into().unwrap(), 100.try_into().unwrap(), 0),
            _config: None,
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Reads output until the screen satisfies `wanted`, or fails after the deadline.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&str) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !wanted(&self.text()) {
            let left = end.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.screen.process(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}:\n{}", self.text())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("parallax exited while waiting for {what}:\n{}", self.text())
                }
            }
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Reads to the end of output (the pty closes when the process exits), then returns
    /// whether the process succeeded.
    fn finish(&mut self) -> bool {
        let end = Instant::now() + DEADLINE;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.screen.process(&bytes),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("parallax did not exit:\n{}", self.text()),
            }
        }
        self.child.wait().unwrap().success()
    }

    fn assert_restored(&self) {
        let screen = self.screen.screen();
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse released"
        );
        assert!(!screen.hide_cursor(), "cursor shown again");
    }
}

#[test]
fn demo_opens_responds_to_keys_and_quits_cleanly() {
    let mut s = Session::start(&[]);
    s.wait_for("the demo", |t| {
        t.contains("Norreth Herald") && t.contains("Alpine Dispatch") && t.contains("? help")
    });
    assert!(s.screen.screen().alternate_screen());
    let position = |t: &str| {
        t.lines().last().and_then(|l| {
            l.split_whitespace()
                .find(|w| w.contains('/'))
                .map(str::to_owned)
        })
    };
    let before = position(&s.text()).expect("status shows a position");
    s.send("j");
    s.wait_for("the cursor to move", |t| {
        position(t).is_some_and(|p| p != before)
    });
    s.send("?");
    s.wait_for("help", |t| {
        t.contains("parallax keys") && t.contains("Next passage")
    });
    s.send("?");
    s.wait_for("help to close", |t| !t.contains("parallax keys"));
    s.resize(20, 6);
    s.wait_for("the small-terminal message", |t| {
        t.contains("terminal too small")
    });
    s.resize(100, 30);
    s.wait_for("the panes again", |t| {
        t.contains("? help") && !t.contains("too small")
    });
    s.send("/Brask\r");
    let expected = ["left.txt", "right.txt"]
        .iter()
        .map(|f| {
            std::fs::read_to_string(format!("{}/assets/demo/{f}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .matches("Brask")
                .count()
        })
        .sum::<usize>();
    s.wait_for("search count", |t| {
        t.lines()
            .last()
            .is_some_and(|l| l.contains("“Brask” ") && l.contains(&format!("/{expected} ")))
    });
    s.send("q");
    assert!(s.finish(), "clean exit status");
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let mut s = Session::start(&[]);
        s.wait_for("the demo", |t| t.contains("? help"));
        assert!(s.screen.screen().alternate_screen());
        let pid = s.child.process_id().expect("child pid");
        let status = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        s.finish();
        s.assert_restored();
    }
}

#[test]
fn piped_output_gets_a_plain_summary_and_bad_arguments_exit_2() {
    let bin = env!("CARGO_BIN_EXE_parallax");
    let out = std::process::Command::new(bin).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Norreth Herald") && text.contains("shared passages"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no escape codes in a pipe");

    let out = std::process::Command::new(bin)
        .args(["/nonexistent/a.txt", "/nonexistent/b.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("/nonexistent/a.txt") && err.lines().count() == 1,
        "{err}"
    );
}

fn status_line(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn a_note_added_with_the_keyboard_is_there_after_reopening_and_listed() {
    let config = tempfile::tempdir().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let files = [
        format!("{fixtures}/gazette.txt"),
        format!("{fixtures}/coastline.txt"),
    ];
    let args = [files[0].as_str(), files[1].as_str()];

    let mut s = Session::start_in(&args, config.path());
    s.wait_for("the pair", |t| t.contains("? help"));
    assert!(!s.text().contains('✎'), "no notes yet:\n{}", s.text());
    let focus = status_line(&s.text());
    s.send("a");
    s.wait_for("the note editor", |t| t.contains("Note on"));
    s.send("pier or harbour wall?\rcheck the photo");
    s.wait_for("the typed text", |t| t.contains("check the photo"));
    s.send("\x13"); // Ctrl-S
    s.wait_for("the save", |t| status_line(t).contains("Note saved"));
    s.send("q");
    assert!(s.finish(), "clean exit status");

    let mut s = Session::start_in(&args, config.path());
    s.wait_for("the marker on the focused passage", |t| {
        t.contains('✎') && status_line(t).contains("✎ 1")
    });
    // The same passage as before, now with its note counted.
    let position = |line: &str| line.split('·').next().unwrap_or_default().trim().to_owned();
    assert_eq!(position(&status_line(&s.text())), position(&focus));
    s.send("\r");
    s.wait_for("the passage's notes", |t| {
        t.contains("Notes on") && t.contains("pier or harbour wall?")
    });
    // Esc and q apart: together a terminal reads them as Alt-q.
    s.send("\x1b");
    s.wait_for("the list to close", |t| !t.contains("Notes on"));
    s.send("q");
    assert!(s.finish(), "clean exit status");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["notes", "list"])
        .env("XDG_CONFIG_HOME", config.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("pier or harbour wall?") && listed.contains("check the photo"),
        "{listed}"
    );
}

/// The same comparison drawn by ratatui into a buffer, as the reader computes it, for the
/// screen a real terminal shows to be checked against.
fn expected_screen(left: &str, right: &str, cols: u16, rows: u16) -> ratatui::buffer::Buffer {
    use parallax::tui::{Action, App, Setup};
    let load = |path: &str| {
        let mut stdin = std::io::empty();
        let mut env = parallax::input::InputEnv {
            stdin: &mut stdin,
            cache_dir: None,
            now: std::time::UNIX_EPOCH,
        };
        let loaded = parallax::input::load(path, &Default::default(), &mut env).unwrap();
        parallax::engine::build_article(path, None, loaded.text, loaded.meta)
    };
    let c = parallax::engine::compare(load(left), load(right), &Default::default());
    let mut app = App::new(c, Setup::default());
    app.update(Action::Resize(cols, rows));
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(cols, rows)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn chinese_text_reaches_a_real_terminal_cell_for_cell() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let left = format!("{dir}/tests/fixtures/pages/dongan-ferry-zh.html");
    let right = format!("{dir}/tests/fixtures/scripts/zh_east_evening.txt");
    let want = expected_screen(&left, &right, 80, 24);
    // The second row, a wide character once, as the terminal's contents give it.
    let title_row: String = {
        let mut row = String::new();
        let mut col = 0;
        while col < 80 {
            let symbol = want[(col, 1)].symbol();
            row.push_str(symbol);
            col += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        row.trim_end().to_owned()
    };
    let mut s = Session::start(&[&left, &right]);
    s.resize(80, 24);
    s.wait_for("the Chinese story redrawn at 80x24", |t| {
        t.lines().nth(1).is_some_and(|l| l.trim_end() == title_row) && t.contains("? help")
    });
    // Every row but the status line, whose message may differ: each cell as the terminal
    // holds it, a wide character once with the cell it covers left out, is what ratatui drew.
    // A width the terminal and parallax disagreed on would shift the rest of the row.
    let screen = s.screen.screen();
    let mut wide = 0;
    for row in 0..23u16 {
        for col in 0..80u16 {
            let cell = screen.cell(row, col).expect("a cell on screen");
            if cell.is_wide_continuation() {
                continue;
            }
            wide += usize::from(cell.is_wide());
            let drawn = want[(col, row)].symbol();
            let shown = if cell.contents().is_empty() {
                " "
            } else {
                cell.contents()
            };
            assert_eq!(shown, drawn, "row {row}, column {col}:\n{}", s.text());
        }
    }
    assert!(
        wide > 100,
        "the screen holds the Chinese text ({wide} wide cells)"
    );
    s.send("q");
    assert!(s.finish(), "clean exit status");
    s.assert_restored();
}
