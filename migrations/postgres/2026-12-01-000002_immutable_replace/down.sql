DROP TRIGGER proposal_answers_no_replace ON proposal_answers;
DROP FUNCTION refuse_replacing_answers();
DROP TRIGGER audit_log_no_replace ON audit_log;
DROP FUNCTION refuse_replacing_audit_entries();
DROP TRIGGER proposal_versions_no_replace ON proposal_versions;
DROP FUNCTION refuse_replacing_versions();
