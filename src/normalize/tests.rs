//! End-to-end tests of the normalizer on corpus excerpts: the examples of
//! `damage.md` that need more than one line (D1 across lines, D4–D8), and
//! the offset map.

use super::*;

#[track_caller]
fn check(input: &str, expected: &str) {
    let n = normalize(input);
    assert_eq!(n.text, expected);
}

// D1 across lines.

#[test]
fn number_anchor_at_the_start_of_a_line_000_13() {
    check(
        "      Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № \n\n қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа 120\nенгізіледі).\n      1. Осы",
        "Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № 120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі).\n1. Осы",
    );
}

#[test]
fn anchor_split_by_a_hyphen_and_glued_to_a_word_004_401() {
    check(
        "      1) көрсетілетін қызметті берушінің кеңсе қызметкері Стандарттың 9-\n\n көрсетілген құжаттар топтамасын (бұдан әрі-құжаттар) тіркейді жәнетармағында\nкөрсетілетін қызметті берушінің басшысына қарау үшін жолдайды – 30 (отыз) \nм и н у т .",
        "1) көрсетілетін қызметті берушінің кеңсе қызметкері Стандарттың 9-тармағында көрсетілген құжаттар топтамасын (бұдан әрі-құжаттар) тіркейді және көрсетілетін қызметті берушінің басшысына қарау үшін жолдайды – 30 (отыз) минут.",
    );
}

#[test]
fn anchor_half_after_a_page_break_000_176() {
    check(
        "      9. Сипаттамасы мемлекеттік көрсетілетін қызмет регламентінің (бұдан әрі - Регламент) 1-\n\n\n\n сәйкес мемлекеттік қызмет көрсетудің бизнес-процестерінің қосымшасына\nанықтамалығында көрсетіледі.",
        "9. Сипаттамасы мемлекеттік көрсетілетін қызмет регламентінің (бұдан әрі - Регламент) 1-қосымшасына сәйкес мемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығында көрсетіледі.",
    );
}

#[test]
fn lone_quote_that_moved_000_17() {
    check(
        "      Қазақстан Республикасының 2001 жылғы 23 қаңтардағы \"Қазақстан \nРеспубликасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы\n, 2013 жылғы 15 сәуірдегі  \" \"Мемлекеттік көрсетілетін қызметтер туралы\"\n\nЗаңдарына сәйкес Батыс Қазақстан облысының әкімдігі :ҚАУЛЫ ЕТЕДІ",
        "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы \"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы\", 2013 жылғы 15 сәуірдегі \"Мемлекеттік көрсетілетін қызметтер туралы\" Заңдарына сәйкес Батыс Қазақстан облысының әкімдігі ҚАУЛЫ ЕТЕДІ:",
    );
}

#[test]
fn empty_line_after_a_moved_number_002_77() {
    check(
        "      Ескерту. Регламент күші жойылды – Алматы облысы әкімдігінің 14.05.2019 \n қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он № 186\n\nкүн өткен соң қолданысқа енгізіледі).",
        "Ескерту. Регламент күші жойылды – Алматы облысы әкімдігінің 14.05.2019 № 186 қаулысымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).",
    );
}

// D4 hard wraps and D8 stranded punctuation.

#[test]
fn bracket_and_quotes_at_line_breaks_002_170_004_193() {
    check(
        "\n3. Мемлекеттік қызмет көрсету процесінде құрылымдық бөлімшелер (\nқызметкерлер) мен көрсетілетін қызметті берушінің өзара іс-қимыл \nтәртібін сипаттау\n",
        "3. Мемлекеттік қызмет көрсету процесінде құрылымдық бөлімшелер (қызметкерлер) мен көрсетілетін қызметті берушінің өзара іс-қимыл тәртібін сипаттау",
    );
    check(
        "      1) көрсетілетін қызметті алушы қажетті құжаттарын және өтінішті \nМемлекеттік корпорация қызметкеріне береді, ол электрондық кезек ретімен \"\nкедергісіз\" қызмет көрсету арқылы операциялық залда жүзеге асырылады – 3 (үш\n)  м и н у т  і ш і н д е ;  ",
        "1) көрсетілетін қызметті алушы қажетті құжаттарын және өтінішті Мемлекеттік корпорация қызметкеріне береді, ол электрондық кезек ретімен \"кедергісіз\" қызмет көрсету арқылы операциялық залда жүзеге асырылады – 3 (үш) минут ішінде;",
    );
}

