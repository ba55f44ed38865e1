//! Acts of the genre whose forms the bundled corpus does not show: a
//! district maslikhat's decision, a minister's order. Each text is written
//! as the register prints such acts (header, status, registration,
//! preamble, points, signature), and the test asserts what a reader takes
//! from it.

mod common;

use serde_json::{json, Value};

use common::check_pointers as check;

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

/// The same order signed with a Latin `A` typed for the initial: the name
/// is read in Cyrillic, as a reader sees it.
#[test]
fn a_signature_with_a_latin_initial() {
    let latin = MINISTER_ORDER.replace("А. Сәрінжіпов", "A. Сәрінжіпов");
    assert_ne!(latin, MINISTER_ORDER);
    check(
        &latin,
        &[
            ("/signatory/name", json!("А. Сәрінжіпов")),
            ("/repairs/homoglyphs", json!(1)),
            ("/warnings", json!([])),
        ],
    );
}

/// A joint order of two ministers, repealed by another joint order: one
/// act, named by its first issuer's date and number, signed by both.
const JOINT_ORDER: &str = "
Мемлекеттік көрсетілетін қызметтер стандарттарын бекіту туралы

Күшін жойған
Қазақстан Республикасы Қаржы министрінің 2014 жылғы 4 маусымдағы № 260 және Қазақстан Республикасы Әділет министрінің 2014 жылғы 5 маусымдағы № 110 бірлескен бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2014 жылы 20 маусымда № 9540 тіркелді. Күші жойылды - Қазақстан Республикасы Қаржы министрінің 2015 жылғы 27 наурыздағы № 248 және Қазақстан Республикасы Әділет министрінің 2015 жылғы 30 наурыздағы № 115 бірлескен бұйрығымен
      Ескерту. Күші жойылды - ҚР Қаржы министрінің 27.03.2015 № 248, ҚР Әділет министрінің 30.03.2015 № 115 бірлескен бұйрығымен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).
      «Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының 2013 жылғы 15 сәуірдегі Заңының 10-бабының 1) тармақшасына сәйкес БҰЙЫРАМЫЗ:
      1. Қоса беріліп отырған мемлекеттік көрсетілетін қызмет стандарты бекітілсін.
      2. Осы бірлескен бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Қазақстан Республикасының
      Қаржы министрі                  Б. Сұлтанов
      Қазақстан Республикасының
      Әділет министрі                  Б. Имашев
";

#[test]
fn a_joint_order_of_two_ministers() {
    let order = json!({
        "type": "order",
        "issuer": "Қазақстан Республикасы Қаржы министрі",
        "date": "2015-03-27",
        "number": "248",
    });
    check(
        JOINT_ORDER,
        &[
            ("/status", json!("repealed")),
            ("/act/type", json!("order")),
            ("/act/type_text", json!("бұйрығы")),
            (
                "/act/issuer",
                json!("Қазақстан Республикасы Қаржы министрі"),
            ),
            ("/act/date", json!("2014-06-04")),
            ("/act/number", json!("260")),
            ("/registration/number", json!("9540")),
            ("/repealed_by", order.clone()),
            ("/notes/0/kind", json!("repeal")),
            ("/notes/0/by", order),
            ("/references/0/role", json!("repealed_by")),
            ("/references/0/number", json!("248")),
            ("/signatory/name", json!("Б. Сұлтанов")),
            ("/body/1/number", json!("2")),
            ("/warnings", json!([])),
        ],
    );
}

/// An older joint order of four issuers, as the register prints such
/// acts: the registration number in a sentence of its own (`тіркелді.
/// Тіркеу N 3915.`), the repeal in the header's nominative (`… Бірлескен
/// бұйрығы`), and the note without `Ескерту.`.
const OLDER_JOINT_ORDER: &str = "
Астана және Алматы қалаларында \"жалғыз терезе\" қағидаты бойынша халыққа мемлекеттік қызмет көрсету орталықтарын ұйымдастыру және оның жұмыс істеуі жөніндегі өзара іс-қимыл ережесін бекіту туралы

