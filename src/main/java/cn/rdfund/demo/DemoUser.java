package cn.rdfund.demo;

/** A demo login; its password is its id (documented in the README). */
record DemoUser(String id, String lastName, String firstName, String groupId, String role) {
}
