//! The personal safety plan (Stanley-Brown sections plus reasons for living) and crisis resources
//! by region.
//!
//! Crisis resources are editable data with a US default. While the app is locked, only
//! [`CrisisResources::locked_view`] is shown: public numbers, never personal data.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::reach::DialNumber;

/// Said wherever crisis options are shown.
pub const NOBODY_WATCHES: &str =
    "Nobody watches this app in real time. If you are in danger now, call or text someone below.";

/// How a crisis resource is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    Call,
    Text,
    CallOrText,
}

/// A crisis line or emergency number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CrisisResource {
    /// Shown as the button's words, e.g. "988 Suicide & Crisis Lifeline".
    pub name: String,
    /// What to dial or text, e.g. "988", "741741".
    pub number: String,
    pub method: ContactMethod,
    /// For text lines: the word to send, e.g. "HOME".
    pub text_keyword: Option<String>,
    /// One plain line beside the Call and Text buttons, saying what they do not (the buttons
    /// already say the number and the word to text), e.g. "A trained counselor answers, any
    /// time, free."
    pub description: String,
    /// A public service number (safe to show on the lock screen). Entries a person adds, such as a
    /// clinic, are not public unless they say so.
    pub public: bool,
    /// The local emergency number (911 in the US).
    pub emergency: bool,
}

impl CrisisResource {
    /// How to reach it, in words, from its method, number and keyword: "Call or text 988.",
    /// "Text HOME to 741741.", "Call 911." The crisis sheet says this on its buttons, so it
    /// is not part of `description`; a written plan, which has no buttons, says it first.
    pub fn how(&self) -> String {
        let number = &self.number;
        match (self.method, self.text_keyword.as_deref()) {
            (ContactMethod::Call, _) => format!("Call {number}."),
            (ContactMethod::CallOrText, _) => format!("Call or text {number}."),
            (ContactMethod::Text, Some(word)) => format!("Text {word} to {number}."),
            (ContactMethod::Text, None) => format!("Text {number}."),
        }
    }
}

/// Crisis resources for one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CrisisResources {
    /// ISO 3166-1 alpha-2, e.g. "US".
    pub region: String,
    /// e.g. "United States".
    pub region_name: String,
    pub resources: Vec<CrisisResource>,
}

impl Default for CrisisResources {
    fn default() -> Self {
        Self::us_default()
    }
}

impl CrisisResources {
    /// The US default: 988 (call or text), Crisis Text Line (text HOME to 741741), 911.
    pub fn us_default() -> Self {
        CrisisResources {
            region: "US".into(),
            region_name: "United States".into(),
            resources: vec![
                CrisisResource {
                    name: "988 Suicide & Crisis Lifeline".into(),
                    number: "988".into(),
                    method: ContactMethod::CallOrText,
                    text_keyword: None,
                    description: "A trained counselor answers, any time, free.".into(),
                    public: true,
                    emergency: false,
                },
                CrisisResource {
                    name: "Crisis Text Line".into(),
                    number: "741741".into(),
                    method: ContactMethod::Text,
                    text_keyword: Some("HOME".into()),
                    description: "A trained volunteer texts back, any time, free.".into(),
                    public: true,
                    emergency: false,
                },
                CrisisResource {
                    name: "Emergency".into(),
                    number: "911".into(),
                    method: ContactMethod::Call,
                    text_keyword: None,
                    description: "For when you or someone else is in danger right now.".into(),
                    public: true,
                    emergency: true,
                },
            ],
        }
    }

    /// The built-in resources for a region, if we ship them. Only the US today; other regions are
    /// entered by the person (and start from an empty, editable list).
    pub fn for_region(region: &str) -> Option<Self> {
        match region.to_ascii_uppercase().as_str() {
            "US" => Some(Self::us_default()),
            _ => None,
        }
    }

    /// The local emergency number, if one is set.
    pub fn emergency_number(&self) -> Option<&str> {
        self.resources
            .iter()
            .find(|r| r.emergency)
            .map(|r| r.number.as_str())
    }

    /// What the lock screen shows: public numbers only, never personal data.
    pub fn locked_view(&self) -> LockedCrisisView {
        LockedCrisisView {
            region: self.region.clone(),
            heading: "If you need help now".into(),
            nobody_watches: NOBODY_WATCHES.into(),
            resources: self
                .resources
                .iter()
                .filter(|r| r.public)
                .map(|r| PublicNumber {
                    name: r.name.clone(),
                    number: r.number.clone(),
                    method: r.method,
                    text_keyword: r.text_keyword.clone(),
                    description: r.description.clone(),
                    emergency: r.emergency,
                })
                .collect(),
        }
    }
}

