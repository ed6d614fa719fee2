//! The command line: `parallax [LEFT RIGHT]` opens the reader, `parallax compare` reports.

use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how two outlets cover the same story, side by side in the terminal.",
    long_about = "Compare how two outlets cover the same story.\n\n\
        With two articles, opens the side-by-side reader; with none, a built-in demo story.\n\
        When standard output is not a terminal, prints the text report instead.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub open: OpenArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two articles and print the analysis as text, JSON, Markdown or an HTML page.
    Compare(CompareArgs),
    /// List or export your reading notes, or show where they are kept.
    #[command(subcommand)]
    Notes(crate::notes::NotesCommand),
}

/// Where the two articles come from and what to call them.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Label for the left article (default: the outlet, or the file name).
    #[arg(long, value_name = "NAME")]
    pub left_label: Option<String>,
    /// Label for the right article.
    #[arg(long, value_name = "NAME")]
    pub right_label: Option<String>,
    /// Fetch URLs again instead of using the cached copy.
    #[arg(long)]
    pub refresh: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::DEFAULT_MAX_BYTES)]
    pub max_size: u64,
}

#[derive(Debug, Clone, Args)]
pub struct OpenArgs {
    /// The left article: a text file, a saved web page, an http(s) URL, or `-` for standard input.
    #[arg(value_name = "LEFT", requires = "right")]
    pub left: Option<String>,
    /// The right article.
    #[arg(value_name = "RIGHT")]
    pub right: Option<String>,
    #[command(flatten)]
    pub sources: SourceArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// The left article: a text file, a saved web page, an http(s) URL, or `-` for standard input.
    #[arg(value_name = "LEFT")]
    pub left: String,
    /// The right article.
    #[arg(value_name = "RIGHT")]
    pub right: String,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Colour in the text report: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Leave your reading notes out of the HTML page (they are in it by default).
    #[arg(long)]
    pub no_notes: bool,
    #[command(flatten)]
    pub sources: SourceArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
