//! `dockersim`: reads command lines on stdin and prints a transcript (`$ line`, output, `[exit N]`).
fn main() {}
