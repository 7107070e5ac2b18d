//! The safety plan and crisis resources: US default, locked view holds public numbers only.

use thaw_clinical::safety::*;

#[test]
fn us_default_has_988_crisis_text_line_and_911() {
    let us = CrisisResources::us_default();
    assert_eq!(us.region, "US");
    let numbers: Vec<&str> = us.resources.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, ["988", "741741", "911"]);
    assert_eq!(us.resources[0].method, ContactMethod::CallOrText);
    assert_eq!(us.resources[1].text_keyword.as_deref(), Some("HOME"));
    // The crisis sheet's buttons say how to reach each line ("Text HOME to 741741"); the line
    // under them says something else, so nothing is said twice there.
    assert_eq!(us.resources[1].how(), "Text HOME to 741741.");
    assert_eq!(us.resources[0].how(), "Call or text 988.");
    assert_eq!(us.resources[2].how(), "Call 911.");
    for r in &us.resources {
        assert!(!r.description.contains(&r.number), "{r:?}");
    }
    assert_eq!(us.emergency_number(), Some("911"));
    assert_eq!(CrisisResources::default(), us);
    assert_eq!(CrisisResources::for_region("us"), Some(us));
    assert_eq!(CrisisResources::for_region("ZZ"), None);
}

#[test]
fn locked_view_shows_public_numbers_only() {
    let mut resources = CrisisResources::us_default();
    resources.resources.push(CrisisResource {
        name: "Dr Rivera's clinic".into(),
        number: "555-0134".into(),
        method: ContactMethod::Call,
        text_keyword: None,
        description: "My clinic".into(),
        public: false,
        emergency: false,
    });
    let view = resources.locked_view();
    assert_eq!(view.resources.len(), 3);
    let json = serde_json::to_string(&view).unwrap();
    assert!(!json.contains("Rivera"));
    assert!(!json.contains("555-0134"));
    assert!(json.contains("988"));
    assert!(view
        .nobody_watches
        .contains("Nobody watches this app in real time"));
}

#[test]
fn a_new_plan_has_every_section_empty_but_988_already_there() {
    let plan = SafetyPlan::new(&CrisisResources::us_default());
    assert!(plan.is_blank());
    assert!(plan
        .professionals_and_services
        .iter()
        .any(|p| p.phone.as_deref() == Some("988")));
    // A written plan has no buttons: its note says how to reach the line, keyword and all.
    let text_line = plan
        .professionals_and_services
        .iter()
        .find(|p| p.phone.as_deref() == Some("741741"))
        .unwrap();
    assert_eq!(
        text_line.note.as_deref(),
        Some("Text HOME to 741741. A trained volunteer texts back, any time, free.")
    );
    assert_eq!(SafetyPlanSection::ALL.len(), 7);
    assert_eq!(
        SafetyPlanSection::ProfessionalsAndServices.title(),
        "Professionals and services, including 988"
    );
    for s in SafetyPlanSection::ALL {
        assert_eq!(thaw_clinical::words::find_never_say(s.title()), None);
        assert_eq!(thaw_clinical::words::find_never_say(s.prompt()), None);
    }
    let round: SafetyPlan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
    assert_eq!(round, plan);
}

#[test]
fn crisis_screen_lists_public_numbers_then_my_own_people() {
    let mut plan = SafetyPlan::default();
    plan.people_to_ask_for_help.push(PlanContact {
        name: "Sam".into(),
        phone: Some("555-0100".into()),
        note: None,
    });
    plan.professionals_and_services.push(PlanProfessional {
        name: "My therapist".into(),
        phone: Some("555-0199".into()),
        note: None,
    });
    plan.reasons_for_living.push("My daughter".into());
    let screen = crisis_screen(&CrisisResources::us_default(), &plan);
    assert_eq!(screen.public_numbers[0].number, "988");
    let mine: Vec<&str> = screen.my_contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(mine, ["Sam", "My therapist"]); // 988 etc. are not listed twice
    assert_eq!(screen.plan.reasons_for_living, ["My daughter"]);
    assert!(screen.nobody_watches.contains("Nobody watches"));
    assert_eq!(thaw_clinical::words::find_never_say(&screen.heading), None);
}
