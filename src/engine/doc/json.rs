//! A small JSON reader and writer for the scenario format.
//!
//! It replaces serde_json + serde derive for scenario documents, which cost the web build about
//! 40 KB gzip. It follows serde_json 1.0 to the letter where people can see it: the same syntax
//! errors at the same line and column, numbers read into the same `u64` / `i64` / `f64`, floats
//! written the same way, the same escapes and pretty layout. `tests/doc_parity.rs` checks this
//! against serde_json on thousands of mutated documents.

use super::pow10::POW10;
use crate::engine::FieldError;
use std::fmt::{self, Write as _};

/// A JSON number as serde_json keeps it: a non-negative integer, a negative integer, or a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// `0` and up, fitting `u64`.
    U(u64),
    /// Below zero, fitting `i64`.
    I(i64),
    /// Anything else (a fraction, an exponent, `-0`, or too many digits); always finite.
    F(f64),
}

/// Equality is reflexive: JSON has no NaN, and a number too large for `f64` is a syntax error, so
/// `F` is always finite. (This lets an `Rc` of a document compare by pointer first.)
impl Eq for Number {}

impl Number {
    /// The number as a `u64`, when it is a non-negative integer.
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::U(n) => Some(n),
            _ => None,
        }
    }

    /// The number as an `i64`, when it is an integer that fits.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::U(n) => i64::try_from(n).ok(),
            Number::I(n) => Some(n),
            Number::F(_) => None,
        }
    }

    /// The number as an `f64` (possibly rounded).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::U(n) => n as f64,
            Number::I(n) => n as f64,
            Number::F(f) => f,
        }
    }
}

impl fmt::Display for Number {
    /// As serde_json writes it: integers plainly, floats in their shortest form (`30.5`, `3.0`,
    /// `1e+300`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::U(n) => write!(f, "{n}"),
            Number::I(n) => write!(f, "{n}"),
            Number::F(v) => f.write_str(&float_text(*v)),
        }
    }
}

/// The shortest text that reads back as `v`, laid out as serde_json (ryu/zmij) does: fixed
/// notation for decimal exponents −5..=15 (always with a `.`), else `d.ddde+x` / `d.ddde-x`.
pub fn float_text(v: f64) -> String {
    if !v.is_finite() {
        return "null".to_string();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(v);
    if (-5..=15).contains(&exp) {
        let fixed = fixed_notation(&digits, exp);
        let point = if fixed.contains('.') { "" } else { ".0" };
        format!("{sign}{fixed}{point}")
    } else {
        let (a, b) = digits.split_at(1);
        let dot = if b.is_empty() { "" } else { "." };
        let plus = if exp >= 0 { "+" } else { "" };
        format!("{sign}{a}{dot}{b}e{plus}{exp}")
    }
}

/// `v` in plain decimal notation with its shortest round-trip digits, as Rust's `Display` for
/// `f64` writes it (`30.5`, `3`, `-0`, `0.0000001`); `v` is finite.
pub fn plain_text(v: f64) -> String {
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0");
    }
    let (digits, exp) = shortest_digits(v);
    format!("{sign}{}", fixed_notation(&digits, exp))
}

/// The shortest digits that read back as `|v|` (no leading or trailing zeros) and the decimal
/// exponent of the first one: `30.5` → `("305", 1)`, `0.001` → `("1", -3)`. `v` is finite and
/// not zero. The digits come from `ryu`, so the web build carries no float formatting of core.
fn shortest_digits(v: f64) -> (String, i32) {
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(v.abs());
    let (mantissa, exp) = match text.split_once('e') {
        Some((mantissa, exp)) => (mantissa, exp.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let whole_len = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let all: String = mantissa.chars().filter(|c| *c != '.').collect();
    let significant = all.trim_start_matches('0');
    let leading = (all.len() - significant.len()) as i32;
    (
        significant.trim_end_matches('0').to_string(),
        whole_len - 1 - leading + exp,
    )
}

/// `digits` (first digit at decimal exponent `exp`) without an exponent: `("305", 1)` → `30.5`.
fn fixed_notation(digits: &str, exp: i32) -> String {
    let len = digits.len() as i32;
    let zeros = |n: i32| "0".repeat(n.max(0) as usize);
    if len - 1 <= exp {
        format!("{digits}{}", zeros(exp + 1 - len))
    } else if exp >= 0 {
        let (a, b) = digits.split_at(exp as usize + 1);
        format!("{a}.{b}")
    } else {
        format!("0.{}{digits}", zeros(-exp - 1))
    }
}

/// A parsed value with where it starts and ends in the text (byte offsets).
#[derive(Debug)]
pub struct Node {
    /// Offset of its first byte.
    pub at: usize,
    /// Offset just past its last byte.
    pub end: usize,
    /// The value.
    pub v: Value,
}

/// A JSON value; objects keep every key in file order, repeated keys included.
#[derive(Debug)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Num(Number),
    /// A string.
    Str(String),
    /// A list.
    List(Vec<Node>),
    /// An object.
    Obj(Vec<(String, Node)>),
}

impl Node {
    fn new(v: Value) -> Node {
        Node { at: 0, end: 0, v }
    }

    /// The value of `key` (its last occurrence, as serde_json's map keeps it).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.v {
            Value::Obj(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|e| &e.1),
            _ => None,
        }
    }
}

