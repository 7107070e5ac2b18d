//! Delivers real prompts over a real D-Bus session bus and checks what was sent.
//!
//! The test starts a private `dbus-daemon`, runs a small org.freedesktop.Notifications server on
//! it that records every Notify call, points `DBUS_SESSION_BUS_ADDRESS` at it (notify-rust reads
//! it), and delivers prompts the way the shell will: decide with the schedule, pick the words
//! with `text_for`, hand them to `deliver`. The server then answers as a person would: a tap on
//! "I have a moment", a "Not now", a dismissal.
//!
//! It is the only test in this binary because the bus address is process-wide. Without
//! `dbus-daemon` (Debian package `dbus`, installed by scripts/setup.sh) it fails, never skips.
#![cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "android", target_os = "ios"))
))]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use thaw_prompts::deliver::{self, APP_NAME};
use thaw_prompts::text::{ACTION_NOT_NOW, ACTION_OPEN, ACTION_OPEN_LABEL, BODIES};
use thaw_prompts::{
    next_prompt, text_for, NextPrompt, PromptOutcome, PromptRecord, PromptResponse, PromptSettings,
    Readiness, ScheduleInput,
};
use zbus::object_server::SignalEmitter;
use zbus::OwnedVariant;

const PATH: &str = "/org/freedesktop/Notifications";

/// One recorded Notify call, every argument kept.
#[derive(Debug, Clone)]
struct NotifyCall {
    app_name: String,
    replaces_id: u32,
    app_icon: String,
    summary: String,
    body: String,
    actions: Vec<String>,
    hints: HashMap<String, OwnedVariant>,
    expire_timeout: i32,
    id: u32,
}

impl NotifyCall {
    /// Everything that was sent, as one string to search.
    fn everything(&self) -> String {
        format!("{self:?}")
    }
}

