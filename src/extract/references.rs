//! References: every citation of another act, with the role it plays.
//!
//! The role comes from where the citation stands and what the sentence
//! does with it: the preamble's grounds are `legal_basis`; an act the body
//! changes or repeals (`… қаулысына мынадай өзгеріс енгізілсін`, `… күші
//! жойылды деп танылсын`) is `amends`, and so is the approval stub above a
//! restated regulation when it names that act; the order approving a
//! service's standard is `standard`; the repeal sentence and a repeal note
//! about the whole act are `repealed_by`; anything else is `other`.
//! Citations of the act itself (same number and date) are not references.
//!
//! ```text
//! before  "1. Батыс Қазақстан облысы әкімдігінің 2017 жылғы 5 желтоқсандағы №310 "…" қаулысына (…) мынадай өзгеріс енгізілсін:"
//! after   {type: resolution, number: "310", role: amends}
//! ```

use super::acts::Citation;
use crate::chars::Needle;

/// The role of a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    LegalBasis,
    Amends,
    Standard,
    RepealedBy,
    Other,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::LegalBasis => "legal_basis",
            Role::Amends => "amends",
            Role::Standard => "standard",
            Role::RepealedBy => "repealed_by",
            Role::Other => "other",
        }
    }
}

/// A citation with its role; spans are absolute in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub citation: Citation,
    pub role: Role,
}

/// Verbs of a body point that changes or repeals the act it cites.
static CHANGES: [Needle; 8] = [
    Needle::new("өзгеріс енгізілсін"),
    Needle::new("өзгерістер енгізілсін"),
    Needle::new("өзгерістер мен толықтырулар енгізілсін"),
    Needle::new("толықтыру енгізілсін"),
    Needle::new("толықтырулар енгізілсін"),
    Needle::new("күші жойылды деп танылсын"),
    Needle::new("жаңа редакцияда жазылсын"),
    Needle::new("өзгеріс енгізу"),
];

/// The role of a citation in a body point or subpoint `paragraph`.
pub fn body_role(paragraph: &str, citation_end: usize) -> Role {
    // `1) Күші жойылды – … қаулысымен`: a repeal note kept in a subpoint.
    let head = &paragraph[..citation_end.min(paragraph.len())];
    static REPEALED: Needle = Needle::new("Күші жойылды");
    if REPEALED.is_in(head) {
        return Role::Other;
    }
    let tail = &paragraph[citation_end.min(paragraph.len())..];
    if CHANGES.iter().any(|c| c.is_in(tail)) {
        Role::Amends
    } else {
        Role::Other
    }
}

/// Whether a body point declares the acts its subpoints name invalid: its
/// own text says so before them (`1. Алматы облысы әкімдігінің мынадай
/// қаулыларының күші жойылды деп танылсын:`), or opens them and the last
/// one ends the sentence (`1. Мыналардың:` … `2) … қаулысының күші жойылды
/// деп танылсын.`).
pub fn lists_repealed(point: &str, last_subpoint: Option<&str>) -> bool {
    static REPEAL: Needle = Needle::new("күші жойылды деп танылсын");
    point.trim_end().ends_with(':')
        && (REPEAL.is_in(point) || last_subpoint.is_some_and(|s| REPEAL.is_in(s)))
}

/// Whether two citations name the same act.
pub fn same_act(a: &Citation, b: &Citation) -> bool {
    a.number.is_some() && a.number == b.number && a.date.is_some() && a.date == b.date
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::acts::citations;

    #[track_caller]
    fn check(paragraph: &str, expected: &[Role]) {
        let roles: Vec<Role> = citations(paragraph)
            .iter()
            .map(|c| body_role(paragraph, c.span.end))
            .collect();
        assert_eq!(roles, expected);
    }

    #[test]
    fn body_roles() {
        check(
            "1. Батыс Қазақстан облысы әкімдігінің 2017 жылғы 5 желтоқсандағы №310 \"Техникалық құжаттарды қабылдау туралы\" қаулысына (Нормативтік-құқықтық актілерді мемлекеттік тіркеу тізілімінде №4990 болып 2017 жылғы 28 желтоқсанда Қазақстан Республикасы нормативтік құқықтық актілерінің эталондық бақылау банкінде жарияланған) мынадай өзгеріс енгізілсін:",
            &[Role::Amends],
        ); // 000:22
        check(
            "2. Алматы облысы әкімдігінің \"Білім саласындағы мемлекеттік көрсетілетін қызмет регламенттерін бекіту туралы\" 2015 жылғы 17 шілдедегі № 321 (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 3344 тіркелген, 2015 жылдың 27 қазанында \"Әділет\" ақпараттық-құқықтық жүйесінде жарияланған) қаулысының 1-тармағының 17) және 18) тармақшаларының күші жойылды деп танылсын.",
            &[Role::Amends],
        ); // 002:34
        check(
            "1) Күші жойылды – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі);",
            &[Role::Other],
        ); // 002:24
    }

    #[test]
    fn points_that_list_the_acts_they_repeal() {
        assert!(lists_repealed(
            "1. Алматы облысы әкімдігінің мынадай қаулыларының күші жойылды деп танылсын:",
            None
        ));
        assert!(lists_repealed(
            "1. Мыналардың:",
            Some("2) Алматы облысы әкімдігінің 2018 жылғы 4 қазандағы № 458 қаулысының күші жойылды деп танылсын.")
        ));
        // The repeal said in the point itself, or changes listed: the
        // subpoints are not the acts repealed.
        assert!(!lists_repealed(
            "2. Алматы облысы әкімдігінің 2015 жылғы 17 шілдедегі № 321 қаулысының күші жойылды деп танылсын.",
            None
        ));
        assert!(!lists_repealed(
            "1. Алматы облысы әкімдігінің 2015 жылғы 17 шілдедегі № 321 қаулысына мынадай өзгерістер енгізілсін:",
            Some("1) 5-тармақ мынадай редакцияда жазылсын:")
        ));
    }
}
