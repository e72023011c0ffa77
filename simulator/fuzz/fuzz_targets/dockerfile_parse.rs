//! Fuzzes the Dockerfile parser (`simulator::dockerfile::parse`/`parse_lenient`), its highlighter,
//! its variable expansion and the linter that shares it: no panic, spans inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match simulator::dockerfile::parse(&text) {
        Ok(df) => {
            for i in &df.instructions {
                assert!(i.span.start <= i.span.end && i.span.end <= text.len());
                assert!(i.line >= 1 && i.line <= i.end_line);
            }
            let _ = df.stages();
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            let _ = e.to_string();
        }
    }
    let mut last = 0;
    for t in simulator::dockerfile::highlight(&text) {
        assert!(t.span.start >= last && t.span.end <= text.len() && text.is_char_boundary(t.span.start));
        last = t.span.end;
    }
    let env = |k: &str| (k.len() == 1).then(|| "a/b*c".to_string());
    let _ = simulator::dockerfile::expand(&text, &env, '\\');
    let _ = simulator::dockerfile::expand_words(&text, &env, '`');
    for f in simulator::lint::lint(&text) {
        assert!(f.span.end <= text.len());
    }
});
