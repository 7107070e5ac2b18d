//! Test helper (not shipped): tries to unlock a store and prints the outcome on stdout as
//! `ok` or `error <kind>`, so a test can check that nothing at all was written to stderr
//! (SQLCipher's own logging must stay quiet, e.g. on a wrong key).
//!
//! `thaw-store-open-probe <data dir> <passphrase>`

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, passphrase] = args.as_slice() else {
        std::process::exit(2);
    };
    match thaw_store::Store::unlock_with_passphrase(dir.as_ref(), passphrase).await {
        Ok(store) => {
            store.lock().await;
            println!("ok");
        }
        Err(e) => println!("error {}", e.kind()),
    }
}
