//! PHQ-9 and GAD-7 scoring against known answer vectors, every band edge, validation, and
//! properties (total = sum, band monotonic).

use proptest::prelude::*;
use thaw_clinical::questionnaire::*;

fn phq9(items: [u8; 9]) -> Phq9Answers {
    Phq9Answers::new(items, None).unwrap()
}

fn gad7(items: [u8; 7]) -> Gad7Answers {
    Gad7Answers::new(items, None).unwrap()
}

/// A PHQ-9 answer vector with the given total, filling items from the first (item 9 stays 0
/// unless the total needs it).
fn phq9_with_total(total: u8) -> [u8; 9] {
    let mut items = [0u8; 9];
    let mut left = total;
    for v in items.iter_mut() {
        *v = left.min(3);
        left -= *v;
    }
    assert_eq!(left, 0);
    items
}

fn gad7_with_total(total: u8) -> [u8; 7] {
    let mut items = [0u8; 7];
    let mut left = total;
    for v in items.iter_mut() {
        *v = left.min(3);
        left -= *v;
    }
    assert_eq!(left, 0);
    items
}

#[test]
fn phq9_known_vectors() {
    let cases: [([u8; 9], u8, Phq9Band); 6] = [
        ([0; 9], 0, Phq9Band::Minimal),
        ([3; 9], 27, Phq9Band::Severe),
        ([1, 1, 1, 1, 1, 0, 0, 0, 0], 5, Phq9Band::Mild),
        ([2, 2, 3, 2, 1, 2, 1, 1, 1], 15, Phq9Band::ModeratelySevere),
        ([1, 2, 1, 2, 1, 1, 1, 1, 0], 10, Phq9Band::Moderate),
        ([3, 3, 3, 3, 2, 2, 2, 1, 1], 20, Phq9Band::Severe),
    ];
    for (items, total, band) in cases {
        let a = phq9(items);
        assert_eq!(a.total(), total, "{items:?}");
        assert_eq!(a.band(), band, "{items:?}");
    }
}

#[test]
fn phq9_every_band_edge() {
    let edges = [
        (4, Phq9Band::Minimal),
        (5, Phq9Band::Mild),
        (9, Phq9Band::Mild),
        (10, Phq9Band::Moderate),
        (14, Phq9Band::Moderate),
        (15, Phq9Band::ModeratelySevere),
        (19, Phq9Band::ModeratelySevere),
        (20, Phq9Band::Severe),
        (0, Phq9Band::Minimal),
        (27, Phq9Band::Severe),
    ];
    for (total, band) in edges {
        let a = phq9(phq9_with_total(total));
        assert_eq!(a.total(), total);
        assert_eq!(a.band(), band, "total {total}");
        assert_eq!(Phq9Band::from_total(total), Ok(band));
    }
    assert_eq!(
        Phq9Band::from_total(28),
        Err(AnswerError::TotalOutOfRange { total: 28, max: 27 })
    );
}

#[test]
fn gad7_known_vectors_and_every_cut_point() {
    assert_eq!(gad7([0; 7]).total(), 0);
    assert_eq!(gad7([3; 7]).total(), 21);
    assert_eq!(gad7([3; 7]).band(), Gad7Band::Severe);
    assert_eq!(gad7([2, 1, 2, 1, 1, 1, 1]).total(), 9);
    assert_eq!(gad7([2, 1, 2, 1, 1, 1, 1]).band(), Gad7Band::Mild);
    let edges = [
        (0, Gad7Band::Minimal),
        (4, Gad7Band::Minimal),
        (5, Gad7Band::Mild),
        (9, Gad7Band::Mild),
        (10, Gad7Band::Moderate),
        (14, Gad7Band::Moderate),
        (15, Gad7Band::Severe),
        (21, Gad7Band::Severe),
    ];
    for (total, band) in edges {
        let a = gad7(gad7_with_total(total));
        assert_eq!(a.total(), total);
        assert_eq!(a.band(), band, "total {total}");
    }
    assert!(Gad7Band::from_total(22).is_err());
}

