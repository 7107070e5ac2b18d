//! Test helper (not shipped): unwraps `vault.json` in a data directory with the passphrase and
//! prints the data key as hex on stdout, so the memory-scan test knows which bytes must be gone
//! from the app's process after a lock. Reads nothing but the vault; opens no database.
//!
//! `thaw-store-vault-key <data dir> <passphrase>`

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, passphrase] = args.as_slice() else {
        std::process::exit(2);
    };
    match thaw_store::testing::data_key_hex(dir.as_ref(), passphrase).await {
        Ok(hex) => println!("{}", hex.as_str()),
        Err(e) => {
            eprintln!("error {}", e.kind());
            std::process::exit(1);
        }
    }
}