Күшін жойған
Қазақстан Республикасы Қаржы министрінің 2005 жылғы 29 қазандағы N 386, Қазақстан Республикасы Әділет министрінің 2005 жылғы 18 қазандағы N 273, Қазақстан Республикасы Ақпараттандыру және байланыс агенттігі төрағасының 2005 жылғы 27 қазандағы N 369-п, Қазақстан Республикасы Жер ресурстарын басқару агенттігі төрағасының 2005 жылғы 19 қазандағы N 161-ө Бірлескен бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2005 жылғы 1 қарашада тіркелді. Тіркеу N 3915. Күші жойылды - Қазақстан Республикасы Қаржы министрінің 2010 жылғы 24 мамырдағы № 248, Қазақстан Республикасы Әділет министрінің 2010 жылғы 13 сәуірдегі № 115, Қазақстан Республикасы Ақпараттандыру және байланыс агенттігі Төрағасының 2010 жылғы 20 сәуірдегі № 15 және Қазақстан Республикасы Жер ресурстарын басқару агенттігі төрағасының 2010 жылғы 4 мамырдағы № 67-П Бірлескен бұйрығы
      Күші жойылды - ҚР Қаржы министрінің 2010.05.24 № 248, ҚР Әділет министрінің 2010.04.13 № 115, ҚР Ақпараттандыру және байланыс агенттігі Төрағасының 2010.04.20 № 15 және ҚР Жер ресурстарын басқару агенттігі төрағасының 2010.05.04 № 67-П Бірлескен бұйрығымен.
      «Мемлекеттік басқару туралы» Қазақстан Республикасының Заңына сәйкес БҰЙЫРАМЫЗ:
      1. Қоса беріліп отырған ереже бекітілсін.
      2. Осы бірлескен бұйрық алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.
      Қазақстан Республикасының
      Қаржы министрі                  А. Есенбаев
";

#[test]
fn an_older_joint_order_of_four_issuers() {
    let repeal = json!({
        "type": "order",
        "issuer": "Қазақстан Республикасы Қаржы министрі",
        "date": "2010-05-24",
        "number": "248",
    });
    check(
        OLDER_JOINT_ORDER,
        &[
            ("/status", json!("repealed")),
            ("/act/type", json!("order")),
            (
                "/act/issuer",
                json!("Қазақстан Республикасы Қаржы министрі"),
            ),
            ("/act/date", json!("2005-10-29")),
            ("/act/number", json!("386")),
            ("/registration/date", json!("2005-11-01")),
            ("/registration/number", json!("3915")),
            ("/repealed_by", repeal.clone()),
            ("/notes/0/kind", json!("repeal")),
            ("/notes/0/scope", json!("document")),
            ("/notes/0/by", repeal),
            ("/notes/1", Value::Null),
            ("/references/0/role", json!("repealed_by")),
            ("/references/1/role", json!("repealed_by")),
            ("/references/2/type", json!("law")),
            ("/references/2/role", json!("legal_basis")),
            ("/references/3", Value::Null),
            ("/body/0/number", json!("1")),
            ("/warnings", json!([])),
        ],
    );
}

/// A resolution that approves one regulation, whose annex header only says
/// which act approved it (`… № 245 қаулысымен бекітілген`), with no
/// `қосымша` header, and whose headings follow a finished sentence with no
/// empty line.
const ONE_REGULATION: &str = r#"
"Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызмет регламентін бекіту туралы

Қолданыстағы
Түркістан облысы әкімдігінің 2019 жылғы 21 қарашадағы № 245 қаулысы. Түркістан облысының Әділет департаментінде 2019 жылғы 28 қарашада № 5271 болып тіркелді.
      "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" 2001 жылғы 23 қаңтардағы Қазақстан Республикасының Заңының 27-бабына, "Мемлекеттік көрсетілетін қызметтер туралы" 2013 жылғы 15 сәуірдегі Қазақстан Республикасының Заңының 16-бабының 3-тармағына сәйкес Түркістан облысының әкімдігі ҚАУЛЫ ЕТЕДІ:
      1. Қоса беріліп отырған "Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызмет регламенті бекітілсін.
      2. "Түркістан облысының жер қатынастары басқармасы" мемлекеттік мекемесі Қазақстан Республикасының заңнамасында белгіленген тәртіпте осы қаулының мемлекеттік тіркелуін қамтамасыз етсін.
      3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары Е.Қ.Кенжеханұлыға жүктелсін.
      4. Осы қаулы оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Облыс әкімі Ө.Шөкеев