#[test]
fn closing_quote_at_the_start_of_a_line_002_72() {
    check(
        " \n\"Үздік педагог\" атағын беру конкурсына қатысу үшін құжаттар қабылдау\n\" мемлекеттік көрсетілетін қызмет регламенті\n\n)\n",
        "\"Үздік педагог\" атағын беру конкурсына қатысу үшін құжаттар қабылдау\" мемлекеттік көрсетілетін қызмет регламенті\n)",
    );
    check(
        "      3) www.egov.kz \"электрондық үкімет\n\" веб-порталы (бұдан әрі – портал)",
        "3) www.egov.kz \"электрондық үкімет\" веб-порталы (бұдан әрі – портал)",
    );
}

#[test]
fn number_sign_and_digit_initial_lines_000_10() {
    check(
        "Күшін жойған\nБатыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы. \nБатыс Қазақстан облысының Әділет департаментінде 2018 жылғы 31 шілдеде № \n5309 болып тіркелді.\n      1. Осы",
        "Күшін жойған\nБатыс Қазақстан облысы әкімдігінің 2018 жылғы 13 шілдедегі № 164 қаулысы. Батыс Қазақстан облысының Әділет департаментінде 2018 жылғы 31 шілдеде № 5309 болып тіркелді.\n1. Осы",
    );
}

#[test]
fn dash_keeps_its_spaces_002_161() {
    check(
        "      4) мемлекеттік қызмет көрсету нәтижесіне қол қою және көрсетілетін \nқызметті берушінің жауапты орындаушысына жолдау – 4 (төрт) сағат. Нәтижесі -\nмемлекеттік қызмет көрсету нәтижесін көрсетілетін қызметті берушінің жауапты ",
        "4) мемлекеттік қызмет көрсету нәтижесіне қол қою және көрсетілетін қызметті берушінің жауапты орындаушысына жолдау – 4 (төрт) сағат. Нәтижесі - мемлекеттік қызмет көрсету нәтижесін көрсетілетін қызметті берушінің жауапты",
    );
}

// D5 page breaks.

#[test]
fn page_break_mid_sentence_004_129() {
    check(
        "      2) көрсетілетін қызметті берушіге құжаттардың топтамасын тапсыру үшін \nжүгінген кезде күтудің рұқсат етілген ең ұзақ уақыты – 10 минут, Мемлекеттік \n\n\n\nкорпорацияға және порталға жүгінген кезде – 15 минут;",
        "2) көрсетілетін қызметті берушіге құжаттардың топтамасын тапсыру үшін жүгінген кезде күтудің рұқсат етілген ең ұзақ уақыты – 10 минут, Мемлекеттік корпорацияға және порталға жүгінген кезде – 15 минут;",
    );
}

/// A page break that cuts a sentence before a line that reads like an
/// approval stub (`… министрінің … бұйрығымен бекітілген`): the sentence
/// goes on (found by page breaks simulated on 000's paragraphs).
#[test]
fn page_break_mid_sentence_before_a_header_like_line() {
    check(
        "      Мемлекеттік көрсетілетін қызмет мекемесімен (бұдан әрі – көрсетілетін қызметті беруші) Қазақстан \n\n\n\nРеспубликасы Білім және ғылым министрінің 2017 жылғы 7 тамыздағы №397 \nбұйрығымен бекітілген\n\"Техникалық\" мемлекеттік көрсетілетін қызмет стандартына сәйкес көрсетіледі.",
        "Мемлекеттік көрсетілетін қызмет мекемесімен (бұдан әрі – көрсетілетін қызметті беруші) Қазақстан Республикасы Білім және ғылым министрінің 2017 жылғы 7 тамыздағы №397 бұйрығымен бекітілген \"Техникалық\" мемлекеттік көрсетілетін қызмет стандартына сәйкес көрсетіледі.",
    );
}

/// A Latin `i` split off its word on a widened line (D3 with D9): the word
/// is joined and the letter made Kazakh (found by homoglyphs simulated on
/// widened lines of the corpus's paragraphs).
#[test]
fn a_latin_i_split_off_its_word() {
    check(
        "      5) көрсетілетін қызметті берушінің кеңсе \nқызметкері  нәтижені  көрсетілетін қызметт i  алушыға  береді .",
        "5) көрсетілетін қызметті берушінің кеңсе қызметкері нәтижені көрсетілетін қызметті алушыға береді.",
    );
    let n = normalize(
        "      5) көрсетілетін қызметті берушінің кеңсе \nқызметкері  нәтижені  көрсетілетін қызметт i  алушыға  береді .",
    );
    assert_eq!(n.counts.homoglyphs, 1);
}