/// A public crisis number as shown on the lock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublicNumber {
    pub name: String,
    pub number: String,
    pub method: ContactMethod,
    pub text_keyword: Option<String>,
    pub description: String,
    pub emergency: bool,
}

/// The lock screen's crisis view. By construction it holds no personal data: it is built only
/// from resources marked public, and it has no field for a name, a plan or a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LockedCrisisView {
    pub region: String,
    pub heading: String,
    pub nobody_watches: String,
    pub resources: Vec<PublicNumber>,
}

/// Someone in the person's life, on their plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanContact {
    pub name: String,
    pub phone: Option<String>,
    pub note: Option<String>,
}

/// A professional or service on the plan (clinician, clinic, crisis line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanProfessional {
    pub name: String,
    pub phone: Option<String>,
    /// e.g. "my therapist", "clinic, weekdays 9 to 5", "urgent care".
    pub note: Option<String>,
}

/// The Stanley-Brown safety plan, in the person's own words, plus reasons for living.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SafetyPlan {
    /// 1. Warning signs: thoughts, images, moods, situations, behaviour that a crisis may be coming.
    pub warning_signs: Vec<String>,
    /// 2. Internal coping strategies: things I can do on my own to take my mind off things.
    pub coping_on_my_own: Vec<String>,
    /// 3. People and social settings that provide distraction.
    pub distraction_people_and_places: Vec<PlanContact>,
    /// 4. People I can ask for help.
    pub people_to_ask_for_help: Vec<PlanContact>,
    /// 5. Professionals or agencies to contact during a crisis, including 988.
    pub professionals_and_services: Vec<PlanProfessional>,
    /// 6. Making the environment safe.
    pub making_surroundings_safer: Vec<String>,
    /// The one thing most worth living for, and others.
    pub reasons_for_living: Vec<String>,
}

impl Default for SafetyPlan {
    fn default() -> Self {
        Self::new(&CrisisResources::us_default())
    }
}

/// One section of the plan, for the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SafetyPlanSection {
    WarningSigns,
    CopingOnMyOwn,
    DistractionPeopleAndPlaces,
    PeopleToAskForHelp,
    ProfessionalsAndServices,
    MakingSurroundingsSafer,
    ReasonsForLiving,
}

impl SafetyPlanSection {
    /// In the order of the plan.
    pub const ALL: [SafetyPlanSection; 7] = [
        SafetyPlanSection::WarningSigns,
        SafetyPlanSection::CopingOnMyOwn,
        SafetyPlanSection::DistractionPeopleAndPlaces,
        SafetyPlanSection::PeopleToAskForHelp,
        SafetyPlanSection::ProfessionalsAndServices,
        SafetyPlanSection::MakingSurroundingsSafer,
        SafetyPlanSection::ReasonsForLiving,
    ];

    /// The section's heading, in plain words.
    pub fn title(self) -> &'static str {
        match self {
            SafetyPlanSection::WarningSigns => "Warning signs",
            SafetyPlanSection::CopingOnMyOwn => "Things I can do on my own",
            SafetyPlanSection::DistractionPeopleAndPlaces => {
                "People and places that help me take my mind off things"
            }
            SafetyPlanSection::PeopleToAskForHelp => "People I can ask for help",
            SafetyPlanSection::ProfessionalsAndServices => {
                "Professionals and services, including 988"
            }
            SafetyPlanSection::MakingSurroundingsSafer => "Making my surroundings safer",
            SafetyPlanSection::ReasonsForLiving => "My reasons for living",
        }
    }

    /// A gentle prompt for the editor.
    pub fn prompt(self) -> &'static str {
        match self {
            SafetyPlanSection::WarningSigns => {
                "Thoughts, images, moods or situations that tell you a hard time may be coming."
            }
            SafetyPlanSection::CopingOnMyOwn => {
                "Small things that help, even a little: a walk, music, a shower, a familiar show."
            }
            SafetyPlanSection::DistractionPeopleAndPlaces => {
                "People you can be around, and places you can go, without having to talk about it."
            }
            SafetyPlanSection::PeopleToAskForHelp => {
                "People you could tell that you are having a hard time."
            }
            SafetyPlanSection::ProfessionalsAndServices => {
                "Your clinician, your clinic, and crisis lines. 988 is already here."
            }
            SafetyPlanSection::MakingSurroundingsSafer => {
                "Ways to put distance between you and anything you could use to hurt yourself."
            }
            SafetyPlanSection::ReasonsForLiving => "What matters to you, in your own words.",
        }
    }
}

