/** Who may do what: login for the APIs, RDFund's Camunda groups, their authorizations and task filters. */
package cn.rdfund.system.security;
