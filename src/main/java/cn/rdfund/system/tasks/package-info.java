/** User tasks: server-side validation of every completion ({@code TaskCompletionRule}). */
package cn.rdfund.system.tasks;