/// A widened line whose link text of two words (`16-бабы 3-тармағына`)
/// moved from a run of four spaces to after its last stop: the space
/// before the stop is the widening, the run is the gap.
#[test]
fn a_two_word_link_moved_on_a_widened_line() {
    check(
        "      Қазақстан Республикасының 2013 жылғы 15 сәуірдегі «Мемлекеттік көрсетілетін қызметтер \nтуралы» Заңының    сәйкес Павлодар облысының  әк імдігі ҚАУЛЫ ЕТЕДІ :16-бабы 3-тармағына\n      1. Қоса беріліп отырған регламент бекітілсін.",
        "Қазақстан Республикасының 2013 жылғы 15 сәуірдегі «Мемлекеттік көрсетілетін қызметтер туралы» Заңының 16-бабы 3-тармағына сәйкес Павлодар облысының әкімдігі ҚАУЛЫ ЕТЕДІ:\n1. Қоса беріліп отырған регламент бекітілсін.",
    );
}

/// A paragraph opened by link text (`4-тармақ`) is indented one space more
/// than the others; the text goes back to its start.
#[test]
fn a_paragraph_opened_by_link_text() {
    check(
        "      көрсетілген қаулымен бекітілген регламентте:\n       жаңа редакцияда жазылсын.4-тармақ\n      2. Осы қаулы қолданысқа енгізіледі.",
        "көрсетілген қаулымен бекітілген регламентте:\n4-тармақ жаңа редакцияда жазылсын.\n2. Осы қаулы қолданысқа енгізіледі.",
    );
}

#[test]
fn page_break_between_paragraphs_000_39() {
    check(
        "      2. Мекемесі оның ресми жариялануын \nқамтамасыз етсін.\n\n\n\n      3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары \nҒ.А.Оспанқұловқа жүктелсін.",
        "2. Мекемесі оның ресми жариялануын қамтамасыз етсін.\n3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары Ғ.А.Оспанқұловқа жүктелсін.",
    );
}

#[test]
fn page_break_inside_a_heading_004_912() {
    check(
        "      1. Тармақ.\n\n2. Мемлекеттік қызметті көрсету процесінде көрсетілетін қызметті \nберушінің\n\n\n\nқұрылымдық бөлімшелерінің (қызметкерлерінің) іс-қимыл тәртібін \nсипаттау\n\n      4. Мемлекеттік",
        "1. Тармақ.\n2. Мемлекеттік қызметті көрсету процесінде көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) іс-қимыл тәртібін сипаттау\n4. Мемлекеттік",
    );
}

#[test]
fn page_break_between_letter_spaced_pieces_004_1849() {
    check(
        "      2) ауылдық округ әкімі құжаттармен танысады және жолдайды, береді -\n\n\n\n1  ( б і р )  ж ұ м ы с  к ү н .",
        "2) ауылдық округ әкімі құжаттармен танысады және жолдайды, береді - 1 (бір) жұмыс күн.",
    );
}

#[test]
fn indented_letter_spaced_line_that_continues_004_1572() {
    check(
        "      6) 4-процесс – мәліметтерді \nалуға мүмкіндіктің жоқтығы туралы хабарламаны қалыптастыруы - 1 (бір)\n      м и н у т  і ш і н д е ;\n      7) 5-процесс",
        "6) 4-процесс – мәліметтерді алуға мүмкіндіктің жоқтығы туралы хабарламаны қалыптастыруы - 1 (бір) минут ішінде;\n7) 5-процесс",
    );
}

// D6 stubs and annex headers.

#[test]
fn annex_stub_in_two_line_chunks_000_252() {
    check(
        "      12. Шағымдану жүзеге асырылады.\n\n \n\n\"Техникалық, кәсіптік және орта\nбілімнен кейінгі білімі бар\n\nкадрларды даярлауға арналған\nмемлекеттік білім беру\n\nқабылдау\" мемлекеттік\nкөрсетілетін қызмет\n\nрегламентіне 1-қосымша\n\n\"Техникалық, кәсіптік және орта білімнен кейінгі білімі бар кадрларды \nдаярлауға арналған мемлекеттік білім беру тапсырысын орналастыру \n\n\n\nбойынша конкурсқа құжаттарды қабылдау\" мемлекеттік қызметін \nкөрсетудің бизнес-процестерінің анықтамалығы\n\n \n",
        "12. Шағымдану жүзеге асырылады.\n\"Техникалық, кәсіптік және орта білімнен кейінгі білімі бар кадрларды даярлауға арналған мемлекеттік білім беру қабылдау\" мемлекеттік көрсетілетін қызмет регламентіне 1-қосымша\n\"Техникалық, кәсіптік және орта білімнен кейінгі білімі бар кадрларды даярлауға арналған мемлекеттік білім беру тапсырысын орналастыру бойынша конкурсқа құжаттарды қабылдау\" мемлекеттік қызметін көрсетудің бизнес-процестерінің анықтамалығы",
    );
}

