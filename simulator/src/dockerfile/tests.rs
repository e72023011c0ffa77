use super::*;

#[test]
fn smoke() {
    let df = parse("FROM alpine\nRUN echo hi\n").map_err(|e| e.to_string());
    assert!(df.is_ok(), "{df:?}");
}
