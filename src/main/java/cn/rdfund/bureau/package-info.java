/**
 * The municipal bureaus (市科技局, 市发改委, …) that lead or co-operate in the policy's measures, each with the Camunda
 * group of its program managers. A bottom module: the policy names a measure's lead unit, and the engine's edge
 * (system.security) gives each unit's group its rights, without either depending on the other.
 */
package cn.rdfund.bureau;
