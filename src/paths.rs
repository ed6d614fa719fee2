//! Where parallax keeps its files. Resolved once at start-up and passed down, so that
//! nothing deeper reaches for the environment and tests can point everything at a temp dir.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Notes and `config.toml` live here (`$XDG_CONFIG_HOME/parallax` on Linux).
    pub config_dir: PathBuf,
    /// Fetched pages are cached here (`$XDG_CACHE_HOME/parallax` on Linux).
    pub cache_dir: PathBuf,
}

impl Paths {
    /// The platform directories from `directories::ProjectDirs`, or `None` when the
    /// platform gives no home directory to put them in.
    pub fn from_platform() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "parallax")?;
        Some(Paths {
            config_dir: dirs.config_dir().to_path_buf(),
            cache_dir: dirs.cache_dir().to_path_buf(),
        })
    }

    /// Everything under one root, for tests.
    pub fn under(root: impl Into<PathBuf>) -> Paths {
        let root = root.into();
        Paths {
            config_dir: root.join("config"),
            cache_dir: root.join("cache"),
        }
    }
}
