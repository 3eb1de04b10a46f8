ALTER TABLE mail_outbox DROP COLUMN unsubscribe_url;
DROP TABLE notification_digests;
DROP TABLE notification_settings;
DROP TABLE notifications;
DROP TABLE notification_events;
