package cn.rdfund.demo;

/**
 * A demo login; its password is its id (documented in the README). Camunda shows "first name last
 * name", so the full Chinese name goes into the first name and the role into the last name.
 */
record DemoUser(String id, String name, String groupId, String role) {
}
