//! The `emenda` binary's parts: configuration, logging, wiring the services
//! into an HTTP server that also serves the single-page app, and the demo
//! data. A library so the end-to-end tests start the very same server.

pub mod app;
pub mod config;
pub mod mail;
pub mod markdown;
pub mod public_pages;
pub mod seed;
pub mod telemetry;
pub mod verify_log;
pub mod words;