impl SafetyPlan {
    /// An empty plan whose professionals section already holds the region's public crisis lines
    /// (for the US: 988, the Crisis Text Line and 911).
    pub fn new(crisis: &CrisisResources) -> Self {
        SafetyPlan {
            warning_signs: vec![],
            coping_on_my_own: vec![],
            distraction_people_and_places: vec![],
            people_to_ask_for_help: vec![],
            professionals_and_services: crisis
                .resources
                .iter()
                .filter(|r| r.public)
                .map(|r| PlanProfessional {
                    name: r.name.clone(),
                    phone: Some(r.number.clone()),
                    // Written down, with no buttons beside it: how to reach it, then the line.
                    note: Some(format!("{} {}", r.how(), r.description).trim().to_string()),
                })
                .collect(),
            making_surroundings_safer: vec![],
            reasons_for_living: vec![],
        }
    }

    /// True when the person has written nothing of their own yet (pre-filled crisis lines do not
    /// count).
    pub fn is_blank(&self) -> bool {
        self.warning_signs.is_empty()
            && self.coping_on_my_own.is_empty()
            && self.distraction_people_and_places.is_empty()
            && self.people_to_ask_for_help.is_empty()
            && self.making_surroundings_safer.is_empty()
            && self.reasons_for_living.is_empty()
    }
}

/// What the app shows at once when PHQ-9 item 9 is above "Not at all" (or when the person opens
/// help): crisis options, their own contacts and plan, and the plain statement that nobody watches
/// the app in real time. Only for an unlocked app: it holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CrisisScreen {
    pub heading: String,
    pub nobody_watches: String,
    pub public_numbers: Vec<PublicNumber>,
    /// The person's own: people to ask for help, then professionals and services not already listed.
    pub my_contacts: Vec<CrisisContact>,
    pub plan: SafetyPlan,
    /// Offered so the person can bring it up at the next visit.
    pub flag_for_visit_label: String,
}

/// One of the person's own people or services on the crisis screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CrisisContact {
    pub name: String,
    /// As the person wrote it, shown as it is.
    pub phone: Option<String>,
    pub note: Option<String>,
    /// The number as a phone dials it (`+15550100142`), when `phone` can be dialled as written;
    /// `None` means Thaw shows the number but offers no Call or Text button for it.
    pub dial: Option<String>,
}

impl CrisisContact {
    fn new(name: &str, phone: Option<&str>, note: Option<&str>) -> Self {
        let phone = phone.map(str::trim).filter(|p| !p.is_empty());
        CrisisContact {
            name: name.to_string(),
            phone: phone.map(str::to_string),
            note: note.map(str::to_string),
            dial: phone
                .and_then(|p| DialNumber::parse(p).ok())
                .map(|d| d.as_str().to_string()),
        }
    }
}

/// Builds the crisis screen from the region's resources and the person's plan.
pub fn crisis_screen(crisis: &CrisisResources, plan: &SafetyPlan) -> CrisisScreen {
    let locked = crisis.locked_view();
    let public: std::collections::HashSet<&str> =
        locked.resources.iter().map(|r| r.number.as_str()).collect();
    let mut my_contacts: Vec<CrisisContact> = plan
        .people_to_ask_for_help
        .iter()
        .map(|c| CrisisContact::new(&c.name, c.phone.as_deref(), c.note.as_deref()))
        .collect();
    for p in &plan.professionals_and_services {
        if p.phone.as_deref().is_some_and(|n| public.contains(n)) {
            continue;
        }
        my_contacts.push(CrisisContact::new(
            &p.name,
            p.phone.as_deref(),
            p.note.as_deref(),
        ));
    }
    for r in crisis.resources.iter().filter(|r| !r.public) {
        my_contacts.push(CrisisContact::new(
            &r.name,
            Some(&r.number),
            Some(&r.description),
        ));
    }
    CrisisScreen {
        heading: "You do not have to hold this alone".into(),
        nobody_watches: NOBODY_WATCHES.into(),
        public_numbers: locked.resources,
        my_contacts,
        plan: plan.clone(),
        flag_for_visit_label: "Note this for my next visit".into(),
    }
}
