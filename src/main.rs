use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let load = |p: &str| {
        let text = std::fs::read_to_string(p).unwrap();
        parallax::engine::build_article(p, None, text, Default::default())
    };
    let c = parallax::engine::compare(load(&args[2]), load(&args[3]), &Default::default());
    let mut out = std::io::stdout().lock();
    parallax::report::json::write(&c, &mut out).unwrap();
    out.flush().unwrap();
}
