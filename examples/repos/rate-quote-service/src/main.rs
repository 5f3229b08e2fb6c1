fn main() { if std::env::args().any(|a| a == "--probe") { return; } println!("rate-quote listening on :8443"); }