Түркістан облысы әкімдігінің 2019 жылғы 21 қарашадағы № 245 қаулысымен бекітілген

"Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызмет регламенті
1. Жалпы ережелер
      1. "Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызметін (бұдан әрі – мемлекеттік көрсетілетін қызмет) аудандардың және облыстық маңызы бар қалалардың жергілікті атқарушы органдары (бұдан әрі – көрсетілетін қызметті беруші) көрсетеді.
      2. Мемлекеттік қызмет көрсету нысаны: электрондық (ішінара автоматтандырылған) және (немесе) қағаз түрінде.
      3. Мемлекеттік қызметті көрсету нәтижесі – Стандарттың 1-қосымшасына сәйкес нысан бойынша жер учаскесіне құқық беру туралы шешім не Стандарттың 10-тармағында көзделген негіздер бойынша мемлекеттік қызметті көрсетуден бас тарту туралы дәлелді жауап.
2. Мемлекеттік қызмет көрсету процесінде көрсетілетін қызметті берушінің құрылымдық бөлімшелерінің (қызметкерлерінің) іс-қимыл тәртібін сипаттау
      4. Мемлекеттік қызмет көрсету бойынша рәсімді (іс-қимылды) бастауға көрсетілетін қызметті алушының Стандарттың 9-тармағында көрсетілген құжаттармен бірге өтініші негіздеме болып табылады.
      5. Мемлекеттік қызмет көрсету процесінің құрамына кіретін әрбір рәсімнің (іс-қимылдың) мазмұны, оның орындалу ұзақтығы:
      1) көрсетілетін қызметті берушінің кеңсе қызметкері құжаттарды қабылдайды, тіркейді және көрсетілетін қызметті берушінің басшысына жолдайды – 30 (отыз) минут ішінде;
      2) көрсетілетін қызметті берушінің басшысы құжаттармен танысады және жауапты орындаушыны анықтайды – 3 (үш) сағат ішінде;
      3) көрсетілетін қызметті берушінің жауапты орындаушысы құжаттарды қарайды, осы Регламенттің 2-қосымшасына сәйкес жобаны дайындайды – 5 (бес) жұмыс күні ішінде;
      4) көрсетілетін қызметті берушінің басшысы мемлекеттік қызмет көрсету нәтижесіне қол қояды – 1 (бір) жұмыс күні ішінде;
      5) көрсетілетін қызметті берушінің кеңсе қызметкері мемлекеттік қызмет көрсету нәтижесін көрсетілетін қызметті алушыға береді – 15 (он бес) минут ішінде.
      6. Мемлекеттік қызмет көрсету бойынша рәсімнің (іс-қимылдың) нәтижесі Стандарттың 3-бөліміне сәйкес көрсетіледі.
"#;

/// [`ONE_REGULATION`] as a PDF extraction gives it: lines wrapped at 80
/// columns with a trailing space, and four link texts moved to their line's
/// end (`Заңының  3-тармағына сәйкес Түркістан 16-бабының`,
/// `Стандарттың  сәйкес көрсетіледі.3-бөліміне` …).
const ONE_REGULATION_DAMAGED: &str = r#"
"Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызмет регламентін бекіту 
туралы

Қолданыстағы
Түркістан облысы әкімдігінің 2019 жылғы 21 қарашадағы № 245 қаулысы. Түркістан 
облысының Әділет департаментінде 2019 жылғы 28 қарашада № 5271 болып тіркелді.
      "Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі 