#[test]
fn band_words_are_information_not_grades() {
    assert_eq!(
        Phq9Band::Mild.describe(),
        "This score is in the range often called mild (5 to 9)."
    );
    assert_eq!(
        Phq9Band::ModeratelySevere.describe(),
        "This score is in the range often called moderately severe (15 to 19)."
    );
    assert_eq!(
        Gad7Band::Severe.describe(),
        "This score is in the range often called severe (15 to 21)."
    );
    for b in [
        Phq9Band::Minimal,
        Phq9Band::Mild,
        Phq9Band::Moderate,
        Phq9Band::ModeratelySevere,
        Phq9Band::Severe,
    ] {
        assert!(!b.describe().contains("You are"));
        assert_eq!(thaw_clinical::words::find_never_say(&b.describe()), None);
    }
}

#[test]
fn crisis_support_is_item_9_above_not_at_all() {
    assert!(!needs_crisis_support(&phq9([3, 3, 3, 3, 3, 3, 3, 3, 0])));
    for v in 1..=3 {
        let mut items = [0; 9];
        items[8] = v;
        assert!(needs_crisis_support(&phq9(items)), "item 9 = {v}");
        assert!(QuestionnaireAnswers::Phq9(phq9(items)).needs_crisis_support());
    }
    assert!(!QuestionnaireAnswers::Gad7(gad7([3; 7])).needs_crisis_support());
}

#[test]
fn validation_gives_clear_typed_errors() {
    assert_eq!(
        Phq9Answers::new([0, 0, 0, 4, 0, 0, 0, 0, 0], None),
        Err(AnswerError::OutOfRange { item: 4, value: 4 })
    );
    let mut partial = vec![Some(1u8); 9];
    partial[6] = None;
    assert_eq!(
        Phq9Answers::from_responses(&partial, None),
        Err(AnswerError::Unanswered { item: 7 })
    );
    assert_eq!(
        Gad7Answers::from_responses(&[Some(0); 9], None),
        Err(AnswerError::WrongCount {
            instrument: Instrument::Gad7,
            expected: 7,
            got: 9
        })
    );
    let e = Phq9Answers::new([9; 9], None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "item 1 has the answer 9, but answers go from 0 to 3"
    );
}

