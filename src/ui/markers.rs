//! The kinds of event the timeline marks with a glyph: which events they are, their names in the
//! page and the files, their legend words and their shapes.

use crate::engine::trace::RenewSource;
use crate::engine::EventKind;
use crate::ui::text::tenths;

/// What a marker stands for; its `data-kind` is the UI contract's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// An automatic renewal attempt that paid.
    AttemptSucceeded,
    /// An automatic renewal attempt that failed.
    AttemptFailed,
    /// A renewal by hand (an automatic one shows as its successful attempt).
    Renewed,
    /// Money added to the balance.
    TopUp,
    /// A customer action that was refused.
    Rejected,
    /// A reminder notice sent to the customer.
    Reminder,
}

impl MarkerKind {
    /// Every kind, in legend order.
    pub const ALL: [MarkerKind; 6] = [
        MarkerKind::AttemptSucceeded,
        MarkerKind::AttemptFailed,
        MarkerKind::Renewed,
        MarkerKind::TopUp,
        MarkerKind::Rejected,
        MarkerKind::Reminder,
    ];

    /// The marker for `kind`, if that kind of event gets one (an automatic renewal does not: its
    /// successful attempt stands for it).
    pub fn of(kind: &EventKind) -> Option<MarkerKind> {
        match kind {
            EventKind::AutoRenewAttempt { failure: None, .. } => Some(MarkerKind::AttemptSucceeded),
            EventKind::AutoRenewAttempt {
                failure: Some(_), ..
            } => Some(MarkerKind::AttemptFailed),
            EventKind::Renewed {
                source: RenewSource::Manual,
                ..
            } => Some(MarkerKind::Renewed),
            // An automatic renewal shows as its successful attempt, whose title tells both.
            EventKind::Renewed {
                source: RenewSource::Auto,
                ..
            } => None,
            EventKind::TopUp { .. } => Some(MarkerKind::TopUp),
            EventKind::ActionRejected { .. } => Some(MarkerKind::Rejected),
            EventKind::Reminder { .. } => Some(MarkerKind::Reminder),
            EventKind::Purchased { .. }
            | EventKind::StateChanged { .. }
            | EventKind::AutoRenewChanged { .. } => None,
        }
    }

    /// The contract's `data-kind`.
    pub fn data_kind(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "attempt-succeeded",
            MarkerKind::AttemptFailed => "attempt-failed",
            MarkerKind::Renewed => "renewed",
            MarkerKind::TopUp => "top-up",
            MarkerKind::Rejected => "rejected",
            MarkerKind::Reminder => "reminder",
        }
    }

    /// The class that draws its glyph on a marker path's vertices.
    pub fn marker_class(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "marker-attempt-succeeded",
            MarkerKind::AttemptFailed => "marker-attempt-failed",
            MarkerKind::Renewed => "marker-renewed",
            MarkerKind::TopUp => "marker-top-up",
            MarkerKind::Rejected => "marker-rejected",
            MarkerKind::Reminder => "marker-reminder",
        }
    }

    /// The class that colours its glyph.
    pub fn glyph_class(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "glyph-attempt-succeeded",
            MarkerKind::AttemptFailed => "glyph-attempt-failed",
            MarkerKind::Renewed => "glyph-renewed",
            MarkerKind::TopUp => "glyph-top-up",
            MarkerKind::Rejected => "glyph-rejected",
            MarkerKind::Reminder => "glyph-reminder",
        }
    }

    /// The SVG `<marker>` id of its glyph.
    pub fn glyph_id(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "rl-mk-attempt-succeeded",
            MarkerKind::AttemptFailed => "rl-mk-attempt-failed",
            MarkerKind::Renewed => "rl-mk-renewed",
            MarkerKind::TopUp => "rl-mk-top-up",
            MarkerKind::Rejected => "rl-mk-rejected",
            MarkerKind::Reminder => "rl-mk-reminder",
        }
    }

    /// The legend's words.
    pub fn legend(self) -> &'static str {
        match self {
            MarkerKind::AttemptSucceeded => "auto-renew paid",
            MarkerKind::AttemptFailed => "auto-renew failed",
            MarkerKind::Renewed => "renewed by hand",
            MarkerKind::TopUp => "top-up",
            MarkerKind::Rejected => "act refused",
            MarkerKind::Reminder => "reminder",
        }
    }

    /// Its glyph centred on (`x`, `y`) in pixels: one path, the inner symbol cut out (even-odd),
    /// so a marker costs one element however many are drawn. Only the start is computed; the
    /// rest of the path is relative and fixed.
    pub fn glyph(self, x: f64, y: f64) -> String {
        let ((dx, dy), rest) = match self {
            MarkerKind::AttemptSucceeded => ((-6.5, 0.0), GLYPH_SUCCEEDED),
            MarkerKind::AttemptFailed => ((-6.5, 0.0), GLYPH_FAILED),
            MarkerKind::Renewed => ((0.0, -7.5), GLYPH_RENEWED),
            MarkerKind::TopUp => ((-6.5, 0.0), GLYPH_TOP_UP),
            MarkerKind::Rejected => ((-6.0, -6.0), GLYPH_REJECTED),
            MarkerKind::Reminder => ((0.0, -7.5), GLYPH_REMINDER),
        };
        let mut d = String::with_capacity(rest.len() + 16);
        d.push('M');
        d.push_str(&tenths(x + dx));
        d.push(' ');
        d.push_str(&tenths(y + dy));
        d.push_str(rest);
        d
    }
}

/// Half the widest glyph's width with its stroke, in pixels (the discs' radius is 6.5, the
/// diamond's and the triangle's half-width 7.5).
pub const GLYPH_HALF_PX: f64 = 8.0;

/// A disc of radius 6.5 with a check mark cut out (relative path from the disc's left point).
const GLYPH_SUCCEEDED: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m2.8 0.1l2.7 2.8l4.9 -5l-1.1 -1l-3.8 3.9l-1.6 -1.7z";
/// A disc with an × cut out.
const GLYPH_FAILED: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m8.3 -3.5l1.7 1.7l-1.8 1.8l1.8 1.8l-1.7 1.7l-1.8 -1.8l-1.8 1.8l-1.7 -1.7l1.8 -1.8l-1.8 -1.8\
    l1.7 -1.7l1.8 1.8z";
/// A diamond with an upward arrow cut out (from its top point).
const GLYPH_RENEWED: &str =
    "l7.5 7.5l-7.5 7.5l-7.5 -7.5zm0 3.1l3.2 3.4l-2 0l0 4.8l-2.4 0l0 -4.8l-2 0z";
/// A disc with a plus cut out.
const GLYPH_TOP_UP: &str = "a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0z\
    m5.3 -3.8l2.4 0l0 2.6l2.6 0l0 2.4l-2.6 0l0 2.6l-2.4 0l0 -2.6l-2.6 0l0 -2.4l2.6 0z";
/// A square with a slash cut out (from its top-left corner).
const GLYPH_REJECTED: &str = "l12 0l0 12l-12 0zm1.7 8.8l1.5 1.5l7.1 -7.1l-1.5 -1.5z";
/// A triangle with an exclamation mark cut out (from its top point): a reminder.
const GLYPH_REMINDER: &str =
    "l7.5 13.5l-15 0zm-1.1 4.6l2.2 0l-0.4 4.6l-1.4 0zm0.2 5.6l1.8 0l0 1.7l-1.8 0z";