басқару туралы" 2001 жылғы 23 қаңтардағы Қазақстан Республикасының Заңының 
27-бабына, "Мемлекеттік көрсетілетін қызметтер туралы" 2013 жылғы 15 сәуірдегі 
Қазақстан Республикасының Заңының  3-тармағына сәйкес Түркістан 16-бабының
облысының әкімдігі ҚАУЛЫ ЕТЕДІ:
      1. Қоса беріліп отырған "Жер учаскесіне құқық беру" мемлекеттік 
көрсетілетін қызмет регламенті бекітілсін.
      2. "Түркістан облысының жер қатынастары басқармасы" мемлекеттік мекемесі 
Қазақстан Республикасының заңнамасында белгіленген тәртіпте осы қаулының 
мемлекеттік тіркелуін қамтамасыз етсін.
      3. Осы қаулының орындалуын бақылау облыс әкімінің орынбасары 
Е.Қ.Кенжеханұлыға жүктелсін.
      4. Осы қаулы оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он 
күн өткен соң қолданысқа енгізіледі.
      Облыс әкімі Ө.Шөкеев

Түркістан облысы әкімдігінің 2019 жылғы 21 қарашадағы № 245 қаулысымен 
бекітілген

"Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызмет регламенті
1. Жалпы ережелер
      1. "Жер учаскесіне құқық беру" мемлекеттік көрсетілетін қызметін (бұдан 
әрі – мемлекеттік көрсетілетін қызмет) аудандардың және облыстық маңызы бар 
қалалардың жергілікті атқарушы органдары (бұдан әрі – көрсетілетін қызметті 
беруші) көрсетеді.
      2. Мемлекеттік қызмет көрсету нысаны: электрондық (ішінара 
автоматтандырылған) және (немесе) қағаз түрінде.
      3. Мемлекеттік қызметті көрсету нәтижесі – Стандарттың 1-қосымшасына 
сәйкес нысан бойынша жер учаскесіне құқық беру туралы шешім не Стандарттың 
10-тармағында көзделген негіздер бойынша мемлекеттік қызметті көрсетуден бас 
тарту туралы дәлелді жауап.
2. Мемлекеттік қызмет көрсету процесінде көрсетілетін қызметті берушінің 
құрылымдық бөлімшелерінің (қызметкерлерінің) іс-қимыл тәртібін сипаттау
      4. Мемлекеттік қызмет көрсету бойынша рәсімді (іс-қимылды) бастауға 
көрсетілетін қызметті алушының Стандарттың  көрсетілген құжаттармен 9-тармағында
бірге өтініші негіздеме болып табылады.
      5. Мемлекеттік қызмет көрсету процесінің құрамына кіретін әрбір рәсімнің 
(іс-қимылдың) мазмұны, оның орындалу ұзақтығы:
      1) көрсетілетін қызметті берушінің кеңсе қызметкері құжаттарды қабылдайды, 
тіркейді және көрсетілетін қызметті берушінің басшысына жолдайды – 30 (отыз) 
минут ішінде;
      2) көрсетілетін қызметті берушінің басшысы құжаттармен танысады және 
жауапты орындаушыны анықтайды – 3 (үш) сағат ішінде;
      3) көрсетілетін қызметті берушінің жауапты орындаушысы құжаттарды қарайды, 
осы Регламенттің  сәйкес жобаны дайындайды – 5 (бес) жұмыс күні 2-қосымшасына
ішінде;
      4) көрсетілетін қызметті берушінің басшысы мемлекеттік қызмет көрсету 
нәтижесіне қол қояды – 1 (бір) жұмыс күні ішінде;
      5) көрсетілетін қызметті берушінің кеңсе қызметкері мемлекеттік қызмет 
көрсету нәтижесін көрсетілетін қызметті алушыға береді – 15 (он бес) минут 
ішінде.
      6. Мемлекеттік қызмет көрсету бойынша рәсімнің (іс-қимылдың) нәтижесі 
Стандарттың  сәйкес көрсетіледі.3-бөліміне
"#;