#[test]
fn annex_header_across_an_empty_line_002_67() {
    check(
        "      Алматы облысының әкімі А. Баталов\n\n \nАлматы облысы әкімдігінің 2018 жылғы 04\nқазандағы № 458 қаулысымен бекітілген 1-\n\nқосымша\n\n\"Үздік педагог\" атағын",
        "Алматы облысының әкімі А. Баталов\nАлматы облысы әкімдігінің 2018 жылғы 04 қазандағы № 458 қаулысымен бекітілген 1-қосымша\n\"Үздік педагог\" атағын",
    );
}

#[test]
fn blank_stub_with_a_qualifier_002_92() {
    check(
        "регламентіне 2-қосымша\n\n\n\nМемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығы\n\n(II кезең)\n\n     \n",
        "регламентіне 2-қосымша\nМемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығы (II кезең)",
    );
}

#[test]
fn annex_header_glued_to_the_text_before_it_004_313() {
    check(
        "      12. Шағымдану Стандарттың  сәйкес жүзеге 3-бөліміне\nасырылады.\n 2016 жылғы 15 сәуірдегі №122\nБатыс Қазақстан облысы\n\nәкімдігінің қаулысына\n2-қосымша\n\n \nБатыс",
        "12. Шағымдану Стандарттың 3-бөліміне сәйкес жүзеге асырылады.\n2016 жылғы 15 сәуірдегі №122 Батыс Қазақстан облысы әкімдігінің қаулысына 2-қосымша\nБатыс",
    );
    check(
        "\"Мемлекеттік атаулы әлеуметтік көмек тағайындау\"\nмемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығы\nауылдық округ әкіміне жүгінген кезде\n қаулысына 6-қосымша\n\n \n      1. Осы",
        "\"Мемлекеттік атаулы әлеуметтік көмек тағайындау\" мемлекеттік қызмет көрсетудің бизнес-процестерінің анықтамалығы ауылдық округ әкіміне жүгінген кезде\nқаулысына 6-қосымша\n1. Осы",
    );
}

#[test]
fn stub_that_lost_its_words_stays_one_stub_004_1414() {
    check(
        " \n\n\"Мемлекеттік атаулы\nәлеуметтік көмек тағайындау\"\n\nмемлекеттiк көрсетілетін\n 2- қосымша\n\n\"Мемлекеттік атаулы әлеуметтік көмек тағайындау\"\n",
        "\"Мемлекеттік атаулы әлеуметтік көмек тағайындау\" мемлекеттік көрсетілетін 2- қосымша\n\"Мемлекеттік атаулы әлеуметтік көмек тағайындау\"",
    );
}

#[test]
fn page_break_and_a_line_of_spaces_inside_a_quoted_stub_004_1118() {
    check(
        "     \n\n\"Он сегіз жасқа дейінгі\n\n\n\n \nбалаларға мемлекеттік\n\nжәрдемақы тағайындау\"\nмемлекеттiк көрсетілетін\n\nқызмет регламентіне\n2- қосымша\n",
        "\"Он сегіз жасқа дейінгі балаларға мемлекеттік жәрдемақы тағайындау\" мемлекеттік көрсетілетін қызмет регламентіне 2- қосымша",
    );
}

// Already normalized text and other shapes.

#[test]
fn flat_text_keeps_one_paragraph_per_line() {
    let once = "Күшін жойған\nБатыс Қазақстан облысы әкімдігінің қаулысы.\n1. Осы қаулы.";
    check(once, once);
}

#[test]
fn empty_and_blank_inputs() {
    check("", "");
    check("\n\n\n", "");
    check("   \n \n", "");
}

// The offset map.

