//! Owning the terminal: raw mode, alternate screen and mouse capture on the way in, and all
//! of it undone on the way out, whether the reader quits, fails, panics or is sent SIGTERM
//! or SIGHUP.

use super::action::Action;
use super::app::App;
use super::input::map_event;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop wakes without input, to notice a termination signal.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Runs the reader on the real terminal until the user quits or a signal asks us to stop.
pub fn run(app: &mut App) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    watch_for_stuck_exit(Arc::clone(&stop));
    let _guard = Session::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    drive(&mut terminal, app, &stop, || {
        match event::poll(SIGNAL_CHECK) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(None),
            Err(e) => Err(e),
        }
    })
}

/// The event loop, generic over the backend so tests can drive it with scripted events.
/// `next_event` returns `Ok(None)` when nothing happened in a while.
pub fn drive<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    stop: &AtomicBool,
    mut next_event: impl FnMut() -> io::Result<Option<Event>>,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    let mut dirty = true;
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal
                .draw(|frame| frame.render_widget(&*app, frame.area()))
                .map_err(Into::into)?;
            dirty = false;
        }
        let Some(event) = next_event()? else {
            continue;
        };
        if let Some(action) = map_event(app.keymap(), app.mode(), &event) {
            app.update(action);
            dirty = true;
        }
    }
    Ok(())
}

/// How long the loop may take to notice a termination signal before the process is ended.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// When the terminal hangs up, stdin reads end-of-file forever and crossterm's `poll` spins
/// on it without returning, so the loop never sees the stop flag (found in practice: readers
/// left behind by a killed tmux kept a core busy). After a signal, this thread gives the loop
/// a moment to stop cleanly, then restores the terminal and ends the process itself.
/// Notes are saved on every change, so only an unsaved editor could be lost, and a hung-up
/// terminal has no one typing into it.
fn watch_for_stuck_exit(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(SIGNAL_CHECK);
        }
        std::thread::sleep(STOP_GRACE);
        restore();
        std::process::exit(1);
    });
}

/// Puts the terminal back. Safe to call more than once and from a panic hook.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        // Errors are ignored: after SIGHUP the terminal may be gone, and there is nothing
        // better to do than to try every step.
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
    }
}

static ACTIVE: AtomicBool = AtomicBool::new(false);

struct Session;

impl Session {
    fn enter() -> io::Result<Session> {
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        // From here on, a failure still restores the terminal through the guard.
        let session = Session;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )?;
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