#[test]
fn a_regulation_approved_without_an_annex_number() {
    check(
        ONE_REGULATION,
        &[
            ("/act/region", json!("Түркістан облысы")),
            ("/signatory/position", json!("Облыс әкімі")),
            ("/signatory/name", json!("Ө.Шөкеев")),
            ("/body/3/number", json!("4")),
            ("/body/4", Value::Null),
            ("/regulations/0/annex", Value::Null),
            ("/regulations/0/service", json!("Жер учаскесіне құқық беру")),
            ("/regulations/0/sections/1/points/1/number", json!("5")),
            (
                "/regulations/0/sections/1/points/1/subpoints/2/actor",
                json!("көрсетілетін қызметті берушінің жауапты орындаушысы"),
            ),
            (
                "/regulations/0/sections/1/points/1/subpoints/2/duration",
                json!({"value": 5, "unit": "working_day", "bound": "within", "text": "5 (бес) жұмыс күні"}),
            ),
            (
                "/regulations/0/sections/1/points/1/subpoints/5",
                Value::Null,
            ),
            ("/regulations/0/sections/2", Value::Null),
        ],
    );
}

/// Hard wraps and moved link texts in a text the corpus does not hold are
/// repaired exactly: the damaged text normalizes to what the clean one does.
#[test]
fn wraps_and_moved_links_in_an_unseen_act_are_repaired_exactly() {
    let clean = kazlex::normalize::normalize(ONE_REGULATION);
    let repaired = kazlex::normalize::normalize(ONE_REGULATION_DAMAGED);
    assert_eq!(repaired.text, clean.text);
    assert_eq!(repaired.counts.moved_link_texts, 4);
    assert_eq!(clean.counts.moved_link_texts, 0);
    assert!(repaired.text.contains(
        "Қазақстан Республикасының Заңының 16-бабының 3-тармағына сәйкес Түркістан облысының әкімдігі ҚАУЛЫ ЕТЕДІ:"
    ));
}

/// Points and steps inserted by an amendment are numbered after the one
/// they follow (`3-1.`, `1-1)`), and stand on their own.
#[test]
fn points_inserted_by_an_amendment() {
    let amended = ONE_REGULATION
        .replace(
            "      4. Осы қаулы оның алғашқы",
            "      3-1. Осы қаулының орындалуын бақылау облыс әкімінің орынбасарына жүктелсін.\n      4. Осы қаулы оның алғашқы",
        )
        .replace(
            "      2) көрсетілетін қызметті берушінің басшысы құжаттармен",
            "      1-1) көрсетілетін қызметті берушінің маманы құжаттарды тексереді – 1 (бір) сағат ішінде;\n      2) көрсетілетін қызметті берушінің басшысы құжаттармен",
        );
    assert_ne!(amended, ONE_REGULATION);
    check(
        &amended,
        &[
            ("/body/3/number", json!("3-1")),
            ("/body/4/number", json!("4")),
            ("/body/5", Value::Null),
            (
                "/regulations/0/sections/1/points/1/subpoints/1/number",
                json!("1-1"),
            ),
            (
                "/regulations/0/sections/1/points/1/subpoints/1/actor",
                json!("көрсетілетін қызметті берушінің маманы"),
            ),
            (
                "/regulations/0/sections/1/points/1/subpoints/1/duration/unit",
                json!("hour"),
            ),
            (
                "/regulations/0/sections/1/points/1/subpoints/2/number",
                json!("2"),
            ),
        ],
    );
}

/// Drops what depends on where the text stands or how it is written
/// (spans, quoted text, source), and writes every number sign as `N`, so
/// that two extractions can be compared for what they read.
fn read_values(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "span" | "text" | "source" | "title"))
                .map(|(k, x)| (k.clone(), read_values(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(read_values).collect()),
        Value::String(s) => Value::String(s.replace("№ ", "N ").replace('№', "N ")),
        x => x.clone(),
    }
}