#[test]
fn offsets_map_back_to_raw_lines_and_columns() {
    let input = "      Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № \n\n қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа 120\nенгізіледі).";
    let n = normalize(input);
    let at = |needle: &str| n.text.find(needle).unwrap();
    // "120" was moved from the end of raw line 3 to after "№".
    let p = n.position(input, at("120"));
    assert_eq!(p.line, 3);
    assert_eq!(&input[n.source_offset(at("120"))..][..3], "120");
    // "Ескерту" starts raw line 1 at column 7 (after the indent).
    assert_eq!(n.position(input, 0), Position { line: 1, column: 7 });
    // "енгізіледі" is raw line 4, column 1.
    assert_eq!(
        n.position(input, at("енгізіледі")),
        Position { line: 4, column: 1 }
    );
    // Raw line 2 is empty: its only byte is the line end.
    let line2 = input.find("\n\n").unwrap() + 1;
    assert_eq!(n.line_of_source(input, line2), 2);
    assert_eq!(n.line_of_source(input, input.len()), 4);
}

/// Old Mac line ends (a lone CR) and CRLF: positions count lines as the
/// repairs do.
#[test]
fn positions_after_lone_carriage_returns() {
    for input in [
        "      1. Осы қаулы\rқолданысқа енгізіледі.\r      2. Бақылау",
        "      1. Осы қаулы\r\nқолданысқа енгізіледі.\r\n      2. Бақылау",
    ] {
        let n = normalize(input);
        let at = n.text.find("Бақылау").unwrap();
        assert_eq!(
            n.position(input, at),
            Position {
                line: 3,
                column: 10
            },
            "{input:?}"
        );
        let joined = n.repairs.iter().find(|r| r.kind == RepairKind::JoinedLine);
        assert_eq!(joined.map(|r| r.line), Some(2), "{input:?}");
    }
}

#[test]
fn offsets_inside_a_decoded_letter_spaced_line() {
    let input =
        "      1) қабылдайды.\n      Н ә т и ж е с і  –  т і р к е у  ж у р н а л ы н а  ж а з у ;";
    let n = normalize(input);
    let at = n.text.find("журналына").unwrap();
    let src = n.source_offset(at);
    assert!(input[src..].starts_with("ж у р н а л"));
    assert_eq!(n.position(input, at).line, 2);
}

#[test]
fn offsets_through_unification() {
    let input = "      1) қабылдайды\r\nжәне\u{a0}тіркейді.";
    let n = normalize(input);
    assert_eq!(n.text, "1) қабылдайды және тіркейді.");
    let at = n.text.find("тіркейді").unwrap();
    assert!(input[n.source_offset(at)..].starts_with("тіркейді"));
    assert_eq!(n.position(input, at), Position { line: 2, column: 6 });
}

#[test]
fn counts_and_log_agree() {
    let input = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/000_e8b092f41b6b2e75.txt"
    ))
    .unwrap();
    let n = normalize(&input);
    for kind in RepairKind::ALL {
        let logged: u32 = n
            .repairs
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.count)
            .sum();
        if kind == RepairKind::JoinedLine {
            // Dehyphenated joins are joins too.
            continue;
        }
        if kind != RepairKind::Unified {
            assert_eq!(logged, n.counts.get(kind), "{kind}");
        }
    }
}

// D10 and D11: reported, not repaired.

#[test]
fn glued_words_and_parentheses_are_reported_at_each_place_004_439_441() {
    let input = "      1) көрсетілетінқызметті береді (он бес) минут\n      2) бөлімшелерінің(қызметкерлерінің) және тармақ(1) мен (бес)пен\n      3) тағы көрсетілетінқызметті (бес)";
    let n = normalize(input);
    let got: Vec<(Option<u32>, &str)> = n
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some(1), "«көрсетілетінқызметті» looks like two words run together («көрсетілетін қызметті»); left as is"),
            (Some(2), "«бөлімшелерінің(қызметкерлерінің)»: no space before the parenthesis; left as is"),
            // Short tokens too: found from the parenthesis, not by length.
            (Some(2), "«тармақ(1)»: no space before the parenthesis; left as is"),
            (Some(2), "«(бес)пен»: no space after the parenthesis; left as is"),
            (Some(3), "«көрсетілетінқызметті» looks like two words run together («көрсетілетін қызметті»); left as is"),
        ]
    );
}

#[test]
fn a_glued_parenthesis_is_found_where_paren_glue_finds_it() {
    for tok in [
        "(он", "бес)", "а(б", "а)б", "(а)б", "а(", ")а", "()", "«(»", "қ(1)", "1)қ",
    ] {
        let found = tok
            .match_indices(['(', ')'])
            .any(|(q, _)| glued_paren_at(tok, q));
        assert_eq!(found, paren_glue(tok).is_some(), "{tok:?}");
    }
}

