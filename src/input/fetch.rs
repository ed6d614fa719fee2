//! Downloading a page over HTTP(S), with every limit set and every failure named.

use super::decode::charset_param;
use super::error::Problem;
use super::format::Format;
use std::io::{self, Read};
use std::time::Duration;
use ureq::ResponseExt;
use url::Url;

/// How to fetch. The defaults suit a reader on an ordinary connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    pub user_agent: String,
    /// For DNS lookup plus TCP and TLS setup.
    pub connect_timeout: Duration,
    /// Longest silence while waiting for any bytes of the response.
    pub read_timeout: Duration,
    /// Longest the whole exchange may take, redirects included.
    pub total_timeout: Duration,
    pub max_redirects: u32,
    /// Responses larger than this are refused (default 16 MiB).
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: format!(
                "parallax/{} (terminal article reader; +https://crates.io/crates/parallax)",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_redirects: 5,
            max_bytes: 16 << 20,
        }
    }
}

/// A page as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Where the page ended up after redirects.
    pub final_url: String,
    pub format: Format,
    /// The `charset` from the `Content-Type` header, if any.
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

pub fn fetch(url: &Url, options: &FetchOptions) -> Result<Fetched, Problem> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .user_agent(options.user_agent.as_str())
        .timeout_resolve(Some(options.connect_timeout))
        .timeout_connect(Some(options.connect_timeout))
        .timeout_per_read(Some(options.read_timeout))
        .timeout_global(Some(options.total_timeout))
        .max_redirects(options.max_redirects)
        // Statuses are reported with their reason phrase, which ureq's error drops.
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url.as_str())
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
        .call()
        .map_err(|e| problem(e, url, options))?;

    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(Problem::Status {
            code: status.as_u16(),
            reason: status.canonical_reason().map(str::to_owned),
        });
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let format = match &content_type {
        Some(ct) => Format::from_content_type(ct).map_err(Problem::ContentType)?,
        None => Format::Html, // decided again by sniffing the body below
    };
    let declared_len = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared_len.is_some_and(|n| n > options.max_bytes) {
        return Err(Problem::ResponseTooLarge {
            limit: options.max_bytes,
        });
    }
    let final_url = response.get_uri().to_string();
    let mut body = Vec::new();
    response
        .body_mut()
        .as_reader()
        .take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| io_problem(e, url, options))?;
    if body.len() as u64 > options.max_bytes {
        return Err(Problem::ResponseTooLarge {
            limit: options.max_bytes,
        });
    }
    let format = if content_type.is_none() {
        Format::sniff(&body)
    } else {
        format
    };
    Ok(Fetched {
        final_url,
        format,
        charset: content_type.as_deref().and_then(charset_param),
        body,
    })
}

/// ureq's errors, as a reader would describe them.
pub fn problem(error: ureq::Error, url: &Url, options: &FetchOptions) -> Problem {
    use ureq::Error as E;
    match error {
        E::HostNotFound => Problem::Dns(url.host_str().unwrap_or_default().to_owned()),
        E::Timeout(which) => Problem::Timeout(which.to_string()),
        E::StatusCode(code) => Problem::Status { code, reason: None },
        E::TooManyRedirects => Problem::TooManyRedirects(options.max_redirects),
        E::BodyExceedsLimit(_) => Problem::ResponseTooLarge {
            limit: options.max_bytes,
        },
        E::Io(e) => io_problem(e, url, options),
        E::Tls(detail) => Problem::Tls(detail.to_owned()),
        E::Rustls(e) => Problem::Tls(e.to_string()),
        E::Pem(e) => Problem::Tls(format!("{e:?}")),
        E::TlsRequired => Problem::Tls("the connection is not encrypted".to_owned()),
        E::BadUri(detail) => Problem::BadUrl(detail),
        E::ConnectionFailed => Problem::Network("could not connect".to_owned()),
        other => Problem::Network(other.to_string()),
    }
}

fn io_problem(error: io::Error, url: &Url, options: &FetchOptions) -> Problem {
    // ureq reports its own failures during body reads as io::Error wrapping ureq::Error.
    if error
        .get_ref()
        .is_some_and(|inner| inner.is::<ureq::Error>())
    {
        let inner = error
            .into_inner()
            .and_then(|b| b.downcast::<ureq::Error>().ok());
        if let Some(inner) = inner {
            return problem(*inner, url, options);
        }
        return Problem::Network("read failed".to_owned());
    }
    if let Some(tls) = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<rustls::Error>())
    {
        return Problem::Tls(tls.to_string());
    }
    match error.kind() {
        io::ErrorKind::ConnectionRefused => Problem::Refused,
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
            Problem::Timeout("no data from the server".to_owned())
        }
        _ => Problem::Network(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_and_tls_failures_are_named() {
        let options = FetchOptions::default();
        let url = Url::parse("https://news.invalid/a").unwrap();
        assert_eq!(
            problem(ureq::Error::HostNotFound, &url, &options).to_string(),
            "DNS lookup failed: host news.invalid not found"
        );
        assert!(
            problem(ureq::Error::Tls("certificate expired"), &url, &options)
                .to_string()
                .contains("TLS failure: certificate expired")
        );
        assert!(matches!(
            io_problem(
                io::Error::from(io::ErrorKind::ConnectionRefused),
                &url,
                &options
            ),
            Problem::Refused
        ));
    }

    #[test]
    fn the_user_agent_names_parallax() {
        assert!(FetchOptions::default().user_agent.starts_with("parallax/"));
    }
}