struct Server {
    calls: Arc<Mutex<Vec<NotifyCall>>>,
    next_id: AtomicU32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedVariant>,
        expire_timeout: i32,
    ) -> u32 {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        self.calls.lock().unwrap().push(NotifyCall {
            app_name,
            replaces_id,
            app_icon,
            summary,
            body,
            actions,
            hints,
            expire_timeout,
            id,
        });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "thaw-test-server".into(),
            "Thaw".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    async fn close_notification(
        &self,
        id: u32,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) -> zbus::fdo::Result<()> {
        Self::notification_closed(&emitter, id, 3).await?;
        Ok(())
    }

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The private bus; killed when dropped.
struct Bus {
    daemon: Child,
    address: String,
}

impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn start_bus() -> Bus {
    let mut daemon = match Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!(
            "This test needs `dbus-daemon` to start a private session bus, and it could not be \
             started ({e}). Install the Debian package `dbus` (scripts/setup.sh does)."
        ),
    };
    let stdout = daemon.stdout.take().expect("dbus-daemon stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("reading the bus address from dbus-daemon");
    let address = line.trim().to_string();
    assert!(
        address.starts_with("unix:"),
        "dbus-daemon printed no address: {line:?}"
    );
    Bus { daemon, address }
}

/// Runs the notification server on its own thread; returns its connection and the record.
fn start_server(address: &str) -> (zbus::Connection, Arc<Mutex<Vec<NotifyCall>>>) {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let server = Server {
        calls: calls.clone(),
        next_id: AtomicU32::new(41),
    };
    let (tx, rx) = mpsc::channel();
    let address = address.to_string();
    thread::spawn(move || {
        zbus::block_on(async move {
            let conn = zbus::connection::Builder::address(address.as_str())
                .name("org.freedesktop.Notifications")
                .serve_at(PATH, server)
                .build()
                .await;
            let ok = conn.is_ok();
            let _ = tx.send(conn);
            if ok {
                // Keep this thread inside the runtime so the server keeps answering.
                std::future::pending::<()>().await;
            }
        })
    });
    let conn = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the notification server did not start")
        .expect("the notification server could not join the bus");
    (conn, calls)
}

/// Waits until the server has recorded `n` calls.
fn wait_for_calls(calls: &Mutex<Vec<NotifyCall>>, n: usize) -> NotifyCall {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(c) = calls.lock().unwrap().get(n - 1) {
            return c.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no Notify call number {n} arrived"
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// Delivers `text` on a thread of its own (as the shell will), lets `answer` play the person
/// until the delivery returns, and gives back the Notify call and what delivery reported.
fn deliver_and_answer(
    conn: &zbus::Connection,
    calls: &Mutex<Vec<NotifyCall>>,
    text: thaw_prompts::PromptText,
    answer: impl Fn(&SignalEmitter<'_>, u32) -> zbus::Result<()>,
) -> (NotifyCall, PromptResponse) {
    let n = calls.lock().unwrap().len() + 1;
    let delivery = thread::spawn(move || deliver::deliver(&text));
    let call = wait_for_calls(calls, n);
    let emitter = SignalEmitter::new(conn, PATH).unwrap();
    // notify-rust starts listening for the answer just after Notify returns, so an answer sent
    // before that is not heard: a patient person answers again until it is.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !delivery.is_finished() {
        answer(&emitter, call.id).expect("emitting the answer");
        assert!(
            Instant::now() < deadline,
            "delivery never reported the answer"
        );
        thread::sleep(Duration::from_millis(50));
    }
    let response = delivery
        .join()
        .expect("the delivery thread panicked")
        .expect("the prompt could not be delivered");
    (call, response)
}

/// What a person has in Thaw that must never reach a lock screen.
struct PersonalThings {
    markers: [&'static str; 5],
}

const PERSON: PersonalThings = PersonalThings {
    markers: [
        "MARKER-VALUE-being-there-for-my-sister",
        "MARKER-STEP-text-Maya-one-line",
        "MARKER-MOOD-heavy",
        "MARKER-NAME-Jordan",
        "MARKER-JOURNAL-the-session-helped",
    ],
};

#[test]
fn prompts_travel_over_a_real_session_bus_and_carry_nothing_personal() {
    let bus = start_bus();
    // Safe in edition 2021; this binary has this one test, so nothing else reads it concurrently.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus.address);
    let (conn, calls) = start_server(&bus.address);

    // The server is found through notify-rust, over the private bus.
    let caps = notify_rust::get_capabilities().expect("GetCapabilities over the private bus");
    assert!(caps.iter().any(|c| c == "actions"), "{caps:?}");
    let info = notify_rust::get_server_information().expect("GetServerInformation");
    assert_eq!(info.name, "thaw-test-server");

    // Decide as the shell will, with the person's things at hand. The schedule's inputs have
    // no place for them (hours, counts and outcomes only), and the words come from the fixed
    // set: the Notify calls below show that none of it leaks.
    let here = FixedOffset::east_opt(2 * 3600).unwrap();
    let now = here.with_ymd_and_hms(2026, 5, 4, 16, 20, 0).unwrap();
    let settings = PromptSettings::default();
    let readiness = Readiness::from_hour_scores([(16, 3.0), (19, 2.0)]);
    let log = [PromptRecord {
        sent_at: here.with_ymd_and_hms(2026, 5, 4, 9, 0, 0).unwrap(),
        outcome: PromptOutcome::Done,
    }];
    let decision = next_prompt(
        now,
        &ScheduleInput {
            settings: &settings,
            readiness: &readiness,
            log: &log,
            budget_spent: false,
            last_active: None,
        },
    );
    assert_eq!(decision, NextPrompt::At(now), "a prompt is due now");
    let sent_today = log.len();
    let text = text_for(now.date_naive(), sent_today);

    // 1. The person taps "I have a moment".
    let (call, response) = deliver_and_answer(&conn, &calls, text, |e, id| {
        zbus::block_on(Server::action_invoked(e, id, ACTION_OPEN))
    });
    assert_eq!(response, PromptResponse::Activated);
    assert!(response.activated());
    assert_eq!(response.outcome(), PromptOutcome::Opened);

    assert_eq!(call.app_name, APP_NAME);
    assert_eq!(call.app_name, "Thaw");
    assert_eq!(call.summary, "Thaw");
    assert_eq!(call.body, text.body());
    assert!(BODIES.contains(&call.body.as_str()), "{:?}", call.body);
    assert_eq!(call.app_icon, "", "no icon path (it could name a folder)");
    assert_eq!(call.replaces_id, 0);
    let open_at = call
        .actions
        .iter()
        .position(|a| a == ACTION_OPEN)
        .expect("the open action is offered");
    assert_eq!(call.actions[open_at + 1], ACTION_OPEN_LABEL);
    assert_eq!(call.actions[open_at + 1], "I have a moment");
    assert!(call.actions.iter().any(|a| a == ACTION_NOT_NOW));
    let urgency = call.hints.get("urgency").expect("an urgency hint");
    assert_eq!(u8::try_from(urgency).expect("urgency is a byte"), 0, "low");
    assert!(call.expire_timeout <= 0 || call.expire_timeout > 1000);
    let everything = call.everything();
    for marker in PERSON.markers {
        assert!(
            !everything.contains(marker),
            "personal text {marker:?} reached the notification: {everything}"
        );
    }
    assert!(
        !everything.to_uppercase().contains("MARKER"),
        "{everything}"
    );

    // 2. The next prompt (another day) gets "Not now".
    let text = text_for(now.date_naive().succ_opt().unwrap(), 0);
    let (call, response) = deliver_and_answer(&conn, &calls, text, |e, id| {
        zbus::block_on(Server::action_invoked(e, id, ACTION_NOT_NOW))
    });
    assert_eq!(response, PromptResponse::NotNow);
    assert!(!response.activated());
    assert_eq!(response.outcome(), PromptOutcome::NotNow);
    assert!(!call.everything().contains("MARKER"));

    // 3. One is dismissed without an answer: not activated, logged as ignored.
    let (_, response) = deliver_and_answer(&conn, &calls, text, |e, id| {
        zbus::block_on(Server::notification_closed(e, id, 2))
    });
    assert_eq!(response, PromptResponse::Dismissed);
    assert!(!response.activated());
    assert_eq!(response.outcome(), PromptOutcome::Ignored);

    // A tap meant for another notification is not taken as an answer to this one.
    let (call, response) = deliver_and_answer(&conn, &calls, text, |e, id| {
        zbus::block_on(Server::action_invoked(e, id + 1000, ACTION_OPEN))?;
        zbus::block_on(Server::notification_closed(e, id, 1))
    });
    assert_eq!(response, PromptResponse::Expired);
    assert_eq!(calls.lock().unwrap().len(), 4);
    assert!(!call.everything().contains("MARKER"));
}
