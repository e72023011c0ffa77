//! Docker's `[y/N]` confirmation prompts (`command.PromptForConfirmation`).

/// True when the first line of the answer is `y` or `Y` (Docker accepts only those). Without an
/// answer (stdin closed), the command does nothing and exits 0, printing no newline.
pub fn confirmed(stdin: Option<&str>) -> bool {
    let answer = stdin.unwrap_or("").lines().next().unwrap_or("").trim();
    answer.eq_ignore_ascii_case("y")
}
