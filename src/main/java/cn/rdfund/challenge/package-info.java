/**
 * 揭榜挂帅 (P1.1c): challenges posted by an enterprise (发榜方), solved by competing teams (揭榜方), and the
 * city's support to the 发榜方 in proportion to what it actually paid the solver.
 */
package cn.rdfund.challenge;