/// A syntax error, where serde_json would report it.
#[derive(Debug, PartialEq, Eq)]
pub struct Syntax {
    /// 1-based line.
    pub line: usize,
    /// Column as serde_json counts it (bytes).
    pub column: usize,
    /// serde_json's words for it.
    pub what: &'static str,
}

pub const EXPECTED_VALUE: &str = "expected value";

/// serde_json's line and column for byte offset `i`.
pub fn position(text: &[u8], i: usize) -> (usize, usize) {
    let i = i.min(text.len());
    let start = text[..i]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + text[..start].iter().filter(|b| **b == b'\n').count();
    (line, i - start)
}

/// The syntax error `what` at byte offset `i` (serde_json's `error` when `i` is its index, or its
/// `peek_error` when `i` is its index + 1).
pub fn syntax_at(text: &[u8], i: usize, what: &'static str) -> Syntax {
    let (line, column) = position(text, i);
    Syntax { line, column, what }
}

/// The text of a file's `bytes`: UTF-8, or UTF-16 when it starts with a UTF-16 byte order mark
/// (as Windows editors save "Unicode" text). Anything else is refused, not read with replacement
/// characters, which would change names in the file without a word.
pub fn text_of_bytes(bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |rest: &[u8], big_endian: bool| {
        let units = rest.chunks(2).map(|pair| match *pair {
            [a, b] if big_endian => u16::from_be_bytes([a, b]),
            [a, b] => u16::from_le_bytes([a, b]),
            // An odd byte at the end: a lone surrogate, so decoding fails.
            _ => 0xDC00,
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| {
                "not UTF-16 text, though it starts with a UTF-16 byte order mark".to_string()
            })
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
        _ => String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string()),
    }
}

/// `text` without a leading UTF-8 byte order mark. Editors on Windows often save one; RFC 8259
/// lets a reader ignore it, so every document reader starts here (error positions then count
/// from the first character after it).
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses `text` as one JSON value followed only by whitespace.
pub fn parse(text: &str) -> Result<Node, Syntax> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 128,
    };
    let node = p.value()?;
    match p.ws() {
        Some(_) => Err(p.peek_err("trailing characters")),
        None => Ok(node),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u8,
}

type Res<T> = Result<T, Syntax>;

