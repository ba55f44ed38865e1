//! Titles quoted with `«…»` instead of `"…"`: the corpus writes `"`, other
//! acts of the genre write guillemets. Each corpus document is rewritten
//! with guillemets (a quote opens after a space, a line start or `(` when a
//! letter follows, or when it stands alone at a line's end; otherwise it
//! closes) and must normalize and extract exactly as the original does,
//! quote characters aside.
//!
//! ```text
//! before  … № 310 "⏎Техникалық … туралы" қаулысына
//! after   … № 310 «⏎Техникалық … туралы» қаулысына
//! ```

mod common;

use serde_json::Value;

/// The document with every `"` turned into `«` or `»` by its neighbours.
fn with_guillemets(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 50);
    for (i, &c) in chars.iter().enumerate() {
        if c != '"' {
            out.push(c);
            continue;
        }
        let prev = if i == 0 { '\n' } else { chars[i - 1] };
        let next = chars.get(i + 1).copied().unwrap_or('\n');
        let opens = match (prev, next) {
            (' ', '\n') => true,
            ('\n', ' ') => false,
            (p, n) => {
                matches!(p, ' ' | '(' | '\n' | '–' | '-') && (n.is_alphanumeric() || n == '"')
            }
        };
        out.push(if opens { '«' } else { '»' });
    }
    out
}

fn straight(s: &str) -> String {
    s.replace(['«', '»'], "\"")
}

/// The extraction as JSON, without what depends on the bytes (source,
/// spans) and with every quote made straight.
fn extraction(raw: &str) -> Value {
    let mut doc = common::extract_json(raw);
    fn clean(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("span");
                m.remove("source");
                m.values_mut().for_each(clean);
            }
            Value::Array(a) => a.iter_mut().for_each(clean),
            Value::String(s) => *s = straight(s),
            _ => {}
        }
    }
    clean(&mut doc);
    doc
}

#[test]
fn guillemets_normalize_as_straight_quotes_do() {
    for stem in common::CORPUS {
        let text = common::corpus_text(stem);
        let converted = with_guillemets(&text);
        assert!(
            converted.contains('«') && !converted.contains('"'),
            "{stem}"
        );
        let plain = kazlex::normalize::normalize(&text).text;
        let quoted = kazlex::normalize::normalize(&converted).text;
        assert!(quoted.contains('«'), "{stem}");
        assert_eq!(straight(&quoted), plain, "{stem}");
    }
}

#[test]
fn guillemets_extract_as_straight_quotes_do() {
    for stem in common::CORPUS {
        let text = common::corpus_text(stem);
        let plain = extraction(&text);
        let quoted = extraction(&with_guillemets(&text));
        assert_eq!(quoted, plain, "{stem}");
        // Values that come from inside the quotes, read in 004.
        if stem.starts_with("004") {
            assert_eq!(
                quoted
                    .pointer("/regulations/0/service")
                    .and_then(Value::as_str),
                Some("Жұмыссыз азаматтарды тіркеу және есепке қою")
            );
            assert_eq!(
                quoted
                    .pointer("/regulations")
                    .and_then(Value::as_array)
                    .map(Vec::len),
                Some(9)
            );
        }
    }
}
