/** Moving running process instances to a newer model version (Camunda's migration API), per process's rules. */
@NamedInterface("migration")
package cn.rdfund.system.migration;

import org.springframework.modulith.NamedInterface;
