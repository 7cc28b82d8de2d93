/**
 * 项目实施: the process module of bpmn/project/ProjectExecution.bpmn, a funded project from the task agreement to
 * acceptance or termination. Its steps use project (the funded case) and disbursement (payments, recovery) through
 * their services.
 */
package cn.rdfund.execution;