/// Many acts of the register write the number sign as a Latin `N` (`№ 458`
/// as `N 458`). Each corpus document written so, moved links and all,
/// reads as the original: header, registration, repeal, notes, references
/// and steps.
#[test]
fn acts_that_write_the_number_sign_n() {
    for stem in common::CORPUS {
        let text = common::corpus_text(stem);
        let with_n = text.replace("№ ", "N ").replace('№', "N ");
        let original = common::extract_json(&text);
        let written_n = common::extract_json(&with_n);
        assert_eq!(read_values(&written_n), read_values(&original), "{stem}");
    }
    // The values themselves, on 002: its header and the order its
    // preamble cites, whose `№ 173` is a moved link (002:19).
    let doc = common::extract_json(&common::corpus_text("002_c1cbb27e839fa933").replace('№', "N"));
    assert_eq!(doc.pointer("/act/number"), Some(&json!("458")));
    assert_eq!(doc.pointer("/registration/number"), Some(&json!("4865")));
    assert_eq!(doc.pointer("/repealed_by/number"), Some(&json!("35")));
    let orders: Vec<&Value> = doc["references"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["number"] == json!("173"))
        .collect();
    assert_eq!(orders.len(), 2, "{doc:#}");
    assert!(orders
        .iter()
        .all(|r| r["registration_number"] == json!("11058")));
}

/// Every step result (`result`) of a document, in order.
fn results(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for r in doc["regulations"].as_array().into_iter().flatten() {
        for s in r["sections"].as_array().into_iter().flatten() {
            for p in s["points"].as_array().into_iter().flatten() {
                for sp in p["subpoints"].as_array().into_iter().flatten() {
                    out.push(sp["result"].clone());
                }
            }
        }
    }
    out
}

/// Some regulations open a step's result with `Нәтиже –` ('result –')
/// instead of `Нәтижесі –` ('its result –'). The corpus's regulations
/// written so give the same steps and results.
#[test]
fn results_opened_by_the_bare_word() {
    for stem in ["002_c1cbb27e839fa933", "004_e9cea40fad9b84a2"] {
        let text = common::corpus_text(stem);
        let bare = text
            .replace("Нәтижесі –", "Нәтиже –")
            .replace("Нәтижесі -", "Нәтиже -");
        assert_ne!(bare, text);
        let original = common::extract_json(&text);
        let written = common::extract_json(&bare);
        let (a, b) = (results(&written), results(&original));
        assert_eq!(a, b, "{stem}");
        assert!(a.iter().filter(|r| !r.is_null()).count() >= 5, "{stem}");
        assert_eq!(
            written["regulations"].as_array().map(Vec::len),
            original["regulations"].as_array().map(Vec::len)
        );
    }
}

/// The acts that repealed the genre's regulations in 2020 list what they
/// declare invalid, in an annex (`… күші жойылды деп танылатын кейбір
/// қаулыларының тізбесі`) or in a point's subpoints (`1. … мынадай
/// қаулыларының күші жойылды деп танылсын:`). Each act listed is one this
/// document repeals: role `amends`.
const REPEAL_ACT_HEAD: &str = "
Алматы облысы әкімдігінің кейбір қаулыларының күші жойылды деп тану туралы

Қолданыстағы
Алматы облысы әкімдігінің 2020 жылғы 14 мамырдағы № 186 қаулысы. Алматы облысы Әділет департаментінде 2020 жылғы 19 мамырда № 5519 болып тіркелді
      \"Құқықтық актілер туралы\" 2016 жылғы 6 сәуірдегі Қазақстан Республикасы Заңының 27-бабына сәйкес, Алматы облысының әкімдігі ҚАУЛЫ ЕТЕДІ:
";

const REPEALED_515: &str = "\"Мектепке дейінгі тәрбие мен оқыту саласындағы мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы\" Алматы облысы әкімдігінің 2015 жылғы 23 қарашадағы № 515 қаулысы (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 3587 болып тіркелген, 2015 жылғы 31 желтоқсанда \"Әділет\" ақпараттық-құқықтық жүйесінде жарияланған)";

