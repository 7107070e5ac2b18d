//! Every IPC command, listed once. The list makes Tauri's handler (`handler`, used by
//! `lib.rs`) and the names the UI may invoke (`NAMES`, generated into
//! `ui/src/lib/ipc/commands.ts` as the `Command` type that `api.ts`'s one `call` accepts), so a
//! command added here is routed and known to the UI, and a misspelt or missing one fails
//! `npm run check` or the test below, not a person's tap. Regenerate the TypeScript with
//! `UPDATE_IPC_TYPES=1 cargo test --workspace --features custom-protocol --lib command_list`.

macro_rules! command_list {
    ($($module:ident::$name:ident),* $(,)?) => {
        /// Every command's name, as the UI invokes it (what `commands.ts` is generated from).
        #[cfg(test)]
        const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Routes each command to its function.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(crate::$module::$name),*]
        }
    };
}

command_list![
    commands::status,
    commands::assess_passphrase,
    commands::create_vault,
    commands::unlock,
    commands::unlock_with_recovery,
    commands::lock,
    commands::touch,
    commands::life_areas,
    commands::library,
    commands::values,
    commands::add_value,
    commands::update_value,
    commands::set_value_archived,
    commands::movements,
    commands::add_movement,
    commands::update_rungs,
    commands::set_movement_archived,
    commands::today,
    commands::check_in,
    commands::respond,
    commands::felt,
    commands::bit_more,
    commands::moment,
    commands::notice,
    commands::progress,
    commands::journal,
    commands::add_journal,
    commands::update_journal,
    commands::delete_journal,
    commands::integration_prompts,
    commands::settings,
    commands::save_settings,
    commands::change_passphrase,
    commands::backup,
    commands::choose_backup_file,
    commands::restore,
    commands::written_files,
    commands::print_page,
    commands::show_in_folder,
    commands::erase_everything,
    commands::accept_store_as_found,
    commands::save_draft,
    commands::drafts,
    commands::discard_draft,
    commands::start_anew,
    commands::set_aside_data,
    commands::delete_set_aside,
    commands::put_back_set_aside,
    commands::crisis_locked,
    reach::reach,
    commands::crisis_screen,
    commands::crisis_lines,
    commands::save_crisis_lines,
    commands::questionnaire_definition,
    commands::submit_questionnaire,
    commands::questionnaires,
    commands::flag_questionnaire,
    commands::safety_plan,
    commands::save_safety_plan,
    commands::sessions,
    commands::add_session,
    commands::this_day,
    commands::visit_summary,
    commands::export_summary,
    commands::ui_ready,
];

/// `ui/src/lib/ipc/commands.ts` as it should read.
#[cfg(test)]
fn typescript() -> String {
    let mut out = String::from(
        "// Generated from src-tauri/src/command_list.rs by its test; do not edit.\n\
         // Regenerate: UPDATE_IPC_TYPES=1 cargo test --workspace --features custom-protocol --lib command_list\n\
         export const COMMANDS = [\n",
    );
    for name in NAMES {
        out.push_str(&format!("  '{name}',\n"));
    }
    out.push_str("] as const;\n\n/** A command the core answers. */\nexport type Command = (typeof COMMANDS)[number];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/ipc/commands.ts");

    #[test]
    fn the_ui_knows_every_command_and_each_is_called() {
        let want = typescript();
        if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
            std::fs::write(GENERATED, &want).unwrap();
        }
        let have = std::fs::read_to_string(GENERATED).unwrap_or_default();
        assert_eq!(
            have, want,
            "ui/src/lib/ipc/commands.ts is stale; regenerate it (see command_list.rs)"
        );
        let mut seen = std::collections::BTreeSet::new();
        for name in NAMES {
            assert!(seen.insert(name), "{name} is listed twice");
        }
        // Every command has its typed function in api.ts (nothing routed that the UI cannot
        // reach by its one door).
        let api = include_str!("../../ui/src/lib/ipc/api.ts");
        for name in NAMES {
            assert!(
                api.contains(&format!("('{name}'")),
                "api.ts has no call to {name}"
            );
        }
    }
}
