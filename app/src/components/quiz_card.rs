//! A lesson's practice quiz: every question answered and checked on its own, with immediate
//! feedback, and the score so far.

use leptos::prelude::*;
use lessons::quiz::{Kind, Quiz};

use super::question_card::QuestionCard;
use crate::saved_progress::use_saved_progress;

#[component]
pub fn QuizCard(lesson_id: &'static str, quiz: &'static Quiz) -> impl IntoView {
    let progress = use_saved_progress().progress;
    let graded: Vec<&'static str> = quiz.questions.iter().filter(|q| q.kind != Kind::Open).map(|q| q.id.as_str()).collect();
    let total = graded.len();
    let right = move || progress.with(|p| graded.iter().filter(|q| p.answer(lesson_id, q).is_some_and(|a| a.correct)).count());
    let questions = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| view! { <QuestionCard lesson_id=lesson_id question=question number=i + 1 /> })
        .collect_view();
    view! {
        <section class="quiz" aria-label=quiz.title.clone() data-testid="quiz" data-quiz=quiz.id.clone()>
            {questions}
            <p class="quiz-score" data-testid="quiz-score">
                {move || {
                    let n = right();
                    if n == total {
                        format!("¡Todas bien! {n} de {total} preguntas correctas.")
                    } else {
                        format!("Llevas {n} de {total} preguntas correctas.")
                    }
                }}
            </p>
        </section>
    }
}
