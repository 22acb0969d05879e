use std::io::BufRead;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let texts: Vec<String> = file.lines().map(|l| {
        let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
        v["text"].as_str().unwrap().to_string()
    }).collect();
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut rnd = move || { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; seed };
    let pieces = ["\"", "\u{201c}", "\u{201d}", " said ", "(AFP) -", ", according to ", " quoted by ", "\n\n", "...", " he ", " -- ", "'", "``", ",", ".", " Reuters ", "citing", " told ", "“", "”", "\u{feff}", "\r\n", "  ", "Mr.", "U.S.", "(", ")", "/TASS/", "\t"];
    for i in 0..60000 {
        let base = &texts[(rnd() as usize) % texts.len()];
        let mut t: String = base.clone();
        let n = 1 + rnd() % 6;
        for _ in 0..n {
            let kind = rnd() % 4;
            let mut at = (rnd() as usize) % (t.len() + 1);
            while !t.is_char_boundary(at) { at -= 1; }
            match kind {
                0 => { let p = pieces[(rnd() as usize) % pieces.len()]; t.insert_str(at, p); }
                1 => { t.truncate(at); }
                2 => { let mut end = (at + (rnd() as usize % 200)).min(t.len()); while !t.is_char_boundary(end) { end -= 1; } t.replace_range(at..end, ""); }
                _ => { let o = &texts[(rnd() as usize) % texts.len()]; let mut a = (rnd() as usize) % (o.len()+1); while !o.is_char_boundary(a) { a -= 1; } t.insert_str(at, &o[a..]); }
            }
        }
        let r = std::panic::catch_unwind(|| provgraph::analyze(&provgraph::DocumentInput::new("f", &t)));
        if r.is_err() {
            let p = format!("/tmp/fuzz/panic-{i}.txt");
            std::fs::write(&p, &t).unwrap();
            eprintln!("PANIC case saved {p}");
        }
        if i % 10000 == 0 { eprintln!("{i}"); }
    }
}
