//! End-to-end tests of the normalizer on corpus excerpts.

use super::*;

#[track_caller]
fn check(input: &str, expected: &str) {
    let n = normalize(input);
    assert_eq!(n.text, expected);
}

#[test]
fn note_with_a_moved_number_000_13() {
    check(
        "      Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № \n\n қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа 120\nенгізіледі).\n      1. Осы",
        "Ескерту. Күші жойылды - Батыс Қазақстан облысы әкімдігінің 01.06.2020 № 120 қаулысымен (алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі).\n1. Осы",
    );
}