impl Parser<'_> {
    fn err(&self, what: &'static str) -> Syntax {
        syntax_at(self.s, self.i, what)
    }

    fn peek_err(&self, what: &'static str) -> Syntax {
        syntax_at(self.s, self.i + 1, what)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn peek0(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }

    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Res<Node> {
        let Some(c) = self.ws() else {
            return Err(self.peek_err("EOF while parsing a value"));
        };
        let at = self.i;
        let v = match c {
            b'n' | b't' | b'f' => {
                self.i += 1;
                let (rest, v): (&[u8], _) = match c {
                    b'n' => (b"ull", Value::Null),
                    b't' => (b"rue", Value::Bool(true)),
                    _ => (b"alse", Value::Bool(false)),
                };
                for want in rest {
                    match self.next() {
                        None => return Err(self.err("EOF while parsing a value")),
                        Some(got) if got != *want => return Err(self.err("expected ident")),
                        Some(_) => {}
                    }
                }
                v
            }
            b'-' => {
                self.i += 1;
                Value::Num(self.integer(false)?)
            }
            b'0'..=b'9' => Value::Num(self.integer(true)?),
            b'"' => {
                self.i += 1;
                Value::Str(self.string()?)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_err("recursion limit exceeded"));
                }
                self.i += 1;
                let v = self.container(c == b'{')?;
                self.depth += 1;
                v
            }
            _ => return Err(self.peek_err(EXPECTED_VALUE)),
        };
        Ok(Node { at, end: self.i, v })
    }

    /// The rest of a list or object after its opening bracket.
    fn container(&mut self, object: bool) -> Res<Value> {
        let (close, eof, comma) = if object {
            (b'}', "EOF while parsing an object", "expected `,` or `}`")
        } else {
            (b']', "EOF while parsing a list", "expected `,` or `]`")
        };
        let mut items = Vec::new();
        let mut entries = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.ws() else {
                return Err(self.peek_err(eof));
            };
            if c == close {
                break;
            }
            let next = if first {
                first = false;
                Some(c)
            } else if c == b',' {
                self.i += 1;
                let next = self.ws();
                if next == Some(close) {
                    return Err(self.peek_err("trailing comma"));
                }
                if next.is_none() {
                    return Err(self.peek_err("EOF while parsing a value"));
                }
                next
            } else {
                return Err(self.peek_err(comma));
            };
            if !object {
                items.push(self.value()?);
                continue;
            }
            if next != Some(b'"') {
                return Err(self.peek_err("key must be a string"));
            }
            self.i += 1;
            let key = self.string()?;
            match self.ws() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_err("expected `:`")),
                None => return Err(self.peek_err(eof)),
            }
            entries.push((key, self.value()?));
        }
        self.i += 1;
        Ok(if object {
            Value::Obj(entries)
        } else {
            Value::List(items)
        })
    }

    fn integer(&mut self, positive: bool) -> Res<Number> {
        let Some(c) = self.next() else {
            return Err(self.err("EOF while parsing a value"));
        };
        match c {
            b'0' => {
                if self.peek0().is_ascii_digit() {
                    return Err(self.peek_err("invalid number"));
                }
                self.number(positive, 0)
            }
            b'1'..=b'9' => {
                let mut sig = u64::from(c - b'0');
                loop {
                    let c = self.peek0();
                    if !c.is_ascii_digit() {
                        return self.number(positive, sig);
                    }
                    let digit = u64::from(c - b'0');
                    match sig.checked_mul(10).and_then(|s| s.checked_add(digit)) {
                        Some(next) => {
                            self.i += 1;
                            sig = next;
                        }
                        None => return self.long_integer(positive, sig).map(Number::F),
                    }
                }
            }
            _ => Err(self.err("invalid number")),
        }
    }

    fn number(&mut self, positive: bool, sig: u64) -> Res<Number> {
        Ok(match self.peek0() {
            b'.' => Number::F(self.decimal(positive, sig, 0)?),
            b'e' | b'E' => Number::F(self.exponent(positive, sig, 0)?),
            _ if positive => Number::U(sig),
            _ => {
                let neg = (sig as i64).wrapping_neg();
                if neg >= 0 {
                    Number::F(-(sig as f64))
                } else {
                    Number::I(neg)
                }
            }
        })
    }

    fn long_integer(&mut self, positive: bool, sig: u64) -> Res<f64> {
        let mut exp = 0i32;
        loop {
            match self.peek0() {
                b'0'..=b'9' => {
                    self.i += 1;
                    exp += 1;
                }
                b'.' => return self.decimal(positive, sig, exp),
                b'e' | b'E' => return self.exponent(positive, sig, exp),
                _ => return self.scaled(positive, sig, exp),
            }
        }
    }

    fn decimal(&mut self, positive: bool, mut sig: u64, exp_before: i32) -> Res<f64> {
        self.i += 1;
        let mut exp_after = 0i32;
        let mut overflowed = false;
        while let c @ b'0'..=b'9' = self.peek0() {
            let digit = u64::from(c - b'0');
            if !overflowed {
                match sig.checked_mul(10).and_then(|s| s.checked_add(digit)) {
                    Some(next) => {
                        sig = next;
                        exp_after -= 1;
                    }
                    None => overflowed = true,
                }
            }
            self.i += 1;
        }
        if exp_after == 0 && !overflowed {
            return Err(match self.peek() {
                Some(_) => self.peek_err("invalid number"),
                None => self.peek_err("EOF while parsing a value"),
            });
        }
        let exp = exp_before + exp_after;
        match self.peek0() {
            b'e' | b'E' => self.exponent(positive, sig, exp),
            _ => self.scaled(positive, sig, exp),
        }
    }

    fn exponent(&mut self, positive: bool, sig: u64, start: i32) -> Res<f64> {
        self.i += 1;
        let positive_exp = match self.peek0() {
            b'+' => {
                self.i += 1;
                true
            }
            b'-' => {
                self.i += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.err("EOF while parsing a value")),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.err("invalid number")),
        };
        while let c @ b'0'..=b'9' = self.peek0() {
            self.i += 1;
            let digit = i32::from(c - b'0');
            match exp.checked_mul(10).and_then(|e| e.checked_add(digit)) {
                Some(next) => exp = next,
                None => {
                    if sig != 0 && positive_exp {
                        return Err(self.err("number out of range"));
                    }
                    while self.peek0().is_ascii_digit() {
                        self.i += 1;
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exp = if positive_exp {
            start.saturating_add(exp)
        } else {
            start.saturating_sub(exp)
        };
        self.scaled(positive, sig, exp)
    }

    /// serde_json's (not correctly rounded) `significand × 10^exponent`.
    fn scaled(&mut self, positive: bool, sig: u64, mut exp: i32) -> Res<f64> {
        let mut f = sig as f64;
        loop {
            let k = exp.unsigned_abs();
            if k <= 308 {
                // serde_json's table entry `1e{k}` (a correctly rounded literal).
                let pow = POW10[k as usize];
                if exp >= 0 {
                    f *= pow;
                    if f.is_infinite() {
                        return Err(self.err("number out of range"));
                    }
                } else {
                    f /= pow;
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exp >= 0 {
                return Err(self.err("number out of range"));
            }
            f /= 1e308;
            exp += 308;
        }
        Ok(if positive { f } else { -f })
    }

    /// The rest of a string after its opening quote.
    fn string(&mut self) -> Res<String> {
        let mut out = Vec::new();
        let mut start = self.i;
        loop {
            while let Some(c) = self.peek() {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            let Some(c) = self.peek() else {
                return Err(self.err("EOF while parsing a string"));
            };
            out.extend_from_slice(&self.s[start..self.i]);
            self.i += 1;
            match c {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => self.escape(&mut out)?,
                _ => {
                    return Err(self
                        .err("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
            start = self.i;
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Res<()> {
        let Some(c) = self.next() else {
            return Err(self.err("EOF while parsing a string"));
        };
        let byte = match c {
            b'"' | b'\\' | b'/' => c,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode(out),
            _ => return Err(self.err("invalid escape")),
        };
        out.push(byte);
        Ok(())
    }

    fn hex4(&mut self) -> Res<u32> {
        if self.s.len() - self.i < 4 {
            self.i = self.s.len();
            return Err(self.err("EOF while parsing a string"));
        }
        let digits = &self.s[self.i..self.i + 4];
        self.i += 4;
        let mut n = 0;
        for d in digits {
            match (*d as char).to_digit(16) {
                Some(v) => n = n * 16 + v,
                None => return Err(self.err("invalid escape")),
            }
        }
        Ok(n)
    }

    fn unicode(&mut self, out: &mut Vec<u8>) -> Res<()> {
        let lone = "lone leading surrogate in hex escape";
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.err(lone)),
            0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.err("EOF while parsing a string")),
                        Some(c) if c != want => {
                            return Err(self.err("unexpected end of hex escape"))
                        }
                        Some(_) => {}
                    }
                }
                let n2 = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.err(lone));
                }
                (((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000
            }
            _ => n,
        };
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }
}

/// How serde names a value it did not expect (`serde_json`'s flavour).
pub fn unexpected(node: &Node) -> String {
    match &node.v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Num(Number::F(f)) => format!("floating point `{}`", float_text(*f)),
        Value::Num(n) => format!("integer `{n}`"),
        Value::Str(s) => format!("string {s:?}"),
        Value::List(_) => "sequence".to_string(),
        Value::Obj(_) => "map".to_string(),
    }
}

/// serde's list of names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
pub fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_string(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// `parent.key`, or `key` at the top.
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// "invalid type: …, expected `expected`" for the value at `path` (`root` names the whole
/// document, at the top).
pub fn invalid_type(root: &str, path: &str, v: &Node, expected: &str) -> FieldError {
    FieldError::new(
        if path.is_empty() { root } else { path },
        format!("invalid type: {}, expected {expected}", unexpected(v)),
    )
}

/// Walks the object `v` at `path` as serde derive does a struct (`what`, e.g. "struct
/// ResourceDoc"), with field `names`: `read(i, value, path)` for each known key in file order;
/// errors for unknown and repeated keys and for a missing `required` field (a bit per field
/// index). `root` names the document when `path` is empty.
pub fn object(
    root: &str,
    path: &str,
    v: &Node,
    what: &str,
    names: &[&str],
    required: u32,
    mut read: impl FnMut(usize, &Node, &str) -> Result<(), FieldError>,
) -> Result<(), FieldError> {
    let Value::Obj(entries) = &v.v else {
        return Err(invalid_type(root, path, v, what));
    };
    let mut seen = 0u32;
    for (key, value) in entries {
        let Some(i) = names.iter().position(|n| n == key) else {
            // An empty key at the top has an empty path: name the document instead.
            let at = join(path, key);
            return Err(FieldError::new(
                if at.is_empty() { root } else { &at },
                format!("unknown field `{key}`, expected {}", one_of(names)),
            ));
        };
        if seen & (1 << i) != 0 {
            return Err(FieldError::new(join(path, key), "appears more than once"));
        }
        seen |= 1 << i;
        read(i, value, &join(path, key))?;
    }
    match (0..names.len()).find(|i| required & !seen & (1 << i) != 0) {
        Some(i) => Err(FieldError::new(
            join(path, names[i]),
            "missing field (required)",
        )),
        None => Ok(()),
    }
}

/// Builds values to write.
impl Value {
    /// A string value.
    pub fn str(s: &str) -> Node {
        Node::new(Value::Str(s.to_string()))
    }

    /// An object from `(key, value)` pairs, leaving out the `None`s.
    pub fn obj(entries: Vec<(&str, Option<Node>)>) -> Node {
        Node::new(Value::Obj(
            entries
                .into_iter()
                .filter_map(|(k, v)| Some((k.to_string(), v?)))
                .collect(),
        ))
    }

    /// A list.
    pub fn list(items: Vec<Node>) -> Node {
        Node::new(Value::List(items))
    }

    /// A number or a boolean or null.
    pub fn of(v: Value) -> Node {
        Node::new(v)
    }
}

/// Writes `node` as serde_json does: compact, or pretty with two-space indents.
pub fn write(node: &Node, pretty: bool) -> String {
    let mut out = String::new();
    write_into(&mut out, node, pretty, 0);
    out
}

fn write_into(out: &mut String, node: &Node, pretty: bool, depth: usize) {
    let newline = |out: &mut String, depth: usize| {
        if pretty {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
    };
    match &node.v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        Value::Num(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Str(s) => write_str(out, s),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_into(out, item, pretty, depth + 1);
            }
            if !items.is_empty() {
                newline(out, depth);
            }
            out.push(']');
        }
        Value::Obj(entries) => {
            out.push('{');
            for (i, (key, value)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_str(out, key);
                out.push_str(if pretty { ": " } else { ":" });
                write_into(out, value, pretty, depth + 1);
            }
            if !entries.is_empty() {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_bytes_are_utf8_or_utf16_with_its_mark_and_nothing_else() {
        let name = "Renovação 续费";
        let utf16 = |big: bool| -> Vec<u8> {
            let mut out = if big {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            };
            for unit in name.encode_utf16() {
                out.extend(if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            out
        };
        assert_eq!(text_of_bytes(name.as_bytes().to_vec()).as_deref(), Ok(name));
        let with_bom = format!("\u{feff}{name}");
        assert_eq!(text_of_bytes(with_bom.clone().into_bytes()), Ok(with_bom));
        assert_eq!(text_of_bytes(utf16(false)).as_deref(), Ok(name));
        assert_eq!(text_of_bytes(utf16(true)).as_deref(), Ok(name));
        // Latin-1 "ç" and "ã" are not UTF-8: refused, not replaced.
        let latin1 = b"{\"name\": \"Renova\xe7\xe3o\"}".to_vec();
        assert_eq!(text_of_bytes(latin1), Err("not UTF-8 text".to_string()));
        let mut odd = utf16(false);
        odd.push(b'x');
        let broken = text_of_bytes(odd).expect_err("an odd byte");
        assert!(broken.starts_with("not UTF-16 text"), "{broken}");
        assert_eq!(text_of_bytes(Vec::new()).as_deref(), Ok(""));
    }

    #[test]
    fn every_number_read_is_finite_so_equality_is_reflexive() {
        // text, read as a finite number (or refused)
        let cases = [
            ("1e400", false),
            ("-1e400", false),
            ("1e308", true),
            ("1e-400", true),
            ("-0", true),
            ("123456789012345678901234567890", true),
        ];
        for (text, read) in cases {
            match parse(text) {
                Ok(Node {
                    v: Value::Num(n), ..
                }) => {
                    assert!(read, "{text} should be refused");
                    if let Number::F(f) = n {
                        assert!(f.is_finite(), "{text}");
                    }
                    assert_eq!(n, n, "{text}");
                }
                Ok(other) => panic!("{text}: {other:?}"),
                Err(e) => assert!(!read, "{text}: {}", e.what),
            }
        }
    }
}
