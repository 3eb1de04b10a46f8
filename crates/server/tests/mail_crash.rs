//! The mail sender killed in the middle of a batch (SIGKILL: no shutdown)
//! and started again: every letter still arrives, and the only one that
//! may arrive twice is the one in hand at the kill, under the same
//! Message-ID (so a mail client shows it once). On both backends, through
//! the real binary and a real SMTP server.

#![allow(clippy::unwrap_used)] // Tests fail loudly on anything unexpected.

use emenda_test_support::binary::{call, temp_dir, BinaryDatabase, Engine, ServerProcess};
use emenda_test_support::engine_tests;
use emenda_test_support::smtp::SmtpServer;
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

const LETTERS: usize = 12;

fn a_killed_sender_loses_nothing_and_repeats_at_most_its_letter_in_hand(engine: Engine) {
    // Each letter is held 300 ms before the SMTP server accepts it, so the
    // kill lands while letters are still waiting.
    let smtp = SmtpServer::start_with_delay(Duration::from_millis(300));
    let data = temp_dir("mail_crash");
    let database = BinaryDatabase::new(engine);
    let url = database.url(&data);
    let settings = [
        ("EMENDA_SMTP_URL", smtp.url()),
        ("EMENDA_MAIL_FROM", "Comune di Prova <partecipazione@comune.prova.it>".to_owned()),
        // A letter taken by the killed sender is taken again after 3 s.
        ("EMENDA_MAIL_LEASE", "3".to_owned()),
    ];
    let server = ServerProcess::start(env!("CARGO_BIN_EXE_emenda"), &data, &url, &settings);
    for n in 0..LETTERS {
        let nickname = format!("persona{n}");
        call(
            "POST",
            &format!("{}/api/v1/auth/register", server.base),
            None,
            Some(json!({ "email": format!("{nickname}@example.it"), "password": "una-password-lunga",
                         "nickname": nickname, "display_name": nickname, "privacy_version": 1 })),
        );
    }
    smtp.wait_for(3, Duration::from_secs(30));
    server.kill();
    let before_restart = smtp.messages().len();
    assert!(before_restart < LETTERS, "the kill came after every letter ({before_restart}): nothing was tested");

    let server = ServerProcess::start(env!("CARGO_BIN_EXE_emenda"), &data, &url, &settings);
    let deadline = Instant::now() + Duration::from_secs(60);
    let received = loop {
        let received = smtp.messages();
        let distinct: std::collections::HashSet<_> = received.iter().map(|m| m.message_id.clone()).collect();
        if distinct.len() >= LETTERS {
            break received;
        }
        assert!(Instant::now() < deadline, "{} of {LETTERS} letters arrived after the restart", distinct.len());
        std::thread::sleep(Duration::from_millis(100));
    };
    // Nothing more comes once the outbox is empty.
    std::thread::sleep(Duration::from_secs(4));
    let received = if smtp.messages().len() > received.len() { smtp.messages() } else { received };

    let mut per_id: HashMap<String, Vec<String>> = HashMap::new();
    for message in &received {
        per_id.entry(message.message_id.clone()).or_default().push(message.recipients.join(","));
    }
    assert_eq!(per_id.len(), LETTERS, "one Message-ID per letter");
    for n in 0..LETTERS {
        let address = format!("persona{n}@example.it");
        assert!(per_id.values().any(|to| to.contains(&address)), "{address} got its letter");
    }
    let repeated: Vec<_> = per_id.iter().filter(|(_, to)| to.len() > 1).collect();
    assert!(
        repeated.len() <= 1 && repeated.iter().all(|(_, to)| to.len() == 2),
        "only the letter in hand may come twice: {repeated:?}"
    );
    for (_, to) in &repeated {
        assert_eq!(to[0], to[1], "a repeat is the same letter to the same person");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
}

engine_tests!(a_killed_sender_loses_nothing_and_repeats_at_most_its_letter_in_hand);
