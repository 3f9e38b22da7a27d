//! The floor for reading a sheet: every record of a CSV file read with the
//! csv crate (UTF-8 checked, as emograph does), nothing else. The benchmark
//! (`scripts/bench-peers.sh`) times it beside `emograph pattern` on the same
//! file. Build: `cargo build --release --example bare_read` (it lives in
//! benches/ because every file in examples/ is a sheet the tests read).
//! Usage: `bare_read FILE` — prints the number of records and of bytes in fields.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_read FILE");
        std::process::exit(2);
    };
    let mut reader = match csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&path)
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(1);
        }
    };
    let mut record = csv::StringRecord::new();
    let (mut records, mut bytes) = (0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                records += 1;
                bytes += record.as_slice().len() as u64;
            }
            Ok(false) => break,
            Err(e) => {
                eprintln!("error: {path}: {e}");
                std::process::exit(1);
            }
        }
    }
    println!("{records} records, {bytes} bytes in fields");
}
