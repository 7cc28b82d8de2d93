package cn.rdfund.system.security;

/**
 * Declares that a group may start one process (and see its definition). Features publish these as
 * beans next to their process, so the security module needs to know no process by name.
 */
public record ProcessStarters(String groupId, String processKey) {
}
