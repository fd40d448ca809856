//! Keeps the keyboard's place when a control that had the focus disappears after it was used.

use yew::prelude::*;

/// A node to take the focus when `dependency` changes and the element that had the focus went
/// away with the change (the browser then leaves it on `<body>`, and a keyboard user would start
/// again from the top of the page). Not on the first render: nothing had the focus then.
#[hook]
pub fn use_focus_rescue<T: PartialEq + 'static>(dependency: T) -> NodeRef {
    let target = use_node_ref();
    let mounted = use_mut_ref(|| false);
    {
        let target = target.clone();
        use_effect_with(dependency, move |_| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    crate::ui::browser::refocus(&element);
                }
            }
        });
    }
    target
}
