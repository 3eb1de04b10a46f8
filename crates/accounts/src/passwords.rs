//! Password hashing with Argon2id (the algorithm's recommended defaults),
//! on a few threads of its own, each with its memory allocated once.
//!
//! Each hash needs 19 MiB of memory. Allocated anew for every hash, as the
//! `argon2` crate does by default, the freed blocks were not reused by the
//! next hash (an aligned allocation of the same size does not fit back in
//! the hole the last one left), so every sign-in added 19 MiB to the
//! server's resident memory: 64 sign-ins took it from 60 to 313 MB. Here
//! each hashing thread keeps one buffer for its whole life, and there is
//! one thread per core: memory stays at threads × 19 MiB, and parallel
//! hashing cannot exceed what the cores can compute anyway (requests beyond
//! that wait in line instead of crowding the CPU the database work needs).
//! The PHC strings read and written are the `argon2` crate's own.

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

thread_local! {
    /// The memory this hashing thread computes in, grown once to the
    /// largest size asked for and then reused.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Computes `argon`'s output for `password` and `salt` into `out`, in this
/// thread's reused memory.
fn compute(argon: &Argon2<'_>, params: &Params, password: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    MEMORY.with(|memory| {
        let mut memory = memory.borrow_mut();
        let blocks = params.block_count();
        if memory.len() < blocks {
            memory.resize(blocks, Block::default());
        }
        argon.hash_password_into_with_memory(password, salt, out, &mut memory[..blocks])
    })
}

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads' queue. The threads live as long as the process.
fn hashing_queue() -> &'static mpsc::Sender<Job> {
    static QUEUE: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        for n in 0..threads {
            let receiver = Arc::clone(&receiver);
            let spawned = std::thread::Builder::new().name(format!("password-hashing-{n}")).spawn(move || loop {
                let next = receiver.lock().map(|queue| queue.recv());
                let Ok(Ok(job)) = next else { return };
                // A job that panics loses its answer (its caller sees an
                // error), not the thread.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            });
            if let Err(error) = spawned {
                tracing::error!(%error, "could not start a password-hashing thread");
            }
        }
        sender
    })
}

/// Runs `work` on a hashing thread and waits for its answer; `None` if no
/// thread could run it.
fn on_hashing_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (answer, answered) = mpsc::sync_channel(1);
    let job: Job = Box::new(move || {
        let _ = answer.send(work());
    });
    hashing_queue().send(job).ok()?;
    answered.recv().ok()
}

/// Hashes a password into a PHC string that records its own parameters, so
/// they can be raised later without breaking old hashes.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt_bytes = [0u8; 16];
    getrandom::getrandom(&mut salt_bytes).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt_bytes)?;
    let password = password.to_owned();
    on_hashing_thread(move || {
        let params = Params::default();
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
        let output = Output::init_with(params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN), |out| {
            Ok(compute(&argon, &params, password.as_bytes(), &salt_bytes, out)?)
        })?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(&params)?,
            salt: Some(salt.as_salt()),
            hash: Some(output),
        };
        Ok(phc.to_string())
    })
    .unwrap_or(Err(argon2::password_hash::Error::Crypto))
}

/// Checks a password against a stored PHC string. A malformed hash never
/// matches.
pub fn verify_password(password: &str, phc: &str) -> bool {
    let (password, phc) = (password.to_owned(), phc.to_owned());
    on_hashing_thread(move || {
        let Ok(parsed) = PasswordHash::new(&phc) else { return false };
        let (Ok(algorithm), Ok(params)) = (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed)) else {
            return false;
        };
        let Ok(version) = parsed.version.map_or(Ok(Version::V0x13), Version::try_from) else { return false };
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
        let mut salt_buffer = [0u8; 64];
        let Ok(salt) = salt.decode_b64(&mut salt_buffer) else { return false };
        let argon = Argon2::new(algorithm, version, params.clone());
        let mut computed = vec![0u8; expected.len()];
        // `Output` compares in constant time.
        compute(&argon, &params, password.as_bytes(), salt, &mut computed).is_ok()
            && Output::new(&computed).is_ok_and(|computed| computed == expected)
    })
    .unwrap_or(false)
}

/// A valid hash of a password nobody knows, checked when the e-mail is
/// unknown so that a failed sign-in takes the same time either way.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password never used").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_agree_with_the_argon2_crates_own() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let ours = hash_password("una password lunga").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default().verify_password(b"una password lunga", &parsed).is_ok());
        let salt = SaltString::encode_b64(b"sale di sedici b").unwrap();
        let theirs = Argon2::default().hash_password(b"una password lunga", &salt).unwrap().to_string();
        assert!(verify_password("una password lunga", &theirs));
        assert!(!verify_password("una password lunghe", &theirs));
    }

    #[test]
    fn repeated_hashing_does_not_grow_memory() {
        fn resident_kib() -> u64 {
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or("VmRSS: 0 kB");
            line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
        }
        let hash = hash_password("una password lunga").unwrap();
        // Warm every hashing thread's buffer.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let warm: Vec<_> = (0..threads * 2)
            .map(|_| {
                let hash = hash.clone();
                std::thread::spawn(move || verify_password("una password lunga", &hash))
            })
            .collect();
        warm.into_iter().for_each(|t| assert!(t.join().unwrap()));
        let before = resident_kib();
        for _ in 0..8 {
            assert!(verify_password("una password lunga", &hash));
        }
        let grown = resident_kib().saturating_sub(before);
        // Allocating per hash grew by 19 MiB each time (152 MiB here).
        assert!(grown < 10 * 1024, "resident memory grew by {grown} KiB over 8 verifications");
    }

    #[test]
    fn hashing_runs_on_its_own_threads_whoever_asks() {
        let names: Vec<String> = (0..8)
            .map(|_| std::thread::spawn(|| on_hashing_thread(|| std::thread::current().name().map(str::to_owned))))
            .map(|caller| caller.join().unwrap().unwrap().unwrap())
            .collect();
        assert!(names.iter().all(|name| name.starts_with("password-hashing-")), "{names:?}");
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let distinct: std::collections::BTreeSet<_> = names.iter().collect();
        assert!(distinct.len() <= threads, "{distinct:?}");
    }

    #[test]
    fn parallel_hashes_all_verify() {
        let checks: Vec<_> = (0..6)
            .map(|n| {
                std::thread::spawn(move || {
                    let password = format!("parola d'ordine numero {n}");
                    let hash = hash_password(&password).unwrap();
                    verify_password(&password, &hash) && !verify_password("un'altra parola", &hash)
                })
            })
            .collect();
        assert!(checks.into_iter().all(|c| c.join().unwrap()));
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verifiable() {
        let a = hash_password("una password lunga").unwrap();
        let b = hash_password("una password lunga").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("una password lunga", &a));
        assert!(!verify_password("una password lunghe", &a));
        assert!(!verify_password("x", "not a hash"));
    }
}