const REPEALED_458: &str = "\"Алматы облысы әкімдігінің 2015 жылғы 23 қарашадағы № 515 қаулысына өзгерістер енгізу туралы\" Алматы облысы әкімдігінің 2018 жылғы 4 қазандағы № 458 қаулысы (Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 4865 болып тіркелген)";

/// What both forms of the repeal act give.
fn repealed_acts(doc: &str) {
    check(
        doc,
        &[
            ("/act/number", json!("186")),
            ("/references/0/role", json!("legal_basis")),
            ("/references/1/role", json!("amends")),
            ("/references/1/number", json!("515")),
            ("/references/1/date", json!("2015-11-23")),
            ("/references/1/registration_number", json!("3587")),
            ("/references/1/issuer", json!("Алматы облысы әкімдігі")),
            ("/references/2/role", json!("amends")),
            ("/references/2/number", json!("458")),
            ("/references/2/registration_number", json!("4865")),
            (
                "/references/2/title",
                json!("Алматы облысы әкімдігінің 2015 жылғы 23 қарашадағы № 515 қаулысына өзгерістер енгізу туралы"),
            ),
            ("/references/3", Value::Null),
            ("/regulations", json!([])),
            ("/warnings", json!([])),
        ],
    );
}

#[test]
fn a_repeal_act_listing_its_acts_in_an_annex() {
    for title in [
        "Алматы облысы әкімдігінің күші жойылды деп танылатын кейбір қаулыларының тізбесі",
        "Алматы облысы әкімдігінің күші жойылды деп танылған кейбір қаулыларының тізбесі",
    ] {
        repealed_acts(&repeal_act_with_an_annex(title));
    }
}

fn repeal_act_with_an_annex(title: &str) -> String {
    format!(
        "{REPEAL_ACT_HEAD}      1. Осы қаулының қосымшасына сәйкес Алматы облысы әкімдігінің кейбір қаулыларының күші жойылды деп танылсын.
      2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Алматы облысының әкімі А. Баталов

Алматы облысы әкімдігінің 2020 жылғы 14 мамырдағы № 186 қаулысына қосымша

{title}
      1. {REPEALED_515}.
      2. {REPEALED_458}.
"
    )
}

#[test]
fn a_repeal_act_listing_its_acts_in_subpoints() {
    let doc = format!(
        "{REPEAL_ACT_HEAD}      1. Алматы облысы әкімдігінің мынадай қаулыларының күші жойылды деп танылсын:
      1) {REPEALED_515};
      2) {REPEALED_458}.
      2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Алматы облысының әкімі А. Баталов
"
    );
    repealed_acts(&doc);
}

#[test]
fn a_repeal_act_whose_last_subpoint_ends_the_sentence() {
    let genitive = |act: &str| act.replacen("қаулысы (", "қаулысының (", 1);
    let doc = format!(
        "{REPEAL_ACT_HEAD}      1. Алматы облысы әкімдігінің мыналардың:
      1) {};
      2) {} күші жойылды деп танылсын.
      2. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.
      Алматы облысының әкімі А. Баталов
",
        genitive(REPEALED_515),
        genitive(REPEALED_458)
    );
    assert!(doc.contains("№ 458 қаулысының ("));
    repealed_acts(&doc);
}

/// An act the register labels `Жаңа` ('new'), as it prints lately
/// registered acts, wrapped as the PDF wraps it; its number carries the
/// akimat's letter (`А-9/466`).
const NEW_ACT: &str = "
\"Тұрғын үй құрылысы мақсаттары үшін жеке кәсіпкерлік субъектілеріне екінші 
деңгейдегі банктер беретін кредиттер бойынша сыйақы мөлшерлемелерін 
субсидиялау\" мемлекеттік көрсетілетін қызмет регламентін бекіту туралы\" Ақмола 
облысы әкімдігінің 2019 жылғы 16 мамырдағы № А-5/225 қаулысының күші жойылды 
деп тану туралы

Жаңа
Ақмола облысы әкімдігінің 2020 жылғы 15 қыркүйектегі № А-9/466 қаулысы. Ақмола 
облысының Әділет департаментінде 2020 жылғы 16 қыркүйекте № 8023 болып 
тіркелді
      \"Құқықтық актілер туралы\" Қазақстан Республикасының 2016 жылғы 6 
