//! Acts of the genre whose forms the bundled corpus does not show: a
//! district maslikhat's decision, a minister's order. Each text is written
//! as the register prints such acts (header, status, registration,
//! preamble, points, signature), and the test asserts what a reader takes
//! from it.

mod common;

use serde_json::{json, Value};

/// Asserts the values at JSON pointers of the extraction of `raw`.
#[track_caller]
fn check(raw: &str, expected: &[(&str, Value)]) {
    let doc = common::extract_json(raw);
    for (pointer, value) in expected {
        let actual = doc.pointer(pointer).unwrap_or(&Value::Null);
        assert_eq!(actual, value, "{pointer} in\n{doc:#}");
    }
}

/// A district maslikhat's decision, in force, citing a code by its name
/// and a law by its title alone, signed by two officials.
const MASLIKHAT_DECISION: &str = "
Бейнеу аудандық мәслихатының 2017 жылғы 27 желтоқсандағы № 19/140 \"2018-2020 жылдарға арналған аудандық бюджет туралы\" шешіміне өзгерістер енгізу туралы

Қолданыстағы
Маңғыстау облысы Бейнеу аудандық мәслихатының 2018 жылғы 12 сәуірдегі № 23/176 шешімі. Маңғыстау облысының Әділет департаментінде 2018 жылғы 24 сәуірде № 3580 болып тіркелді
      Қазақстан Республикасының 2008 жылғы 4 желтоқсандағы Бюджет кодексіне, Қазақстан Республикасының «Құқықтық актілер туралы» Заңының 27-бабына сәйкес Бейнеу аудандық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:
      1. Бейнеу аудандық мәслихатының 2017 жылғы 27 желтоқсандағы № 19/140 «2018-2020 жылдарға арналған аудандық бюджет туралы» (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 3494 болып тіркелген) шешіміне мынадай өзгерістер енгізілсін:
      2. Осы шешім 2018 жылдың 1 қаңтарынан бастап қолданысқа енгізіледі.
      Сессия төрағасы Қ.Жұбаев
      Аудандық мәслихат хатшысы А.Құлмұханбет
";

#[test]
fn a_district_maslikhat_decision() {
    check(
        MASLIKHAT_DECISION,
        &[
            ("/status", json!("in_force")),
            ("/act/type", json!("decision")),
            ("/act/number", json!("23/176")),
            (
                "/act/issuer",
                json!("Маңғыстау облысы Бейнеу аудандық мәслихаты"),
            ),
            // The district, not the region before it.
            ("/act/region", json!("Маңғыстау облысы Бейнеу ауданы")),
            ("/registration/number", json!("3580")),
            // A code named without quotes: no title, as the contract's
            // title is the quoted one.
            ("/references/0/type", json!("code")),
            ("/references/0/issuer", json!("Қазақстан Республикасы")),
            ("/references/0/date", json!("2008-12-04")),
            ("/references/0/title", Value::Null),
            ("/references/0/role", json!("legal_basis")),
            // A law by its title, with no date.
            ("/references/1/type", json!("law")),
            ("/references/1/title", json!("Құқықтық актілер туралы")),
            ("/references/1/date", Value::Null),
            ("/references/1/role", json!("legal_basis")),
            ("/references/2/number", json!("19/140")),
            ("/references/2/registration_number", json!("3494")),
            ("/references/2/role", json!("amends")),
            ("/references/3", Value::Null),
            ("/signatory/position", json!("Сессия төрағасы")),
            ("/signatory/name", json!("Қ.Жұбаев")),
        ],
    );
}

/// A minister's order, whose signature's position runs over two indented
/// lines, and whose registration has no `болып`.
const MINISTER_ORDER: &str = "
Мектепке дейінгі тәрбие мен оқыту саласында көрсетілетін мемлекеттік қызметтер стандарттарын бекіту туралы

Қолданыстағы
Қазақстан Республикасы Білім және ғылым министрінің 2015 жылғы 7 сәуірдегі № 172 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2015 жылы 11 мамырда № 11046 тіркелді.
      «Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының 2013 жылғы 15 сәуірдегі Заңының 10-бабының 1) тармақшасына сәйкес БҰЙЫРАМЫН:
      1. Қоса беріліп отырған:
      1) осы бұйрыққа 1-қосымшаға сәйкес «Мектепке дейінгі балалар ұйымдарына жолдама беру үшін мектепке дейінгі (7 жасқа дейін) жастағы балаларды кезекке қою» мемлекеттік көрсетілетін қызмет стандарты;
      2) осы бұйрыққа 2-қосымшаға сәйкес «Мектепке дейінгі білім беру ұйымдарына құжаттар қабылдау және балаларды қабылдау» мемлекеттік көрсетілетін қызмет стандарты бекітілсін.
      2. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Қазақстан Республикасының
      Білім және ғылым министрі                  А. Сәрінжіпов
";

#[test]
fn a_minister_order_signed_over_two_lines() {
    check(
        MINISTER_ORDER,
        &[
            ("/act/type", json!("order")),
            (
                "/act/issuer",
                json!("Қазақстан Республикасы Білім және ғылым министрі"),
            ),
            ("/act/date", json!("2015-04-07")),
            ("/registration/date", json!("2015-05-11")),
            ("/registration/number", json!("11046")),
            (
                "/signatory/position",
                json!("Қазақстан Республикасының Білім және ғылым министрі"),
            ),
            ("/signatory/name", json!("А. Сәрінжіпов")),
            // The position's first line is not a part of point 2.
            ("/body/1/subpoints", json!([])),
            ("/body/0/subpoints/1/number", json!("2")),
            ("/warnings", json!([])),
        ],
    );
    // The same signature with its second line not indented.
    let flush = MINISTER_ORDER.replace(
        "      Білім және ғылым министрі",
        "Білім және ғылым министрі",
    );
    check(
        &flush,
        &[
            (
                "/signatory/position",
                json!("Қазақстан Республикасының Білім және ғылым министрі"),
            ),
            ("/body/1/subpoints", json!([])),
        ],
    );
}
