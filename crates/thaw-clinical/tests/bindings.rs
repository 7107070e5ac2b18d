//! The types the UI sees produce TypeScript declarations (the app decides where to export them).

use thaw_clinical::questionnaire::*;
use thaw_clinical::safety::*;
use thaw_clinical::summary::*;
use ts_rs::{Config, TS};

#[test]
fn ui_types_declare_typescript() {
    let cfg = Config::new();
    let decls = [
        QuestionnaireDefinition::decl(&cfg),
        Phq9Answers::decl(&cfg),
        QuestionnaireAnswers::decl(&cfg),
        AnswerError::decl(&cfg),
        SafetyPlan::decl(&cfg),
        LockedCrisisView::decl(&cfg),
        CrisisScreen::decl(&cfg),
        VisitSummaryInput::decl(&cfg),
        thaw_clinical::ExportFormat::decl(&cfg),
    ];
    for d in &decls {
        assert!(d.starts_with("type "), "{d}");
    }
    assert!(decls[1].contains("items"), "{}", decls[1]);
    assert!(decls[7].contains("generated_at: string"), "{}", decls[7]);
}