#[test]
fn deserialising_checks_the_answers_too() {
    let ok: Phq9Answers =
        serde_json::from_str(r#"{"items":[0,1,2,3,0,1,2,3,1],"difficulty":"very_difficult"}"#)
            .unwrap();
    assert_eq!(ok.total(), 13);
    assert_eq!(ok.difficulty(), Some(Difficulty::VeryDifficult));
    let round: Phq9Answers = serde_json::from_str(&serde_json::to_string(&ok).unwrap()).unwrap();
    assert_eq!(round, ok);
    assert!(serde_json::from_str::<Phq9Answers>(r#"{"items":[0,1,2,3,0,1,2,3,4]}"#).is_err());
    assert!(serde_json::from_str::<Gad7Answers>(r#"{"items":[0,1,2]}"#).is_err());
    assert!(serde_json::from_str::<Gad7Answers>(r#"{"items":[0,1,2,null,0,0,0]}"#).is_err());
    let tagged: QuestionnaireAnswers =
        serde_json::from_str(r#"{"instrument":"gad7","items":[1,1,1,1,1,1,1]}"#).unwrap();
    assert_eq!(tagged.total(), 7);
}

#[test]
fn the_published_text_is_exact() {
    let phq = Instrument::Phq9.definition();
    assert_eq!(
        phq.stem,
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    );
    assert_eq!(phq.items.len(), 9);
    assert_eq!(
        phq.items[0].text,
        "Little interest or pleasure in doing things"
    );
    assert_eq!(
        phq.items[8].text,
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    );
    let labels: Vec<(u8, &str)> = phq
        .options
        .iter()
        .map(|o| (o.value, o.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (0, "Not at all"),
            (1, "Several days"),
            (2, "More than half the days"),
            (3, "Nearly every day")
        ]
    );
    assert_eq!(phq.difficulty_options.len(), 4);
    assert_eq!(phq.difficulty_options[0].label, "Not difficult at all");
    assert_eq!(phq.attribution, "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.");
    let gad = Instrument::Gad7.definition();
    assert_eq!(gad.items.len(), 7);
    assert_eq!(gad.items[3].text, "Trouble relaxing");
    assert_eq!(gad.attribution, phq.attribution);
    assert_eq!(Instrument::Phq9.max_total(), 27);
    assert_eq!(Instrument::Gad7.max_total(), 21);
    assert_eq!(loinc::PHQ9_TOTAL, "44261-6");
    assert_eq!(loinc::PHQ9_ITEM9, "44260-8");
    assert_eq!(loinc::PHQ9_PANEL, "44249-1");
    assert_eq!(loinc::GAD7_TOTAL, "70274-6");
    assert_eq!(loinc::GAD7_PANEL, "69737-5");
    assert_eq!(PHQ9_ITEM_LOINC[8], loinc::PHQ9_ITEM9);
}

proptest! {
    #[test]
    fn phq9_total_is_the_sum(items in proptest::array::uniform9(0u8..=3)) {
        let a = phq9(items);
        prop_assert_eq!(a.total() as u32, items.iter().map(|v| *v as u32).sum::<u32>());
        prop_assert!(a.total() <= 27);
        let (lo, hi) = a.band().range();
        prop_assert!(lo <= a.total() && a.total() <= hi);
        prop_assert_eq!(needs_crisis_support(&a), items[8] > 0);
    }

    #[test]
    fn gad7_total_is_the_sum(items in proptest::array::uniform7(0u8..=3)) {
        let a = gad7(items);
        prop_assert_eq!(a.total() as u32, items.iter().map(|v| *v as u32).sum::<u32>());
        let (lo, hi) = a.band().range();
        prop_assert!(lo <= a.total() && a.total() <= hi);
    }

    #[test]
    fn bands_are_monotonic(a in 0u8..=27, b in 0u8..=27) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(Phq9Band::from_total(lo).unwrap() <= Phq9Band::from_total(hi).unwrap());
        let (lo, hi) = (lo.min(21), hi.min(21));
        prop_assert!(Gad7Band::from_total(lo).unwrap() <= Gad7Band::from_total(hi).unwrap());
    }

    #[test]
    fn raising_one_answer_never_lowers_the_band(items in proptest::array::uniform9(0u8..=2), i in 0usize..9) {
        let before = phq9(items);
        let mut raised = items;
        raised[i] += 1;
        let after = phq9(raised);
        prop_assert_eq!(after.total(), before.total() + 1);
        prop_assert!(after.band() >= before.band());
    }

    #[test]
    fn any_value_above_3_is_refused(items in proptest::array::uniform9(0u8..=255)) {
        let r = Phq9Answers::new(items, None);
        prop_assert_eq!(r.is_ok(), items.iter().all(|v| *v <= 3));
    }
}

/// The GAD-7 exactly as one published form (the PHQ Screeners GAD-7): its own stem, its items,
/// and its own closing sentence, never the PHQ-9's.
#[test]
fn the_gad7_is_one_published_form() {
    let gad = Instrument::Gad7.definition();
    assert_eq!(
        gad.stem,
        "Over the last two weeks, how often have you been bothered by the following problems?"
    );
    let items: Vec<&str> = gad.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        items,
        [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ]
    );
    assert_eq!(
        gad.difficulty_question,
        "If you checked any problems, how difficult have they made it for you to do your work, take care of things at home, or get along with other people?"
    );
    let phq = Instrument::Phq9.definition();
    assert_ne!(gad.difficulty_question, phq.difficulty_question);
    assert!(phq
        .difficulty_question
        .starts_with("If you checked off any problems"));
}
