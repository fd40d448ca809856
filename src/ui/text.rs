//! Pure formatting helpers for the view (tested natively).
