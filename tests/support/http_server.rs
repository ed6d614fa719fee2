//! A tiny HTTP/1.1 server on 127.0.0.1 for fetch tests: each test starts its own, with
//! routes as a closure, so no test reaches the internet.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

pub enum Reply {
    Page {
        status: u16,
        reason: &'static str,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
        /// Send `Content-Length`; without it the body ends when the connection closes.
        length: bool,
    },
    /// Read the request, then say nothing until the client gives up.
    Stall,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Page {
            status: 200,
            reason: "OK",
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
            length: true,
        }
    }

    pub fn redirect(to: &str) -> Reply {
        Reply::Page {
            status: 301,
            reason: "Moved Permanently",
            headers: vec![("Location", to.to_owned())],
            body: Vec::new(),
            length: true,
        }
    }

    pub fn not_found() -> Reply {
        Reply::Page {
            status: 404,
            reason: "Not Found",
            headers: vec![("Content-Type", "text/html".to_owned())],
            body: b"<h1>Not here</h1>".to_vec(),
            length: true,
        }
    }
}

pub struct Server {
    pub addr: SocketAddr,
    /// Requests answered so far, to tell a cache hit from a download.
    pub hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(routes: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let routes = Arc::new(routes);
        let thread = {
            let (hits, stop) = (hits.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (routes, hits) = (routes.clone(), hits.clone());
                    std::thread::spawn(move || serve(stream, &*routes, &hits));
                }
            })
        };
        Server {
            addr,
            hits,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// Stops listening: afterwards connections to the port are refused.
    pub fn stop(mut self) {
        self.shut();
    }

    fn shut(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wake the accept loop
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut();
    }
}

fn serve(stream: TcpStream, routes: &(dyn Fn(&str) -> Reply + Send + Sync), hits: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 2 {
        line.clear();
    }
    hits.fetch_add(1, Ordering::SeqCst);
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let mut stream = stream;
    match routes(&path) {
        Reply::Stall => {
            // Blocks until the client hangs up after its read timeout.
            let _ = reader.read_to_end(&mut Vec::new());
        }
        Reply::Page {
            status,
            reason,
            headers,
            body,
            length,
        } => {
            let mut head = format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
            for (name, value) in headers {
                head += &format!("{name}: {value}\r\n");
            }
            if length {
                head += &format!("Content-Length: {}\r\n", body.len());
            }
            head += "\r\n";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    }
}

/// A server that answers anything, TLS handshakes included, with plain-text HTTP garbage.
pub fn start_plaintext_liar() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let _ = stream.read(&mut [0u8; 512]);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
        }
    });
    addr
}