сәуірдегі Заңының 27-бабына сәйкес, Ақмола облысының әкімдігі ҚАУЛЫ ЕТЕДІ:
      1. \"Тұрғын үй құрылысы мақсаттары үшін жеке кәсіпкерлік субъектілеріне 
екінші деңгейдегі банктер беретін кредиттер бойынша сыйақы мөлшерлемелерін 
субсидиялау\" мемлекеттік көрсетілетін қызмет регламентін бекіту туралы\" Ақмола 
облысы әкімдігінің 2019 жылғы 16 мамырдағы № А-5/225 (Нормативтік құқықтық 
актілерді мемлекеттік тіркеу тізілімінде № 7187 болып тіркелген) қаулысының 
күші жойылды деп танылсын.
      2. Осы қаулы Ақмола облысының Әділет департаментінде мемлекеттік 
тіркелген күнінен бастап күшіне енеді және ресми жарияланған күнінен бастап 
қолданысқа енгізіледі.
      Ақмола облысының әкімі Е.Маржикпаев
";

#[test]
fn an_act_labelled_new_or_not_yet_in_force() {
    for label in ["Жаңа", "Күшіне енбеген"] {
        let doc = NEW_ACT.replace("\nЖаңа\n", &format!("\n{label}\n"));
        let warning = format!(
            "the status line `{label}` says neither `Күшін жойған` nor `Қолданыстағы`; status is unknown"
        );
        check(
            &doc,
            &[
                // Neither label says whether the act is in force.
                ("/status", json!("unknown")),
                ("/warnings", json!([warning])),
                // The label is not the issuer's first word.
                ("/act/issuer", json!("Ақмола облысы әкімдігі")),
                ("/act/date", json!("2020-09-15")),
                ("/act/number", json!("А-9/466")),
                ("/registration/number", json!("8023")),
                ("/references/1/number", json!("А-5/225")),
                ("/references/1/registration_number", json!("7187")),
                ("/references/1/role", json!("amends")),
                ("/signatory/name", json!("Е.Маржикпаев")),
            ],
        );
    }
}

/// The register publishes each act in Russian too; a user who feeds the
/// Russian version is told so, not only that no header was found.
#[test]
fn the_russian_version_of_an_act_is_named() {
    let russian = "
Об утверждении регламента государственной услуги \"Выдача архивных справок\"

Утратил силу
Постановление акимата Жамбылской области от 3 апреля 2014 года № 110. Зарегистрировано Департаментом юстиции Жамбылской области 15 мая 2014 года № 2219. Утратило силу постановлением акимата Жамбылской области от 28 августа 2014 года № 243
      Сноска. Утратило силу постановлением акимата Жамбылской области от 28.08.2014 № 243.
      В соответствии с Законом Республики Казахстан от 15 апреля 2013 года «О государственных услугах» акимат Жамбылской области ПОСТАНОВЛЯЕТ:
      1. Утвердить прилагаемый регламент государственной услуги «Выдача архивных справок».
";
    let language = "the text has no Kazakh letters (ә ғ қ ң ө ұ ү і): it may be the act's Russian version; kazlex reads the Kazakh one";
    let doc = common::extract_json(russian);
    assert!(
        doc["warnings"]
            .as_array()
            .is_some_and(|w| w.contains(&json!(language))),
        "{}",
        doc["warnings"]
    );
    // A Kazakh text without a header is not taken for Russian.
    let headless: String = NEW_ACT
        .lines()
        .filter(|l| !l.contains("№ А-9/466") && !l.starts_with("облысының Әділет"))
        .collect::<Vec<_>>()
        .join("\n");
    let doc = common::extract_json(&headless);
    let warnings = doc["warnings"].as_array().cloned().unwrap_or_default();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .is_some_and(|w| w.contains("the act's fields are unknown"))),
        "{warnings:?}"
    );
    assert!(!warnings.contains(&json!(language)), "{warnings:?}");
}
