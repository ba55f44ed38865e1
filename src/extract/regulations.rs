//! Regulations: annex number, title, service name and the standard they
//! rest on.
//!
//! An annex header gives the number (`… қаулысына 1-қосымша`,
//! `… бекітілген 2-қосымша`, spaced forms `2 - қосымша`, `3– қосымша`, or no
//! number: `қаулысына қосымша`). The title is `"<service>" мемлекеттік
//! көрсетілетін қызмет регламенті`; the service is the quoted name, and when
//! the name holds quotes of its own without an outer opening quote
//! (`"Үздік педагог" атағын … қабылдау" мемлекеттік …`), everything up to the
//! last quote. Titles quoted with `«…»` are read the same way. The standard is the order cited in section 1 as approving
//! the service's standard (`… бұйрығымен бекітілген "…" мемлекеттік
//! көрсетілетін қызмет стандартына (бұдан әрі – Стандарт)`).
//!
//! ```text
//! before  "\"Жұмыссыз азаматтарды тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет регламенті"
//! after   service "Жұмыссыз азаматтарды тіркеу және есепке қою"
//! ```

use std::ops::Range;

use crate::chars::Needle;

/// The annex number of a header (`1-қосымша` → "1"), or `None` when the
/// header has none.
pub fn annex_number(header: &str) -> Option<String> {
    let words: Vec<&str> = header.split(' ').collect();
    let last = *words.last()?;
    let stem = last.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–');
    if stem != "қосымша" {
        return None;
    }
    let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return Some(digits);
    }
    // `2 - қосымша`, `2- қосымша`, `3– қосымша`
    let mut k = words.len() - 1;
    if k > 0 && matches!(words[k - 1], "-" | "–") {
        k -= 1;
    }
    let prev = words.get(k.checked_sub(1)?)?;
    let prev = prev.trim_end_matches(['-', '–']);
    (!prev.is_empty() && prev.bytes().all(|b| b.is_ascii_digit())).then(|| prev.to_owned())
}

/// The service name inside a regulation title, as a byte range.
pub fn service(title: &str) -> Option<Range<usize>> {
    static SERVICE_WORDS: [Needle; 3] = [
        Needle::new("мемлекеттік көрсетілетін қызмет"),
        Needle::new("мемлекеттік қызмет"),
        Needle::new("қызмет регламенті"),
    ];
    let cut = SERVICE_WORDS
        .iter()
        .filter_map(|m| m.rfind(title.as_bytes()))
        .min()?;
    let head = &title[..cut];
    if let Some(close) = head.rfind('»') {
        // `«…» мемлекеттік көрсетілетін қызмет регламенті`: from the `«`
        // that this `»` closes, or from the start when extraction lost it.
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in head[..close].char_indices().rev() {
            match c {
                '»' => depth += 1,
                '«' if depth == 0 => {
                    start = i + c.len_utf8();
                    break;
                }
                '«' => depth -= 1,
                _ => {}
            }
        }
        return (close > start).then_some(start..close);
    }
    let last_quote = head.rfind('"')?;
    let quotes = head[..=last_quote].matches('"').count();
    let start = if quotes.is_multiple_of(2) && head.starts_with('"') {
        1
    } else {
        0
    };
    (last_quote > start).then_some(start..last_quote)
}

/// Whether a paragraph is the sentence that names the service's standard.
pub fn names_standard(paragraph: &str) -> bool {
    static STANDARD_WORDS: [Needle; 3] = [
        Needle::new("стандартына"),
        Needle::new("стандарты ("),
        Needle::new("Стандарт)"),
    ];
    STANDARD_WORDS.iter().any(|w| w.is_in(paragraph))
}

/// Whether the citation that ends at `end` is the act that approved what
/// follows it (`… № 183 қаулысымен бекітілген "…" стандартына`). Standards
/// were approved by ministers' orders, and before 2015 by Government
/// resolutions: in the sentence that names the standard, an act followed
/// by `бекітілген` ('approved') is its approver whatever its type.
pub fn approved_by(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with("бекітілген"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_act_that_approved_the_standard() {
        let t = "Үкіметінің 2014 жылғы 5 наурыздағы № 183 қаулысымен бекітілген «Мұрағаттық анықтамалар беру» мемлекеттік көрсетілетін қызмет стандартына";
        let end = t.find(" бекітілген").unwrap_or(0);
        assert!(approved_by(t, end));
        // The act named after the standard approved nothing here.
        assert!(!approved_by(t, t.len()));
        assert!(!approved_by(
            "№ 183 қаулысына сәйкес",
            "№ 183 қаулысына".len()
        ));
    }

    #[test]
    fn annex_numbers() {
        assert_eq!(annex_number("2018 жылғы 13 шілдедегі № 164 Батыс Қазақстан облысы әкімдігінің қаулысына қосымша"), None); // 000:51
        assert_eq!(annex_number("2016 жылғы 15 сәуірдегі №122 Батыс Қазақстан облысы әкімдігінің қаулысына 1-қосымша").as_deref(), Some("1")); // 004:74
        assert_eq!(annex_number("Алматы облысы әкімдігінің 2018 жылғы 04 қазандағы № 458 қаулысымен бекітілген 2-қосымша").as_deref(), Some("2")); // 002:99
        assert_eq!(
            annex_number("регламентіне 2 - қосымша").as_deref(),
            Some("2")
        );
        assert_eq!(
            annex_number("регламентіне 1- қосымша").as_deref(),
            Some("1")
        );
        assert_eq!(
            annex_number("регламентіне 3– қосымша").as_deref(),
            Some("3")
        );
        assert_eq!(annex_number("№ 310 қаулысымен бекітілген"), None);
    }

    #[test]
    fn services() {
        let t = "\"Жұмыссыз азаматтарды тіркеу және есепке қою\" мемлекеттік көрсетілетін қызмет регламенті";
        assert_eq!(
            &t[service(t).unwrap()],
            "Жұмыссыз азаматтарды тіркеу және есепке қою"
        ); // 004:86
        let t = "\"Үздік педагог\" атағын беру конкурсына қатысу үшін құжаттар қабылдау\" мемлекеттік көрсетілетін қызмет регламенті";
        assert_eq!(
            &t[service(t).unwrap()],
            "\"Үздік педагог\" атағын беру конкурсына қатысу үшін құжаттар қабылдау"
        ); // 002:72
    }

    #[test]
    fn services_in_guillemets() {
        for (t, want) in [
            (
                "«Жұмыссыз азаматтарды тіркеу және есепке қою» мемлекеттік көрсетілетін қызмет регламенті",
                Some("Жұмыссыз азаматтарды тіркеу және есепке қою"),
            ),
            (
                "««Үздік педагог» атағын беру конкурсына қатысу үшін құжаттар қабылдау» мемлекеттік көрсетілетін қызмет регламенті",
                Some("«Үздік педагог» атағын беру конкурсына қатысу үшін құжаттар қабылдау"),
            ),
            // The outer opening quote lost in extraction.
            (
                "«Үздік педагог» атағын беру конкурсына қатысу үшін құжаттар қабылдау» мемлекеттік көрсетілетін қызмет регламенті",
                Some("«Үздік педагог» атағын беру конкурсына қатысу үшін құжаттар қабылдау"),
            ),
            ("«» мемлекеттік көрсетілетін қызмет регламенті", None),
        ] {
            assert_eq!(service(t).map(|r| &t[r]), want, "{t:?}");
        }
    }
}
