/** Cross-cutting configuration: clock, API error responses, the current user. Security is in {@code system.security}. */
package cn.rdfund.system;
