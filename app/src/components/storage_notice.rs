//! A message about the stored progress (recovered from damaged data, storage unavailable…), until
//! the learner dismisses it.

use leptos::prelude::*;

use crate::saved_progress::use_saved_progress;

#[component]
pub fn StorageNotice() -> impl IntoView {
    let notice = use_saved_progress().notice;
    move || {
        notice.get().map(|text| {
            view! {
                <div class="storage-notice" role="alert" data-testid="storage-notice">
                    <p>{text}</p>
                    <button type="button" class="button button-quiet" on:click=move |_| notice.set(None)>
                        "Entendido"
                    </button>
                </div>
            }
        })
    }
}
