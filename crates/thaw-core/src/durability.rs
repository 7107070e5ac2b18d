//! Nothing lost: one use-case, one unit of storage; drafts kept across a lock; a store that
//! opened with less than it held, said plainly; the data folder claimed for this process.

use chrono::{DateTime, FixedOffset};
use thaw_engine::Model;
use thaw_store::Store;

use crate::error::{AppError, Result};
use crate::ipc::{DraftKind, DraftView, MissingThings, StoreShortfall};
use crate::Thaw;

/// A use-case in progress as one unit: the store as it was outside the unit, and the model
/// as it was before, to put back if the unit does not commit.
pub(crate) struct Unit {
    outside: Store,
    model: Model,
}

/// The longest draft kept: a journal entry's limit with room for the form around it.
const MAX_DRAFT: usize = 100_000;

impl DraftKind {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DraftKind::Journal => "journal",
            DraftKind::Notice => "notice",
            DraftKind::Session => "session",
            DraftKind::SafetyPlan => "safety_plan",
        }
    }

    fn from_code(code: &str) -> Option<DraftKind> {
        [
            DraftKind::Journal,
            DraftKind::Notice,
            DraftKind::Session,
            DraftKind::SafetyPlan,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

impl Thaw {
    /// Take the data folder for this process (one Thaw per folder) and clear what killed
    /// operations left in it. The shell calls this first; refused with `in_use` when another
    /// Thaw has the folder, and every later call refuses the same way.
    pub fn claim_folder(&self) -> Result<()> {
        thaw_store::claim_data_dir(self.data_dir())?;
        Ok(())
    }

    /// Starts a unit: until [`Thaw::end_unit`], every read and write of the store this
    /// use-case makes goes into one transaction, so it is stored whole or not at all, and the
    /// engine's learned state with it. Inside another unit it joins that one.
    pub(crate) async fn begin_unit(&mut self) -> Result<Option<Unit>> {
        let open = self.open_mut()?;
        if open.store.in_unit() {
            return Ok(None);
        }
        let inside = open.store.begin_unit().await?;
        Ok(Some(Unit {
            outside: std::mem::replace(&mut open.store, inside),
            model: open.model.clone(),
        }))
    }

    /// Ends a unit with the use-case's `result`: commits when it succeeded (and only then is
    /// anything acknowledged), else rolls back and puts the learned state back as it was.
    pub(crate) async fn end_unit<T>(&mut self, unit: Option<Unit>, result: Result<T>) -> Result<T> {
        let Some(unit) = unit else {
            return result;
        };
        let Some(open) = self.open.as_mut() else {
            return result.and(Err(AppError::locked()));
        };
        let inside = std::mem::replace(&mut open.store, unit.outside);
        let result = match result {
            Ok(value) => inside
                .commit_unit()
                .await
                .map(|()| value)
                .map_err(Into::into),
            Err(e) => {
                inside.rollback_unit().await;
                Err(e)
            }
        };
        if result.is_err() {
            open.model = unit.model;
        }
        result
    }

    /// Keeps what the person is typing in form `kind`, so a lock never loses it.
    pub async fn save_draft(
        &mut self,
        kind: DraftKind,
        body: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if body.len() > MAX_DRAFT {
            return Err(AppError::invalid(
                "This is longer than Thaw can keep as a draft. It is still on your screen.",
            ));
        }
        let store = &self.open()?.store;
        if store.shortfall().is_some() {
            return Ok(());
        }
        store.save_draft(kind.code(), body, now).await?;
        Ok(())
    }

    /// Every draft kept, oldest first.
    pub async fn drafts(&self) -> Result<Vec<DraftView>> {
        Ok(self
            .open()?
            .store
            .drafts()
            .await?
            .into_iter()
            .filter_map(|d| {
                Some(DraftView {
                    kind: DraftKind::from_code(&d.kind)?,
                    body: d.body,
                })
            })
            .collect())
    }

    /// Lets a draft go (the person chose not to keep it).
    pub async fn discard_draft(&mut self, kind: DraftKind) -> Result<()> {
        let store = &self.open()?.store;
        if store.shortfall().is_none() {
            store.discard_draft(kind.code()).await?;
        }
        Ok(())
    }

    /// Lets the draft of a form go once the form is saved for real: inside the form's unit,
    /// so the draft goes exactly when the saved text is stored.
    pub(crate) async fn saved_for_real(&self, kind: DraftKind) -> Result<()> {
        self.open()?.store.discard_draft(kind.code()).await?;
        Ok(())
    }

    /// What Thaw found missing when it opened, if anything, in things a person knows (life
    /// areas, offered steps and prompts are bookkeeping: they count as "latest changes").
    pub(crate) fn shortfall(&self) -> Option<StoreShortfall> {
        const SHOWN: &[&str] = &[
            "personal_values",
            "movements",
            "check_ins",
            "responses",
            "internal_shifts",
            "journal_entries",
            "treatment_sessions",
            "questionnaire_responses",
        ];
        let found = self.open.as_ref()?.store.shortfall()?;
        let hidden = found
            .missing
            .iter()
            .any(|m| !SHOWN.contains(&m.table.as_str()));
        Some(StoreShortfall {
            missing: found
                .missing
                .iter()
                .filter(|m| SHOWN.contains(&m.table.as_str()))
                .map(|m| MissingThings {
                    what: if m.expected == 1 {
                        m.singular.clone()
                    } else {
                        m.plural.clone()
                    },
                    found: u32::try_from(m.found).unwrap_or(0),
                    expected: u32::try_from(m.expected).unwrap_or(u32::MAX),
                })
                .collect(),
            changes_missing: found.changes_missing || hidden,
        })
    }

    /// The person chose to carry on with what is here after Thaw opened with less than it
    /// held: it opens for writing, and what it holds now is the new baseline.
    pub async fn accept_store_as_found(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Result<crate::ipc::AppStatus> {
        let Some(open) = self.open.take() else {
            return Err(AppError::locked());
        };
        match open.store.accept_as_found().await {
            Ok(store) => {
                let model = crate::model_state::load(&store).await?;
                self.open = Some(crate::thaw::Open { store, model });
                self.after_unlock(now).await?;
            }
            // The held store was closed; the person unlocks again (nothing was changed).
            Err(e) => return Err(e.into()),
        }
        self.status().await
    }
}