// D9 on the lines the whole-text scan for Latin letters points to.

#[test]
fn latin_letters_in_plain_and_letter_spaced_lines_and_at_the_ends() {
    // Latin `i` and `a` inside Cyrillic words: at the first byte of the
    // text, at the last byte of a line, inside a letter-spaced line, and in
    // a last line without a line end.
    let input = "iс-қимыл тәртібі\n      1. Мемлекеттік қызметтi\n қ a у л ы  е т е д і\nкөрсетiлетiн қызметтi берушiнiң кеңсесi";
    let n = normalize(input);
    assert_eq!(n.counts.homoglyphs, 9, "{}", n.text);
    assert!(
        !n.text.bytes().any(|x| x.is_ascii_alphabetic()),
        "{}",
        n.text
    );
    assert!(n.text.starts_with("іс-қимыл тәртібі"), "{}", n.text);
    assert!(n.text.contains("қаулы етеді"), "{}", n.text);
    assert!(
        n.text.ends_with("көрсетілетін қызметті берушінің кеңсесі"),
        "{}",
        n.text
    );
}

/// The hyphens and spaced marks found over the whole text are those of
/// each line's own text: on the corpus, and at the edges of lines (a mark
/// at a line's first byte after its indent, at its last byte, on the next
/// line).
#[test]
fn line_marks_are_each_lines_own() {
    let by_line = |t: &str| {
        let b = t.as_bytes();
        (
            t.contains('-'),
            b.windows(2)
                .any(|w| w[0] == b' ' && matches!(w[1], b',' | b':')),
        )
    };
    let mut texts: Vec<String> = [
        "000_e8b092f41b6b2e75",
        "002_c1cbb27e839fa933",
        "004_e9cea40fad9b84a2",
    ]
    .iter()
    .map(|name| {
        let path = format!("{}/corpus/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap_or_default()
    })
    .collect();
    texts.push("  , қосымша -\n :бірінші ,\nекі- ,\n-\n   \n , :\na - b".to_owned());
    let mut seen = (0, 0);
    for text in &texts {
        let raw_lines = lines::classify(text);
        let mut marks = LineMarks::new(text);
        for raw in &raw_lines {
            let want = by_line(raw.text);
            assert_eq!(marks.of(raw), want, "line {}: {:?}", raw.no, raw.text);
            seen.0 += usize::from(want.0);
            seen.1 += usize::from(want.1);
        }
    }
    assert!(seen.0 > 100 && seen.1 > 5, "{seen:?}");
}

/// A Latin capital typed for an initial, across a page break (000:39 with
/// `A` for `А`), and an initial that ends its line before the name: both
/// are Cyrillic in the finished text, and each counts as a homoglyph.
#[test]
fn latin_initials_before_a_cyrillic_name() {
    let input = "      3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары \n\n\n\nҒ.A.Оспанқұловқа жүктелсін.";
    check(
        input,
        "3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары Ғ.А.Оспанқұловқа жүктелсін.",
    );
    assert_eq!(normalize(input).counts.homoglyphs, 1);
    let input = "      3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары A.\nАбдуалиевқа жүктелсін.";
    let n = normalize(input);
    assert_eq!(
        n.text,
        "3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары А. Абдуалиевқа жүктелсін."
    );
    assert_eq!(n.counts.homoglyphs, 1);
    // The repair names the line the initial is on, and the initial maps
    // back to the Latin letter.
    let r = n
        .repairs
        .iter()
        .find(|r| r.kind == RepairKind::Homoglyph)
        .map(|r| (r.line, r.raw.clone()));
    assert_eq!(r, Some((1, 0..input.find('\n').unwrap_or(0))));
    let at = n.text.find("А. Абд").unwrap_or(0);
    assert_eq!(n.source_offset(at), input.find('A').unwrap_or(0));
    assert_eq!(n.source_offset(at + 1), input.find('A').unwrap_or(0));
    let name = n.text.find("Абдуалиевқа").unwrap_or(0);
    assert_eq!(
        n.source_offset(name),
        input.find("Абдуалиевқа").unwrap_or(0)
    );
}

/// Roman numerals and Latin names stay Latin.
#[test]
fn latin_that_is_no_initial_stays() {
    check(
        "I. Жалпы ережелер\n      1. J. Smith мырза. A. Smith мырза.",
        "I. Жалпы ережелер\n1. J. Smith мырза. A. Smith мырза.",
    );
}
