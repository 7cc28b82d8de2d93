/** Who may do what: login for the APIs, RDFund's Camunda groups, their authorizations and task filters. */
@NamedInterface("security")
package cn.rdfund.system.security;

import org.springframework.modulith.NamedInterface;
