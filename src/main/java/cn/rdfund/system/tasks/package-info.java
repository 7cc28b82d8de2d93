/** User tasks: server-side validation of every completion ({@code TaskCompletionRule}). */
@NamedInterface("tasks")
package cn.rdfund.system.tasks;

import org.springframework.modulith.NamedInterface;
