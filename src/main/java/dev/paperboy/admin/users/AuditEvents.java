package dev.paperboy.admin.users;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The audit log. Read newest first through {@code audit_event_at_idx}, or one actor's
 * through {@code audit_event_actor_at_idx}, a slice at a time (no count over the log).
 */
interface AuditEvents extends ListCrudRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

}
